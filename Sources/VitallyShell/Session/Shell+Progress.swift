import Foundation
import VitallyKit

/// The status line of a command that waits: what it is doing, with numbers, and any wait with its
/// reason and countdown (`matching 3 attendees · 4/9 requests · account scan page 12`). The shell
/// words it; the executable draws it on stderr and erases it.
extension Shell {
    /// The connection's counters when a command starts; its line counts from here.
    package func progressMark() async -> ConnectionActivity { await connection.limiter.meter.activity }

    /// One line for the command `words` (nil when there is nothing to say yet).
    package func progressLine(for words: [String], since mark: ConnectionActivity, now: Date = Date()) async -> String? {
        let activity = await connection.limiter.meter.activity
        // The words as typed can hold the token (`raw GET …?x=TOKEN`, `connect --token …`).
        var parts = [LineRedactor.redact(Self.doing(words), secrets: secrets)]
        let started = activity.started - mark.started
        if started > 0 { parts.append("\(activity.finished - mark.finished)/\(started) requests") }
        let pages = activity.accountPages - mark.accountPages
        if pages > 1 { parts.append("account scan page \(pages)") }
        if let wait = activity.wait {
            let seconds = max(0, Int(wait.until.timeIntervalSince(now).rounded(.up)))
            parts.append(Self.waiting(wait, seconds: seconds))
        }
        return parts.joined(separator: " · ")
    }

    /// What the command is doing, in a few words: `matching 3 attendees`, `health acme.com`.
    package static func doing(_ words: [String]) -> String {
        guard let name = words.first else { return "working" }
        let emails = words.dropFirst().filter(Domain.isEmail).count
        // Only a command given attendees says how many; `match` alone or `doctor` with none is shown as typed.
        if emails > 0, let verb = attendeeVerbs[name] {
            return "\(verb) \(emails) attendee\(emails == 1 ? "" : "s")"
        }
        return words.prefix(3).joined(separator: " ")
    }

    /// The commands whose status line counts attendees, with the verb it uses.
    static let attendeeVerbs = ["match": "matching", "brief": "briefing", "doctor": "checking"]

    /// `rate-limited by Vitally: retrying in 41 s (attempt 2/5)`
    static func waiting(_ wait: ConnectionActivity.Wait, seconds: Int) -> String {
        if wait.pacing { return "rate limit running low: next request in \(seconds) s" }
        let attempt = "(attempt \(wait.attempt)/\(wait.of))"
        switch wait.cause {
        case nil: return "rate-limited by Vitally: retrying in \(seconds) s \(attempt)"
        case .status(let code)?: return "Vitally answered \(code): retrying in \(seconds) s \(attempt)"
        case .timeout?: return "no answer in time: retrying in \(seconds) s \(attempt)"
        case .connection?: return "connection lost: retrying in \(seconds) s \(attempt)"
        }
    }
}
