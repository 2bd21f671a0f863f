import VitallyKit

extension FlagSpec {
    /// Raises the attendee cap of `brief`, `match` and `doctor` (checked by `InputLimits`).
    static let maxAttendees = FlagSpec(
        "--max-attendees", value: true, "allow more than \(InputLimits.attendees) attendees (each costs requests)")
}
