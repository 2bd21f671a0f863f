import VitallyKit

/// Draws one result type's text. A command that returns a value hands it to its renderer for
/// people and encodes the same value for `--json`, so the text and the JSON cannot disagree:
/// the renderer reads nothing the value does not hold (except the session's "now", for
/// relative dates, and how the stored history is worded).
package protocol ResultRenderer {
    associatedtype Value: Encodable
    func blocks(_ value: Value) -> [OutputBlock]
    /// Text printed as is instead of the blocks (a Markdown brief, a report laid out line by line); nil for the blocks.
    func verbatim(_ value: Value) -> String?
}

extension ResultRenderer {
    package func verbatim(_ value: Value) -> String? { nil }
}

extension CommandResult {
    /// Text from `renderer`, `--json` from `value` encoded (keys in declaration order, absent
    /// values as null).
    package init<R: ResultRenderer>(_ value: R.Value, renderedBy renderer: R) throws {
        self.init(output: ShellOutput(blocks: renderer.blocks(value), json: try JSONValueEncoder().encode(value), verbatim: renderer.verbatim(value)))
    }
}
