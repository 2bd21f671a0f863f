import Foundation
import Testing
import VitallyKit
import VitallyShell

@Suite struct RendererTests {
    @Test func fitsTablesToTheWidthWithAnEllipsis() {
        let table = Table(columns: ["NAME", "NOTE"], rows: [[Span("Acme Corp"), Span(String(repeating: "long text ", count: 20))]], flexible: [1])
        let text = TextRenderer(width: 40, color: false).render(.table(table))
        for line in text.split(separator: "\n") { #expect(line.count <= 40) }
        #expect(text.contains("…"))
        #expect(text.hasPrefix("NAME       NOTE"))
    }

    @Test func coloursOnlyWhenAsked() {
        let block = OutputBlock.line([Span("OVERDUE", .bad)])
        #expect(TextRenderer(color: true).render(block) == "\u{1B}[31mOVERDUE\u{1B}[0m\n")
        #expect(TextRenderer(color: false).render(block) == "OVERDUE\n")
    }

    @Test func formatsDatesMoneyAndHTML() {
        let now = VitallyDate.parse("2026-11-20T15:00:00Z")!
        #expect(Format.day(VitallyDate.parse("2026-11-19"), now: now) == "2026-11-19 (yesterday)")
        #expect(Format.day(VitallyDate.parse("2027-01-04"), now: now) == "2027-01-04 (in 45 days)")
        #expect(Format.money(1234567) == "$1,234,567")
        #expect(Format.plainText("<p>Hi &amp; bye</p><p>next</p>") == "Hi & bye next")
    }

    @Test func aBriefRendersItsCriticalRiskInTextMarkdownAndJSON() throws {
        let now = VitallyDate.parse("2026-11-20T12:00:00Z")!
        let account = Account(json: try JSONParser.parse(#"{"id":"a1","externalId":"soylent","name":"Soylent","healthScore":2.1}"#))
        let brief = BriefComposer(now: now).compose(title: "Soylent sync", meetingStart: nil, matches: [], bundles: [AccountBundle(account: account)])
        #expect(BriefRenderer.text(brief).contains("!! Low health score"))
        #expect(BriefRenderer.markdown(brief).contains("- **Critical:** Low health score: 2.1/10"))
        let again = BriefComposer(now: now).compose(title: "Soylent sync", meetingStart: nil, matches: [], bundles: [AccountBundle(account: account)])
        #expect(try JSONValueEncoder().encode(BriefReport(brief)) == JSONValueEncoder().encode(BriefReport(again)))
        let json = try JSONValueEncoder().encode(BriefReport(brief))
        #expect(json["accounts"]?[0]?["sections"]?.array?.contains { section in
            section["insights"]?.array?.contains { $0["severity"]?.string == "critical" && $0["text"]?.string?.hasPrefix("Low health score") == true } ?? false
        } == true, "\(json)")
    }
}
