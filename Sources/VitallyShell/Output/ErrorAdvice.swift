import VitallyKit

/// Turns a failure into one sentence: what went wrong, then what to do about it.
public enum ErrorAdvice {
    public static func sentence(for error: VitallyError, region: VitallyRegion? = nil, replaying: Bool = false) -> String {
        let resource = error.path.split(separator: "/").dropFirst().first.map(String.init) ?? "that resource"
        switch error.code {
        case .unauthorized:
            var text = "Vitally rejected the token (401): it is invalid, expired, or from another workspace"
            text += replaying ? " (replayed from the recording)" : "; run 'connect' with a fresh Secret Token (Settings > Integrations > Vitally REST API)"
            if region == .us { text += "; if the tenant is in the EU data center, connect with --region eu" }
            if region == .eu { text += "; if the tenant is in the US data center, connect with --region us and the subdomain" }
            return text
        case .forbidden:
            return "Vitally refused to let this token read \(resource) (403): the key was revoked or lacks access; "
                + "create a new key in Vitally and 'connect' again"
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
            return "Vitally's answer to \(error.method) \(error.path) was not JSON; is the base URL a proxy that rewrites it?"
        case .readOnly:
            return "vitally-shell is read-only: it never sends \(error.method) (only GET and HEAD)"
        case .notRecorded, .recording, .invalidInput:
            return error.cause ?? error.description
        }
    }
}
