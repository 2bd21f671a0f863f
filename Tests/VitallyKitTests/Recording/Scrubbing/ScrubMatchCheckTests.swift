import Foundation
import Testing
@testable import VitallyKit

/// With `--accounts` or `--domains`, a domain that names an account keeps naming it in the copy,
/// and the scrubber replays the domain rules on both files and names any domain whose match changed.
@Suite struct ScrubMatchCheckTests {
    /// A HAR with the account list and the user list, as two entries.
    func recording() throws -> String {
        let accounts = #"{"results":[{"id":"9b2f1c0e-1111-4a5b-9c3d-2e4f5a6b7c8d","name":"Wayne Enterprises","externalId":"wayne-001"},{"id":"3c4d5e6f-3333-4c5d-8e9f-1a2b3c4d5e6f","name":"Stark Industries"}],"next":null}"#
        let users = #"{"results":[{"id":"5d6e7f80-2222-4b5c-8d9e-0f1a2b3c4d5e","name":"Bruce Wayne","email":"bruce@wayneenterprises.com"}],"next":null}"#
        let first = try JSONParser.parse(Array(ScrubAttackTests.har(url: "https://acme.rest.vitally.io/resources/accounts?limit=100", body: accounts).utf8))
        let second = try JSONParser.parse(Array(ScrubAttackTests.har(url: "https://acme.rest.vitally.io/resources/users?limit=100", body: users).utf8))
        guard case .object(var root) = first, case .object(var log)? = root["log"], case .array(let entries)? = log["entries"],
            let more = second["log"]?["entries"]?.array
        else { throw VitallyError(.decoding) }
        log["entries"] = .array(entries + more)
        root["log"] = .object(log)
        return JSONValue.object(root).serialized()
    }

    /// The scrubbed copy's user email and what its domain matches there by company name.
    static func companyMatch(in url: URL) throws -> (email: String, outcome: ScrubMatchCheck.Outcome) {
        let snapshot = RecordingSnapshot(try HARReader.load(url))
        let email = try #require(snapshot.users["5d6e7f80-2222-4b5c-8d9e-0f1a2b3c4d5e"]?.label)
        let domain = Domain.registrable(try #require(Domain.ofEmail(email)))
        var empty = RecordingSnapshot()
        empty.accounts = snapshot.accounts
        empty.accountOrder = snapshot.accountOrder
        return (email, ScrubMatchCheck.outcome(
            domain, in: empty, index: ScrubMatchCheck.DomainIndex(empty), names: CompanyNameIndex(accountNames: empty)))
    }

    /// The tried case of issue 21: `bruce@wayneenterprises.com` matched Wayne Enterprises by name
    /// in the original and no account in the `--accounts` copy. Now the domain is pseudonymised
    /// from the name's pseudonym, and the copy still matches by company name, whichever options.
    @Test(arguments: [(true, false), (false, true), (true, true)])
    func theWayneEnterprisesCaseStillMatchesByCompanyName(_ accounts: Bool, _ domains: Bool) throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.har")
        try Data(try recording().utf8).write(to: input)
        let output = folder.appendingPathComponent("out.har")
        let report = try RecordingScrubber.scrub(input, to: output, options: ScrubOptions(salt: "match-check-salt-0123456789",
                                                                                          domains: domains, accounts: accounts))
        #expect(report.lostCompanyMatches.isEmpty)
        let (email, outcome) = try Self.companyMatch(in: output)
        #expect(outcome == ScrubMatchCheck.Outcome(rule: .companyName, accountIds: ["9b2f1c0e-1111-4a5b-9c3d-2e4f5a6b7c8d"]), "\(email)")
        let text = try String(contentsOf: output, encoding: .utf8)
        if accounts {
            // The name and the domain that spells it are both gone; the domain is the name's pseudonym.
            #expect(!text.contains("Wayne") && !text.lowercased().contains("wayneenterprises"))
            let pseudonym = Pseudonymizer(salt: "match-check-salt-0123456789").accountName("Wayne Enterprises")
            #expect(email.hasSuffix("@" + CompanyName.tokens(pseudonym).joined() + ".example"), "\(email) for \(pseudonym)")
        } else {
            #expect(email.hasSuffix("@wayneenterprises.example"), "\(email)")
        }
        #expect(report.map.translate("bruce@wayneenterprises.com") == email)
    }

    /// The check itself: a copy whose names are pseudonyms but read as if domains had been kept
    /// (what the scrub wrote before) is reported, one line per domain that changed, including the
    /// guess domain of an account no user has.
    @Test func aChangedMatchIsReportedPerDomain() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.har")
        try Data(try recording().utf8).write(to: input)
        let salt = "match-check-salt-0123456789"
        let kept = try RecordingScrubber.scrub(input, to: folder.appendingPathComponent("kept.har"), options: ScrubOptions(salt: salt))
        #expect(kept.lostCompanyMatches.isEmpty)
        let output = folder.appendingPathComponent("renamed.har")
        _ = try RecordingScrubber.scrub(input, to: output, options: ScrubOptions(salt: salt, accounts: true))
        let original = try HARReader.load(input)
        // Against a copy scrubbed with kept names, the renamed copy's domain no longer names the account.
        let copy = try HARReader.load(folder.appendingPathComponent("kept.har"))
        #expect(ScrubMatchCheck.changedMatches(original: original, scrubbed: copy, options: ScrubOptions(salt: salt, accounts: true))
            == ["wayneenterprises.com: company name (Wayne Enterprises) -> no account",
                "starkindustries.com: company name (Stark Industries) -> no account"])
        #expect(ScrubMatchCheck.changedMatches(original: original, scrubbed: try HARReader.load(output),
                                               options: ScrubOptions(salt: salt, accounts: true)).isEmpty)
    }

    /// The domains are answered a batch at a time on every core: the demo recording against a
    /// copy whose names were kept, read as if renamed, changes hundreds of matches, and batches of
    /// one give the lines of a single batch, in the same order.
    @Test func batchesOnEveryCoreReportWhatOneBatchReports() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = packageRoot.appendingPathComponent("recordings/demo.har")
        let kept = folder.appendingPathComponent("kept.har")
        _ = try RecordingScrubber.scrub(demo, to: kept, options: ScrubOptions(salt: "match-check-salt-0123456789"))
        let before = RecordingSnapshot(try HARReader.load(demo)), after = RecordingSnapshot(try HARReader.load(kept))
        let options = ScrubOptions(salt: "match-check-salt-0123456789", domains: true, accounts: true)
        let whole = ScrubMatchCheck.changedMatches(before: before, after: after, options: options, batchSize: .max)
        #expect(whole.count > 20, "\(whole.count) changed")
        for size in [1, 7, 64] {
            #expect(ScrubMatchCheck.changedMatches(before: before, after: after, options: options, batchSize: size) == whole, "batches of \(size)")
        }
        // The scrub reads both files for matching only (names, domain traits, users), the copy
        // sharing the original's ids: the same lines as from whole snapshots.
        let lean = try RecordingSnapshot.read(demo, forMatching: true)
        let leanCopy = try RecordingSnapshot.read(kept, forMatching: true, sharingWith: lean)
        #expect(lean.requestOrder.isEmpty && lean.activities.isEmpty)
        #expect(ScrubMatchCheck.changedMatches(before: lean, after: leanCopy, options: options) == whole)
    }

    /// An account whose traits name one registrable domain twice counts once at it, and accounts
    /// sharing a domain trait are all named, by id, whatever their order in the file.
    @Test func aDomainTraitNamesEachAccountOnce() {
        var snapshot = RecordingSnapshot()
        let traits = ["b-2": ["domain=acme.com", "website=https://www.acme.com/about"], "a-1": ["domain=eu.acme.com"], "c-3": ["domain=globex.com"]]
        for id in ["b-2", "c-3", "a-1"] {
            snapshot.accounts[id] = RecordingSnapshot.AccountFacts(name: "Account " + id, externalId: nil, domainTraits: traits[id] ?? [])
            snapshot.accountOrder.append(id)
        }
        let index = ScrubMatchCheck.DomainIndex(snapshot)
        #expect(index.traitAccounts("acme.com").count == 2)
        let names = CompanyNameIndex(accountNames: snapshot)
        #expect(ScrubMatchCheck.outcome("acme.com", in: snapshot, index: index, names: names)
            == ScrubMatchCheck.Outcome(rule: .accountDomainTrait, accountIds: ["a-1", "b-2"]))
        #expect(ScrubMatchCheck.outcome("globex.com", in: snapshot, index: index, names: names)
            == ScrubMatchCheck.Outcome(rule: .accountDomainTrait, accountIds: ["c-3"]))
        #expect(ScrubMatchCheck.outcome("initech.com", in: snapshot, index: index, names: names).rule == nil)
    }
}
