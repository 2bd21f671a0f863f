import Foundation
import Testing
import VitallyKit

/// `status --json` and `record stop --json` say how far `--record-mode complete` got as the
/// progress encoded (issue 22, item 5), with the keys and order their hand-built JSON had.
@Suite struct ListCompletionJSONTests {
    @Test func progressIsItsFiveCounts() throws {
        var progress = ListCompleter.Progress()
        (progress.lists, progress.finished, progress.pages, progress.items, progress.failed) = (3, 2, 7, 140, 1)
        #expect(try JSONValueEncoder().encode(progress).serialized() == #"{"lists":3,"finished":2,"pages":7,"items":140,"failed":1}"#)
    }
}
