import VitallyKit

extension FlagSpec {
    /// Raises the attendee cap of `brief`, `match` and `doctor` (checked by `InputLimits`).
    static let maxAttendees = FlagSpec(
        "--max-attendees", value: true, "allow more than \(InputLimits.attendees) attendees (each costs requests)")
}

extension InputLimits {
    /// The limits with `--max-attendees N` applied, when given.
    init(maxAttendeesFlag flag: String?) throws(VitallyError) {
        guard let flag else {
            self.init()
            return
        }
        guard let value = Int(flag.trimmingCharacters(in: .whitespaces)), value >= 1, value <= InputLimits.attendeesCeiling else {
            throw VitallyError(
                .invalidInput, cause: "--max-attendees takes a whole number from 1 to \(InputLimits.attendeesCeiling), not '\(flag.prefix(40))'")
        }
        self.init(maxAttendees: value)
    }
}
