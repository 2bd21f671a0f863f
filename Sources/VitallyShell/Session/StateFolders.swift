import Foundation

/// Where the config, the account cache and the history live: `$XDG_*_HOME`, else under `$HOME`.
/// With neither set there is no private place for them, so nothing is saved (never `/tmp`).
package enum StateFolders {
    /// `variable`'s folder, else `$HOME/fallback`; nil when neither is set to an absolute path.
    package static func folder(_ variable: String, fallback: String, in environment: [String: String]) -> URL? {
        if let base = environment[variable], base.hasPrefix("/") { return URL(fileURLWithPath: base) }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(fallback)
    }

    /// Where the `profiles` and `credentials` files live.
    package static func configDirectory(_ environment: [String: String]) -> URL? {
        folder("XDG_CONFIG_HOME", fallback: ".config", in: environment)?.appendingPathComponent("vitally-shell")
    }

    package static func cacheDirectory(_ environment: [String: String]) -> URL? {
        folder("XDG_CACHE_HOME", fallback: ".cache", in: environment)?.appendingPathComponent("vitally-shell")
    }

    /// Where the account history store lives (`observations.sqlite`).
    package static func dataDirectory(_ environment: [String: String]) -> URL? {
        folder("XDG_DATA_HOME", fallback: ".local/share", in: environment)?.appendingPathComponent("vitally-shell")
    }

    package static func historyFile(_ environment: [String: String]) -> URL? {
        folder("XDG_STATE_HOME", fallback: ".local/state", in: environment)?.appendingPathComponent("vitally-shell/history")
    }

    /// Why `connect` did not save the credentials when there is no config folder.
    static let noConfigFolder =
        "not saved: neither XDG_CONFIG_HOME nor HOME is set, so there is no private folder for them (set HOME to save)"
}
