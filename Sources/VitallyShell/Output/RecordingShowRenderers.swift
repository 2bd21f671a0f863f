import Foundation
import VitallyKit

/// The table of `recordings show FILE.har [--path P]`, from a `RecordedExchangeTable`: the whole
/// file with each exchange's time, or the exchanges under P with a hint to show one.
struct RecordedExchangeTableRenderer: ResultRenderer {
    func blocks(_ value: RecordedExchangeTable) -> [OutputBlock] {
        let status = { (row: RecordedExchangeTable.Row) in
            row.error != nil ? Span("error", .bad) : Span(String(row.status), row.status >= 400 ? .bad : .plain)
        }
        guard let filter = value.filter else {
            let rows = value.rows.map { row in
                [Span(String(row.number), .dim), Span(row.method), Span(row.pathAndQuery), status(row), Span(String(row.bytes)),
                 Span(String(format: "%.0f", row.ms))]
            }
            return [.text("\(value.file): \(value.rows.count) exchanges"),
                    .table(Table(columns: ["#", "METHOD", "PATH", "STATUS", "BYTES", "MS"], rows: rows, flexible: [2]))]
        }
        let rows = value.rows.map { row in
            [Span(String(row.number), .dim), Span(row.method), Span(RecordingTools.printable(row.pathAndQuery)), status(row),
             Span(String(row.bytes))]
        }
        return [.text("\(value.file): \(value.rows.count) exchanges under \(filter); 'recordings show \(value.file) N' shows one"),
                .table(Table(columns: ["#", "METHOD", "PATH", "STATUS", "BYTES"], rows: rows, flexible: [2]))]
    }
}

/// The text of `recordings show FILE.har N`, from a `RecordedExchangeDetail`: the exchange as
/// on the wire, control characters shown as `\u{…}`.
struct RecordedExchangeDetailRenderer: ResultRenderer {
    func blocks(_ value: RecordedExchangeDetail) -> [OutputBlock] { [] }

    func verbatim(_ value: RecordedExchangeDetail) -> String? {
        let printable = { (text: String) in RecordingTools.printable(text) }
        var text = "#\(value.number)  \(VitallyDate.format(value.startedAt))  \(String(format: "%.0f", value.ms)) ms\n"
        text += printable("\(value.request.method) \(value.request.url)") + "\n"
        for header in value.request.headers { text += printable("\(header.name): \(header.value)") + "\n" }
        text += "\n"
        if let error = value.error {
            text += printable("transport failure (\(value.errorCode ?? "connection")): \(error)") + "\n"
            return text
        }
        text += printable("HTTP/1.1 \(value.response.status) \(value.response.statusText)") + "\n"
        for header in value.response.headers { text += printable("\(header.name): \(header.value)") + "\n" }
        let body: String
        switch value.bodyKind {
        case .json: body = value.response.body.serialized(pretty: true)
        case .text: body = RecordingTools.printable(value.response.body.string ?? "", keepNewlines: true)
        case .binary(let bytes): body = "(\(bytes) bytes of binary data)"
        }
        return text + "\n" + body + "\n"
    }
}

/// The text of `recordings show FILE.har --answers`, from a `RecordingAnswersReport`: a line of
/// counts, then the accounts a replay answers and the attendee emails.
struct RecordingAnswersRenderer: ResultRenderer {
    func blocks(_ value: RecordingAnswersReport) -> [OutputBlock] {
        let answerable = value.accounts.filter { !$0.commands.isEmpty }
        let accountRows = answerable.map { account in
            // What to type: a word the replay resolves (a domain only when its lookup was recorded), never just any domain the account has.
            [Span(account.name, .bold), Span(account.answersAs.first ?? "—"), Span(account.commands.joined(separator: " ")),
             Span(account.id, .dim)]
        }
        let emailRows = value.emails.map { [Span($0.email), Span($0.commands.joined(separator: " "))] }
        var blocks: [OutputBlock] = [
            .text("\(value.file) answers \(answerable.count) of its \(value.accounts.count) accounts and \(value.emails.count) attendee "
                  + "email\(value.emails.count == 1 ? "" : "s") in a replay (what TAB offers there; TYPE is a word "
                  + "that finds the account, --json lists them all).")
        ]
        if !accountRows.isEmpty {
            blocks.append(.table(Table(columns: ["ACCOUNT", "TYPE", "COMMANDS", "ID"], rows: accountRows, flexible: [3])))
        }
        if !emailRows.isEmpty { blocks.append(.table(Table(columns: ["EMAIL", "COMMANDS"], rows: emailRows, flexible: [0]))) }
        return blocks
    }
}

/// The text of `recordings scrub --explain`: the safe list's lines, one block each.
struct ScrubExplanationRenderer: ResultRenderer {
    func blocks(_ lines: [String]) -> [OutputBlock] { lines.map { .text($0) } }
}
