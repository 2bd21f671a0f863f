import Foundation
import Testing
import VitallySimulator
@testable import VitallyKit

/// A scrubbed copy must replay as the original does. For generated tenants (seeds, both
/// scenarios, both shapes), a session is recorded over loopback from the simulator: users' emails
/// matched, visitors at the users' domains, company-name guesses and free mail, and the
/// brief of the accounts they matched. The recording is scrubbed four ways (with and without
/// `--accounts` and `--domains`), and each copy is replayed with the emails mapped to their
/// pseudonyms: every email's match rule and accounts, and every brief's list of sections (which
/// have data, with how many insights), are the original's: company-name matches too, users' and
/// guesses made from an account's name (`bruce@wayneenterprises.com`) alike, under `--accounts`
/// and `--domains`; and the scrubber's own replay of the domain rules reports no change.
extension ScrubPropertyTests {
    /// What a session answered, in a form that survives pseudonyms: ids, rules, section ids.
    struct Answers: Equatable {
        var matches: [String: String] = [:]
        var briefs: [String: [String]] = [:]
    }

    static let tenants: [(seed: UInt64, scenario: TenantScenario, shape: TenantShape)] = [
        (3, .standard, .accounts), (5, .messy, .accounts), (8, .standard, .organizations), (13, .messy, .organizations),
    ]

    /// `rule: account ids` for an email; the brief's sections with their insight counts.
    static func describe(_ match: AttendeeMatch) -> String {
        (match.isInternal ? "internal" : match.rule?.rawValue ?? "none") + ": " + match.accounts.map(\.id).sorted().joined(separator: ",")
    }

    static func describe(_ brief: AccountBrief) -> [String] { brief.sections.map { "\($0.id) \($0.insights.count)" } }

    /// Runs the session's questions through `client`: `emails` matched one by one, then the
    /// briefs of the first accounts they matched (or of `briefAccounts` when given).
    static func session(_ client: VitallyClient, emails: [String], briefAccounts: [String]? = nil) async throws
        -> (answers: Answers, briefed: [String])
    {
        let matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "property"),
                                      team: TeamDirectory(client: client))
        var answers = Answers()
        var briefed: [String] = []
        for email in emails {
            let match = try await matcher.match(email, title: nil)
            answers.matches[email] = describe(match)
            for id in match.accounts.map(\.id) where briefed.count < 4 && !briefed.contains(id) { briefed.append(id) }
        }
        for id in briefAccounts ?? briefed {
            let bundle = try await BriefGatherer(client: client).gather(accountId: id)
            let brief = BriefComposer(now: testAnchor).compose(title: nil, meetingStart: nil, matches: [], bundles: [bundle])
            answers.briefs[id] = brief.accounts.first.map(describe) ?? []
        }
        return (answers, briefAccounts ?? briefed)
    }

    /// The emails a session asks about: sixteen users' drawn from the first hundred, a visitor at
    /// six of their domains, a guess from each of five account names (`bruce@wayneenterprises.com`),
    /// and free mail.
    static func emails(users: [User], accounts: [Account], _ g: inout Generator) -> [String] {
        let userEmails = Array(users.compactMap { $0.email?.lowercased() }.filter(Domain.isEmail).shuffled(using: &g).prefix(16))
        let domains = Array(Set(userEmails.compactMap(Domain.ofEmail)).sorted().prefix(6))
        let visitors = domains.enumerated().map { "visitor.\($0.offset)@\($0.element)" }
        let guesses = accounts.shuffled(using: &g).prefix(5).map { account in
            "guess@" + account.name.lowercased().filter { $0.isLetter || $0.isNumber } + ".com"
        }
        return Array(Set(userEmails + visitors + guesses + ["someone.\(g.next() % 100)@gmail.com"])).sorted()
    }

    @Test(arguments: 0..<4) func aScrubbedCopyReplaysTheSameMatchRulesAndBriefSections(_ tenant: Int) async throws {
        let (seed, scenario, shape) = Self.tenants[tenant]
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("tenant.har")
        var g = Generator(seed: seed)

        // Record the session live, over loopback.
        let simulator = try await SimulatorServer.start({
            var options = SimulatorOptions(token: testToken, anchor: testAnchor)
            options.seed = seed
            options.accountCount = 40
            options.scenario = scenario
            options.shape = shape
            options.rateLimitPerMinute = 1_000_000
            return options
        }())
        let recorded: (answers: Answers, briefed: [String]), emails: [String]
        do {
            let (client, recorder) = try await recordingClient(simulator, file: original)
            let users = try await client.users().collect(limit: 100)
            let accounts = try await client.accounts().collect(limit: 100)
            emails = Self.emails(users: users, accounts: accounts, &g)
            recorded = try await Self.session(client, emails: emails)
            try await recorder.close()
            await simulator.stop()
        } catch {
            await simulator.stop()
            throw error
        }
        #expect(recorded.answers.matches.count == emails.count)
        #expect(!recorded.briefed.isEmpty, "the session briefs at least one account")
        #expect(Set(recorded.answers.matches.values.map { $0.prefix { $0 != ":" } }).count >= 3, "several rules answer: \(recorded.answers.matches.values)")

        // The original replays as recorded: the comparison below is of scrubbing, not of replaying.
        let replayedOriginal = try await Self.session(Self.replayClient(try HARReader.load(original)), emails: emails, briefAccounts: recorded.briefed)
        #expect(replayedOriginal.answers == recorded.answers)

        for (accounts, domains) in [(false, false), (true, false), (false, true), (true, true)] {
            let label = "seed \(seed) \(scenario) \(shape)" + (accounts ? " --accounts" : "") + (domains ? " --domains" : "")
            let copy = folder.appendingPathComponent("scrubbed-\(accounts)-\(domains).har")
            let report = try RecordingScrubber.scrub(
                original, to: copy, options: ScrubOptions(salt: "replay-property-salt-\(seed)", domains: domains, accounts: accounts))
            let replayed = try await Self.session(
                Self.replayClient(try HARReader.load(copy)), emails: emails.map(report.map.translate), briefAccounts: recorded.briefed)
            #expect(replayed.answers.briefs == recorded.answers.briefs, "\(label): brief sections")
            for email in emails {
                let before = recorded.answers.matches[email]
                let after = replayed.answers.matches[report.map.translate(email)]
                #expect(after == before, "\(label): \(email) matched \(before ?? "-") and, scrubbed, \(after ?? "-")")
            }
            #expect(report.lostCompanyMatches.isEmpty, "\(label): \(report.lostCompanyMatches)")
        }
    }

    static func replayClient(_ recording: HARRecording) -> VitallyClient {
        VitallyClient(transport: RetryingTransport(base: ReplayTransport(recording: recording, recordHint: "-"), clock: VirtualRetryClock()))
    }
}
