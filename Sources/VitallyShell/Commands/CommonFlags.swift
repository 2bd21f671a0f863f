import VitallyKit

/// Flags several commands take, declared once: `flags: [Common.limit, Common.all]`, read as
/// `command.options[Common.limit]`.
enum Common {
    static let json = Flag("--json", help: "print JSON instead of text")
    static let limit = Option<Int>("--limit", help: "show at most N rows")
    static let all = Flag("--all", help: "show every row (no --limit)")
    static let source = Option<String>("--source", value: "NAME", help: "only items from this integration (hubspot, gong, salesforce, …)")
    static let archived = Flag("--archived", help: "archived items instead of live ones")
    static let organization = Flag("--org", help: "the responses of the account's organization (NPS target organizations)")
    /// What `notes` and `tasks` take: how many, from which integration, archived or live.
    static let itemFilters: [any FlagDeclaration] = [limit, all, source, archived]
    /// Raises the attendee cap of `brief`, `match` and `doctor` (checked by `InputLimits`).
    static let maxAttendees = Option<Int>(
        "--max-attendees", limits: 1...InputLimits.attendeesCeiling,
        help: "allow more than \(InputLimits.attendees) attendees (each costs requests)")
}

extension InputLimits {
    /// The limits with `--max-attendees N` applied, when given (the parser checked N).
    init(_ options: ParsedOptions) {
        self = options[Common.maxAttendees].map { InputLimits(maxAttendees: $0) } ?? InputLimits()
    }
}
