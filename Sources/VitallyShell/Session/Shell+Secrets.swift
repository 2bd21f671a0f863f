import Foundation
import VitallyKit

extension Shell {
    /// Every form of every token this session knows (environment, saved, connected, typed),
    /// for scrubbing what is shown and what goes into the history.
    package var secrets: [String] {
        var tokens = typedTokens
        for token in [environment.environmentCredentials?.token, connection.credentials?.token].compactMap({ $0 }) {
            tokens.append(token)
        }
        var seen = Set<String>()
        return tokens.flatMap { token in [token, token.trimmingCharacters(in: .whitespacesAndNewlines)] }
            .filter { seen.insert($0).inserted }
            .flatMap(Redactor.forms(of:))
            .sorted { $0.count > $1.count }
    }

    /// Remembers a token given to `connect`, so later output and history never show it.
    func noteTypedToken(_ token: String) {
        if !typedTokens.contains(token) { typedTokens.append(token) }
    }

    /// The result with every known secret replaced in its error line, its text and its JSON.
    func scrubbed(_ result: CommandResult) -> CommandResult {
        let secrets = self.secrets
        guard !secrets.isEmpty else { return result }
        var copy = result
        copy.error = result.error.map { LineRedactor.redactUserinfo(Redactor.scrub($0, secrets: secrets)) }
        copy.errorDetail = result.errorDetail.map { LineRedactor.redactUserinfo(Redactor.scrub($0, secrets: secrets)) }
        copy.output = result.output.scrubbed(secrets)
        return copy
    }
}

extension ShellOutput {
    /// The text blocks and verbatim text with secrets replaced (the JSON is scrubbed where it is printed).
    func scrubbed(_ secrets: [String]) -> ShellOutput {
        func clean(_ spans: [Span]) -> [Span] { spans.map { Span(Redactor.scrub($0.text, secrets: secrets), $0.style) } }
        var copy = self
        copy.blocks = blocks.map { block in
            switch block {
            case .line(let spans): return .line(clean(spans))
            case .fields(let fields): return .fields(fields.map { Field(Redactor.scrub($0.label, secrets: secrets), spans: clean($0.value)) })
            case .definitions(let fields):
                return .definitions(fields.map { Field(Redactor.scrub($0.label, secrets: secrets), spans: clean($0.value)) })
            case .table(var table):
                table.rows = table.rows.map(clean)
                return .table(table)
            case .bars(var bars):
                bars.bars = bars.bars.map { ReportBar(Redactor.scrub($0.label, secrets: secrets), matched: $0.matched, unmatched: $0.unmatched) }
                return .bars(bars)
            case .blank: return .blank
            }
        }
        copy.verbatim = verbatim.map { Redactor.scrub($0, secrets: secrets) }
        return copy
    }
}
