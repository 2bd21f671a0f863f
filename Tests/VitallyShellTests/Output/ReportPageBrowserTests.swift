import Foundation
import Testing
import VitallyKit
@testable import VitallyShell

/// The `--html` report rendered by a real headless browser (Chromium from Debian, which
/// `make test` installs through `test-deps`): a screenshot that is a non-blank PNG with the
/// chart's colours and text below the chart, and a DOM with every table row.
@Suite(.serialized) struct ReportPageBrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs a program with a time limit; its exit status and stdout (through a file: a DOM
    /// dump is larger than a pipe holds).
    static func run(_ path: String, _ arguments: [String], seconds: Double = 90) throws -> (status: Int32, out: String) {
        let outFile = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("browser-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: (try? Data(contentsOf: outFile)) ?? Data(), as: UTF8.self))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (make test-deps installs it with apt-get install chromium); the browser test of --html is skipped"))
    func theCoverageReportRendersItsChartAndTablesInChromium() async throws {
        let chromium = try #require(Self.chromium)
        try await withSimulatedShell { shell, _, scratch in
            let html = scratch.appendingPathComponent("coverage.html")
            let result = await shell.text(CoverageCommandTests.line + " --html \(html.path)")
            #expect(result.status == .ok, "\(result.err)")
            let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                         "--user-data-dir=\(scratch.appendingPathComponent("chromium").path)"]
            let shot = scratch.appendingPathComponent("coverage.png")
            let screenshot = try Self.run(chromium, flags + ["--screenshot=\(shot.path)", "--window-size=900,1400", html.absoluteString])
            #expect(FileManager.default.fileExists(atPath: shot.path), "chromium exited \(screenshot.status) with no screenshot")
            let pixels = try JSONParser.parse(Array(try Self.run("/usr/bin/python3", [packageRoot.appendingPathComponent("scripts/png-regions.py").path, shot.path]).out.utf8))
            #expect(pixels["png"]?.bool == true)
            #expect(pixels["width"]?.int == 900 && pixels["height"]?.int == 1400)
            // Not blank: text, the chart's green and red bars, and lines of table text below the chart.
            #expect((pixels["nonWhite"]?.int ?? 0) > 20_000, "\(pixels)")
            #expect((pixels["green"]?.int ?? 0) > 2_000 && (pixels["red"]?.int ?? 0) > 200, "\(pixels)")
            #expect((pixels["textRowsBelowChart"]?.int ?? 0) > 150, "\(pixels)")

            // The DOM the browser built holds every table row and the fix wording.
            let dom = try Self.run(chromium, flags + ["--dump-dom", html.absoluteString]).out
            #expect(dom.contains("<h2>Meetings</h2>") && dom.contains("<h2>Unmatched domains</h2>"))
            let meetingsTable = dom.components(separatedBy: "<h2>Meetings</h2>").last ?? ""
            #expect(meetingsTable.components(separatedBy: "<tr>").count - 1 == 1 + 30, "\(meetingsTable.prefix(400))")
            #expect(dom.contains("Add `globex-holdings.com` to Globex Inc's domain trait"))
            #expect(dom.components(separatedBy: "<rect").count - 1 >= 2 + 2 * 7)
        }
    }
}
