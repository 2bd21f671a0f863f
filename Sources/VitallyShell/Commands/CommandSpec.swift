/// What kind of value a command's arguments are, for completion and checks.
package enum ArgumentKind: Sendable, Equatable {
    case none, account, emails, harFile, command, path, subdomain, text
}

/// A `--flag`, with the values completion can offer and the parser accepts.
package struct FlagSpec: Sendable, Equatable {
    package var name: String
    var takesValue: Bool
    /// When not empty, the only values accepted (and offered on TAB).
    package var values: [String]
    /// The value must be a whole number above zero.
    var positiveNumber: Bool
    package var help: String
    /// May be given more than once (`--ics a.ics --ics b.ics`); read with `ParsedCommand.values`.
    var repeatable = false

    init(_ name: String, value: Bool = false, values: [String] = [], positiveNumber: Bool = false, _ help: String) {
        self.name = name
        self.takesValue = value || !values.isEmpty || positiveNumber
        self.values = values
        self.positiveNumber = positiveNumber
        self.help = help
    }

    static let json = FlagSpec("--json", "print JSON instead of text")
    static let limit = FlagSpec("--limit", positiveNumber: true, "show at most N rows")
    static let all = FlagSpec("--all", "show every row (no --limit)")
    static let source = FlagSpec("--source", value: true, "only items from this integration (hubspot, gong, salesforce, …)")
    static let archived = FlagSpec("--archived", "archived items instead of live ones")
    static let organization = FlagSpec("--org", "the responses of the account's organization (NPS target organizations)")
}

/// A subcommand word (`accounts search`, `record stop`) and how many arguments follow it.
struct SubcommandSpec: Sendable, Equatable {
    package var name: String
    /// How many arguments the subcommand takes, when that differs from the command's.
    package var arguments: ClosedRange<Int>?

    init(_ name: String, arguments: ClosedRange<Int>? = nil) {
        self.name = name
        self.arguments = arguments
    }
}

/// A command's contract (DESIGN.md): what the parser checks, TAB offers and `help` prints.
package struct CommandSpec: Sendable {
    /// The headings `help` lists commands under, in order.
    package enum Group: String, Sendable, CaseIterable {
        case connection = "Connection"
        case explore = "Explore an account"
        case diagnose = "Meetings and diagnosis"
        case recordings = "Record and replay"
        case shell = "Shell"

        var order: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }
    }

    package var name: String
    package var group: Group
    /// Place within the group in `help` (lower first); ties go by name.
    package var rank: Int
    package var summary: String
    package var usage: String
    var subcommands: [SubcommandSpec]
    /// The subcommand when none is given. A command with one takes only subcommands as its
    /// first word: `accounts` means `accounts list`, `accounts serach` is an error.
    var defaultSubcommand: String?
    package var flags: [FlagSpec]
    package var argument: ArgumentKind
    package var arguments: ClosedRange<Int>
    package var example: String
    var aliases: [String]

    init(
        _ name: String, group: Group, rank: Int = 100, summary: String, usage: String,
        subcommands: [SubcommandSpec] = [], defaultSubcommand: String? = nil, flags: [FlagSpec] = [.json],
        argument: ArgumentKind = .none, arguments: ClosedRange<Int> = 0...0, example: String, aliases: [String] = []
    ) {
        self.name = name
        self.group = group
        self.rank = rank
        self.summary = summary
        self.usage = usage
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.flags = flags
        self.argument = argument
        self.arguments = arguments
        self.example = example
        self.aliases = aliases
    }

    var subcommandNames: [String] { subcommands.map(\.name) }

    /// How many arguments may follow the subcommand (or the command when there is none).
    func argumentRange(after subcommand: String?) -> ClosedRange<Int> {
        subcommands.first { $0.name == subcommand }?.arguments ?? arguments
    }
}
