import Foundation

/// The tenant's accounts for name and domain lookups: scanned once with
/// `status=activeOrChurned` sorted by `createdAt` (Vitally's docs warn that a full pass by
/// `updatedAt` can miss rows that change while it pages), cached on disk per tenant, refreshed
/// incrementally (newest `updatedAt` first, stopping at what the cache already holds).
public actor AccountDirectory {
    /// How the last load went, for `doctor`, `status` and the benchmark.
    package struct LoadReport: Sendable, Equatable {
        package var fromCache: Bool
        package var pagesFetched: Int
        package var accountsUpdated: Int
        package var total: Int
    }

    let client: VitallyClient
    let cacheFile: URL?
    let tenant: String
    /// "Now" for the cache's scan time, handed in by whoever owns the clock.
    let clock: @Sendable () -> Date
    private let index = SharedRead<AccountIndex>()
    private var traits: DomainTraits?
    package private(set) var lastLoad: LoadReport?
    /// Accounts read by scans since the last `takeScanned()`, for the history store.
    private var scanned: [Account] = []
    /// Called with the number of accounts read so far while scanning.
    var onProgress: (@Sendable (Int) -> Void)?
    /// The tenant's organizations, for the rules and commands that read them.
    package nonisolated let organizations: OrganizationDirectory

    public init(client: VitallyClient, tenant: String, cacheFile: URL? = nil, clock: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.clock = clock
        self.tenant = tenant
        self.cacheFile = cacheFile
        organizations = OrganizationDirectory(client: client)
    }

    package func setProgressHandler(_ handler: (@Sendable (Int) -> Void)?) { onProgress = handler }

    /// The trait keys that hold domains for this tenant (one `customFields` read, then remembered).
    /// When that read fails for any reason but a cancellation, matching goes on with the
    /// well-known keys and `customFieldsFailure` says why.
    package func domainTraits() async throws -> DomainTraits {
        if let traits { return traits }
        let found: DomainTraits
        do {
            found = DomainTraits(customFields: try await client.customFields(model: "accounts"))
        } catch let error as VitallyError where error.code != .cancelled {
            found = DomainTraits(fallbackAfter: error)
        }
        traits = found
        return found
    }

    /// The index, loading it on first use; concurrent callers share one load.
    package func load() async throws -> AccountIndex { try await index.get { try await self.performLoad() } }

    /// The index if a load already finished, else nil: never a request, never waits for a load.
    package func loadedIndex() async -> AccountIndex? { await index.current }

    /// The accounts scans read since the last call, and forgets them.
    package func takeScanned() -> [Account] {
        defer { scanned = [] }
        return scanned
    }

    /// The index already in memory, else the one cached on disk: never a request (cohorts use it).
    package func indexInHand() async -> AccountIndex? {
        if let index = await index.current { return index }
        guard let cacheFile, let data = try? Data(contentsOf: cacheFile), let json = try? JSONParser.parse(Array(data)),
            json["tenant"]?.string == tenant
        else { return nil }
        return AccountIndex.from(json: json)?.index
    }

    private func performLoad() async throws -> AccountIndex {
        var cached: AccountIndex?
        // A cache another user could have written or read is not trusted; the scan rebuilds it privately.
        if let cacheFile, PrivateFile.problem(at: cacheFile.path) == nil, let data = try? Data(contentsOf: cacheFile), let json = try? JSONParser.parse(Array(data)),
            json["tenant"]?.string == tenant, let parsed = AccountIndex.from(json: json)
        {
            cached = parsed.index
            traits = DomainTraits(keys: parsed.domainKeys.isEmpty ? DomainTraits.wellKnownKeys : parsed.domainKeys)
        }
        let traits = try await domainTraits()
        var index = cached ?? AccountIndex()
        let stopAt = cached?.newestUpdatedAt
        // A full scan pages by createdAt (stable while data changes); a refresh reads the newest
        // updatedAt first and stops at the first account the cache already has at that stamp.
        var iterator = client.accounts(status: .activeOrChurned, sortBy: cached == nil ? "createdAt" : nil).makeAsyncIterator()
        var updated = 0
        while let account = try await iterator.next() {
            let stamp = account.raw["updatedAt"]?.string ?? ""
            if let stopAt, stamp <= stopAt, index.account(id: account.id)?.updatedAt == stamp { break }
            index.upsert(AccountSummary(account: account, traits: traits))
            scanned.append(account)
            updated += 1
            if updated % 100 == 0 { onProgress?(updated) }
        }
        lastLoad = LoadReport(
            fromCache: cached != nil, pagesFetched: iterator.pagesFetched, accountsUpdated: updated, total: index.count)
        if let cacheFile { try? save(index, traits: traits, to: cacheFile) }
        return index
    }

    private func save(_ index: AccountIndex, traits: DomainTraits, to file: URL) throws {
        let text = index.json(tenant: tenant, domainKeys: traits.keys, scannedAt: clock()).serialized()
        try AtomicFile.write(Data(text.utf8), to: file, permissions: 0o600)
    }
}
