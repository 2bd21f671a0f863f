import VitallyKit

extension MCPServer {
    /// Runs a tool's command through the shell, as `-c` runs it, and turns its result into a tool result.
    func callTool(_ params: JSONObject) async throws(RPCError) -> JSONValue {
        guard let name = params["name"]?.string else { throw .invalidParams("tools/call needs the tool's name") }
        guard let tool = MCPCatalog.tool(named: name) else {
            throw .invalidParams(
                "unknown tool '\(name.prefix(60))': this server only reads (nothing connects, records or writes); "
                    + "its tools are " + MCPCatalog.tools.map(\.name).joined(separator: ", "))
        }
        let arguments: JSONObject
        switch params["arguments"] {
        case nil, .null?: arguments = JSONObject()
        case .object(let object)?: arguments = object
        default: return Self.failure("\(name): arguments must be an object")
        }
        let words: [String]
        do {
            words = try tool.words(for: arguments)
        } catch {
            return Self.failure(error.message)
        }
        let before = await shell.requestBudgetState()
        let result = await shell.run(command: words)
        let after = await shell.requestBudgetState()
        let secrets = await shell.secrets
        log("tools/call \(name): \(after.started - before.started) request(s), \(result.error == nil ? "ok" : "error")")
        var warnings = result.warnings.map { "warning: " + $0 }
        // The budget ran out during the call: say so even when the command caught it (an attendee "could not check").
        if after.refused > before.refused, result.error == nil, let maxRequests {
            return Self.failure(ErrorAdvice.message(RateLimiter.budgetError(maxRequests)), more: warnings)
        }
        if let error = result.error { return Self.failure(error, more: warnings) }
        let text = result.printed(json: false, width: Self.textWidth, secrets: secrets)
        if result.status == .partial { warnings.append("partial: some lookups failed; the rest is shown") }
        let json = result.output.json
        return [
            "content": [["type": "text", "text": .string(([text] + warnings).joined(separator: warnings.isEmpty ? "" : "\n"))]],
            "structuredContent": json.object != nil ? json : ["result": json],
            "isError": false,
        ]
    }

    /// A tool result that failed: the shell's one-line advice, as the shell prints it.
    static func failure(_ message: String, more: [String] = []) -> JSONValue {
        [
            "content": [["type": "text", "text": .string((["error: " + message] + more).joined(separator: "\n"))]],
            "isError": true,
        ]
    }
}
