import Foundation
import VitallyKit

/// The Model Context Protocol over JSON-RPC 2.0, one message per line (the stdio transport): the
/// few methods an assistant needs (initialize, ping, tools, resources), each tool call run by the
/// shell exactly as `-c` runs it. No I/O here: the executable feeds lines and writes what comes back.
package actor MCPServer {
    /// The revisions this server speaks, newest first; a client asking for another gets the newest.
    package static let protocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
    /// The text content's width: the shell's own when not at a terminal, fixed so every machine gives the same bytes.
    static let textWidth = 100

    let shell: Shell
    let maxRequests: Int?
    let log: @Sendable (String) -> Void
    private var instructions: String?

    package init(shell: Shell, maxRequests: Int?, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.shell = shell
        self.maxRequests = maxRequests
        self.log = log
    }

    /// A JSON-RPC error answer.
    struct RPCError: Error {
        var code: Int
        var message: String
        static func invalidParams(_ message: String) -> RPCError { RPCError(code: -32602, message: message) }
    }

    /// Answers one line: the response to write, or nil (a notification, a client's response, a blank line).
    package func handle(line: String) async -> String? {
        guard !line.allSatisfy(\.isWhitespace) else { return nil }
        let message: JSONValue
        do {
            message = try JSONParser.parse(line)
        } catch {
            return await encode(["jsonrpc": "2.0", "id": nil, "error": ["code": -32700, "message": .string("parse error: \(error.description)")]])
        }
        guard case .object(let object) = message, let method = object["method"]?.string else {
            if case .object(let object) = message, object["method"] == nil, object["id"] != nil { return nil }  // a response to us: we ask nothing
            return await encode(["jsonrpc": "2.0", "id": nil, "error": ["code": -32600, "message": "invalid request: one JSON-RPC object with a method per line"]])
        }
        let params = object["params"]?.object ?? JSONObject()
        guard let id = object["id"] else {
            if method == "notifications/initialized" { log("client initialized") }
            return nil  // notifications/initialized, notifications/cancelled, …: nothing to answer
        }
        do {
            let result = try await respond(to: method, params)
            return await encode(["jsonrpc": "2.0", "id": id, "result": result])
        } catch {
            return await encode(["jsonrpc": "2.0", "id": id, "error": ["code": JSONValue(error.code), "message": .string(error.message)]])
        }
    }

    /// One line of protocol, every secret the session knows scrubbed from it.
    private func encode(_ message: JSONValue) async -> String {
        Redactor.scrub(message.serialized(), secrets: await shell.secrets)
    }

    private func respond(to method: String, _ params: JSONObject) async throws(RPCError) -> JSONValue {
        switch method {
        case "initialize": return await initialize(params)
        case "ping": return .object(JSONObject())
        case "tools/list": return ["tools": .array(MCPCatalog.tools.map(\.definition))]
        case "tools/call": return try await callTool(params)
        case "resources/list": return try await listResources(params)
        case "resources/templates/list":
            return ["resourceTemplates": [[
                "uriTemplate": "har://entry/{n}", "name": "exchange",
                "description": "exchange N of the recording (from 1), as `recordings show FILE N --json` prints it",
                "mimeType": "application/json",
            ]]]
        case "resources/read": return try await readResource(params)
        default: throw RPCError(code: -32601, message: "method not found: \(method)")
        }
    }

    private func initialize(_ params: JSONObject) async -> JSONValue {
        let asked = params["protocolVersion"]?.string ?? ""
        let version = Self.protocolVersions.contains(asked) ? asked : Self.protocolVersions[0]
        if instructions == nil {
            let facts = await shell.mcpFacts()
            let location = facts.mode == .offline ? nil : await shell.dataLocation()
            instructions = MCPInstructions.text(facts, dataLocation: location, maxRequests: maxRequests)
        }
        log("initialize: protocol \(version)")
        return [
            "protocolVersion": .string(version),
            "capabilities": ["tools": ["listChanged": false], "resources": ["subscribe": false, "listChanged": false]],
            "serverInfo": ["name": "vitally-shell", "title": "Vitally (read-only)", "version": .string(VitallyKitVersion.current)],
            "instructions": .string(instructions ?? ""),
        ]
    }
}
