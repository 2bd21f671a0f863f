import VitallyKit

/// How `status` and `record stop` phrase the background reading of `--record-mode complete`.
enum ListCompletionWording {
    static func summary(_ progress: ListCompleter.Progress) -> String {
        guard progress.lists > 0 else { return "no list read only partly yet" }
        let failed = progress.failed > 0 ? ", \(progress.failed) given up after a failed page" : ""
        return "\(progress.finished) of \(progress.lists) partly read lists read to their end "
            + "(\(progress.pages) more pages, \(progress.items) items)\(failed)"
    }
}
