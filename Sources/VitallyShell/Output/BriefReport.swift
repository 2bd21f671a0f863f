import Foundation
import VitallyKit

/// What `brief` reports: the composed brief (VitallyKit's), each attendee's match as `match`
/// reports it, and the accounts whose record could not be read. `--json` is this value encoded;
/// `BriefReportRenderer` writes the text or the Markdown from it.
package struct BriefReport: Encodable {
    /// An account a brief names but could not read: its request and why it failed.
    struct Unread: Encodable {
        var id: String
        var request: String
        var reason: String
    }

    var brief: Brief
    var attendees: [MatchRow]
    /// Never left out silently: each is named in the text and in the JSON.
    var unreadAccounts: [Unread]
    /// How to get what the unread accounts lack, nil when all were read.
    var unreadFix: String?

    package init(_ brief: Brief, unread: [UnreadAccount] = []) {
        self.brief = brief
        attendees = brief.matches.map(MatchRow.init)
        unreadAccounts = unread.map { Unread(id: $0.id, request: "GET " + $0.error.path, reason: ErrorAdvice.lookupReason($0.error)) }
        unreadFix = unread.isEmpty ? nil : ErrorAdvice.partialFix(unread.map(\.error))
    }

    private enum CodingKeys: String, CodingKey { case title, meetingStart, generatedAt, attendees, accounts, unreadAccounts }

    /// Keys as the brief's JSON has held them; `unreadAccounts` only when some could not be read.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(brief.title, forKey: .title)
        try container.encode(brief.meetingStart, forKey: .meetingStart)
        try container.encode(brief.generatedAt, forKey: .generatedAt)
        try container.encode(attendees.map(\.briefJSON), forKey: .attendees)
        try container.encode(brief.accounts, forKey: .accounts)
        if !unreadAccounts.isEmpty { try container.encode(unreadAccounts, forKey: .unreadAccounts) }
    }
}

/// The brief as text for the terminal or as Markdown to paste into a doc, from a `BriefReport`.
struct BriefReportRenderer: ResultRenderer {
    let markdown: Bool

    func blocks(_ report: BriefReport) -> [OutputBlock] { [] }

    func verbatim(_ report: BriefReport) -> String? {
        let brief = report.brief
        var out = markdown ? BriefRenderer.markdown(brief) : BriefRenderer.text(brief)
        if brief.emptyReason != nil {
            out += markdown ? "Run `doctor EMAIL` to see why.\n" : "Run 'match EMAIL' or 'doctor EMAIL' to see each rule that was tried.\n"
        }
        if let fix = report.unreadFix {
            // An account whose record could not be read is named with its request, never left out silently.
            let lines = report.unreadAccounts.map { "Account \($0.id) not shown: \($0.request) failed (\($0.reason))" }
            out += "\n" + (markdown ? lines.map { "- " + BriefRenderer.escape($0) } : lines).joined(separator: "\n") + "\n"
            out += fix + "\n"
        }
        return out
    }
}
