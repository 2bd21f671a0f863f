import Foundation
import Testing
import VitallyKit
@testable import VitallyShell

/// The core's Doctor returns data; the shell words it, and `doctor --json` carries that data.
@Suite struct DoctorWordingTests {
    /// `doctor --json` once held only the worded detail and fix: a script could not read which
    /// attendee failed, at which domain, or the connection's numbers without parsing English.
    @Test func doctorJSONCarriesEachOutcomesData() async throws {
        try await withSimulatedShell { shell, _, _ in
            let run = await shell.text("doctor pat.lee@acme.com nobody@nowhere-example.com --json")
            let json = try JSONParser.parse(run.out)
            let checks = try #require(json["checks"]?.array)
            let unmatched = try #require(checks.first { $0["id"]?.string == "7:nobody@nowhere-example.com" })
            #expect(unmatched["status"]?.string == "FAIL")
            let data = try #require(unmatched["outcome"]?["unmatched"], "\(unmatched)")
            #expect(data["email"]?.string == "nobody@nowhere-example.com")
            #expect(data["domain"]?.string == "nowhere-example.com" && data["freeMail"] == .bool(false))
            #expect(unmatched["fix"]?.string?.contains("nowhere-example.com") == true)
            let matched = try #require(checks.first { $0["id"]?.string == "7:pat.lee@acme.com" }?["outcome"]?["matched"]?["_0"], "\(checks)")
            #expect(matched["accounts"]?[0]?.string == "Acme Corp" && matched["rule"]?.string == "contact association")
            #expect(matched["probes"]?[0]?["notes"]?["counted"]?["_0"]?.double == 5, "\(matched)")
            let rate = try #require(checks.first { $0["id"]?.string == "5" }?["outcome"]?["rateLimit"])
            #expect((rate["limit"]?.double ?? 0) > 0 && rate["remaining"]?.double != nil)
            #expect((json["connection"]?["requests"]?.double ?? 0) > 0)
            #expect(json["verdict"]?.string?.hasPrefix("FAIL at 'attendee nobody@nowhere-example.com'") == true)
            // The text is drawn from the same value.
            let text = await shell.text("doctor pat.lee@acme.com nobody@nowhere-example.com").out
            for check in checks {
                #expect(text.contains(check["title"]?.string ?? "?"))
            }
        }
    }

    /// Doctor wrote English beside its cause enum; its sources now hold no sentence. A string
    /// literal of two or more words outside a comment is one.
    @Test func theCoreDoctorWritesNoSentence() throws {
        let folder = packageRoot.appendingPathComponent("Sources/VitallyKit/Diagnostics")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("Doctor.swift") && files.count >= 5, "\(files)")
        let words = try NSRegularExpression(pattern: #""[^"\n]*[A-Za-z]{2,} +[A-Za-z]{2,}[^"\n]*""#)
        var sentences: [String] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                let range = NSRange(code.startIndex..., in: code)
                for match in words.matches(in: code, range: range) {
                    sentences.append("\(file): " + (Range(match.range, in: code).map { String(code[$0]) } ?? ""))
                }
            }
        }
        #expect(sentences.isEmpty, "\(sentences.joined(separator: "\n"))")
    }

    @Test func aCountedPageIsAtLeastAndARefusedListIsNotCounted() {
        #expect(DoctorWording.count("notes", .counted(Doctor.countPage)) == "notes 50+")
        #expect(DoctorWording.count("tasks", .refused) == "tasks not counted (403 above)")
        #expect(DoctorWording.count("notes", .failed(VitallyError(.timeout))) == "notes could not be read (timeout)")
    }

    /// `doctor --json` once gave the median to the full double while the text said whole ms.
    @Test func theConnectionsSecondsAreRoundedAsTheTextShowsThem() throws {
        var met = ConnectionStats()
        met.latencies = [0.123456, 0.2345678, 1.26789]
        met.requests = 3
        met.waitedSeconds = 2.345
        met.rateLimited = 1
        let json = try JSONValueEncoder().encode(met)
        #expect(json["medianSeconds"]?.double == 0.235 && json["worstSeconds"]?.double == 1.3, "\(json)")
        #expect(json["waitedSeconds"]?.double == 2.3, "\(json)")
        let text = DoctorWording.summary(met)
        #expect(text.contains("latency median 235 ms, worst 1.3 s") && text.contains("waited 2.3 s"), "\(text)")
    }
}
