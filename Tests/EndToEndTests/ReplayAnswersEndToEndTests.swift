import Foundation
import Testing
import VitallyKit

/// A replay offers, suggests and lists only what its recording answers: TAB on a real terminal,
/// the "did you mean" of a miss, and `recordings show FILE --answers`.
@Suite(.serialized) struct ReplayAnswersEndToEndTests {
    let prompt = "vitally[brightwave · replay]> "
    static let acmeID = "470bbb43-4f99-4baf-9530-a3095569f221"

    /// demo.har (read, never changed) plus two planted list pages: a user and an account that
    /// appear in a list, but whose own requests (a user search, the account) were never recorded.
    static func plantedRecording(in folder: URL) throws -> URL {
        let demo = try HARReader.load(packageRoot.appendingPathComponent("recordings/demo.har"))
        let template = try #require(demo.exchanges.first { $0.path == "/resources/accounts" && $0.status == 200 })
        let base = template.url.components(separatedBy: "/resources/")[0]
        func page(_ path: String, _ query: String, _ row: String) -> RecordedExchange {
            var exchange = template
            exchange.url = base + path + "?" + query
            exchange.path = path
            exchange.query = query.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return QueryItem(parts[0], parts[1])
            }
            exchange.body = Array(#"{"results":[\#(row)],"next":null}"#.utf8)
            return exchange
        }
        let planted = [
            page("/resources/users", "limit=1&from=planted",
                 #"{"id":"u-planted","name":"Planted User","email":"planted.user@acme.com","accountIds":["\#(acmeID)"]}"#),
            page("/resources/accounts", "status=active&limit=1&from=planted",
                 #"{"id":"acc-planted","name":"Quokka Planted","traits":{},"usersCount":1,"healthScore":5}"#),
        ]
        let entries = (demo.exchanges + planted).enumerated().map { HARWriter.serialize(entry: HARWriter.entry($0.element, order: $0.offset)) }
        let file = folder.appendingPathComponent("planted.har")
        try HARWriter.document(header: HARWriter.logHeader(try #require(demo.info)), serializedEntries: entries)
            .write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// What the screen shows for a partial word and TAB (then the line is cleared and `help`
    /// runs, so that everything the TAB drew is on the screen before it is read).
    func tab(_ pty: PTY, _ partial: String, command: String) async throws -> String {
        try await pty.expect(prompt)
        let start = pty.output.count
        try await pty.type(partial + "\t")
        try await pty.type("\u{15}help \(command)\r")
        try await pty.expect("\(command) — ")
        return String(decoding: pty.output[start...], as: UTF8.self)
    }

    @Test func tabOffersOnlyWhatTheRecordingAnswers() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = try Self.plantedRecording(in: home)
        let pty = try PTY(shellBinary, ["--replay", file.path], environment: env, directory: packageRoot.path)
        // Answerable: the user search for pat.lee@acme.com and the account dm-scranton were recorded.
        // The editor echoes what TAB inserts: the rest of the word.
        #expect(try await tab(pty, "match pat.le", command: "match").contains("e@acme.com"))
        #expect(try await tab(pty, "health dm-scr", command: "health").contains("anton"))
        // In the recording's lists, but nothing a command asks about them was recorded.
        let user = try await tab(pty, "match plan", command: "match")
        #expect(!user.contains("ted.user"), "offered a user the replay cannot answer: \(user.debugDescription)")
        let account = try await tab(pty, "health Quo", command: "health")
        #expect(!account.contains("okka"), "offered an account the replay cannot answer: \(account.debugDescription)")
        try await pty.expect(prompt)
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    @Test func aMissOnAnAccountIdThatNamesAnAccountSuggestsIt() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try await runShell(["--replay", "recordings/demo.har", "-c", "health acme"], environment: env)
        #expect(run.status != 0)
        #expect(run.err.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(run.err)")
        #expect(run.err.contains("no recorded answer for 'acme' in demo.har; did you mean Acme Corp? type 'acme.com'"), "\(run.err)")
        #expect(!run.err.contains("470bbb43"), "no random ids on the one line: \(run.err)")
        let verbose = try await runShell(["--replay", "recordings/demo.har", "--verbose", "-c", "health acme"], environment: env)
        #expect(verbose.err.contains("Acme Corp answers as: acme.com, acme-001"), "\(verbose.err)")
        #expect(verbose.err.contains("to record it: "), "\(verbose.err)")
        // A one-word name is asked as an id, so the name itself misses: the line says what to type.
        let oneWord = try await runShell(["--replay", "recordings/demo.har", "-c", "health Oscorp"], environment: env)
        #expect(oneWord.err.contains("did you mean Oscorp? type 'oscorp.com'"), "\(oneWord.err)")
        // An id nothing is like keeps the plain miss.
        let other = try await runShell(["--replay", "recordings/demo.har", "-c", "health zzqx-77"], environment: env)
        #expect(other.err.contains("GET /resources/accounts/zzqx-77 is not in demo.har"), "\(other.err)")
    }

    @Test func recordingsShowAnswersListsAccountsAndEmails() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = try Self.plantedRecording(in: home)
        let text = try await runShell(["-c", "recordings show \(file.path) --answers"], environment: env)
        #expect(text.status == 0, "\(text.err)")
        let acme = try #require(text.out.split(separator: "\n").first { $0.hasPrefix("Acme Corp ") })
        // The id comes last: a narrow screen cuts it short (JSON holds it whole), never the commands.
        #expect(acme.contains("acme.com") && acme.contains("health notes tasks users nps timeline  470bbb43"), "\(acme)")
        #expect(text.out.contains("pat.lee@acme.com"))
        #expect(!text.out.contains("Quokka") && !text.out.contains("planted.user"), "\(text.out)")

        let json = try await runShell(["-c", "recordings show \(file.path) --answers --json"], environment: env)
        #expect(json.status == 0, "\(json.err)")
        let document = try JSONParser.parse(json.out)
        let accounts = try #require(document["accounts"]?.array)
        let acmeJSON = try #require(accounts.first { $0["name"]?.string == "Acme Corp" })
        #expect(acmeJSON["id"]?.string == Self.acmeID)
        #expect(acmeJSON["domains"]?.array?.first?.string == "acme.com")
        #expect(acmeJSON["commands"]?.array?.compactMap(\.string).contains("health") == true)
        let quokka = try #require(accounts.first { $0["name"]?.string == "Quokka Planted" })
        #expect(quokka["commands"]?.array?.isEmpty == true)
        let emails = try #require(document["emails"]?.array).compactMap { $0["email"]?.string }
        #expect(emails.contains("pat.lee@acme.com"))
        #expect(!emails.contains("planted.user@acme.com"))
    }
}
