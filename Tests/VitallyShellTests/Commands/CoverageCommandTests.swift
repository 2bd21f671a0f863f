import Foundation
import Testing
import VitallyKit
@testable import VitallyShell
import VitallySimulator

/// `coverage` over the committed fortnight against the simulator's demo tenant (loopback).
@Suite struct CoverageCommandTests {
    static let line = "coverage --ics examples/fortnight.ics --from 2026-12-07 --to 2026-12-20"

    @Test func theFortnightsMeetingsTheirRulesAndTheFixes() async throws {
        try await withSimulatedShell { shell, _, _ in
            let (out, err, status) = await shell.text(Self.line, width: 200)
            #expect(status == .ok, "\(err)")
            #expect(out.contains("Coverage: 30 meetings, 2026-12-07 to 2026-12-20 (examples/fortnight.ics)"), "\(out)")
            #expect(out.contains("17 with Vitally data · 4 without · 9 internal only"))
            // Weekly, with an EXDATE (14 Dec) and an occurrence moved by RECURRENCE-ID (Thu 10 -> Fri 11 Dec).
            #expect(out.components(separatedBy: "Acme Corp weekly sync").count - 1 == 1)
            #expect(out.contains("Fri 2026-12-11 16:00Z  Soylent renewal check-in (moved to Friday)  with data"))
            #expect(!out.contains("Thu 2026-12-10 16:00Z  Soylent"))
            // Monthly by weekday (2nd Tuesday) and by month day (the 15th); a cancelled event is left out.
            #expect(out.contains("Tue 2026-12-08 18:00Z  Cyberdyne monthly review  with data"))
            #expect(out.contains("Tue 2026-12-15 17:00Z  Dunder Mifflin renewal steering  with data"))
            #expect(!out.contains("Oscorp"))
            // Each rule, and the attendees no rule matched.
            #expect(out.contains("pat.lee@acme.com  ->  Acme Corp  by 1) contact association"))
            #expect(out.contains("walter.bishop@massivedynamic.com  ->  Massive Dynamic  by 2) email domain"))
            #expect(out.contains("lena.ng@globex-holdings.com  ->  Globex Inc  by 5) company name"))
            #expect(out.contains("cto@zenith-analytics.io  no account"))
            #expect(out.contains("alex.morgan.advisor@gmail.com  no account (free mail)"))
            #expect(out.contains("Mon 2026-12-07 14:15Z  CS team standup  internal only"))
            // The fixes, the most meetings first.
            let fixes = out.components(separatedBy: "What would give more meetings data (the most meetings first):\n").last ?? ""
            let lines = fixes.split(separator: "\n").prefix(4).map(String.init)
            #expect(lines.first == "  Add `globex-holdings.com` to Globex Inc's domain trait (hubspot.domain, account globex-17): "
                + "5 meetings (1 without data, 4 matched only by the title's company name)", "\(lines)")
            #expect(lines.contains("  No account for `northwind-traders.com`: 1 meeting (1 without data)"))
            #expect(lines.contains("  No account for `zenith-analytics.io`: 1 meeting (1 without data)"))
            #expect(out.contains("  Add `wayneenterprises.com` to Wayne Enterprises' domain trait (domain, account wayne): 1 meeting\n"))
            #expect(lines.contains("  Free mail `gmail.com` (1 guest): 1 meeting (1 without data); make each guest a user of their account"))
            #expect(out.contains("External attendees           27 (21 matched, 6 not)"))
            #expect(out.contains("  by 2) email domain         1"))
            // It ends with the bars, in the width.
            #expect(out.contains("Meetings with customers\n█ with Vitally data  ░ without\n"))
            #expect(out.hasSuffix("no rule matched" + (out.components(separatedBy: "no rule matched").last ?? "")), "\(out.suffix(800))")
            for line in out.split(separator: "\n") where line.contains("█") || line.contains("░") { #expect(line.count <= 200) }
        }
    }

    @Test func requestsAreBoundedByAttendeesDomainsAndTheScan() async throws {
        try await withSimulatedShell { shell, simulator, _ in
            await simulator.state.clearLog()
            #expect(await shell.text(Self.line).status == .ok)
            let log = await simulator.state.log
            let calendar = try CalendarFile.parse(String(decoding: try Data(contentsOf: packageRoot.appendingPathComponent("examples/fortnight.ics")), as: UTF8.self))
            let meetings = calendar.meetings(from: VitallyDate.parse("2026-12-07")!, to: VitallyDate.parse("2026-12-21")!)
            let attendees = Set(meetings.flatMap { $0.attendees.map { $0.lowercased() } })
            let domains = Set(attendees.compactMap { $0.split(separator: "@").last.map(String.init) })
            let scanPaths: Set<String> = ["/resources/accounts", "/resources/organizations", "/resources/admins"]
            let scan = log.filter { scanPaths.contains($0.path) || $0.path.hasPrefix("/resources/customFields") }.count
            let contactSearches = log.filter { $0.query.contains { $0.name == "email" } }.count
            let colleagueSearches = log.filter { $0.query.contains { $0.name == "emailSubdomain" } }.count
            #expect(contactSearches == attendees.count)
            #expect(colleagueSearches <= domains.count)
            #expect(log.count <= attendees.count + domains.count + scan, "\(log.map { $0.path + "?" + $0.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&") })")
            let keys = log.map { $0.path + "?" + $0.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&") }
            #expect(Set(keys).count == log.count, "\(Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")

            // Again in the same session: the scan is cached, so only the lookups repeat.
            await simulator.state.clearLog()
            #expect(await shell.text(Self.line).status == .ok)
            let again = await simulator.state.log
            #expect(!again.contains { $0.path == "/resources/accounts" })
            #expect(again.count <= attendees.count + domains.count)
        }
    }

    @Test func jsonHtmlAndAReplayThatPrintsTheSameBytesTwice() async throws {
        try await withSimulatedShell { shell, _, scratch in
            #expect(await shell.text("record coverage.har").status == .ok)
            let html = scratch.appendingPathComponent("coverage.html")
            let json = try JSONParser.parse(Array(await shell.text(Self.line + " --json --html \(html.path)").out.utf8))
            #expect(await shell.text("record stop").status == .ok)
            #expect(json["summary"]?["withData"]?.int == 17)
            #expect(json["summary"]?["internalOnly"]?.int == 9)
            // The chart's recurring and one-off bars, counted once in the core for both.
            #expect(json["summary"]?["recurring"]?["withData"]?.int == 10 && json["summary"]?["recurring"]?["withoutData"]?.int == 0)
            #expect(json["summary"]?["oneOff"]?["withData"]?.int == 7 && json["summary"]?["oneOff"]?["withoutData"]?.int == 4)
            #expect(json["meetings"]?.array?.count == 30)
            let top = try #require(json["unmatchedDomains"]?[0])
            #expect(top["domain"]?.string == "globex-holdings.com")
            #expect(top["fix"]?["kind"]?.string == "addToDomainTrait" && top["fix"]?["account"]?.string == "Globex Inc")
            let page = try String(contentsOf: html, encoding: .utf8)
            #expect(page.contains("<h2>Unmatched domains</h2>") && page.contains("<h2>Meetings</h2>"))
            #expect(page.contains("Add `globex-holdings.com` to Globex Inc&#39;s domain trait"))
            #expect(page.components(separatedBy: "<g class=\"bar\">").count - 1 == 3 + 4)
            let mode = try FileManager.default.attributesOfItem(atPath: html.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            var outputs: [String] = []
            for _ in 0..<2 {
                let (replaying, _) = makeShell(recordings: scratch.appendingPathComponent("recordings"))
                _ = await replaying.start(replay: "coverage.har")
                let result = await replaying.text(Self.line, width: 120)
                #expect(result.status == .ok, "\(result.err)")
                outputs.append(result.out)
            }
            #expect(outputs[0] == outputs[1])
            #expect(outputs[0].contains("17 with Vitally data · 4 without · 9 internal only"), "\(outputs[0].suffix(1500))")
            #expect(outputs[0].contains("10/10 (100%)") && outputs[0].contains("7/11 (64%)"), "\(outputs[0].suffix(1500))")
        }
    }

    @Test func badInputGetsOneLineThatSaysWhatToDo() async throws {
        try await withSimulatedShell { shell, _, scratch in
            let none = await shell.text("coverage")
            #expect(none.status == .usage && none.err.contains("coverage --ics FILE"))
            let day = await shell.text("coverage --ics examples/fortnight.ics --from 2026-13-01")
            #expect(day.status != .ok && day.err.contains("--from '2026-13-01' is not a day; write it as YYYY-MM-DD"), "\(day.err)")
            let backwards = await shell.text("coverage --ics examples/fortnight.ics --from 2026-12-10 --to 2026-12-01")
            #expect(backwards.err.contains("--to is before --from"))
            let missing = await shell.text("coverage --ics nowhere.ics")
            #expect(missing.status != .ok && missing.err.contains("nowhere.ics") && !missing.err.contains("\n"))
            let list = scratch.appendingPathComponent("people.txt")
            try Data("# guests\npat.lee@acme.com\n\nnot an email\n".utf8).write(to: list)
            let bad = await shell.text("coverage --attendees-file \(list.path)")
            #expect(bad.err.contains("line 4 of \(list.path) is not an email address"), "\(bad.err)")
            try Data("pat.lee@acme.com\ncto@zenith-analytics.io\n".utf8).write(to: list)
            let good = await shell.text("coverage --attendees-file \(list.path) --from 2026-12-07", width: 160)
            #expect(good.status == .ok)
            #expect(good.out.contains("1 with Vitally data · 1 without · 0 internal only"), "\(good.out)")
            #expect(good.out.contains("No account for `zenith-analytics.io`: 1 meeting (1 without data)"))
        }
    }
}
