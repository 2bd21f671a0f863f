import Foundation

/// Caps on what one `brief`, `match` or `doctor` takes in, so a hostile invite or title cannot
/// spend the tenant's shared request budget, gigabytes of memory, or minutes of CPU.
package struct InputLimits: Sendable, Equatable {
    package static let attendees = 50
    /// The most a run may allow.
    package static let attendeesCeiling = 1000
    package static let inviteBytes = 5 * 1024 * 1024
    static let titleCharacters = 500

    /// Attendees allowed in this run (the shell's flag raises it).
    package var maxAttendees: Int

    package init(maxAttendees: Int = InputLimits.attendees) { self.maxAttendees = maxAttendees }

    /// Refuses more attendees than allowed: each one costs requests from the tenant's shared budget.
    package func check(attendees count: Int, from source: String) throws(VitallyError) {
        guard count > maxAttendees else { return }
        throw VitallyError(
            .invalidInput,
            cause: "\(count) attendees \(source) are more than \(maxAttendees): each costs Vitally requests from the tenant's "
                + "shared budget (about 1,000 a minute)",
            hint: count <= InputLimits.attendeesCeiling ? .allowAttendees(count) : .fewerAttendees)
    }

    /// Refuses a title longer than a meeting title can be (`what` names where it came from).
    package static func check(title: String?, what: String) throws(VitallyError) {
        guard let title else { return }
        let count = title.unicodeScalars.count
        guard count > titleCharacters else { return }
        throw VitallyError(
            .invalidInput,
            cause: "\(what) is \(count) characters; a meeting title is at most \(titleCharacters): shorten it to the company and topic")
    }

    /// The text of a calendar invite, its size checked before anything is read; `/dev/zero`,
    /// a FIFO or a folder is refused rather than read forever.
    package static func readInvite(at url: URL, limit: Int = InputLimits.inviteBytes) throws(VitallyError) -> String {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw VitallyError(.invalidInput, cause: "cannot read the calendar invite \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw VitallyError(.invalidInput, cause: "\(path) is not a regular file; give the .ics file the calendar exported")
        }
        let size = Int64(info.st_size)
        guard size <= Int64(limit) else {
            throw VitallyError(
                .invalidInput,
                cause: "\(path) is \(megabytes(size)); a calendar invite is at most \(megabytes(Int64(limit))): is it the right file?")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw VitallyError(.invalidInput, cause: "cannot read the calendar invite \(path): permission denied?")
        }
        defer { try? handle.close() }
        // Read one byte past the limit: a file that grew since the check is refused too.
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else {
            throw VitallyError(.invalidInput, cause: "\(path) grew past \(megabytes(Int64(limit))) while being read; is it the right file?")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VitallyError(.invalidInput, cause: "\(path) is not UTF-8 text: is it a calendar invite (.ics)?")
        }
        return text
    }

    static func megabytes(_ bytes: Int64) -> String {
        let tenths = bytes * 10 / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
