import Foundation
import VitallyKit

/// How `recordings show`, `scrub` and `diff` word their results: path filters, printable text, the scrub summary.
enum RecordingTools {
    /// `--path /resources/notes` matches that path, what lies under it, and the same resource
    /// under an account (`/resources/accounts/ID/notes`).
    static func path(_ path: String, matches filter: String) -> Bool {
        let wanted = filter.split(separator: "/").map(String.init)
        let have = path.split(separator: "/").map(String.init)
        guard !wanted.isEmpty else { return true }
        if have.starts(with: wanted) { return true }
        let tail = wanted.first == "resources" ? Array(wanted.dropFirst()) : wanted
        guard !tail.isEmpty, have.count >= tail.count else { return false }
        return Array(have.suffix(tail.count)) == tail
    }

    /// Control characters from a file shown as `\u{…}`, never sent to the terminal.
    static func printable(_ text: String, keepNewlines: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && !(keepNewlines && (v == 10 || v == 9))) || (v >= 0x7f && v < 0xa0) {
                out += "\\u{\(String(v, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func scrubBlocks(_ result: ScrubResult) -> [OutputBlock] {
        let report = result.report
        let counts = result.replaced.filter { $0.count > 0 || $0.kind != .domains && $0.kind != .accounts }
        let summary = counts.map { "\($0.count) \(label($0.kind, $0.count))" }.joined(separator: ", ")
        var lines: [OutputBlock] = [
            .text("Wrote \(report.output.path) (0600): \(report.entries) exchanges, scrubbed."),
            .text("Replaced: \(summary)."),
            .text("Kept only the safe list (recordings scrub --explain): ids, dates, numbers, enumerations, header names"
                + (report.options.domains ? "" : ", domains") + (report.options.accounts ? "" : ", account names") + "."),
            .text("Scanned the written file (\(Format.bytes(report.scannedBytes))): every string is on the safe list or a pseudonym.", .good),
        ]
        if !report.lostCompanyMatches.isEmpty {
            let changed = report.lostCompanyMatches
            lines.append(.text("Warning: \(changed.count) domain\(changed.count == 1 ? "" : "s") match\(changed.count == 1 ? "es" : "") differently "
                + "in the copy (replayed on both files); a brief of the copy will differ for attendees there:", .warn))
            for line in changed.prefix(5) { lines.append(.text("  " + printable(line), .warn)) }
            if changed.count > 5 { lines.append(.text("  … and \(changed.count - 5) more.", .warn)) }
        }
        if let map = result.mapPath { lines.append(.text("Map of originals to pseudonyms: \(map) (0600; keep it private, never attach it).")) }
        if result.randomSalt {
            lines.append(.text("A random salt was used: pass --salt S to get the same pseudonyms in every file.", .dim))
        }
        return lines
    }

    static func label(_ kind: ScrubMap.Kind, _ count: Int) -> String {
        count == 1 ? kind.label : kind.label.hasSuffix("s") ? kind.label + "es" : kind.label + "s"
    }

    static func status(_ code: Int) -> String { code == 0 ? "failed" : String(code) }
}

/// The text of `recordings scrub`, from a `ScrubResult`: what was written, replaced, kept and scanned.
struct ScrubRenderer: ResultRenderer {
    func blocks(_ result: ScrubResult) -> [OutputBlock] { RecordingTools.scrubBlocks(result) }
}

/// The table of `recordings`, from a `RecordingListing`: one row per file, or where none are.
struct RecordingListRenderer: ResultRenderer {
    /// The folder, named when it holds no recording.
    let directory: URL

    func blocks(_ listing: RecordingListing) -> [OutputBlock] {
        guard !listing.files.isEmpty else { return [.text("No .har files in \(directory.path).", .dim)] }
        let rows = listing.files.map { file -> [Span] in
            guard let entries = file.entries else {
                return [Span(file.file), Span("—"), Span("unreadable", .bad), Span("—"), Span(Format.bytes(file.bytes))]
            }
            return [Span(file.file), Span(String(entries)), Span(file.recordedAt.map(VitallyDate.format) ?? "—"), Span(file.subdomain ?? "—"),
                    Span(Format.bytes(file.bytes))]
        }
        return [.table(Table(columns: ["FILE", "ENTRIES", "RECORDED AT", "SUBDOMAIN", "SIZE"], rows: rows, flexible: [0]))]
    }
}
