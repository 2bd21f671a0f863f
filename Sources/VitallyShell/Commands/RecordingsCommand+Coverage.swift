import Foundation
import VitallyKit

/// `recordings show FILE --coverage`: whether a recording is complete enough to serve another
/// client (`vitally-sim --replay FILE --serve-as-tenant`), list by list.
extension RecordingsCommand {
    /// `tenant`, or `accounts/ID` as recorded.
    static func scopeLabel(_ scope: String) -> String { scope.isEmpty ? "tenant" : scope }
}

/// The text of `recordings show FILE --coverage`, from a `RecordingCoverage`: a line on what
/// "to its end" means, then one row per list.
struct RecordingCoverageRenderer: ResultRenderer {
    func blocks(_ value: RecordingCoverage) -> [OutputBlock] {
        let rows = value.rows
        let file = value.file
        guard !rows.isEmpty else { return [.text("\(file) holds no list, object or search of /resources/ that answered 200.", .dim)] }
        let complete = rows.filter(\.complete).count
        let table = rows.map { row in
            [Span(row.resource), Span(RecordingsCommand.scopeLabel(row.scope), row.scope.isEmpty ? .bold : .plain), Span(String(row.items)),
             Span(String(row.pages)), row.complete ? Span("yes", .good) : Span("no", .warn)]
        }
        return [
            .text("\(file): \(rows.count) lists, \(complete) read to their end (next: null). A list not read to its end "
                  + "serves only its recorded items (vitally-sim --replay \(file) --serve-as-tenant); record with "
                  + "--record-mode complete to read them to the end."),
            .table(Table(columns: ["RESOURCE", "SCOPE", "ITEMS", "PAGES", "TO ITS END"], rows: table, flexible: [1])),
        ]
    }
}
