import Foundation

/// Where a credential came from, for `status` and `doctor`. The shell names the command that
/// gave them (`status` says "connect arguments"); the core says only "this session".
package enum CredentialSource: String, Sendable, Equatable {
    case command = "this session"
    case environment = "environment (VITALLY_*)"
    case profile = "saved profile"
    case recording = "recording"
}

/// A tenant and its secret token. Its description never shows the token.
package struct Credentials: Sendable, Equatable, CustomStringConvertible {
    package var subdomain: String?
    package var token: String
    package var region: VitallyRegion
    package var baseURL: String?
    package var source: CredentialSource
    /// The saved profile these came from or were saved as; nil for the environment and `--no-save`.
    package var profile: String?
    /// The command that produced the token (never stored); nil when the token was typed or saved.
    package var tokenCommand: String?
    /// When the token was saved, for its age; nil when it is not on disk.
    package var tokenSavedAt: Date?

    package init(subdomain: String?, token: String, region: VitallyRegion = .us, baseURL: String? = nil,
                source: CredentialSource) {
        self.subdomain = subdomain
        self.token = token
        self.region = region
        self.baseURL = baseURL
        self.source = source
    }

    /// Where requests go: an explicit base URL wins, then the region's host.
    package func endpoint() throws(VitallyError) -> VitallyEndpoint {
        if let baseURL, !baseURL.isEmpty { return try .custom(baseURL, subdomain: subdomain, region: region) }
        switch region {
        case .eu: return .eu(subdomain: subdomain)
        case .us:
            guard let subdomain, !subdomain.isEmpty else {
                throw VitallyError(.invalidInput, cause: "a US tenant needs its subdomain (the 'acme' of acme.vitally.io)")
            }
            return .us(subdomain: subdomain)
        }
    }

    /// A label for prompts and cache folders: the subdomain, else the host.
    package var tenantLabel: String {
        if let subdomain, !subdomain.isEmpty { return subdomain }
        if let baseURL, let host = URL(string: baseURL)?.host { return host }
        return region == .eu ? "eu" : "unknown"
    }

    package var description: String {
        "Credentials(\(tenantLabel), region: \(region.rawValue), token: \(Redactor.placeholder), from \(source.rawValue))"
    }
}

/// Reduces what people paste (`acme`, `acme.vitally.io`, `https://acme.vitally.io/`) to the
/// subdomain, and refuses anything that could steer requests to another host.
package enum SubdomainParser {
    /// The subdomain kept, and what was said about the input.
    package struct Parsed: Sendable, Equatable {
        package var subdomain: String
        /// Set when the input was more than the bare subdomain: says what was kept.
        package var note: String?
        /// The region the pasted host implies, if any.
        package var impliedRegion: VitallyRegion?
    }

    static let knownHostSuffixes: [(String, VitallyRegion)] = [
        (".rest.vitally-eu.io", .eu), (".vitally-eu.io", .eu), (".rest.vitally.io", .us), (".vitally.io", .us),
    ]

    package static func parse(_ input: String) throws(VitallyError) -> Parsed {
        let original = input
        var s = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let expected = "expected the subdomain you log in with, like 'acme' (from https://acme.vitally.io)"
        guard !s.isEmpty else { throw VitallyError(.invalidInput, cause: "the subdomain is empty; \(expected)") }
        var stripped = false
        for scheme in ["https://", "http://"] where s.lowercased().hasPrefix(scheme) {
            s.removeFirst(scheme.count)
            stripped = true
        }
        while s.hasSuffix("/") {
            s.removeLast()
            stripped = true
        }
        guard !s.contains(" "), !s.contains("@"), !s.contains("/"), !s.contains("\\"), !s.contains("?"),
            !s.contains("#"), !s.contains(":")
        else {
            throw VitallyError(.invalidInput, cause: "'\(original)' is not a subdomain; \(expected)")
        }
        var region: VitallyRegion?
        let lower = s.lowercased()
        for (suffix, suffixRegion) in knownHostSuffixes where lower.hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count))
            region = suffixRegion
            stripped = true
            break
        }
        if ["rest.vitally.io", "vitally.io", "api.vitally.io", "www.vitally.io"].contains(lower) {
            throw VitallyError(
                .invalidInput,
                cause: "'\(original)' is Vitally's shared host, without your tenant in it: give your subdomain, "
                    + "the 'acme' of the https://acme.vitally.io address you see when logged in to Vitally "
                    + "(requests then go to https://acme.rest.vitally.io)")
        }
        if region == nil, lower == "rest.vitally-eu.io" || lower == "vitally-eu.io" {
            throw VitallyError(.invalidInput, cause: "the EU host has no subdomain in it; give your subdomain and the EU region")
        }
        guard !s.contains(".") else {
            throw VitallyError(.invalidInput, cause: "'\(original)' has extra dots; \(expected)")
        }
        guard s.count <= 63 else { throw VitallyError(.invalidInput, cause: "the subdomain is longer than 63 characters; \(expected)") }
        guard s.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }), !s.hasPrefix("-"),
            !s.hasSuffix("-"), !s.isEmpty
        else {
            throw VitallyError(.invalidInput, cause: "'\(original)' has characters a subdomain cannot have; \(expected)")
        }
        let subdomain = s.lowercased()
        let note = stripped || subdomain != s ? "using subdomain '\(subdomain)' from '\(original)'" : nil
        return Parsed(subdomain: subdomain, note: note, impliedRegion: region)
    }
}
