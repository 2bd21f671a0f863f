import Foundation
import VitallyKit
import VitallyShell

/// The history file: `$XDG_STATE_HOME/vitally-shell/history`, mode 0600, saved after every command.
final class HistoryStore {
    let url: URL
    private(set) var lines: [String]

    init(url: URL) {
        self.url = url
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        lines = Array(HistoryPolicy.decode(text).suffix(HistoryPolicy.limit))
    }

    /// Adds a line if it may be stored; returns what was stored.
    @discardableResult
    func add(_ line: String, secrets: [String]) -> String? {
        guard let storable = HistoryPolicy.storable(line, secrets: secrets) else { return nil }
        lines = HistoryPolicy.adding(storable, to: lines)
        save()
        return storable
    }

    func save() {
        try? AtomicFile.write(Data(HistoryPolicy.encode(lines).utf8), to: url, permissions: 0o600)
    }
}
