import Testing
import VitallyKit
@testable import VitallyShell

/// The tools are generated from the command specs, and a call's arguments become the command line.
@Suite struct MCPToolTests {
    @Test func aToolsInputsAreTheCommandsArgumentsAndFlags() throws {
        let match = try #require(MCPCatalog.tool(named: "match"))
        #expect(match.head == ["match"])
        #expect(match.inputs.map(\.name) == ["emails", "title", "max_attendees"], "--json is never an input")
        let emails = match.inputs[0]
        // match, like brief and doctor, takes attendees from `--ics` too, so its spec (and the tool) needs no email;
        // a call without one is refused by the command ("match needs attendee emails or --ics FILE").
        #expect(emails.kind == .strings && !emails.required && emails.count == 0...InputLimits.attendeesCeiling)
        let raw = try #require(MCPCatalog.tool(named: "raw_get"))
        #expect(raw.head == ["raw", "GET"] && raw.inputs.map(\.name) == ["path"] && raw.inputs[0].required)
        let show = try #require(MCPCatalog.tool(named: "recordings_show"))
        #expect(!show.inputs.contains { ["salt", "map", "force", "domains"].contains($0.name) }, "scrub's flags are not show's")
        let notes = try #require(MCPCatalog.tool(named: "notes"))
        #expect(notes.inputs.first { $0.name == "limit" }?.kind == .integer)
        #expect(notes.inputs.first { $0.name == "archived" }?.kind == .boolean)
    }

    @Test func everyToolIsAReadCommandOfTheCatalog() {
        let writes: Set<String> = ["connect", "disconnect", "record", "replay", "history", "exit", "help", "status"]
        for tool in MCPCatalog.tools {
            #expect(CommandCatalog.spec(named: tool.head[0]) != nil, "\(tool.name)")
            #expect(!writes.contains(tool.head[0]), "\(tool.name) is not a read")
        }
        #expect(Set(MCPCatalog.tools.map(\.name)).count == MCPCatalog.tools.count, "tool names are unique")
        #expect(MCPCatalog.tools.filter { $0.head[0] == "recordings" }.map(\.name) == ["recordings_show"])
    }

    @Test func argumentsBecomeTheCommandLineOrAOneLineRefusal() throws {
        let notes = try #require(MCPCatalog.tool(named: "notes"))
        #expect(try notes.words(for: JSONObject([("account", "acme.com"), ("limit", 3), ("archived", false), ("source", "--all")]))
            == ["notes", "acme.com", "--limit=3", "--source=--all"])
        #expect(try notes.words(for: JSONObject([("account", "acme.com"), ("all", true)])) == ["notes", "acme.com", "--all"])
        func refusal(_ arguments: JSONObject) -> String? {
            do {
                _ = try notes.words(for: arguments)
                return nil
            } catch { return error.message }
        }
        #expect(refusal(JSONObject()) == "notes needs 'account': an account's name, domain, id or external id, or an attendee's email")
        #expect(refusal(JSONObject([("account", "--all")]))?.contains("cannot start with '--'") == true)
        #expect(refusal(JSONObject([("account", "a"), ("limit", 0)]))?.contains("whole number from 1") == true)
        #expect(refusal(JSONObject([("account", "a"), ("limit", 2.5)]))?.contains("whole number from 1") == true)
        #expect(refusal(JSONObject([("account", "a"), ("token", "x")])) == "notes has no argument 'token'; it takes only account, limit, all, source, archived")
        let match = try #require(MCPCatalog.tool(named: "match"))
        #expect(try match.words(for: JSONObject([("emails", "a@b.com")])) == ["match", "a@b.com"], "one string is a list of one")
        #expect(throws: MCPToolError.self) { try match.words(for: JSONObject([("emails", [1])])) }
    }

    @Test func theSchemaIsJSONSchema() throws {
        let brief = try #require(MCPCatalog.tool(named: "brief")).definition
        let schema = try #require(brief["inputSchema"])
        #expect(schema["type"] == "object" && schema["additionalProperties"] == false)
        #expect(schema["required"] == nil, "brief takes its attendees from --ics too (a flag no tool has), so the spec makes none required")
        #expect(schema["properties"]?["format"]?["enum"] == ["text", "markdown"])
        #expect(schema["properties"]?["ics"] == nil, "no tool reads a local file")
        #expect(brief["annotations"]?["readOnlyHint"] == true)
    }
}
