/// What kind of value a command's arguments are, for completion.
public enum ArgumentKind: Sendable, Equatable {
    case none, account, emails, harFile, command, path, subdomain, text
}

/// A `--flag`, with the values completion can offer.
public struct FlagSpec: Sendable, Equatable {
    public var name: String
    public var takesValue: Bool
    public var values: [String]
    public var help: String

    init(_ name: String, value: Bool = false, values: [String] = [], _ help: String) {
        self.name = name
        self.takesValue = value
        self.values = values
        self.help = help
    }
}

/// One command of the contract in DESIGN.md.
public struct CommandSpec: Sendable {
    /// The headings `help` lists commands under.
    public enum Group: String, Sendable, CaseIterable {
        case connection = "Connection"
        case explore = "Explore an account"
        case diagnose = "Meetings and diagnosis"
        case recordings = "Record and replay"
        case shell = "Shell"
    }

    public var name: String
    public var group: Group
    public var summary: String
    public var usage: String
    public var subcommands: [String] = []
    public var flags: [FlagSpec] = []
    public var argument: ArgumentKind = .none
    public var minArguments = 0
    public var maxArguments = 0
    public var example: String
    public var aliases: [String] = []

    static let json = FlagSpec("--json", "print JSON instead of text")
    static let limit = FlagSpec("--limit", value: true, "show at most N rows")
}

/// Every command, in the order `help` lists them.
public enum CommandCatalog {
    public static let all: [CommandSpec] = [
        CommandSpec(
            name: "connect", group: .connection, summary: "connect to a tenant and test the connection",
            usage: "connect [SUBDOMAIN] [--token T] [--region us|eu] [--base-url URL]",
            flags: [
                FlagSpec("--token", value: true, "the secret token (asked for without echo when missing)"),
                FlagSpec("--region", value: true, values: ["us", "eu"], "data center: us (default) or eu"),
                FlagSpec("--base-url", value: true, "send requests to a proxy or the simulator instead"),
                CommandSpec.json,
            ], argument: .subdomain, maxArguments: 1, example: "connect acme --region us"),
        CommandSpec(
            name: "disconnect", group: .connection, summary: "forget the saved credentials", usage: "disconnect",
            flags: [CommandSpec.json], example: "disconnect"),
        CommandSpec(
            name: "status", group: .connection, summary: "mode, tenant, host, recording, requests, rate-limit headroom",
            usage: "status", flags: [CommandSpec.json], example: "status"),
        CommandSpec(
            name: "accounts", group: .explore, summary: "search, list or show accounts",
            usage: "accounts search TEXT | accounts list [--status active|churned|activeOrChurned] | accounts show ACCOUNT",
            subcommands: ["search", "list", "show"],
            flags: [
                FlagSpec("--status", value: true, values: ["active", "churned", "activeOrChurned"], "which accounts to list"),
                CommandSpec.limit, CommandSpec.json,
            ], argument: .account, maxArguments: 1, example: "accounts search acme"),
        CommandSpec(
            name: "health", group: .explore, summary: "health score, breakdown, renewal, MRR, NPS, last seen",
            usage: "health ACCOUNT", flags: [CommandSpec.json], argument: .account, minArguments: 1, maxArguments: 1,
            example: "health acme.com"),
        CommandSpec(
            name: "notes", group: .explore, summary: "the account's notes, newest first", usage: "notes ACCOUNT [--limit N]",
            flags: [CommandSpec.limit, CommandSpec.json], argument: .account, minArguments: 1, maxArguments: 1,
            example: "notes acme.com"),
        CommandSpec(
            name: "tasks", group: .explore, summary: "open tasks first with due dates, overdue flagged",
            usage: "tasks ACCOUNT", flags: [CommandSpec.limit, CommandSpec.json], argument: .account, minArguments: 1,
            maxArguments: 1, example: "tasks acme.com"),
        CommandSpec(
            name: "users", group: .explore, summary: "the account's users with last seen and NPS", usage: "users ACCOUNT",
            flags: [CommandSpec.limit, CommandSpec.json], argument: .account, minArguments: 1, maxArguments: 1,
            example: "users \"Acme Corp\""),
        CommandSpec(
            name: "nps", group: .explore, summary: "the account's NPS responses", usage: "nps ACCOUNT",
            flags: [CommandSpec.limit, CommandSpec.json], argument: .account, minArguments: 1, maxArguments: 1,
            example: "nps acme.com"),
        CommandSpec(
            name: "conversations", group: .explore, summary: "the account's conversations, open ones first",
            usage: "conversations ACCOUNT", flags: [CommandSpec.limit, CommandSpec.json], argument: .account,
            minArguments: 1, maxArguments: 1, example: "conversations soylent.com"),
        CommandSpec(
            name: "timeline", group: .explore, summary: "notes, tasks, NPS, conversations and meetings by date",
            usage: "timeline ACCOUNT", flags: [CommandSpec.limit, CommandSpec.json], argument: .account,
            minArguments: 1, maxArguments: 1, example: "timeline acme.com"),
        CommandSpec(
            name: "raw", group: .explore, summary: "any read endpoint, as pretty JSON", usage: "raw GET PATH",
            flags: [CommandSpec.json], argument: .path, minArguments: 2, maxArguments: 2,
            example: "raw GET /resources/accounts?limit=1"),
        CommandSpec(
            name: "match", group: .diagnose, summary: "which account each attendee maps to, by which rule, or why none",
            usage: "match EMAIL... [--title TEXT]",
            flags: [FlagSpec("--title", value: true, "the meeting title, for company-name matching"), CommandSpec.json],
            argument: .emails, minArguments: 1, maxArguments: 50, example: "match pat.lee@acme.com jane.doe@gmail.com"),
        CommandSpec(
            name: "brief", group: .diagnose, summary: "the meeting brief for the attendees' accounts",
            usage: "brief EMAIL... [--title TEXT] [--ics FILE] [--format text|markdown|json]",
            flags: [
                FlagSpec("--title", value: true, "the meeting title"),
                FlagSpec("--ics", value: true, "read attendees and title from a calendar invite"),
                FlagSpec("--format", value: true, values: ["text", "markdown", "json"], "output format"),
                CommandSpec.json,
            ], argument: .emails, maxArguments: 50, example: "brief pat.lee@acme.com --title \"Acme QBR\""),
        CommandSpec(
            name: "doctor", group: .diagnose, summary: "check everything behind \"no Vitally data in briefs\"",
            usage: "doctor [EMAIL...] [--title TEXT]",
            flags: [FlagSpec("--title", value: true, "the meeting title"), CommandSpec.json], argument: .emails,
            maxArguments: 50, example: "doctor jane@acme.com"),
        CommandSpec(
            name: "record", group: .recordings, summary: "record every response from now on into a HAR file",
            usage: "record FILE.har | record stop", subcommands: ["stop"], flags: [CommandSpec.json],
            argument: .harFile, minArguments: 1, maxArguments: 1, example: "record acme-ticket-4411.har"),
        CommandSpec(
            name: "replay", group: .recordings, summary: "answer from a recording, with no network",
            usage: "replay FILE.har", flags: [CommandSpec.json], argument: .harFile, minArguments: 1, maxArguments: 1,
            example: "replay demo.har"),
        CommandSpec(
            name: "recordings", group: .recordings, summary: "list recordings, or the exchanges of one",
            usage: "recordings [show FILE.har]", subcommands: ["show"], flags: [CommandSpec.json], argument: .harFile,
            maxArguments: 1, example: "recordings show demo.har"),
        CommandSpec(
            name: "help", group: .shell, summary: "list commands, or show one in detail", usage: "help [COMMAND]",
            flags: [CommandSpec.json], argument: .command, maxArguments: 1, example: "help brief"),
        CommandSpec(
            name: "history", group: .shell, summary: "the commands typed before (Ctrl-R searches them)",
            usage: "history", flags: [CommandSpec.json], example: "history"),
        CommandSpec(
            name: "exit", group: .shell, summary: "leave the shell (Ctrl-D does too)", usage: "exit", example: "exit",
            aliases: ["quit"]),
    ]

    public static func spec(named name: String) -> CommandSpec? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    public static var names: [String] { all.map(\.name) }
}
