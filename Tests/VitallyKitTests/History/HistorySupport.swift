import Foundation
import VitallyKit
import VitallySimulator

/// The day the simulator's scenario scores hold in the history tests; anchors move away from it.
let scoreEpoch = VitallyDate.parse("2026-11-20")!

/// Scans the simulated tenant at `daysBefore` days before the epoch and returns the observations
/// a live scan records (each at the anchor's time).
func scanObservations(daysBefore: Int) async throws -> [Observation] {
    let anchor = scoreEpoch.addingTimeInterval(-Double(daysBefore) * 86400)
    return try await withSimulator({ options in
        options.anchor = anchor
        options.scoreEpoch = scoreEpoch
    }) { client, _ in
        let directory = AccountDirectory(client: client, tenant: "acme")
        _ = try await directory.load()
        return await directory.takeScanned().map { Observation(account: $0, at: anchor.addingTimeInterval(9 * 3600)) }
    }
}

/// A store in a fresh folder, with the folder for the caller to remove.
func temporaryStore() throws -> (ObservationStore, URL) {
    let folder = temporaryDirectory()
    return (try ObservationStore(url: folder.appendingPathComponent("vitally-shell/observations.sqlite")), folder)
}
