import Foundation
import Testing
@testable import VitallyKit

/// With `--accounts`, the scrubber runs the company-name rule for every user email on both files
/// and names the emails that matched an account by name before and match none in the copy.
@Suite struct ScrubMatchCheckTests {
    /// A HAR with the account list and the user list, as two entries.
    func recording() throws -> String {
        let accounts = #"{"results":[{"id":"9b2f1c0e-1111-4a5b-9c3d-2e4f5a6b7c8d","name":"Wayne Enterprises","externalId":"wayne-001"}],"next":null}"#
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

    @Test func theWayneEnterprisesCaseIsReportedUnderAccountsOnly() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.har")
        try Data(try recording().utf8).write(to: input)
        let salt = "match-check-salt-0123456789"
        let kept = try RecordingScrubber.scrub(input, to: folder.appendingPathComponent("kept.har"), options: ScrubOptions(salt: salt))
        #expect(kept.lostCompanyMatches.isEmpty)
        let renamed = try RecordingScrubber.scrub(input, to: folder.appendingPathComponent("renamed.har"),
                                                  options: ScrubOptions(salt: salt, accounts: true))
        #expect(renamed.lostCompanyMatches == ["bruce@wayneenterprises.com (Wayne Enterprises)"])
    }
}
