import VitallyKit

/// One MCP tool: a read command of the shell (with its subcommand, or a fixed first argument),
/// whose inputs are generated from the command's descriptors, so the tool and the command cannot drift.
package struct MCPTool: Sendable {
    package var name: String
    package var description: String
    /// The words before the inputs: the command and its subcommand (`accounts search`), or `raw GET`.
    package var head: [String]
    package var inputs: [MCPInput]

    /// The tool as `tools/list` shows it.
    package var definition: JSONValue {
        var properties = JSONObject()
        for input in inputs { properties[input.name] = input.schema }
        var schema = JSONObject([("type", "object"), ("properties", .object(properties))])
        let required = inputs.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        schema["additionalProperties"] = false
        return [
            "name": .string(name), "description": .string(description), "inputSchema": .object(schema),
            "annotations": ["readOnlyHint": true, "destructiveHint": false, "idempotentHint": true],
        ]
    }

    /// The command line a call runs: checked against the inputs (unknown, missing or mistyped
    /// properties are refused with a line that says what the tool takes).
    package func words(for arguments: JSONObject) throws(MCPToolError) -> [String] {
        if let unknown = arguments.keys.first(where: { key in !inputs.contains { $0.name == key } }) {
            let takes = inputs.isEmpty ? "no arguments" : "only " + inputs.map(\.name).joined(separator: ", ")
            throw MCPToolError("\(name) has no argument '\(unknown.prefix(40))'; it takes \(takes)")
        }
        var words = head
        for input in inputs {
            guard let value = arguments[input.name], !value.isNull else {
                if input.required { throw MCPToolError("\(name) needs '\(input.name)': \(input.description)") }
                continue
            }
            words += try input.words(for: value, tool: name)
        }
        return words
    }
}

extension MCPTool {
    /// Flags that are never inputs: output is always JSON and text, and a tool reads or writes
    /// no local file (`--ics` invites, coverage's `--html` page, a scrub `--map`).
    static let withheldFlags: Set<String> = ["--json", "--fail-on"]

    /// Whether a tool leaves this flag out: `--json` (results are JSON already), `--fail-on` (an exit
    /// status), and every flag whose value is a local file, read or written (`--csv`, `--html`, `--map`,
    /// `--ics`, `--attendees-file`): no tool touches the server's files. Decided from the descriptor,
    /// so a file flag added later is withheld too (the attack on issue 25 wrote files through `--csv`).
    static func isWithheld(_ flag: FlagDescriptor) -> Bool {
        withheldFlags.contains(flag.name) || (flag.valueName?.contains("FILE") ?? false)
    }

    /// A property name for a positional argument, by what it holds.
    static func argumentName(_ kind: ArgumentKind) -> (name: String, description: String) {
        switch kind {
        case .account: return ("account", "an account's name, domain, id or external id, or an attendee's email")
        case .emails: return ("emails", "attendee email addresses")
        case .text: return ("text", "a name to search for, or an organization's name, id or external id")
        case .path: return ("path", "a path under /resources/ with its query, e.g. /resources/accounts?limit=1")
        case .harFile: return ("file", "a HAR recording (a bare name is looked up under recordings/)")
        case .subdomain: return ("subdomain", "a tenant subdomain")
        case .command: return ("command", "a command name")
        case .none: return ("arguments", "arguments")
        }
    }

    /// The tool for `spec` (and `subcommand`), after `fixed` words the tool always passes (`raw GET`):
    /// every input comes from the descriptors. The one place to change when the descriptors change.
    static func generate(name: String, spec: CommandSpec, subcommand: String?, fixed: [String] = []) -> MCPTool {
        var inputs: [MCPInput] = []
        let range = spec.argumentRange(after: subcommand)
        let lower = max(0, range.lowerBound - fixed.count), upper = max(0, range.upperBound - fixed.count)
        let (argument, about) = argumentName(spec.argumentKind(after: subcommand))
        if upper == 1 {
            inputs.append(MCPInput(name: argument, kind: .string, description: about, required: lower >= 1))
        } else if upper > 1 {
            let many = spec.argumentKind(after: subcommand) == .emails
            inputs.append(MCPInput(
                name: many ? argument : "arguments", kind: .strings,
                description: many ? about : "the arguments, in order, as in: \(spec.usage(of: subcommand))", required: lower >= 1,
                count: lower...upper))
        }
        // The subcommand's own flags and the command's: another subcommand's are not this tool's.
        for flag in spec.flags(of: subcommand) where !isWithheld(flag) {
            let kind: MCPInput.Kind = flag.limits != nil ? .integer : flag.takesValue ? .string : .boolean
            let property = flag.name.drop { $0 == "-" }.replacingOccurrences(of: "-", with: "_")
            inputs.append(MCPInput(name: property, kind: kind, description: flag.help, values: flag.choices, flag: flag.name))
        }
        let shown = ([spec.name] + (subcommand.map { [$0] } ?? [])).joined(separator: " ")
        return MCPTool(
            name: name, description: "\(spec.summary). The shell's `\(shown)` (usage: \(spec.usage(of: subcommand))).",
            head: [spec.name] + (subcommand.map { [$0] } ?? []) + fixed, inputs: inputs)
    }
}

/// The tools: the shell's read commands, and nothing that connects, records, scrubs or writes.
package enum MCPCatalog {
    /// A read command: as one tool, or one tool per listed subcommand (`accounts_search`), or with a
    /// fixed first argument (`raw_get`). A command not in the shell's catalog (yet) is skipped.
    struct Entry {
        var command: String
        var subcommands: [String]?
        var fixed: [String] = []
        var name: String?
    }

    static let entries: [Entry] = [
        Entry(command: "accounts", subcommands: ["search", "show", "list"]),
        Entry(command: "health"), Entry(command: "notes"), Entry(command: "tasks"), Entry(command: "users"),
        Entry(command: "nps"), Entry(command: "conversations"), Entry(command: "timeline"),
        Entry(command: "organizations", subcommands: ["search", "show", "list", "accounts", "users", "notes", "tasks"]),
        Entry(command: "objects"),
        Entry(command: "match"), Entry(command: "brief"), Entry(command: "doctor"),
        Entry(command: "audit"), Entry(command: "coverage"),
        Entry(command: "raw", fixed: ["GET"], name: "raw_get"),
        Entry(command: "recordings", subcommands: ["show"]),
    ]

    /// Every tool, in the order above.
    package static let tools: [MCPTool] = entries.flatMap { entry -> [MCPTool] in
        guard let spec = CommandCatalog.spec(named: entry.command) else { return [] }
        // A report command (audit, coverage) with subcommands of its own gets one tool per subcommand.
        let subcommands = entry.subcommands ?? (spec.subcommandNames.isEmpty ? nil : spec.subcommandNames)
        guard let subcommands else {
            return [MCPTool.generate(name: entry.name ?? entry.command, spec: spec, subcommand: nil, fixed: entry.fixed)]
        }
        return subcommands.filter(spec.subcommandNames.contains).map { sub in
            MCPTool.generate(name: entry.command + "_" + sub, spec: spec, subcommand: sub, fixed: entry.fixed)
        }
    }

    package static func tool(named name: String) -> MCPTool? { tools.first { $0.name == name } }
}
