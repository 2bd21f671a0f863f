import Foundation

/// Checks that a file holding a secret or steering matching (the config, the account cache)
/// belongs to this user and is neither readable nor writable by anyone else.
package enum PrivateFile {
    /// Why the file at `path` must not be trusted, with the command that fixes it; nil when it is
    /// private or does not exist.
    package static func problem(at path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFLNK {
            return "\(path) is a symbolic link; replace it with the file itself (rm '\(path)' and save again)"
        }
        if info.st_uid != getuid() {
            return "\(path) belongs to another user (uid \(info.st_uid)); remove it: rm '\(path)'"
        }
        if info.st_mode & 0o077 != 0 {
            return "\(path) can be read by other users; run: chmod 600 '\(path)'"
        }
        return nil
    }
}
