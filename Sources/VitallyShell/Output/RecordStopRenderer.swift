import VitallyKit

/// The text of `record stop`, from a `RecordingStopped`.
struct RecordStopRenderer: ResultRenderer {
    func blocks(_ stopped: RecordingStopped) -> [OutputBlock] {
        let early = stopped.stoppedEarly.map { " (it stopped early: \($0))" } ?? ""
        return [.text("Stopped recording: \(stopped.exchanges) exchanges in \(stopped.file ?? "the recording")\(early). Back to live.")]
            + (stopped.listCompletion.map { [.text("Completed in the background: " + ListCompletionWording.summary($0) + ".")] } ?? [])
    }
}
