import Foundation
import Testing
import VitallyKit
import VitallySimulator

@Suite struct AccountDirectoryTests {
    @Test func aWarmCacheCostsOnePageInTheNextProcess() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("acme/accounts.json")
        try await withSimulator { client, simulator in
            let cold = AccountDirectory(client: client, tenant: "acme", cacheFile: cache)
            let first = try await cold.load()
            #expect(first.count == 360)
            #expect(await cold.lastLoad?.pagesFetched == 4)
            let mode = try FileManager.default.attributesOfItem(atPath: cache.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            await simulator.state.clearLog()
            let warm = AccountDirectory(client: client, tenant: "acme", cacheFile: cache)  // as a new process would
            let second = try await warm.load()
            #expect(second.count == 360)
            #expect(second.accounts(forDomain: "umbrella-health.com").map(\.name) == ["Umbrella Health"])
            let requests = await simulator.state.log
            #expect(requests.count == 1)
            #expect(requests.first?.path == "/resources/accounts")
            let report = try #require(await warm.lastLoad)
            #expect(report.fromCache && report.pagesFetched == 1 && report.accountsUpdated == 0 && report.total == 360)
        }
    }

    @Test(arguments: ["group-readable", "another owner"])
    func aCacheOthersCouldWriteIsNotTrustedAndIsRebuiltPrivately(how: String) async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("accounts.json")
        try await withSimulator { client, _ in
            _ = try await AccountDirectory(client: client, tenant: "acme", cacheFile: cache).load()
            if how == "group-readable" {
                #expect(chmod(cache.path, 0o644) == 0)
            } else {
                try #require(getuid() == 0, "changing a file's owner needs root")
                #expect(chown(cache.path, 65534, 65534) == 0)
            }
            #expect(PrivateFile.problem(at: cache.path) != nil)
            let next = AccountDirectory(client: client, tenant: "acme", cacheFile: cache)
            #expect(try await next.load().count == 360)
            #expect(await next.lastLoad?.fromCache == false, "an unsafe cache must not steer matching")
            #expect(PrivateFile.problem(at: cache.path) == nil, "the rebuilt cache is ours and 0600")
        }
    }

    @Test func anotherTenantsCacheIsIgnored() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("accounts.json")
        try await withSimulator { client, _ in
            _ = try await AccountDirectory(client: client, tenant: "acme", cacheFile: cache).load()
            let other = AccountDirectory(client: client, tenant: "globex", cacheFile: cache)
            _ = try await other.load()
            #expect(await other.lastLoad?.fromCache == false)
        }
    }

    @Test func theIndexLooksUpByRegistrableDomain() throws {
        let account = Account(json: try JSONParser.parse(#"{"id":"1","name":"Tyrell Ltd","traits":{"website":"http://tyrell.co.uk"}}"#))
        let index = AccountIndex([AccountSummary(account: account, traits: DomainTraits())])
        #expect(index.accounts(forDomain: "replicants.tyrell.co.uk").map(\.name) == ["Tyrell Ltd"])
        #expect(index.accounts(forDomain: "co.uk").isEmpty)
        #expect(index.accounts(named: "tyrell").map(\.id) == ["1"])
    }
}
