import Foundation
import Testing
import VitallyKit
import VitallyShell

/// Numbers from a customer's recording that do not fit our formats are shown, never trapped on.
@Suite struct HostileNumberTests {
    @Test func hugeMoneyAndScoresInAnAccountListRenderAsWhatTheyAre() async throws {
        let shell = try await replayingDemo {
            $0.replacingOccurrences(of: #"\"mrr\":4200"#, with: #"\"mrr\":1e400"#)
                .replacingOccurrences(of: #"\"mrr\":900"#, with: #"\"mrr\":1e19"#)
                .replacingOccurrences(of: #"\"healthScore\":7.4"#, with: #"\"healthScore\":1e19"#)
                .replacingOccurrences(of: #"\"healthScore\":6.1"#, with: #"\"healthScore\":-1e400"#)
        }
        let list = await shell.text("accounts search acme", width: 200)
        #expect(list.status == .ok, "\(list.err)")
        #expect(list.out.contains("Acme Corp"))
        #expect(list.out.contains(Wording.outOfRange))
        #expect(list.out.contains("$1e+19"))
        #expect(list.out.contains("1e+19"))
        let health = await shell.text("health acme.com", width: 200)
        #expect(health.status == .ok, "\(health.err)")
        #expect(health.out.contains(Wording.outOfRange))
    }

    @Test func aHugeHealthWeightAndProjectProgressDoNotTrap() async throws {
        let shell = try await replayingDemo {
            $0.replacingOccurrences(of: #"\"weight\":0.4"#, with: #"\"weight\":1e300"#)
                .replacingOccurrences(of: #"progress\":100"#, with: #"progress\":\"1e300\""#)
                .replacingOccurrences(of: #"progress\":40"#, with: #"progress\":1e400"#)
        }
        let health = await shell.text("health acme.com", width: 200)
        #expect(health.status == .ok, "\(health.err)")
        #expect(health.out.contains("1e+302"))
        let brief = await shell.text("brief pat.lee@acme.com", width: 200)
        #expect(brief.status == .ok, "\(brief.err)")
        #expect(brief.out.contains("1e+300 done"))
    }

    @Test func aScoreOutsideZeroToTenIsNotCalledGood() async throws {
        let shell = try await replayingDemo {
            $0.replacingOccurrences(of: #"\"healthScore\":7.4"#, with: #"\"healthScore\":1e400"#)
        }
        let health = await shell.text("health acme.com", width: 200)
        #expect(health.status == .ok, "\(health.err)")
        #expect(health.out.contains("health \(Wording.outOfRange)/10 \(HealthLevel.notAScore.rawValue)"), "\(health.out)")
        let brief = await shell.text("brief pat.lee@acme.com", width: 200)
        #expect(brief.out.contains("!  Health \(Wording.outOfRange)/10 (\(HealthLevel.notAScore.rawValue))"), "\(brief.out)")
        #expect(!brief.out.contains("(good)"))
        #expect([Wording.healthLevel(.nan), Wording.healthLevel(-1), Wording.healthLevel(10.5)] == Array(repeating: HealthLevel.notAScore.rawValue, count: 3))
        #expect([Wording.healthLevel(0), Wording.healthLevel(4), Wording.healthLevel(10)] == ["poor", "fair", "good"])
    }

    @Test func aBodyNestedTooDeepSaysSoAndWhere() async throws {
        // Acme's health-score breakdown, found by its request (its ids change when the demo is re-recorded).
        let shell = try await replayingDemo { har in
            guard let root = try? JSONSerialization.jsonObject(with: Data(har.utf8)) as? [String: Any],
                let entries = (root["log"] as? [String: Any])?["entries"] as? [[String: Any]],
                let entry = entries.first(where: { (($0["request"] as? [String: Any])?["url"] as? String)?.hasSuffix("/accounts/acme-001/healthScores") == true }),
                let text = ((entry["response"] as? [String: Any])?["content"] as? [String: Any])?["text"] as? String
            else { return har }
            let head = String(text.prefix(24)).replacingOccurrences(of: "\"", with: #"\""#)
            return har.replacingOccurrences(of: #""text": "\#(head)"#, with: #""text": "\#(String(repeating: "[", count: 5000))"#)
        }
        let health = await shell.text("health acme.com", width: 200)
        #expect(health.status == .failure)
        #expect(health.err.contains("was not JSON (nesting too deep at byte "), "\(health.err)")
    }

    @Test(arguments: ["RateLimit-Remaining", "RateLimit-Limit", "RateLimit-Reset"])
    func aTwentyFiveDigitRateLimitHeaderDoesNotTrap(header: String) async throws {
        let digits = "1234567890123456789012345"
        let shell = try await replayingDemo {
            $0.replacingOccurrences(
                of: #"("\#(header)",\s*"value": ")[0-9]+"#, with: "$1\(digits)", options: .regularExpression)
        }
        let health = await shell.text("health acme.com")
        #expect(health.status == .ok, "\(health.err)")
        let status = await shell.text("status")
        #expect(status.status == .ok, "\(status.err)")
        let doctor = await shell.text("doctor")
        #expect(!doctor.out.isEmpty)
    }

    @Test func rateLimitHeadersSaturateInsteadOfTrapping() {
        let response = HTTPResponse(
            status: 200,
            headers: [HTTPHeader("RateLimit-Limit", "99999999999999999999999, 1000;window=60"),
                      HTTPHeader("RateLimit-Remaining", "123456789012345678901234567890"),
                      HTTPHeader("RateLimit-Reset", "9".padding(toLength: 400, withPad: "9", startingAt: 0))],
            body: [], url: "/", startedAt: Date(), elapsedMilliseconds: 0)
        let headers = RateLimitHeaders(response: response)
        #expect(headers?.limit == Int.max)
        #expect(headers?.remaining == Int.max)
        #expect(headers?.resetSeconds == nil)
        #expect(RetryPolicy().rateLimitWait(for: response) == 1)
        let inf = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "1e400")], body: [], url: "/",
                               startedAt: Date(), elapsedMilliseconds: 0)
        #expect(RetryPolicy().rateLimitWait(for: inf) == 1)
    }

    @Test func wordingShowsOutOfRangeNumbersAsWhatTheyAre() {
        #expect(Wording.money(4200) == "$4,200")
        #expect(Wording.money(1e19) == "$1e+19")
        #expect(Wording.money(-.infinity) == Wording.outOfRange)
        #expect(Wording.money(.nan) == Wording.outOfRange)
        #expect(Wording.score(7.4) == "7.4")
        #expect(Wording.score(1e19) == "1e+19")
        #expect(Wording.score(9.3e18) == "9.3e+18")
        #expect(Wording.score(.infinity) == Wording.outOfRange)
        #expect(Wording.percent(0.4) == "40%")
        #expect(Wording.percent(1e300) == "1e+302")
        #expect(Wording.days(from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 86400 * 3)) == 3)
    }
}

/// A shell replaying `recordings/demo.har` after `edit` has changed its text.
func replayingDemo(_ edit: (String) -> String) async throws -> Shell {
    let scratch = scratchDirectory()
    let demo = try String(contentsOf: packageRoot.appendingPathComponent("recordings/demo.har"), encoding: .utf8)
    let edited = edit(demo)
    #expect(edited != demo, "the edit changed nothing")
    try edited.write(to: scratch.appendingPathComponent("hostile.har"), atomically: true, encoding: .utf8)
    let (shell, _) = makeShell(recordings: scratch)
    _ = await shell.start()
    let replay = await shell.text("replay hostile.har")
    #expect(replay.status == .ok, "\(replay.err)")
    return shell
}

/// `--json` and `raw` show the digits Vitally sent.
@Suite struct ExactNumberOutputTests {
    @Test func jsonOutputKeepsEveryDigit() async throws {
        let shell = try await replayingDemo {
            $0.replacingOccurrences(of: #"\"mrr\":4200"#, with: #"\"mrr\":9007199254740993"#)
                .replacingOccurrences(of: #"\"healthScore\":7.4"#, with: #"\"healthScore\":7.40"#)
        }
        let shown = await shell.text("accounts show acme.com --json")
        #expect(shown.status == .ok, "\(shown.err)")
        #expect(shown.out.contains(#""mrr": 9007199254740993"#))
        #expect(shown.out.contains(#""healthScore": 7.40"#))
    }
}
