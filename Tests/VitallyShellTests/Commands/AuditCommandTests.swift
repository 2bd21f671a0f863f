import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// `audit` through the shell, against the simulator's messy scenario over loopback.
@Suite struct AuditCommandTests {
    @Test func textNamesEveryFindingWithItsFixAndTheReach() async throws {
        try await withSimulatedShell({ $0.scenario = .messy }) { shell, _, _ in
            let (out, err, status) = await shell.text("audit --users", width: 160)
            #expect(status == .ok, "\(err)")
            #expect(out.contains("Audit of "))
            for kind in AuditFinding.Kind.allCases where kind != .sharedDomain {
                #expect(out.contains(AuditWording.title(kind)), "\(kind)")
            }
            #expect(out.contains("  - Nimbus Freight (messy-nimbus): "))
            #expect(out.contains("  - lakesidedental.com: churned Lakeside Dental and active Lakeside Dental Group"))
            #expect(out.contains("  - Brightwave Partners (messy-brightwave): `domain` holds brightwave.io, your team's own domain"))
            #expect(out.contains("  - organization Harbor Collective"))
            #expect(out.contains("fix: set the `domain` trait"))
            #expect(out.contains("contact only (no domain)"))
            #expect(out.contains("Accounts to fix: "))
            // The summary picture: one bar for reach, one per finding, within the width.
            #expect(out.contains("Active accounts, check by check"))
            #expect(out.contains("reachable from a domain"))
            #expect(!out.split(separator: "\n").contains { $0.count > 160 })
        }
    }

    @Test func htmlIsASelfContainedPageWithTheFindingsAndTheChart() async throws {
        try await withSimulatedShell({ $0.scenario = .messy }) { shell, _, scratch in
            let page = scratch.appendingPathComponent("audit.html")
            let (out, err, status) = await shell.text("audit --users --html \(page.path)")
            #expect(status == .ok, "\(err)")
            #expect(out.contains("Wrote the report page to \(page.path)"))
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<title>Vitally matchability audit</title>"))
            #expect(html.contains("<svg") && html.contains("reachable from a domain"))
            #expect(html.contains("Nimbus Freight") && html.contains("lakesidedental.com"))
            #expect(html.contains("Brightwave Partners"))
            #expect(!html.contains("<script") && !html.contains("src="))
            let mode = try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func jsonIsTheReportAndCsvListsEveryRowPrivately() async throws {
        try await withSimulatedShell({ $0.scenario = .messy }) { shell, _, scratch in
            let csv = scratch.appendingPathComponent("to-fix.csv")
            let (out, err, status) = await shell.text("audit --json --csv \(csv.path)")
            #expect(status == .ok, "\(err)")
            let json = try JSONParser.parse(out)
            let findings = try #require(json["findings"]?.array)
            #expect(findings.compactMap { $0["kind"]?.string } == AuditFinding.Kind.allCases.map(\.rawValue))
            let churned = try #require(findings.first { $0["kind"]?.string == "churnedDomain" })
            #expect(churned["examples"]?.array?.contains { $0["name"]?.string == "lakesidedental.com" } == true)
            #expect(json["usersRead"] == .null)
            #expect(json["rows"] == nil)
            let text = try String(contentsOf: csv, encoding: .utf8)
            let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "finding,level,id,externalId,name,churned,detail,fix")
            #expect(lines.contains { $0.hasPrefix("noDomain,account,") && $0.contains(",messy-quill,Quill & Ink,no,") })
            #expect(lines.contains { $0.hasPrefix("unmatchableName,account,") && $0.contains(",Ltd.,") })
            let mode = try FileManager.default.attributesOfItem(atPath: csv.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func failOnIsACountOrAShareOfActiveAccounts() async throws {
        try await withSimulatedShell({ $0.scenario = .messy }) { shell, _, _ in
            let low = await shell.text("audit --fail-on 3")
            #expect(low.status == .failure)
            #expect(low.out.contains("above --fail-on 3"))
            let high = await shell.text("audit --fail-on 100%")
            #expect(high.status == .ok)
            #expect(high.out.contains("within --fail-on 100%"))
            let bad = await shell.text("audit --fail-on lots")
            #expect(bad.status == .usage)
            #expect(bad.err.contains("--fail-on takes a number of accounts (20) or a share of the active ones (5%)"))
        }
    }

    @Test func csvCellsCannotRunAsFormulasOrBreakColumns() {
        #expect(AuditWording.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AuditWording.cell("Acme, Inc") == "\"Acme, Inc\"")
        #expect(AuditWording.cell("@sum") == "'@sum")
        #expect(AuditWording.cell("plain") == "plain")
    }

    /// The messy tenant recorded once; `audit --users` replayed in two fresh shells prints the same bytes.
    @Test func aReplayedAuditIsTheSameBytesTwice() async throws {
        let folder = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = SimulatorOptions(token: shellTestToken, anchor: shellTestAnchor)
        options.scenario = .messy
        let simulator = try await SimulatorServer.start(options)
        let credentials = Credentials(subdomain: "acme", token: shellTestToken, baseURL: simulator.baseURL, source: .environment)
        let (recorder, scratch) = makeShell(credentials: credentials, recordings: folder)
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(await recorder.start(record: "audit.har").error == nil)
        let live = await recorder.text("audit --users")
        #expect(live.status == .ok, "\(live.err)")
        _ = await recorder.text("record stop")
        await simulator.stop()
        var outputs: [String] = []
        for _ in 0..<2 {
            let (shell, scratch) = makeShell(recordings: folder)
            defer { try? FileManager.default.removeItem(at: scratch) }
            #expect(await shell.start(replay: "audit.har").error == nil)
            let replayed = await shell.text("audit --users")
            #expect(replayed.status == .ok, "\(replayed.err)")
            let json = await shell.text("audit --users --json")
            outputs.append(replayed.out + json.out)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].hasPrefix(live.out))
        #expect(outputs[0].contains("Nimbus Freight"))
    }
}
