import Foundation
import Testing
import VitallyKit

/// The history store is refused, as the config is, when others can write it or it links to
/// another user's file: a planted row would change what `health` says. It keeps no account
/// name that looks like an email or a person's name.
@Suite struct HistoryStoreTrustTests {
    func untrusted(_ url: URL) -> HistoryError? {
        do {
            _ = try ObservationStore(url: url)
            return nil
        } catch {
            return error
        }
    }

    @Test func aStoreOthersCanWriteIsRefusedWithTheCommandThatFixesIt() throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.record([Observation(accountId: "a1", accountName: "Acme Corp", observedAt: scoreEpoch, healthScore: 0.5)], tenant: "acme")
        let url = URL(fileURLWithPath: store.path)
        #expect(chmod(store.path, 0o666) == 0)
        let error = try #require(untrusted(url))
        #expect(error.cause == .untrusted)
        #expect(error.detail.contains("can be written by other users") && error.detail.contains("chmod 600 '\(store.path)'"))
        #expect(!error.detail.contains("\n"))
        // As the error says: after chmod 600 it opens again.
        #expect(chmod(store.path, 0o600) == 0)
        #expect(untrusted(url) == nil)
    }

    @Test func aLinkToAnotherUsersFileIsRefusedAndOneToOwnFileIsFollowed() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Another user's file: one made here and given away (as root), or a root-owned system file.
        let foreign: String
        if getuid() == 0 {
            foreign = folder.appendingPathComponent("theirs.sqlite").path
            #expect(FileManager.default.createFile(atPath: foreign, contents: nil, attributes: [.posixPermissions: 0o600]))
            #expect(chown(foreign, 65534, 65534) == 0)
        } else {
            foreign = "/etc/hostname"
        }
        let link = folder.appendingPathComponent("observations.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: foreign)
        let error = try #require(untrusted(link))
        #expect(error.cause == .untrusted)
        #expect(error.detail.contains("symbolic link to a file of another user") && error.detail.contains("rm '\(link.path)'"))
        if getuid() == 0 {
            let attributes = try FileManager.default.attributesOfItem(atPath: foreign)
            #expect(attributes[.size] as? Int == 0, "the other user's file was not touched")
        }

        let own = folder.appendingPathComponent("mine.sqlite")
        _ = try ObservationStore(url: own)
        let ownLink = folder.appendingPathComponent("linked.sqlite")
        try FileManager.default.createSymbolicLink(atPath: ownLink.path, withDestinationPath: own.path)
        #expect(untrusted(ownLink) == nil)
    }

    @Test func accountNamesThatLookLikeAPersonOrAnEmailAreStoredAsTheirId() throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["jane.doe@gmail.com": false, "Jane Doe": false, "Jürgen Weiß": false, "DOE, Jane": false,
                     "Acme Corp": true, "Wayne Enterprises": true, "Initech": true, "Stark Industries EMEA": true, "Orbit Bank 16": true]
        let observations = names.keys.sorted().enumerated().map { index, name in
            Observation(accountId: "id-\(index)", accountName: name, observedAt: scoreEpoch, healthScore: 7)
        }
        try store.record(observations, tenant: "b2c")
        let text = try store.allText()
        for (index, name) in names.keys.sorted().enumerated() {
            let kept = names[name]!
            #expect(text.contains(name) == kept, "\(name)")
            #expect(text.contains("account ‹id-\(index)›") == !kept, "\(name)")
        }
        // Ids and numbers are kept whatever the name.
        let stored = try store.observations(tenant: "b2c", accountId: "id-\(names.keys.sorted().firstIndex(of: "Jane Doe")!)")
        #expect(stored.first?.healthScore == 7 && stored.first?.accountName.hasPrefix("account ‹") == true)
    }
}
