import Foundation

/// The saved connection (`config.json`, mode 0600). Refuses to read a file others can read.
public struct ConfigFile: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// The saved credentials, nil when there is no file; throws when the file is unsafe or unreadable.
    public func load() throws(VitallyError) -> Credentials? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        if info.st_mode & 0o077 != 0 {
            throw VitallyError(
                .invalidInput,
                cause: "\(url.path) can be read by other users; run: chmod 600 '\(url.path)'")
        }
        guard let data = try? Data(contentsOf: url), let json = try? JSONParser.parse(Array(data)) else {
            throw VitallyError(.invalidInput, cause: "\(url.path) is not valid JSON; fix it or run 'disconnect' to remove it")
        }
        guard let token = json["token"]?.string, !token.isEmpty else { return nil }
        let region = json["region"]?.string.flatMap(VitallyRegion.init(rawValue:)) ?? .us
        return Credentials(
            subdomain: json["subdomain"]?.string, token: token, region: region, baseURL: json["baseURL"]?.string,
            source: .configFile)
    }

    public func save(_ credentials: Credentials) throws {
        let json: JSONValue = [
            "subdomain": JSONValue(credentials.subdomain), "region": .string(credentials.region.rawValue),
            "baseURL": JSONValue(credentials.baseURL), "token": .string(credentials.token),
        ]
        try AtomicFile.write(Data(json.serialized(pretty: true).utf8), to: url, permissions: 0o600)
    }

    /// Removes the file; true when there was one.
    @discardableResult
    public func remove() -> Bool { unlink(url.path) == 0 }
}
