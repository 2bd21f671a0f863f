import Foundation

/// What `record stop` reports, as one value: the file, how many exchanges it holds, why the
/// recorder stopped early (when it did), and how far `--record-mode complete`'s background
/// reading got. `--json` is this value encoded; the shell's renderer words it.
package struct RecordingStopped: Sendable, Encodable {
    package var stopped = true
    /// The recording's file name; nil when the session did not know it.
    package var file: String?
    package var exchanges: Int
    /// The system's reason the recorder stopped writing before `record stop` (a full disk); nil when it did not.
    package var stoppedEarly: String?
    /// The background reading of partly read lists; nil when the mode was not `complete`.
    package var listCompletion: ListCompleter.Progress?

    package init(file: String?, exchanges: Int, stoppedEarly: String?, listCompletion: ListCompleter.Progress?) {
        self.file = file
        self.exchanges = exchanges
        self.stoppedEarly = stoppedEarly
        self.listCompletion = listCompletion
    }
}
