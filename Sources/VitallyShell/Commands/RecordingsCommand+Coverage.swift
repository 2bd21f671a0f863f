import Foundation
import VitallyKit

/// `recordings show FILE --coverage`: whether a recording is complete enough to serve another
/// client (`vitally-sim --replay FILE --serve-as-tenant`), list by list.
extension RecordingsCommand {
    static func coverage(_ recording: HARRecording) -> ShellOutput {
        let rows = RecordedTenant(recording.exchanges).coverage
        let file = recording.url.lastPathComponent
        let complete = rows.filter(\.complete).count
        let table = rows.map { row in
            [Span(row.resource), Span(scopeLabel(row.scope), row.scope.isEmpty ? .bold : .plain), Span(String(row.items)),
             Span(String(row.pages)), row.complete ? Span("yes", .good) : Span("no", .warn)]
        }
        let json: JSONValue = .array(rows.map { row in
            ["resource": .string(row.resource), "scope": .string(row.scope.isEmpty ? "tenant" : row.scope),
             "items": .number(Double(row.items)), "pages": .number(Double(row.pages)), "complete": .bool(row.complete)]
        })
        guard !rows.isEmpty else {
            return ShellOutput(blocks: [.text("\(file) holds no list, object or search of /resources/ that answered 200.", .dim)], json: json)
        }
        return ShellOutput(
            blocks: [
                .text("\(file): \(rows.count) lists, \(complete) read to their end (next: null). A list not read to its end "
                      + "serves only its recorded items (vitally-sim --replay \(file) --serve-as-tenant); record with "
                      + "--record-mode complete to read them to the end."),
                .table(Table(columns: ["RESOURCE", "SCOPE", "ITEMS", "PAGES", "TO ITS END"], rows: table, flexible: [1])),
            ],
            json: json)
    }

    /// `tenant`, or `accounts/ID` as recorded.
    static func scopeLabel(_ scope: String) -> String { scope.isEmpty ? "tenant" : scope }
}
