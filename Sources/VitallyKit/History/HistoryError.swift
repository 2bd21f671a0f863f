import Foundation

/// Why the observation store could not be used; the shell phrases it as a one-line warning and
/// goes on without history.
package struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in terms a person can act on.
    package enum Cause: String, Sendable {
        /// Another process holds the database's lock.
        case locked
        /// The file is not a SQLite database, or is damaged.
        case corrupt
        /// The file or its folder cannot be read or written (permissions, a directory in the way).
        case unusable
        /// A database written by a newer vitally-shell (an unknown migration).
        case newer
        /// Others can write the file, or it links to another user's file: `detail` says what to do.
        case untrusted
    }

    package var cause: Cause
    package var path: String
    /// SQLite's or the file system's own words, without any data.
    package var detail: String

    package init(_ cause: Cause, path: String, detail: String) {
        self.cause = cause
        self.path = path
        self.detail = detail
    }

    package var description: String { "\(path): \(cause.rawValue) (\(detail))" }
}
