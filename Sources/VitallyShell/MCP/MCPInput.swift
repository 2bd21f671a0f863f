import VitallyKit

/// One input of an MCP tool: a positional argument or a `--flag` of the command behind it.
package struct MCPInput: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case string, integer, boolean, strings
    }

    /// The property name in the tool's arguments object (`account`, `limit`, `max_attendees`).
    package var name: String
    package var kind: Kind
    package var description: String
    /// When not empty, the only values accepted.
    package var values: [String] = []
    package var required = false
    /// The `--flag` this input becomes; nil for a positional argument.
    package var flag: String?
    /// For `strings`: how many items are accepted.
    package var count: ClosedRange<Int>?

    /// The JSON Schema of this one property.
    var schema: JSONValue {
        var object = JSONObject()
        switch kind {
        case .string: object["type"] = "string"
        case .integer:
            object["type"] = "integer"
            object["minimum"] = 1
        case .boolean: object["type"] = "boolean"
        case .strings:
            object["type"] = "array"
            object["items"] = ["type": "string"]
            if let count {
                object["minItems"] = JSONValue(count.lowerBound)
                object["maxItems"] = JSONValue(count.upperBound)
            }
        }
        if !values.isEmpty { object["enum"] = .array(values.map { .string($0) }) }
        object["description"] = .string(description)
        return .object(object)
    }

    /// The words this input adds to the command line for `value`; throws a one-line reason
    /// (the model reads it and corrects the call) when the value has the wrong type.
    func words(for value: JSONValue, tool: String) throws(MCPToolError) -> [String] {
        switch kind {
        case .boolean:
            guard let on = value.bool else { throw MCPToolError("\(tool): '\(name)' takes true or false") }
            return on ? [flag ?? ""] : []
        case .integer:
            guard let number = value.int, number >= 1, value.double == Double(number) else {
                throw MCPToolError("\(tool): '\(name)' takes a whole number from 1, not \(value.serialized())")
            }
            return word(String(number))
        case .string:
            guard let text = value.string else { throw MCPToolError("\(tool): '\(name)' takes a string, not \(value.serialized())") }
            if !values.isEmpty, !values.contains(text) {
                throw MCPToolError("\(tool): '\(name)' takes one of \(values.joined(separator: ", ")), not '\(text.prefix(40))'")
            }
            return try positional(text, tool: tool)
        case .strings:
            // One string is taken as a list of one: models often send "a@x.com" for ["a@x.com"].
            let items = value.array ?? [value]
            let texts = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
            guard texts.count == items.count else { throw MCPToolError("\(tool): '\(name)' takes an array of strings") }
            if let count, !count.contains(texts.count) {
                throw MCPToolError("\(tool): '\(name)' takes \(count.lowerBound) to \(count.upperBound) items, not \(texts.count)")
            }
            var words: [String] = []
            for text in texts { words += try positional(text, tool: tool) }
            return words
        }
    }

    /// A flag's value as `--flag=value` (so a value that looks like a flag stays a value).
    private func word(_ text: String) -> [String] { [flag.map { $0 + "=" + text } ?? text] }

    /// A positional value must not be read as a flag by the command's parser.
    private func positional(_ text: String, tool: String) throws(MCPToolError) -> [String] {
        if flag == nil, text.hasPrefix("--") {
            throw MCPToolError("\(tool): '\(name)' cannot start with '--' ('\(text.prefix(40))'); pass options as their own properties")
        }
        return word(text)
    }
}

/// Why a tool call was refused before the command ran, in one line.
package struct MCPToolError: Error, Sendable, Equatable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
