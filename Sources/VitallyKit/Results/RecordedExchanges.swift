import Foundation

/// What `recordings show FILE.har` reports, as one value: the file's exchanges, or those under
/// `--path`, one row each. `--json` is this value encoded (an array, one object per exchange:
/// with `ms` for the whole file, with `number` for a filtered one) and the shell's renderer
/// draws the table from it.
package struct RecordedExchangeTable: Sendable, Encodable {
    /// One exchange: its request and what came back.
    package struct Row: Sendable, Equatable {
        /// Its place in the file, from 1 (what `recordings show FILE N` takes).
        package var number: Int
        package var method: String
        package var path: String
        /// `?name=value&…` with credentials hidden; empty when there is no query.
        package var query: String
        package var status: Int
        package var bytes: Int
        package var ms: Double
        /// Why the request failed without an answer; nil when it got one.
        package var error: String?

        /// The path and query as requested, credentials hidden.
        package var pathAndQuery: String { path + query }
    }

    /// The file's name as shown.
    package var file: String
    /// The `--path` the rows were chosen by; nil for every exchange of the file.
    package var filter: String?
    package var rows: [Row]

    /// The rows of `chosen` (numbered from 1 in the file), as `filter` picked them.
    package init(file: String, filter: String?, chosen: [(number: Int, exchange: RecordedExchange)]) {
        self.file = file
        self.filter = filter
        rows = chosen.map { number, exchange in
            Row(number: number, method: exchange.method, path: exchange.path,
                query: HTTPRequest(path: "", query: Redactor.credentialsHidden(exchange.query)).pathAndQuery,
                status: exchange.status, bytes: exchange.body.count,  // a replayed body is decoded on each read
                ms: exchange.timeMilliseconds, error: exchange.error)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in rows { try container.encode(EncodedRow(row: row, filtered: filter != nil)) }
    }

    /// A row's keys: the whole file's table gives `ms`, a filtered one the exchange's `number`.
    private struct EncodedRow: Encodable {
        var row: Row
        var filtered: Bool
        func encode(to encoder: any Encoder) throws {
            if filtered {
                try encoder.object([("number", row.number), ("method", row.method), ("path", row.path), ("query", row.query),
                                    ("status", row.status), ("bytes", row.bytes), ("error", row.error)])
            } else {
                try encoder.object([("method", row.method), ("path", row.path), ("query", row.query), ("status", row.status),
                                    ("bytes", row.bytes), ("ms", row.ms), ("error", row.error)])
            }
        }
    }
}

/// What `recordings show FILE.har N` reports, as one value: exchange N in full, its headers and
/// URL with credentials hidden again (in case a foreign file kept them), and its body as JSON when
/// it parses. `--json` is this value encoded and the shell's renderer lays out the text.
package struct RecordedExchangeDetail: Sendable, Encodable {
    /// A header as recorded.
    package struct Header: Sendable, Encodable, Equatable {
        package var name: String
        package var value: String
    }

    /// The request as sent.
    package struct Request: Sendable, Encodable, Equatable {
        package var method: String
        package var url: String
        package var headers: [Header]
    }

    /// What came back.
    package struct Response: Sendable, Encodable, Equatable {
        package var status: Int
        package var statusText: String
        package var headers: [Header]
        /// The body parsed, or as text when it is not JSON.
        package var body: JSONValue
    }

    /// What the body is, for the text (not encoded: `body` says it for JSON).
    package enum BodyKind: Sendable, Equatable {
        case json, text
        /// Not UTF-8: this many bytes.
        case binary(bytes: Int)
    }

    package var number: Int
    package var startedAt: Date
    package var ms: Double
    package var request: Request
    package var response: Response
    /// Why the request failed without an answer; nil when it got one.
    package var error: String?
    /// The failure's kind (`timeout`, …), for the text; nil when unknown or none.
    package var errorCode: String?
    package var bodyKind: BodyKind

    package init(_ exchange: RecordedExchange, number: Int) {
        let headers = { (list: [HTTPHeader]) in Redactor.credentialsHidden(headers: list).map { Header(name: $0.name, value: $0.value) } }
        let body = exchange.body
        let parsed = try? JSONParser.parse(body)
        self.number = number
        startedAt = exchange.startedAt
        ms = exchange.timeMilliseconds
        request = Request(method: exchange.method, url: Redactor.credentialsHidden(url: exchange.url), headers: headers(exchange.requestHeaders))
        response = Response(status: exchange.status, statusText: exchange.statusText, headers: headers(exchange.responseHeaders),
                            body: parsed ?? .string(String(decoding: body, as: UTF8.self)))
        error = exchange.error
        errorCode = exchange.errorCode?.rawValue
        bodyKind = parsed != nil ? .json : String(bytes: body, encoding: .utf8) != nil ? .text : .binary(bytes: body.count)
    }

    package func encode(to encoder: any Encoder) throws {
        try encoder.object([("number", number), ("startedAt", startedAt), ("ms", ms), ("request", request), ("response", response),
                            ("error", error)])
    }
}

/// What `recordings show FILE.har --answers` reports, as one value: the accounts and attendee
/// emails a replay of the file can answer, and with which commands. `--json` is this value encoded.
package struct RecordingAnswersReport: Sendable, Encodable {
    /// An account of the file: the words that find it and the commands a replay answers for it.
    package struct Account: Sendable, Encodable, Equatable {
        package var name: String
        package var id: String
        package var externalId: String?
        package var domains: [String]
        /// The words that find this account in a replay (name, domains, ids).
        package var answersAs: [String]
        package var commands: [String]
    }

    /// An attendee email and the commands a replay answers for it.
    package struct Email: Sendable, Encodable, Equatable {
        package var email: String
        package var commands: [String]
    }

    package var file: String
    package var accounts: [Account]
    package var emails: [Email]

    package init(_ recording: HARRecording) {
        let answers = RecordingAnswers(recording.exchanges)
        file = recording.url.lastPathComponent
        accounts = answers.accounts.map {
            Account(name: $0.name, id: $0.id, externalId: $0.externalId, domains: $0.domains, answersAs: $0.words, commands: $0.commands)
        }
        emails = answers.emails.map { Email(email: $0.email, commands: $0.commands) }
    }
}
