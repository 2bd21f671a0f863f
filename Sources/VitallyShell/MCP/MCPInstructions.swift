import Foundation
import VitallyKit

/// The server's `instructions`: where answers come from, where the tenant keeps its data (measured
/// as `doctor` measures it), how attendees are matched, and what a call may cost.
enum MCPInstructions {
    static func text(_ facts: MCPSessionFacts, dataLocation: DoctorCheck?, maxRequests: Int?) -> String {
        var parts: [String] = []
        parts.append(source(facts))
        parts.append("Where the data lives: " + location(dataLocation))
        parts.append(
            "Matching (match, brief, doctor): each attendee's email is tried against these rules in order; the first rule that "
                + "finds accounts decides and the later ones are skipped: "
                + MatchRule.allCases.map { "\($0.number)) \(rule($0))" }.joined(separator: "; ")
                + ". Our own team's addresses are internal; churned accounts match but are flagged; a domain shared by several "
                + "accounts is ambiguous and lists them all. `match` shows what each rule tried and found; `doctor` with the "
                + "emails says why an attendee has no data.")
        parts.append(
            "Results: structuredContent is the command's JSON, exactly as `vitally-shell -c \"COMMAND\" --json` prints it "
                + "(an array or a bare value is wrapped as {\"result\": …}); the text content is the shell's text. A failure is a "
                + "result with isError and the shell's one-line advice. Every tool only reads; `raw_get` reads paths under /resources/ only.")
        var budget = "Budget: each call is paced by the shell's rate limiter and capped as the shell caps it (attendees, list sizes; "
            + "pass `all` only when every row is needed)."
        if let maxRequests {
            budget += " This session may start at most \(maxRequests) request\(maxRequests == 1 ? "" : "s") (--max-requests); "
                + "after that every call that needs one fails with isError."
        }
        parts.append(budget)
        return parts.joined(separator: "\n\n")
    }

    /// Where answers come from: a recording (made when), a recording session, or the live tenant.
    static func source(_ facts: MCPSessionFacts) -> String {
        let tenant = facts.tenant.isEmpty ? "no tenant" : "tenant \(facts.tenant)"
        switch facts.mode {
        case .replay:
            var text = "Replay: every result comes from the recording \(facts.recordingName ?? "?") of \(tenant)"
            if let at = facts.recordedAt { text += ", recorded at \(VitallyDate.format(at))" }
            if let from = facts.exchangesFrom, let to = facts.exchangesTo {
                text += " (\(facts.exchangeCount) exchanges, from \(VitallyDate.format(from)) to \(VitallyDate.format(to)))"
            }
            return text + ". Nothing is fetched live: dates such as \"3 days ago\" count from the recording's time, and a request "
                + "the recording lacks is an error (not recorded), never \"no data\". The exchanges are resources har://entry/N."
        case .record:
            return "Record: results come live from \(tenant)\(facts.host.map { " at \($0)" } ?? ""), and every exchange is "
                + "recorded into \(facts.recordingName ?? "a HAR file") (the token redacted); the exchanges are resources har://entry/N."
        case .live:
            return "Live: results come from \(tenant)\(facts.host.map { " at \($0)" } ?? "") as each call is made."
        case .offline:
            return "Not connected: set VITALLY_SUBDOMAIN and VITALLY_TOKEN, or start with --replay FILE.har; until then every call fails."
        }
    }

    static func location(_ check: DoctorCheck?) -> String {
        guard let check else { return "not measured (no accounts could be read)." }
        return DoctorWording.detail(check) + (check.status == .pass ? "." : " (doctor's data-location check did not pass).")
    }

    /// One rule in a sentence (the README's "Matching attendees to accounts" says the same).
    static func rule(_ rule: MatchRule) -> String {
        switch rule {
        case .contact: return "contact association: the attendee is a Vitally user (users/search?email=); their accounts"
        case .emailDomain:
            return "email domain (not for free mail): users at the address's domain, then at its registrable parent; their accounts"
        case .accountDomainTrait: return "account domain trait (not for free mail): accounts whose domain or website traits hold the domain"
        case .organizationDomainTrait: return "organization domain trait: organizations whose traits hold the domain; their accounts"
        case .companyName:
            return "company name: the meeting title and the domain's first label against account names (case, punctuation and legal suffixes ignored)"
        }
    }
}
