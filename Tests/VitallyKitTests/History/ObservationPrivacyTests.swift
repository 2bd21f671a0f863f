import Foundation
import Testing
import VitallyKit

@Suite struct ObservationPrivacyTests {
    @Test func theStoreHoldsNoNoteTextEmailOrPersonName() async throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try await withSimulator { client, _ in
            let index = try await AccountDirectory(client: client, tenant: "acme").load()
            let acme = try #require(index.accounts(named: "Acme Corp").first)
            return try await BriefGatherer(client: client).gather(accountId: acme.id)
        }
        #expect(!bundle.notes.isEmpty && !bundle.users.isEmpty)
        try store.record([Observation(account: bundle.account, at: scoreEpoch, breakdown: bundle.healthScores, users: bundle.users)], tenant: "acme")

        var forbidden = bundle.users.flatMap { [$0.name, $0.email] }.compactMap { $0 }
        forbidden += bundle.notes.flatMap { [$0.note, $0.subject, $0.author?.name, $0.author?.email] }.compactMap { $0 }
        forbidden += bundle.account.keyRoles.flatMap { [$0.member?.name, $0.member?.email] }.compactMap { $0 }
        #expect(forbidden.count > 10)
        let text = try store.allText().joined(separator: "\n")
        #expect(text.contains("Acme Corp"))
        for value in forbidden where value.count > 3 { #expect(!text.contains(value), "store holds \(value)") }
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: store.path)), as: UTF8.self)
        for value in forbidden where value.count > 3 { #expect(!bytes.contains(value), "the file holds \(value)") }
    }
}
