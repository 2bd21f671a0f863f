import Foundation
import VitallyKit

/// `recordings show FILE --answers`: the accounts and attendee emails a replay of the file can
/// answer, and with which commands (what TAB offers when replaying it).
extension RecordingsCommand {
    static func answers(_ recording: HARRecording) -> ShellOutput {
        let answers = RecordingAnswers(recording.exchanges)
        let file = recording.url.lastPathComponent
        let answerable = answers.accounts.filter { !$0.commands.isEmpty }
        let accountRows = answerable.map { account in
            [Span(account.name, .bold), Span(account.domains.first ?? "—"), Span(account.commands.joined(separator: " ")),
             Span(account.id, .dim)]
        }
        let emailRows = answers.emails.map { [Span($0.email), Span($0.commands.joined(separator: " "))] }
        let json: JSONValue = [
            "file": .string(file),
            "accounts": .array(answers.accounts.map { account in
                ["name": .string(account.name), "id": .string(account.id), "externalId": JSONValue(account.externalId),
                 "domains": .array(account.domains.map(JSONValue.string)), "answersAs": .array(account.words.map(JSONValue.string)),
                 "commands": .array(account.commands.map(JSONValue.string))]
            }),
            "emails": .array(answers.emails.map { email in
                ["email": .string(email.email), "commands": .array(email.commands.map(JSONValue.string))]
            }),
        ]
        var blocks: [OutputBlock] = [
            .text("\(file) answers \(answerable.count) of its \(answers.accounts.count) accounts and \(answers.emails.count) attendee "
                  + "email\(answers.emails.count == 1 ? "" : "s") in a replay (what TAB offers there; --json adds the words "
                  + "that find each account).")
        ]
        if !accountRows.isEmpty {
            blocks.append(.table(Table(columns: ["ACCOUNT", "DOMAIN", "COMMANDS", "ID"], rows: accountRows, flexible: [3])))
        }
        if !emailRows.isEmpty { blocks.append(.table(Table(columns: ["EMAIL", "COMMANDS"], rows: emailRows, flexible: [0]))) }
        return ShellOutput(blocks: blocks, json: json)
    }
}
