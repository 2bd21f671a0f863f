import Foundation
import VitallyKit

/// Where this session's account history comes from, and what the current command saw.
/// Live and record modes use the local store unless `--no-observations`; replay reads only an
/// explicit `--observations FILE.sqlite` and never writes a command's observations, so a
/// recording prints the same bytes on every machine.
struct HistorySession: Sendable {
    /// `--observations FILE.sqlite`: used in every mode, the only source in replay.
    var explicitFile: URL?
    var disabled = false
    /// Opened stores by path; a store that failed to open is remembered as its problem.
    var opened: [String: ObservationStore] = [:]
    var problems: [String: HistoryError] = [:]
    /// Observations of the running command, written in one transaction when it ends.
    var pending: [Observation] = []
    /// Warnings for the running command (each problem is told once per session).
    var warnings: [String] = []
    var told: Set<String> = []
}
