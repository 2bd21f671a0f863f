import Foundation
import VitallyKit

extension Shell {
    /// Sets the history source from the start-up flags (`--observations FILE`, `--no-observations`).
    package func configureHistory(file: String?, disabled: Bool) {
        historySession.explicitFile = file.map { name in
            name.hasPrefix("/") ? URL(fileURLWithPath: name) : environment.workingDirectory.appendingPathComponent(name)
        }
        historySession.disabled = disabled
    }

    /// The file this session reads history from, or why there is none. Recording reads only
    /// `--observations` too, so a recording's replay prints what the recording session printed.
    var historyFile: (url: URL?, why: String) {
        if historySession.disabled { return (nil, "--no-observations is on") }
        if let explicit = historySession.explicitFile { return (explicit, "") }
        if connection.mode == .replay || connection.mode == .record {
            return (nil, "recordings and replays read account history only from --observations FILE.sqlite")
        }
        if connection.mode == .offline { return (nil, "not connected") }
        guard let local = localHistoryFile else { return (nil, "no data folder ($XDG_DATA_HOME or $HOME)") }
        return (local, "")
    }

    var localHistoryFile: URL? { environment.dataDirectory?.appendingPathComponent("observations.sqlite") }

    /// Where live and record modes write what they saw: `--observations`, else the local store.
    var historyWriteFile: URL? {
        guard !historySession.disabled, connection.mode == .live || connection.mode == .record else { return nil }
        return historySession.explicitFile ?? localHistoryFile
    }

    /// The open store (the reading one unless `file` is given), or nil with a one-line warning
    /// (once) when it cannot be used.
    /// A store this session only reads (replay) is never created: a missing file is said, not made empty.
    func historyStore(_ file: URL? = nil, create: Bool = true) -> ObservationStore? {
        guard let url = file ?? historyFile.url else { return nil }
        if let store = historySession.opened[url.path] { return store }
        if let problem = historySession.problems[url.path] {
            warnOnce(problem)
            return nil
        }
        if !create, let missing = missingHistory(url) {
            warnOnce("history: \(missing); going on without history")
            return nil
        }
        do {
            let store = try ObservationStore(url: url)
            historySession.opened[url.path] = store
            return store
        } catch {
            historySession.problems[url.path] = error
            warnOnce(error)
            return nil
        }
    }

    /// Why a history file to read is not there, naming it; nil when it exists.
    func missingHistory(_ url: URL) -> String? {
        guard !FileManager.default.fileExists(atPath: url.path) else { return nil }
        return "\(url.path) does not exist (a replay reads account history only from a file 'history import FILE.har' made)"
    }

    func warnOnce(_ error: HistoryError) { warnOnce(HistoryWording.problem(error)) }

    func warnOnce(_ sentence: String) {
        guard !historySession.told.contains(sentence) else { return }
        historySession.told.insert(sentence)
        historySession.warnings.append(sentence)
    }

    /// The tenant key observations are filed under.
    var historyTenant: String { connection.tenant }

    /// Remembers what a live command saw; replay never records.
    func observe(_ observation: Observation) {
        guard connection.mode == .live || connection.mode == .record else { return }
        historySession.pending.append(observation)
    }

    /// Writes the command's observations (and any the account scan read) in one transaction.
    func flushObservations() async -> [String] {
        let scanned = await connection.directory.takeScanned()
        if connection.mode == .live || connection.mode == .record {
            let time = now
            historySession.pending += scanned.map { Observation(account: $0, at: time) }
        }
        defer {
            historySession.pending = []
            historySession.warnings = []
        }
        if !historySession.pending.isEmpty, let file = historyWriteFile, let store = historyStore(file) {
            do {
                try store.record(historySession.pending, tenant: historyTenant)
            } catch {
                historySession.problems[store.path] = error
                historySession.opened[store.path] = nil
                warnOnce(error)
            }
        }
        return historySession.warnings
    }

    /// The account's stored observations plus `current` (replacing the same day's), oldest
    /// first; nil with the reason when this session has no history to read.
    func accountHistory(_ account: Account, current: Observation?) -> (observations: [Observation]?, why: String) {
        // Live and record sessions write the store (so make it); any other only reads it.
        let writes = historyWriteFile != nil
        guard let store = historyStore(create: writes) else {
            let file = historyFile
            guard let url = file.url else { return (nil, file.why) }
            return (nil, (writes ? nil : missingHistory(url)) ?? "the history store cannot be used")
        }
        do {
            var rows = try store.observations(tenant: historyTenant, accountId: account.id)
            if let current {
                let day = VitallyDate.formatDay(current.observedAt)
                rows.removeAll { VitallyDate.formatDay($0.observedAt) == day }
                rows.append(current)
                rows.sort { $0.observedAt < $1.observedAt }
            }
            return (rows, "")
        } catch {
            warnOnce(error)
            return (nil, "the history store cannot be used")
        }
    }

    /// Whether a brief read every item of the list (a capped, refused or unknown answer is not history).
    static func readWhole(_ list: BriefList, of bundle: AccountBundle) -> Bool {
        let reports = bundle.reports(for: list)
        return !reports.isEmpty && reports.allSatisfy {
            if case .complete = $0.outcome { return true }
            return false
        }
    }

    /// Records what a brief gathered and gives the bundle its history and cohort.
    func addHistory(to bundle: inout AccountBundle) async {
        // The account's own users: its organization's (other accounts' people) are not its activity.
        let own = bundle.users.filter { !bundle.organizationItemIds.contains($0.id) }
        let current = Observation(
            account: bundle.account, at: now, breakdown: Self.readWhole(.healthScores, of: bundle) ? bundle.healthScores : nil,
            users: Self.readWhole(.users, of: bundle) ? own : nil)
        observe(current)
        let history = accountHistory(bundle.account, current: current)
        bundle.history = history.observations
        bundle.historyGap = history.observations == nil ? history.why : nil
        let cohort = await cohort(of: bundle.account)
        bundle.cohort = cohort.cohort
        bundle.cohortGap = cohort.cohort == nil ? cohort.why : nil
    }

    /// The account among its cohort, from the account scan in hand: in memory, the matcher's
    /// cache on disk, or (replaying) the scan the recording holds. Never a live request; when
    /// there is no scan, `why` says so.
    func cohort(of account: Account) async -> (cohort: Cohort?, why: String) {
        if let index = await connection.directory.indexInHand(), index.count > 0 {
            return (Cohort(account: account, among: index), "")
        }
        if connection.mode == .replay {
            guard recordingHoldsAccountScan else { return (nil, "the recording holds no account scan") }
            guard let index = try? await connection.directory.load(), index.count > 0 else {
                return (nil, "the recording's account scan is incomplete")
            }
            return (Cohort(account: account, among: index), "")
        }
        return (nil, "no account scan in hand (a brief never scans for one; 'match' by domain or 'accounts search' scans once and caches it)")
    }

    /// Whether the replayed recording holds the first page of a full account scan.
    var recordingHoldsAccountScan: Bool {
        connection.replay?.recording.exchanges.contains { exchange in
            exchange.method == "GET" && exchange.path == "/resources/accounts" && exchange.status == 200
                && exchange.query.contains(QueryItem("status", "activeOrChurned")) && !exchange.query.contains { $0.name == "from" }
        } ?? false
    }
}
