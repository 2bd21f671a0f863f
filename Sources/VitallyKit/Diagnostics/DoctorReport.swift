import Foundation

/// PASS, WARN, FAIL, or not run because an earlier check failed.
public enum CheckStatus: String, Sendable, Equatable {
    case pass = "PASS", warn = "WARN", fail = "FAIL", skip = "SKIP"
}

/// One line of `doctor`: what was checked, what was found, and how to fix it.
public struct DoctorCheck: Sendable, Equatable {
    public var id: String
    public var title: String
    public var status: CheckStatus
    public var detail: String
    public var fix: String?
    /// Sub-lines (a matching trace), shown indented.
    public var notes: [String] = []

    public init(_ id: String, _ title: String, _ status: CheckStatus, _ detail: String, fix: String? = nil, notes: [String] = []) {
        self.id = id
        self.title = title
        self.status = status
        self.detail = detail
        self.fix = fix
        self.notes = notes
    }
}

/// Every check in order and a one-line verdict naming the first failure.
public struct DoctorReport: Sendable {
    public var checks: [DoctorCheck]

    public var failed: Bool { checks.contains { $0.status == .fail } }

    public var verdict: String {
        if let first = checks.first(where: { $0.status == .fail }) {
            return "FAIL at '\(first.title)': \(first.detail)" + (first.fix.map { ". Fix: \($0)" } ?? "")
        }
        let warnings = checks.filter { $0.status == .warn }.count
        return warnings == 0 ? "All checks passed." : "No failures; \(warnings) warning\(warnings == 1 ? "" : "s") above."
    }

    public var json: JSONValue {
        [
            "ok": .bool(!failed), "verdict": .string(verdict),
            "checks": .array(checks.map { c in
                ["id": .string(c.id), "title": .string(c.title), "status": .string(c.status.rawValue), "detail": .string(c.detail),
                 "fix": JSONValue(c.fix), "notes": .array(c.notes.map { .string($0) })]
            }),
        ]
    }
}
