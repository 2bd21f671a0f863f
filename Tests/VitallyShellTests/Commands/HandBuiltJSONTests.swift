import Foundation
import Testing

/// Issue 22, item 5: a command's `--json` is its result value encoded (`CommandResult(value,
/// renderedBy:)`), never a `JSONValue` built beside the text, so the two cannot disagree. This
/// scans the commands' sources for a `ShellOutput(…, json: …)` or an `.object([` literal.
@Suite struct HandBuiltJSONTests {
    static let commands = packageRoot.appendingPathComponent("Sources/VitallyShell/Commands")

    /// Files that may build their JSON by hand, and why.
    static let justified: [String: String] = [
        // `raw PATH` prints what the server answered, as is: that JSON is the result, there is no value to encode.
        "RawCommand.swift": "prints the server's own JSON",
    ]

    /// The hand-built JSON in `text`, one short excerpt each: a `ShellOutput(` call given `json:`
    /// among its own arguments (however the call is wrapped), and any `.object([` literal.
    static func handBuiltJSON(in text: String) -> [String] {
        var found: [String] = []
        let characters = Array(text)
        var searchFrom = text.startIndex
        while let call = text.range(of: "ShellOutput(", range: searchFrom..<text.endIndex) {
            searchFrom = call.upperBound
            var depth = 1
            var index = text.distance(from: text.startIndex, to: call.upperBound)
            let start = index
            var arguments = ""
            while index < characters.count, depth > 0 {
                let character = characters[index]
                if character == "(" || character == "[" || character == "{" { depth += 1 }
                if character == ")" || character == "]" || character == "}" { depth -= 1 }
                // Only the call's own arguments: `json:` inside a nested call or literal is not this call's.
                arguments.append(depth == 1 ? character : " ")
                index += 1
            }
            if arguments.range(of: #"(^|[,(\s])json\s*:"#, options: .regularExpression) != nil {
                found.append("ShellOutput(" + String(characters[start..<min(index, start + 60)]))
            }
        }
        var objectFrom = text.startIndex
        while let literal = text.range(of: ".object([", range: objectFrom..<text.endIndex) {
            objectFrom = literal.upperBound
            found.append(String(text[literal.lowerBound...].prefix(60)))
        }
        return found
    }

    static func sources() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(at: commands, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
            .map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func theScanSeesHandBuiltJSONHoweverWritten() {
        #expect(Self.handBuiltJSON(in: #"return ShellOutput(blocks: blocks, json: ["a": .string(x)])"#).count == 1)
        #expect(Self.handBuiltJSON(in: "ShellOutput(\n    blocks: [.text(\"x\")],\n    json: .array(rows))").count == 1)
        #expect(Self.handBuiltJSON(in: "ShellOutput(json: json, verbatim: text)").count == 1)
        #expect(Self.handBuiltJSON(in: "let value: JSONValue = .object([(\"a\", 1)])").count == 1)
        // A value and its renderer is the way; a `json:` inside a nested call is not the output's.
        #expect(Self.handBuiltJSON(in: "try CommandResult(report, renderedBy: AuditRenderer())").isEmpty)
        #expect(Self.handBuiltJSON(in: "ShellOutput(blocks: renderer.blocks(value, json: true))").isEmpty)
        #expect(Self.handBuiltJSON(in: #"CommandSpec("exit", json: false, example: "exit")"#).isEmpty)
    }

    @Test func noCommandBuildsItsJSONByHand() throws {
        let sources = try Self.sources()
        #expect(sources.count > 20, "read the commands from \(Self.commands.path)")
        for (name, text) in sources where Self.justified[name] == nil {
            let found = Self.handBuiltJSON(in: text)
            #expect(found.isEmpty, "\(name) builds its --json by hand: return a value from VitallyKit with CommandResult(value, renderedBy:) instead. \(found)")
        }
    }

    @Test func theExceptionsAreStillNeeded() throws {
        let sources = Dictionary(try Self.sources(), uniquingKeysWith: { first, _ in first })
        for name in Self.justified.keys {
            #expect(sources[name] != nil, "\(name) is listed but gone: remove it from the list")
            #expect(!Self.handBuiltJSON(in: sources[name] ?? "").isEmpty, "\(name) no longer builds JSON by hand: remove it from the list")
        }
    }
}
