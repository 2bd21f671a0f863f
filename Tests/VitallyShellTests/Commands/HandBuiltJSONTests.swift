import Foundation
import Testing

/// Issue 22, item 5: a command's `--json` is its result value encoded (`CommandResult(value,
/// renderedBy:)`), never a `JSONValue` built beside the text, so the two cannot disagree. This
/// scans the commands, the shell's renderers and wording (Output/) and the result values
/// (VitallyKit/Results/) for a `ShellOutput(…, json: …)` or a `JSONValue` built by hand.
@Suite struct HandBuiltJSONTests {
    static let sourcesRoot = packageRoot.appendingPathComponent("Sources")
    /// Where command results, and the words and values they are drawn from, live.
    static let folders = ["VitallyShell/Commands", "VitallyShell/Output", "VitallyKit/Results"]

    /// Files that may build their JSON by hand, and why (by path under Sources/).
    static let justified: [String: String] = [
        // `raw PATH` prints what the server answered, as is: that JSON is the result, there is no value to encode.
        "VitallyShell/Commands/RawCommand.swift": "prints the server's own JSON",
        // `CommandResult(value, renderedBy:)` itself: the one place a value's encoding becomes the output's JSON.
        "VitallyShell/Output/ResultRenderer.swift": "CommandResult encodes the value into ShellOutput.json",
        // An exchange's body is the recorded bytes: the server's JSON, or a string when it was not JSON. Protocol data.
        "VitallyKit/Results/RecordedExchanges.swift": "a recorded body that is not JSON becomes a string",
        // `match` drops keys from its encoded row (partial, failures when complete; the brief's rows drop
        // match-only keys): it edits the value's own encoding, it builds nothing beside the text.
        "VitallyShell/Output/MatchRenderer.swift": "trims keys from the encoded MatchRow",
    ]

    /// The hand-built JSON in `text`, one short excerpt each: a `ShellOutput(` call given `json:`
    /// among its own arguments (however the call is wrapped), and any of `builtByHand`.
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
        for pattern in builtByHand {
            var from = text.startIndex
            while let match = text.range(of: pattern, options: .regularExpression, range: from..<text.endIndex) {
                from = match.upperBound
                found.append(String(text[match.lowerBound...].prefix(60)))
            }
        }
        return found
    }

    /// A `JSONValue` made from its cases (`.object(`, `.string(`, `JSONValue.number(`…), made from a
    /// Swift value (`JSONValue(x)`), or typed and given a literal (`: JSONValue = [`, `-> JSONValue { [`).
    /// `encoder.object([…])`, an `Encodable`'s own keys, is not one: it is preceded by a name.
    static let builtByHand = [
        #"(^|[^A-Za-z0-9_])\.(object|array|string|number|bool)\("#,
        #"JSONValue(\.[a-z]+)?\("#,
        #"JSONValue\s*=\s*\["#,
        #"->\s*JSONValue\s*\{\s*\["#,
    ]

    /// Each Swift file of `folders`, named by its path under Sources/ (`VitallyShell/Output/X.swift`).
    static func sources() throws -> [(name: String, text: String)] {
        try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: sourcesRoot.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".swift") }
                .map { file in
                    (folder + "/" + file, try String(contentsOf: sourcesRoot.appendingPathComponent(folder + "/" + file), encoding: .utf8))
                }
        }
    }

    @Test func theScanSeesHandBuiltJSONHoweverWritten() {
        #expect(Self.handBuiltJSON(in: #"return ShellOutput(blocks: blocks, json: ["a": .string(x)])"#).count == 2)
        #expect(Self.handBuiltJSON(in: "ShellOutput(\n    blocks: [.text(\"x\")],\n    json: .array(rows))").count == 2)
        #expect(Self.handBuiltJSON(in: "ShellOutput(json: json, verbatim: text)").count == 1)
        #expect(Self.handBuiltJSON(in: "let value: JSONValue = .object([(\"a\", 1)])").count == 1)
        // The helpers this issue removed: a typed dictionary literal, a case, a value wrapped.
        #expect(Self.handBuiltJSON(in: "static func json(_ p: Progress) -> JSONValue {\n    [\"lists\": x]").count == 1)
        #expect(Self.handBuiltJSON(in: "report.history = .number(Double(count))").count == 1)
        #expect(Self.handBuiltJSON(in: "[\"healthPercentile\": JSONValue(cohort.healthPercentile)]").count == 1)
        #expect(Self.handBuiltJSON(in: "let x: JSONValue = [\"a\": y]").count == 1)
        // A value and its renderer is the way; a `json:` inside a nested call is not the output's.
        #expect(Self.handBuiltJSON(in: "try CommandResult(report, renderedBy: AuditRenderer())").isEmpty)
        #expect(Self.handBuiltJSON(in: "ShellOutput(blocks: renderer.blocks(value, json: true))").isEmpty)
        #expect(Self.handBuiltJSON(in: #"CommandSpec("exit", json: false, example: "exit")"#).isEmpty)
        // An `Encodable`'s own keys, in order, are the value encoded.
        #expect(Self.handBuiltJSON(in: #"try encoder.object([("lists", lists), ("failed", failed)])"#).isEmpty)
    }

    @Test func noResultBuildsItsJSONByHand() throws {
        let sources = try Self.sources()
        for folder in Self.folders {
            #expect(sources.filter { $0.name.hasPrefix(folder + "/") }.count > 10, "read the sources of Sources/\(folder)")
        }
        for (name, text) in sources where Self.justified[name] == nil {
            let found = Self.handBuiltJSON(in: text)
            #expect(found.isEmpty, "\(name) builds JSON by hand: make the value Encodable (beside its type) and return it with CommandResult(value, renderedBy:) instead. \(found)")
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
