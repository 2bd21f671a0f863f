import Foundation

/// Whether the history store at a path may be trusted: a planted row changes what `health` says
/// about an account, so a store others can write, or a link to another user's file, is refused
/// as the config is (`PrivateFile`). Unlike the config it may be read by others (it holds no
/// secret), and a link to a file of one's own is followed.
enum StoreFileCheck {
    /// What is wrong with the file at `path` and the command that fixes it; nil when it is safe or absent.
    static func problem(at path: String) -> String? {
        var link = stat()
        guard lstat(path, &link) == 0 else { return nil }
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        var target = stat()
        guard stat(path, &target) == 0 else {
            return "\(path) is a symbolic link to nothing; remove it: rm '\(path)'"
        }
        if target.st_uid != getuid() {
            return isLink
                ? "\(path) is a symbolic link to a file of another user (uid \(target.st_uid)); remove the link: rm '\(path)'"
                : "\(path) belongs to another user (uid \(target.st_uid)); move it aside: mv '\(path)' '\(path).untrusted'"
        }
        if isLink && link.st_uid != getuid() {
            return "\(path) is a symbolic link made by another user (uid \(link.st_uid)); remove it: rm '\(path)'"
        }
        if target.st_mode & 0o022 != 0 {
            return "\(path) can be written by other users, who could plant rows in it; run: chmod 600 '\(path)'"
        }
        return nil
    }
}
