import Foundation

/// Vitally's data centers: US hosts are per-tenant, EU is one shared host.
public enum VitallyRegion: String, Sendable, Equatable, CaseIterable {
    case us, eu
}

/// Where requests go: `https://{subdomain}.rest.vitally.io`, `https://rest.vitally-eu.io`, or a custom base.
public struct VitallyEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var region: VitallyRegion
    public var subdomain: String?
    /// Scheme, host and port only, without a trailing slash.
    public var baseURL: String
    public var isCustom: Bool

    static let euBaseURL = "https://rest.vitally-eu.io"

    public static func us(subdomain: String) -> VitallyEndpoint {
        VitallyEndpoint(region: .us, subdomain: subdomain, baseURL: "https://\(subdomain).rest.vitally.io", isCustom: false)
    }

    /// EU uses a single shared host; the subdomain only labels the tenant for people.
    public static func eu(subdomain: String? = nil) -> VitallyEndpoint {
        VitallyEndpoint(region: .eu, subdomain: subdomain, baseURL: euBaseURL, isCustom: false)
    }

    /// A proxy or the simulator; the base URL must be http(s) with a host.
    public static func custom(_ url: String, subdomain: String? = nil, region: VitallyRegion = .us) throws(VitallyError)
        -> VitallyEndpoint
    {
        var trimmed = url.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasSuffix("/resources") { trimmed.removeLast("/resources".count) }
        guard let parsed = URL(string: trimmed), let scheme = parsed.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty
        else {
            throw VitallyError(
                .invalidInput, cause: "base URL '\(Redactor.hidingUserinfo(url))' is not an http(s) URL like http://127.0.0.1:8080")
        }
        if parsed.user != nil || parsed.password != nil || trimmed.split(separator: "/").dropFirst().first?.contains("@") == true {
            throw VitallyError(
                .invalidInput,
                cause: "base URL '\(Redactor.hidingUserinfo(url))' holds a user name or password; give it without "
                    + "them (the token is the only credential sent, and a URL password would be stored and shown)")
        }
        return VitallyEndpoint(region: region, subdomain: subdomain, baseURL: trimmed, isCustom: true)
    }

    public var host: String { URL(string: baseURL)?.host ?? baseURL }

    public func url(for request: HTTPRequest) -> String { baseURL + request.pathAndQuery }

    public var description: String { baseURL }
}

extension VitallyEndpoint: Encodable {
    enum CodingKeys: String, CodingKey { case region, subdomain, baseURL, isCustom }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(region, forKey: .region)
        try container.encode(subdomain, forKey: .subdomain)
        try container.encode(baseURL, forKey: .baseURL)
        try container.encode(isCustom, forKey: .isCustom)
    }
}
