import Foundation
import Testing
@testable import VitallyKit

/// `recordings diff` builds only the members of a body it reads; what it notes must be what the
/// whole body gives, on recordings and bodies nobody here wrote for it.
@Suite struct SnapshotDigestTests {
    static func same(_ exchange: RecordedExchange) -> Bool {
        let pruned = RecordingSnapshot.Digest(exchange), whole = RecordingSnapshot.Digest(exchange, wholeBody: true)
        // Field by field: a set's description depends on its storage, not only its members.
        return pruned.key == whole.key && pruned.listsAccounts == whole.listsAccounts
            && pruned.accounts.map(\.id) == whole.accounts.map(\.id) && pruned.accounts.map(\.facts) == whole.accounts.map(\.facts)
            && pruned.users == whole.users
            && pruned.activities.map { $0.map { "\($0.id)|\($0.title)|\($0.accountId ?? "-")" } }
                == whole.activities.map { $0.map { "\($0.id)|\($0.title)|\($0.accountId ?? "-")" } }
    }

    static func exchange(_ path: String, _ body: String) -> RecordedExchange {
        RecordedExchange(startedAt: Date(timeIntervalSince1970: 0), timeMilliseconds: 1, method: "GET", url: "https://x.rest.vitally.io" + path,
                         path: path, query: [], requestHeaders: [], status: 200, statusText: "OK", responseHeaders: [],
                         mimeType: "application/json", body: Array(body.utf8))
    }

    @Test func theRepositoryRecordingsDigestAsTheirWholeBodies() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("recordings")
        var noted = 0
        for name in ["demo.har", "demo-scrubbed.har"] {
            for exchange in try HARReader.load(folder.appendingPathComponent(name)).exchanges {
                #expect(Self.same(exchange), "\(name) \(exchange.path)")
                let digest = RecordingSnapshot.Digest(exchange)
                noted += digest.accounts.count + (digest.users?.count ?? 0) + (digest.activities?.count ?? 0)
            }
        }
        #expect(noted > 500)
    }

    /// Shapes a tenant can send: a single record, a page, repeated keys, other types where a
    /// string is expected, `results` that is not a list, a path that is both accounts and users.
    @Test func oddBodiesDigestAsTheirWholeBodies() {
        let bodies = [
            #"{"id":"a","name":"A","traits":{"Domain":"a.com","website":["https://a.com",""]},"mrr":12.5,"healthScore":null}"#,
            #"{"results":[{"id":"a","id":"b","name":"A","name":7,"status":"active","churnedAt":"2026-01-01"},3,null,[]],"next":"x"}"#,
            #"{"results":{"id":"a"},"id":"top","name":"Top","externalId":"e-1","nextRenewalDate":"2027-01-01"}"#,
            #"{"results":[{"id":"u","accountIds":["a","b",3],"email":"pat@acme.com","name":"Pat"},{"id":"v","name":"No email"}]}"#,
            #"{"results":[{"id":"n1","subject":"Call","accountId":"a","body":"<p>hi</p>"},{"id":"t1","name":"Task"},{"subject":"x"}]}"#,
            #"{}"#, #"[]"#, #""text""#, #"{"results":[]}"#, #"{"id":{"nested":true},"name":["A"],"traits":"none"}"#,
        ]
        let paths = ["/resources/accounts", "/resources/accounts/a", "/resources/users", "/resources/accounts/a/users",
                     "/resources/accounts/users", "/resources/accounts/a/notes", "/resources/tasks", "/resources/admins"]
        for body in bodies {
            for path in paths {
                #expect(Self.same(Self.exchange(path, body)), "\(path) \(body)")
            }
        }
    }
}
