/// Spellings that were renamed, so the old one gets a one-line answer naming the new one instead
/// of "no such flag": one spelling per meaning.
enum RenamedSpellings {
    /// Command -> old flag -> new flag.
    static let flags: [String: [String: String]] = [
        // `history` is the typed commands; an account's stored observations are --observations.
        "health": ["--history": "--observations"]
    ]
    /// `brief --format`'s old value -> what to type instead; its descriptor declares it
    /// (`renamedValues:`), and the flag grammar answers it.
    static let formatJSON = ["json": "--json"]
    /// Start-up flag -> its new name. The old one still works for one release, with a note.
    static let launchFlags: [String: String] = [
        // `history` is the typed commands; the account-history store is --observations.
        "--history": "--observations", "--no-history": "--no-observations",
    ]

    /// The refusal for an old flag, or nil when `flag` was never renamed.
    static func flag(_ flag: String, of command: String) -> String? {
        flags[command]?[flag].map { "\(command) \(flag) was renamed to \($0); run '\(command) … \($0)'" }
    }

    /// The note for an old start-up flag that still works, or nil when `flag` was never renamed.
    static func launchFlag(_ flag: String) -> String? {
        launchFlags[flag].map {
            "note: \(flag) is now \($0) (account history; 'history' is the commands you typed); \(flag) works until the next release"
        }
    }

    /// The refusal for an old flag value, spelled `now` today.
    static func value(_ value: String, of flag: String, in command: String?, now: String) -> String {
        (command.map { $0 + " " } ?? "") + "\(flag) \(value) is spelled \(now) (one spelling for JSON output)"
    }
}
