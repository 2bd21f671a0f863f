import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

@Suite struct ShellCommandTests {
    @Test func explorerCommandsPrintTheRightFacts() async throws {
        try await withSimulatedShell { shell, _, _ in
            let search = await shell.text("accounts search acme")
            #expect(search.out.contains("Acme Corp  acme.com  7.4     $4,200  active  acme-001"))
            #expect(search.out.contains("Acme Labs"))
            let health = await shell.text("health acme.com")
            #expect(health.status == .ok)
            #expect(health.out.contains("Acme Corp (ext acme-001)  health 7.4/10 good"))
            #expect(health.out.contains("2027-01-04 (in 45 days)") && health.out.contains("Renewal "))
            #expect(health.out.contains("$4,200") && health.out.contains("MRR "))
            #expect(health.out.contains("0 (1 promoter, 1 passive, 1 detractor)"))
            #expect(health.out.contains("Acme Holdings"))
            let notes = await shell.text("notes acme.com")
            #expect(notes.out.contains("5 notes, newest first"))
            #expect(notes.out.contains("Dana Reyes"))
            let tasks = await shell.text("tasks acme.com")
            #expect(tasks.out.contains("3 open (1 overdue), 3 done"))
            let lines = tasks.out.split(separator: "\n")
            #expect(lines[2].hasPrefix("OVERDUE"))
            #expect(lines.last?.hasPrefix("done") == true)
        }
    }

    @Test func everyActivityCommandHonoursLimit() async throws {
        try await withSimulatedShell { shell, _, _ in
            for (line, noun) in [("notes acme.com", "notes"), ("tasks acme.com", "tasks"), ("users acme.com", "users"),
                                 ("nps acme.com", "NPS responses"), ("conversations soylent.com", "conversations")] {
                let all = await shell.text(line + " --json")
                let total = try JSONParser.parse(all.out).array?.count ?? 0
                #expect(total >= 2, "\(line) should have at least two \(noun) to limit")
                let one = await shell.text(line + " --limit 1 --json")
                #expect(try JSONParser.parse(one.out).array?.count == 1, "\(line) --limit 1")
                let text = await shell.text(line + " --limit 1")
                #expect(text.out.contains("(1 of \(total); --limit N or --all for more)"), "\(line): \(text.out)")
            }
        }
    }

    @Test func anEmptyBriefSaysWhyAndWhatToRun() async throws {
        try await withSimulatedShell { shell, _, _ in
            let text = await shell.text("brief ops@nowhere-example.com")
            #expect(text.out.hasSuffix(
                "No Vitally account matched any attendee, so there is nothing to brief.\nRun 'match EMAIL' or 'doctor EMAIL' to see each rule that was tried.\n"))
            let markdown = await shell.text("brief ops@nowhere-example.com --format markdown")
            #expect(markdown.out.contains("_No Vitally account matched any attendee._\nRun `doctor EMAIL` to see why."))
            let full = await shell.text("brief pat.lee@acme.com")
            #expect(!full.out.contains("doctor EMAIL"))
        }
    }

    @Test func jsonIsValidForEveryCommand() async throws {
        try await withSimulatedShell { shell, _, _ in
            for line in ["status", "accounts search acme", "health acme.com", "notes acme.com", "tasks acme.com", "users acme.com",
                         "nps soylent.com", "conversations soylent.com", "timeline acme.com", "match pat.lee@acme.com",
                         "brief pat.lee@acme.com", "doctor pat.lee@acme.com", "help", "recordings", "raw GET /resources/admins"] {
                let result = await shell.text(line + " --json")
                #expect(result.status == .ok, "\(line): \(result.err)")
                #expect((try? JSONParser.parse(result.out)) != nil, "\(line) printed no valid JSON")
            }
        }
    }

    @Test func aWrongTokenSaysSoWithoutTheToken() async throws {
        let wrong = "sk_test_not_the_right_one_77"
        try await withSimulatedShell(token: wrong) { shell, _, _ in
            let result = await shell.text("health acme.com")
            #expect(result.status == .failure)
            #expect(result.err.contains("Vitally rejected the token (401)"))
            #expect(!result.err.contains(wrong) && !result.out.contains(wrong))
        }
    }

    @Test func ambiguityAndTyposAreOneClearLine() async throws {
        try await withSimulatedShell { shell, _, _ in
            let stark = await shell.text("health stark.com")
            #expect(stark.status == .failure)
            #expect(stark.err == "2 accounts match stark.com: Stark Industries (ext stark-us), Stark Industries EMEA (ext stark-emea); give the externalId or the exact name")
            let typo = await shell.text("helth acme.com")
            #expect(typo.status == .usage)
            #expect(typo.err == "unknown command 'helth'; did you mean 'health'?")
            let post = await shell.text("raw POST /resources/accounts")
            #expect(post.status == .usage)
            #expect(post.err.contains("read-only"))
        }
    }

    @Test func connectValidatesTestsAndSavesOnlyOnSuccess() async throws {
        var options = SimulatorOptions(token: shellTestToken, anchor: shellTestAnchor)
        options.accountCount = 50
        let simulator = try await SimulatorServer.start(options)
        defer { Task { await simulator.stop() } }
        let (shell, scratch) = makeShell(secret: shellTestToken)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let config = scratch.appendingPathComponent("config/credentials")
        let bad = await shell.text("connect https://acme.vitally.io/ --base-url \(simulator.baseURL) --token sk_test_wrong_999")
        #expect(bad.status == .failure)
        #expect(bad.err.contains("Vitally: Connection failed (acme"))
        #expect(!FileManager.default.fileExists(atPath: config.path))
        let steer = await shell.text("connect evil.com/acme --token x")
        #expect(steer.err.contains("is not a subdomain"))
        let good = await shell.text("connect https://acme.vitally.io/ --base-url \(simulator.baseURL)")  // token from the no-echo prompt
        #expect(good.status == .ok, "\(good.err)")
        #expect(good.out.contains("using subdomain 'acme' from 'https://acme.vitally.io/'"))
        #expect(good.out.contains("Vitally: Connected (acme)"))
        let mode = try FileManager.default.attributesOfItem(atPath: config.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(await shell.text("status").out.contains("Mode                   live"))
        #expect(await shell.text("disconnect").out.contains("Profile 'acme' removed, with its saved token. Now offline."))
        #expect(!(try String(contentsOf: config, encoding: .utf8)).contains(shellTestToken))
    }

    @Test func recordsInsideASessionAndReplaysIt() async throws {
        try await withSimulatedShell { shell, simulator, scratch in
            let started = await shell.text("record ticket-1.har")
            #expect(started.out.contains("Recording every response to"))
            let live = await shell.text("health acme.com")
            #expect(await shell.text("record stop").out.contains("Stopped recording"))
            let again = await shell.text("record ticket-1.har")
            #expect(again.err.contains("already exists"))
            await simulator.stop()
            #expect(await shell.text("replay ticket-1.har").out.contains("no network"))
            let replayed = await shell.text("health acme.com")
            #expect(replayed.out == live.out)
            let missing = await shell.text("health globex.com")
            #expect(missing.err.contains("is not in ticket-1.har"))
            let listing = await shell.text("recordings")
            #expect(listing.out.contains("ticket-1.har"))
            let file = scratch.appendingPathComponent("recordings/ticket-1.har")
            let saved = try Data(contentsOf: file)
            #expect(!String(decoding: saved, as: UTF8.self).contains(shellTestToken))
        }
    }
}
