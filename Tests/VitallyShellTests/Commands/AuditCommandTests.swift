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

    /// Each finding type, with the messy customer planted for it (`SimulatorScenarios.messy`): its
    /// count is not zero, its title is in the text, and the CSV has the customer's row under it.
    @Test func everyFindingTypeFindsItsMessyCustomer() async throws {
        try await withSimulatedShell({ $0.scenario = .messy }) { shell, _, scratch in
            let csv = scratch.appendingPathComponent("to-fix.csv")
            let text = await shell.text("audit --users", width: 200)
            #expect(text.status == .ok, "\(text.err)")
            let (out, err, status) = await shell.text("audit --users --json --csv \(csv.path)")
            #expect(status == .ok, "\(err)")
            let findings = try #require(try JSONParser.parse(out)["findings"]?.array)
            let rows = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            // finding -> the rows (level,externalId) the messy scenario planted for it, and a phrase of their detail.
            let planted: [AuditFinding.Kind: [(String, String)]] = [
                .noDomain: [("account,messy-nimbus", "its 2 users on free mail"), ("account,messy-quill", "no domain trait and no users"),
                            ("account,messy-harbor-east", "no domain trait and no users"),
                            ("organization,harbor-collective", "no domain trait on the organization or any of its accounts")],
                .sharedDomain: [("account,messy-orbitron", "orbitron.io is also held by Orbitron Europe"),
                                ("account,messy-orbitron-eu", "orbitron.io is also held by Orbitron")],
                .churnedDomain: [("account,messy-lakeside-old", "churned, holds lakesidedental.com with active Lakeside Dental Group")],
                .freeMailOnly: [("account,messy-nimbus", "all 2 users are on free mail")],
                .internalDomain: [("account,messy-brightwave", "`domain` holds brightwave.io, your team's own domain")],
                .unmatchableName: [("account,messy-ltd", "nothing but a legal suffix"), ("account,messy-test", "a generic name")],
                .noHealthScore: [("account,messy-zephyr", "no health score"), ("account,messy-harbor-east", "no health score on the account or its organization"),
                                 ("organization,harbor-collective", "no health score on the organization")],
                .noMRR: [("account,messy-zephyr", "no MRR"), ("organization,harbor-collective", "no MRR on the organization")],
                .noOwner: [("account,messy-zephyr", "no owner or CSM"), ("organization,harbor-collective", "no owner or CSM on the organization")],
                .unusedDomainField: [("account,messy-kestrel", "`vitally.custom.companySite` holds kestrel-robotics.com; matching does not read it")],
            ]
            #expect(Set(planted.keys) == Set(AuditFinding.Kind.allCases))
            for kind in AuditFinding.Kind.allCases {
                let finding = findings.first { $0["kind"]?.string == kind.rawValue }
                #expect((finding?["count"]?.int ?? 0) > 0, "\(kind)")
                #expect(text.out.contains("\n" + AuditWording.title(kind)), "\(kind)")
                for (subject, detail) in planted[kind] ?? [] {
                    let row = rows.first { $0.hasPrefix("\(kind.rawValue),\(subject.split(separator: ",")[0]),") && $0.contains(",\(subject.split(separator: ",")[1]),") }
                    #expect(row?.contains(detail) == true, "\(kind) \(subject): \(row ?? "no row")")
                }
            }
            // The shared and churned domains are named as examples, and the reach counts what rule 1 alone reaches.
            #expect(text.out.contains("  - orbitron.io: held by 2 active accounts: Orbitron, Orbitron Europe"))
            #expect(text.out.contains("  - lakesidedental.com: churned Lakeside Dental and active Lakeside Dental Group"))
            #expect(text.out.contains("  - vitally.custom.companySite: 1 value looks like a domain (\"Company site\"), e.g. Kestrel Robotics: kestrel-robotics.com"))
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
