import VitallyKit

extension MCPServer {
    static let entryPrefix = "har://entry/"
    static let briefURI = "brief://last"
    /// Resources per `resources/list` page.
    static let pageSize = 200

    /// The last brief, then the recording's exchanges, a page at a time (`cursor` is where the page starts).
    func listResources(_ params: JSONObject) async throws(RPCError) -> JSONValue {
        let start = params["cursor"].map { $0.string.flatMap(Int.init) ?? -1 } ?? 0
        let exchanges = await shell.mcpExchanges()
        guard start >= 0, start <= exchanges.count else { throw .invalidParams("resources/list: unknown cursor") }
        var resources: [JSONValue] = []
        if start == 0 {
            resources.append([
                "uri": .string(Self.briefURI), "name": "last brief", "mimeType": "text/markdown",
                "description": "the last brief made this session, as Markdown (call the brief tool first)",
            ])
        }
        let end = min(exchanges.count, start + Self.pageSize)
        for index in start..<end {
            resources.append([
                "uri": .string(Self.entryPrefix + String(index + 1)), "name": .string(exchanges[index]), "mimeType": "application/json",
            ])
        }
        var result = JSONObject([("resources", .array(resources))])
        if end < exchanges.count { result["nextCursor"] = .string(String(end)) }
        return .object(result)
    }

    func readResource(_ params: JSONObject) async throws(RPCError) -> JSONValue {
        guard let uri = params["uri"]?.string else { throw .invalidParams("resources/read needs a uri") }
        if uri == Self.briefURI {
            guard let markdown = await shell.lastBriefMarkdown else {
                throw RPCError(code: -32002, message: "no brief yet this session: call the brief tool first")
            }
            return ["contents": [["uri": .string(uri), "mimeType": "text/markdown", "text": .string(markdown)]]]
        }
        guard uri.hasPrefix(Self.entryPrefix), let number = Int(uri.dropFirst(Self.entryPrefix.count)), number >= 1 else {
            throw RPCError(code: -32002, message: "unknown resource '\(uri.prefix(80))': the resources are \(Self.briefURI) and \(Self.entryPrefix)N")
        }
        guard let path = await shell.mcpFacts().recordingPath else {
            throw RPCError(code: -32002, message: "no recording in this session: start with --replay FILE.har or --record FILE.har")
        }
        // The exchange as `recordings show FILE N --json` prints it: the same code, the same bytes.
        let result = await shell.run(command: ["recordings", "show", path, String(number)])
        if let error = result.error { throw RPCError(code: -32002, message: error) }
        let text = result.printed(json: true, width: Self.textWidth, secrets: await shell.secrets)
        return ["contents": [["uri": .string(uri), "mimeType": "application/json", "text": .string(text)]]]
    }
}
