import Foundation
import Testing
@testable import VitallyKit

/// What demo.har (read only) answers, and which recorded account a miss suggests.
@Suite struct RecordingAnswersTests {
    static let answers: RecordingAnswers = {
        let demo = try? HARReader.load(packageRoot.appendingPathComponent("recordings/demo.har"))
        return RecordingAnswers(demo?.exchanges ?? [])
    }()

    @Test func aMissSuggestsTheRecordedAccountItIsLike() {
        for typed in ["acme", "ACME", "acem", "Acme Cor", "acme.co"] {
            #expect(Self.answers.suggestion(for: typed)?.name == "Acme Corp", "\(typed)")
        }
        #expect(Self.answers.suggestion(for: "soylnt")?.name == "Soylent")
        #expect(Self.answers.suggestion(for: "zzqx-77") == nil)
        #expect(Self.answers.suggestion(for: "470bbb43-4f99-4baf-9530-a3095569f221") == nil, "its own id is no miss to explain")
    }

    @Test func wordsAreOfferedPerCommandOnlyWhenItsRequestsWereRecorded() {
        let soylent = Self.answers.accounts.first { $0.name == "Soylent" }
        // Soylent's health breakdown was recorded, its notes only as a brief's newest few.
        #expect(soylent?.commands.contains("health") == true)
        #expect(soylent?.commands.contains("notes") == false)
        #expect(Self.answers.accountWords(for: "health").contains("soylent.com"))
        #expect(!Self.answers.accountWords(for: "notes").contains("soylent.com"))
        // A one-word name is first asked as an id, which was never recorded: not a word that finds it.
        #expect(soylent?.words == ["soylent.com"])
        #expect(Self.answers.emailWords(for: "brief").contains("pat.lee@acme.com"))
        #expect(!Self.answers.emailWords(for: "brief").contains("hank@globex.com"))
    }
}
