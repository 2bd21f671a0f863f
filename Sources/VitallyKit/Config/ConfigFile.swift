import Foundation

/// The one saved connection of earlier versions (`config.json`, mode 0600), read once so the
/// profile store can take it over. Refuses to read a file others can read.
package struct ConfigFile: Sendable {
    package let url: URL

    package init(url: URL) { self.url = url }

    /// The saved credentials, nil when there is no file; throws when the file is unsafe or unreadable.
    package func load() throws(VitallyError) -> Credentials? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        if let problem = PrivateFile.problem(at: url.path) { throw VitallyError(.invalidInput, cause: problem) }
        guard let data = try? Data(contentsOf: url), let json = try? JSONParser.parse(Array(data)) else {
            throw VitallyError(.invalidInput, cause: "\(url.path) is not valid JSON", hint: .editOrForgetConfiguration)
        }
        guard let token = json["token"]?.string, !token.isEmpty else { return nil }
        return try ConfigFile.validated(
            subdomain: json["subdomain"]?.string, region: json["region"]?.string, baseURL: json["baseURL"]?.string,
            token: token, file: url.path)
    }

    /// The saved values checked exactly as typed ones are: a subdomain that is not one, a base URL
    /// with a password, or an unknown region is refused rather than used.
    static func validated(subdomain saved: String?, region savedRegion: String?, baseURL: String?, token: String, file: String)
        throws(VitallyError) -> Credentials
    {
        func refuse(_ why: String) -> VitallyError {
            VitallyError(.invalidInput, cause: "\(file): \(why)", hint: .reconnectOrForget)
        }
        var region = VitallyRegion.us
        if let savedRegion {
            guard let parsed = VitallyRegion(rawValue: savedRegion) else { throw refuse("the saved region '\(savedRegion.prefix(20))' is not us or eu") }
            region = parsed
        }
        var subdomain: String?
        if let saved {
            let parsed: SubdomainParser.Parsed
            do { parsed = try SubdomainParser.parse(saved) } catch { throw refuse("the saved subdomain is not valid (\(error.cause ?? "invalid"))") }
            guard parsed.note == nil else { throw refuse("the saved subdomain '\(saved.prefix(80))' is not a bare subdomain") }
            subdomain = parsed.subdomain
        }
        if let baseURL {
            do { _ = try VitallyEndpoint.custom(baseURL) } catch { throw refuse("the saved base URL is not valid (\(error.cause ?? "invalid"))") }
        }
        return Credentials(subdomain: subdomain, token: token, region: region, baseURL: baseURL, source: .profile)
    }

    /// Removes the file; true when there was one.
    @discardableResult
    package func remove() -> Bool { unlink(url.path) == 0 }
}
