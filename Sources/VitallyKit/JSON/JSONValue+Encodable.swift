import Foundation

extension JSONValue {
    /// A result value as JSON, keys sorted so the bytes never depend on a dictionary's order:
    /// `--json` is the encoded value the text was rendered from, so the two cannot disagree.
    public init(encoding value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self = try JSONParser.parse(Array(try encoder.encode(value)))
    }
}
