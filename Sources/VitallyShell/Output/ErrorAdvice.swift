import VitallyKit

/// The one place that turns the core's failures into the user's words: transport errors into one
/// sentence (what went wrong, then what to do), doctor causes into a fix. Commands and flags are
/// named here, never in VitallyKit.
enum ErrorAdvice {
    /// Where a Vitally admin finds the token.
    static let tokenPlace = "Settings > Operations > Integrations > Vitally REST API"

    static func sentence(for error: VitallyError, region: VitallyRegion? = nil, replaying: Bool = false) -> String {
        let resource = error.path.split(separator: "/").dropFirst().first.map(String.init) ?? "that resource"
        switch error.code {
        case .unauthorized:
            var text = "Vitally rejected the token (401): it is invalid, expired, or from another workspace"
            text += replaying ? " (replayed from the recording)" : "; run 'connect' with a fresh Secret Token (\(tokenPlace))"
            return text + (region.map(otherRegionHint) ?? "")
        case .forbidden:
            return "Vitally refused to let this token read \(resource) (403): the key was revoked or lacks access; "
                + newKey
        case .notFound:
            return "\(error.path) was not found (404)" + (error.bodyExcerpt.map { ": \($0)" } ?? "")
        case .rateLimited:
            return "Vitally is still rate-limiting this token (429) after waiting; wait a minute, then try again"
        case .server:
            return "Vitally answered \(error.status ?? 500) for \(error.method) \(error.path), three times; try again later"
        case .badRequest:
            return "Vitally refused \(error.method) \(error.path) (400)" + (error.bodyExcerpt.map { ": \($0)" } ?? "")
        case .unexpectedStatus:
            return "Vitally answered \(error.status ?? 0) for \(error.method) \(error.path)" + (error.bodyExcerpt.map { ": \($0)" } ?? "")
        case .connection:
            return (error.cause ?? "cannot reach Vitally") + "; check the subdomain, region and network"
        case .timeout:
            return (error.cause ?? "Vitally did not answer in time") + "; try again, or check the network"
        case .cancelled:
            return "cancelled"
        case .decoding:
            // The parser's reason says why (cut short, nested too deep, a control character, HTML) and where.
            let prefix = "response is not JSON ("
            let reason = error.cause.map { $0.hasPrefix(prefix) && $0.hasSuffix(")") ? String($0.dropFirst(prefix.count).dropLast()) : $0 }
            return "Vitally's answer to \(error.method) \(error.path) was not JSON" + (reason.map { " (\($0))" } ?? "")
                + "; is the base URL a proxy that rewrites it?"
        case .readOnly:
            return "vitally-shell is read-only: it never sends \(error.method) (only GET and HEAD)"
        case .unrecognisedShape:
            return "unrecognised response shape from GET \(error.path) (\(error.cause ?? "unknown shape")); see it with: raw GET \(error.path)"
        case .notRecorded, .recording, .invalidInput:
            return message(error)
        }
    }

    /// The error's own words with its hint phrased: the command or flag that helps.
    static func message(_ error: VitallyError) -> String {
        let text = error.cause ?? error.description
        guard let hint = error.hint else { return text }
        switch hint {
        // `disconnect` cannot help: it reads the same file. The error names the file (and the line).
        case .editOrForgetConfiguration: return text + "; correct it in the file, or remove the file and run 'connect' again"
        case .reconnectOrForget: return text + "; run 'connect' to save working credentials, or 'disconnect' to remove them"
        case .listRecordings: return text + " (see 'recordings' for the files there are)"
        case .allowAttendees(let count): return text + "; pass --max-attendees \(count) to allow them, or give only the attendees that matter"
        case .fewerAttendees:
            return text + "; --max-attendees allows at most \(InputLimits.attendeesCeiling); give only the attendees that matter"
        case .separateScrubMap: return "--map must be a file of its own, never the recording itself"
        case .scrubMapExpected: return text + " (written by recordings scrub --map)"
        case .anotherScrubOutput: return text + "; give another OUT.har"
        case .replaceOrAnotherScrubOutput: return text + "; give --force to replace it, or another OUT.har"
        case .requestBudget(let count):
            return text + "; stop calling tools, or restart the server with a larger --max-requests than \(count)"
        }
    }

    static let newKey = "create a new key in Vitally (\(tokenPlace)) and 'connect' again"

    /// A token from the other data center is refused the same way as a wrong one.
    static func otherRegionHint(_ region: VitallyRegion) -> String {
        region == .us
            ? "; if the tenant is in the EU data center, the token is only valid there: connect with --region eu"
            : "; if the tenant is in the US data center, connect with --region us and its subdomain"
    }

    /// What to do about a doctor check that did not pass; nil when there is nothing to do.
    static func fix(for check: DoctorCheck) -> String? {
        guard check.status != .pass else { return nil }
        switch check.outcome {
        case .replaying, .tokenPresent, .notRun, .hostAnswered, .tokenAccepted, .readAll, .activeAccounts, .churnedUnchecked,
             .noOrganizations, .dataLocated, .internalAttendee:
            return nil
        case .unusableConfiguration: return "correct it, or run 'connect SUBDOMAIN' to test and save working credentials"
        case .notConnected: return "run 'connect SUBDOMAIN' (token from \(tokenPlace)) or set VITALLY_SUBDOMAIN and VITALLY_TOKEN"
        case .hostUnreachable(_, _, _, let endpoint):
            guard let endpoint else { return "the recording holds a connection error; re-record once the network works" }
            if endpoint.isCustom { return "check that \(endpoint.baseURL) is up and reachable (VITALLY_BASE_URL / --base-url)" }
            if endpoint.region == .us {
                return "check the subdomain (the 'acme' of https://acme.vitally.io), that the tenant is not in the EU (--region eu), "
                    + "and that the network or proxy allows \(endpoint.host)"
            }
            return "check that the network or proxy allows \(endpoint.host); if the tenant is in the US, use --region us with its subdomain"
        case .tokenRejected(let subdomain, let endpoint):
            var fix = "copy a fresh Secret Token from Vitally (\(tokenPlace)) and run 'connect' again"
            if let subdomain, endpoint?.region == .us {
                fix += "; check the subdomain '\(subdomain)' too (a typo reaches a host that refuses the token)"
            }
            return fix + (endpoint.map { otherRegionHint($0.region) } ?? "")
        case .keyRevoked: return newKey
        case .stillRateLimited: return "wait a minute, then run doctor again"
        case .readRefused: return "use a key with read access to every resource (a new key from \(tokenPlace))"
        case .readFailed: return "run doctor again; if it persists, check Vitally's status"
        case .noRateLimitHeaders: return "nothing to do unless requests start failing with 429"
        case .rateLimit:
            return check.status == .fail
                ? "another integration is using the whole budget; wait for the reset or reduce that load"
                : "briefs may be slow or fail with 429 until the window resets"
        case .onlyChurnedAccounts: return "check that the CRM sync into Vitally still runs"
        case .noAccounts: return "check that this is the right workspace and that an integration syncs accounts into Vitally"
        case .matchingFailed: return "fix the checks above, then run doctor again"
        case .noAttendees: return "run 'doctor EMAIL...' with the meeting's attendees"
        case .unmatched(let email, let domain, let freeMail):
            return freeMail
                ? "add \(email) as a user of the right account in Vitally (free-mail addresses only match as known users), "
                    + "or give --title with the company name"
                : "add a user at \(domain ?? "the domain") to the account, or put the domain in an account trait such as 'domain'"
        case .cancelled, .connectionCancelled: return "run doctor again and let it finish (Ctrl-C cancelled it)"
        case .lookupsFailed(let failures): return partialFix(failures.map(\.error))
        case .locationUnread(let errors): return partialFix(errors)
        case .connection(_, let findings): return findings.isEmpty ? nil : connectionFix(findings)
        case .matched(let reading): return concernsFix(reading)
        }
    }

    /// What to do about a matched attendee's doubts, in order; nil when none needs doing
    /// (a free-mail match, or a rule that could not be checked, has no fix of its own).
    static func concernsFix(_ reading: AttendeeReading) -> String? {
        var fixes: [String] = []
        if reading.ambiguous { fixes.append("add the attendee as a user of the right account, or keep the domain on one account only") }
        if reading.churned { fixes.append("check whether the customer has a newer, active account") }
        if reading.lowConfidence { fixes.append("add the attendee as a user of the account to make the match certain") }
        for probe in reading.probes {
            if !probe.gaps.isEmpty { fixes.append("the brief will be thin until Vitally has that data for \(probe.account)") }
            if let organization = probe.organizationOnly {
                fixes.append("\(probe.account)'s notes and tasks are on its organization \(organization) only; the brief shows them labelled [\(organization)]")
            }
            if let request = probe.unrecognised { fixes.append("see the unrecognised answer with: raw \(request), and report its shape") }
        }
        if !reading.unread.isEmpty { fixes.append(partialFix(reading.unread)) }
        return fixes.isEmpty ? nil : fixes.joined(separator: "; ")
    }

    /// What to do about what the connection met; each says what it means for the brief service.
    static func connectionFix(_ findings: [ConnectionFinding]) -> String {
        findings.map { finding in
            switch finding {
            case .failed(let count):
                return "\(count) request\(count == 1 ? "" : "s") failed even after retries, so a brief can miss Vitally data; "
                    + "check Vitally's status and the network path, then run doctor again"
            case .rateLimited(let count, let waited, _):
                return "Vitally rate-limited this token \(count) time\(count == 1 ? "" : "s") (\(Wording.score(waited.rounded())) s waited): "
                    + "the brief service may time out while it waits; other integrations share this budget, so spread them out"
            case .slow(let median):
                return "a median of \(Wording.score((median * 10).rounded() / 10)) s per request is slow enough that the brief service may time out "
                    + "(more than \(Wording.score(ConnectionThresholds.slowMedianSeconds)) s); check the network path and Vitally's status"
            case .paced(let seconds, _):
                return "the token's budget ran low, so requests were spaced out (\(Wording.score(seconds.rounded())) s): "
                    + "the brief service may time out at this pace; other integrations share this budget"
            case .retried(let count):
                return "requests had to be tried again \(count) time\(count == 1 ? "" : "s"): the connection is flaky, "
                    + "and a brief service that does not retry will miss data"
            }
        }.joined(separator: "; ")
    }

    /// Why one lookup could not be checked, in a few words: `timeout after 15 s`, `HTTP 503 after
    /// retries`, `not in the recording`.
    static func lookupReason(_ error: VitallyError) -> String {
        switch error.code {
        case .timeout:
            let seconds = error.cause?.split(separator: " ").drop { $0 != "within" }.dropFirst().first
            return seconds.map { "timeout after \($0) s" } ?? "timeout"
        case .notRecorded: return "not in the recording"
        case .connection: return "no connection, after retries"
        case .rateLimited: return "still rate-limited (429) after waiting"
        default: return (error.status.map { "HTTP \($0)" } ?? error.code.rawValue) + (error.code == .server ? " after retries" : "")
        }
    }

    /// How to get what a partial answer lacks: the replay's own "to record it" command, else try again.
    static func partialFix(_ errors: [VitallyError]) -> String {
        let marker = ReplayTransport.recordMarker
        for error in errors where error.code == .notRecorded {
            if let range = error.cause?.range(of: marker), let cause = error.cause {
                return "record what is missing: " + cause[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return errors.contains { $0.code == .notRecorded }
            ? "record what is missing with --record FILE --record-mode missing" : "try again; 'doctor' measures the connection"
    }

    /// One line naming the first failure and its fix, or how many warnings there were.
    static func verdict(_ report: DoctorReport) -> String {
        if let first = report.firstFailure {
            return "FAIL at '\(DoctorWording.title(first))': \(DoctorWording.detail(first))" + (fix(for: first).map { ". Fix: \($0)" } ?? "")
        }
        if let first = report.firstInconclusive {
            return "INCONCLUSIVE: '\(DoctorWording.title(first))' could not be checked: \(DoctorWording.detail(first))"
                + (fix(for: first).map { ". Fix: \($0)" } ?? "")
        }
        let warnings = report.warnings
        return warnings == 0 ? "All checks passed." : "No failures; \(warnings) warning\(warnings == 1 ? "" : "s") above."
    }
}
