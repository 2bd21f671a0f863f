import Foundation
import VitallyKit

/// `raw GET PATH`: any read endpoint, pretty-printed as Vitally sent it.
struct RawCommand: ShellCommand {
    static let spec = CommandSpec(
        "raw", group: .explore, rank: 9, summary: "any read endpoint, as pretty JSON", synopsis: "GET PATH",
        argument: .path, arguments: 2...2, example: "raw GET /resources/accounts?limit=1")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let method = command.arguments[0].uppercased()
        guard method == "GET" || method == "HEAD" else {
            return .failure("raw only sends GET (vitally-shell is read-only); usage: raw GET /resources/accounts", status: .usage)
        }
        var target = command.arguments[1]
        if RawPath.hasForeignScheme(target) { return .failure(RawPath.refusal, status: .usage) }
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            target = RecordedExchange.split(url: target).path + (target.firstIndex(of: "?").map { String(target[$0...]) } ?? "")
        }
        if !target.hasPrefix("/") { target = "/" + target }
        if !target.hasPrefix("/resources/") { target = "/resources" + target }
        if RawPath.isUnsafe(String(target.prefix { $0 != "?" })) { return .failure(RawPath.refusal, status: .usage) }
        let (path, query) = RecordedExchange.split(url: RawPath.keepingPlus(target))
        let json = try await shell.connection.client.getJSON(path, query: query)
        return CommandResult(output: ShellOutput(json: json, verbatim: json.serialized(pretty: true)))
    }
}
