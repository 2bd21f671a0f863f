import Foundation
import VitallyKit

/// Everything the shell needs from the outside world, handed in by the executable
/// (which alone reads the environment and touches the terminal).
package struct ShellEnvironment: Sendable {
    /// Credentials from `VITALLY_*` variables, if complete.
    package var environmentCredentials: Credentials?
    /// A problem with the `VITALLY_*` variables, reported once at start.
    package var environmentProblem: String?
    /// Where the profiles and credentials files live (`$XDG_CONFIG_HOME/vitally-shell`); nil saves nothing.
    package var configDirectory: URL?
    /// Where account indexes are cached, one folder per tenant.
    package var cacheDirectory: URL?
    /// Where the account history store lives (`$XDG_DATA_HOME/vitally-shell`).
    package var dataDirectory: URL?
    package var recordingsDirectory: URL
    package var workingDirectory: URL
    /// Asks for a secret without echo; nil when nobody can answer.
    package var readSecret: @Sendable (String) async -> String?
    /// Shows progress of long scans (a terminal line), or nothing.
    package var progress: @Sendable (String) -> Void
    /// The history lines, newest last.
    package var history: @Sendable () -> [String]
    package var clock: @Sendable () -> Date
    /// How long one live request may take before it counts as a timeout (and is retried).
    package var requestTimeoutSeconds: Double = 15

    package init(
        environmentCredentials: Credentials? = nil, environmentProblem: String? = nil, configDirectory: URL? = nil,
        cacheDirectory: URL? = nil, dataDirectory: URL? = nil, recordingsDirectory: URL, workingDirectory: URL,
        readSecret: @escaping @Sendable (String) async -> String? = { _ in nil },
        progress: @escaping @Sendable (String) -> Void = { _ in },
        history: @escaping @Sendable () -> [String] = { [] },
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.environmentCredentials = environmentCredentials
        self.environmentProblem = environmentProblem
        self.configDirectory = configDirectory
        self.cacheDirectory = cacheDirectory
        self.dataDirectory = dataDirectory
        self.recordingsDirectory = recordingsDirectory
        self.workingDirectory = workingDirectory
        self.readSecret = readSecret
        self.progress = progress
        self.history = history
        self.clock = clock
    }

    /// The saved profiles, when there is a private folder for them.
    package var profileStore: ProfileStore? { configDirectory.map(ProfileStore.init(folder:)) }

    /// Reads `VITALLY_SUBDOMAIN`, `VITALLY_TOKEN`, `VITALLY_REGION`, `VITALLY_BASE_URL` from a dictionary.
    package static func credentials(from variables: [String: String]) -> (Credentials?, String?) {
        guard let rawToken = variables["VITALLY_TOKEN"], !TokenInput.strip(rawToken).isEmpty else {
            let partial = ["VITALLY_SUBDOMAIN", "VITALLY_BASE_URL"].contains { variables[$0] != nil }
            return (nil, partial ? "VITALLY_TOKEN is not set; set it or use 'connect'" : nil)
        }
        let token: String
        do { token = try TokenInput.parse(rawToken).token } catch { return (nil, "VITALLY_TOKEN: " + (error.cause ?? "invalid")) }
        var region = VitallyRegion.us
        if let raw = variables["VITALLY_REGION"], !raw.isEmpty {
            guard let parsed = VitallyRegion(rawValue: raw.lowercased()) else {
                return (nil, "VITALLY_REGION must be us or eu, not '\(raw)'")
            }
            region = parsed
        }
        var subdomain: String?
        if let raw = variables["VITALLY_SUBDOMAIN"], !raw.isEmpty {
            do {
                let parsed = try SubdomainParser.parse(raw)
                subdomain = parsed.subdomain
                if let implied = parsed.impliedRegion, variables["VITALLY_REGION"] == nil { region = implied }
            } catch {
                return (nil, "VITALLY_SUBDOMAIN: " + (error.cause ?? "invalid"))
            }
        }
        let baseURL = variables["VITALLY_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if subdomain == nil, baseURL == nil, region == .us {
            return (nil, "VITALLY_TOKEN is set but VITALLY_SUBDOMAIN is not (or set VITALLY_REGION=eu, or VITALLY_BASE_URL)")
        }
        return (Credentials(subdomain: subdomain, token: token, region: region, baseURL: baseURL, source: .environment), nil)
    }
}
