import Foundation

/// The zone a `TZID` names. Google writes IANA names (`America/New_York`); Outlook writes
/// Windows names (`Pacific Standard Time`, `W. Europe Standard Time`), sometimes with a
/// `/Microsoft/` or `(UTC+01:00) ...` decoration. The common Windows names map to IANA ones
/// (from CLDR's windowsZones.xml, "001" territory); an unknown name reads as UTC and is reported.
enum CalendarTimeZone {
    static func named(_ raw: String) -> TimeZone? {
        var name = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        if let slash = name.range(of: "/", options: .backwards), name.hasPrefix("/") { name = String(name[slash.upperBound...]) }
        if let zone = TimeZone(identifier: name) { return zone }
        if let iana = windows[name], let zone = TimeZone(identifier: iana) { return zone }
        // "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
        if name.hasPrefix("(UTC"), let close = name.firstIndex(of: ")") {
            let label = name[name.index(after: close)...].trimmingCharacters(in: .whitespaces)
            if let iana = displayNames.first(where: { label.hasPrefix($0.key) })?.value { return TimeZone(identifier: iana) }
            let offset = name[name.index(name.startIndex, offsetBy: 4)..<close]
            return fixedOffset(String(offset))
        }
        return nil
    }

    /// `+01:00` as a zone with no daylight saving.
    static func fixedOffset(_ text: String) -> TimeZone? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return TimeZone(identifier: "UTC") }
        let parts = text.dropFirst().split(separator: ":").compactMap { Int($0) }
        guard let hours = parts.first, hours <= 14 else { return nil }
        let seconds = (hours * 3600 + (parts.count > 1 ? parts[1] * 60 : 0)) * (sign == "-" ? -1 : 1)
        return TimeZone(secondsFromGMT: seconds)
    }

    static let windows: [String: String] = [
        "UTC": "UTC", "Coordinated Universal Time": "UTC", "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik", "W. Europe Standard Time": "Europe/Berlin",
        "Central Europe Standard Time": "Europe/Budapest", "Central European Standard Time": "Europe/Warsaw",
        "Romance Standard Time": "Europe/Paris", "E. Europe Standard Time": "Europe/Chisinau",
        "FLE Standard Time": "Europe/Kiev", "GTB Standard Time": "Europe/Bucharest", "Russian Standard Time": "Europe/Moscow",
        "Israel Standard Time": "Asia/Jerusalem", "South Africa Standard Time": "Africa/Johannesburg",
        "Arabian Standard Time": "Asia/Dubai", "India Standard Time": "Asia/Kolkata", "China Standard Time": "Asia/Shanghai",
        "Singapore Standard Time": "Asia/Singapore", "Tokyo Standard Time": "Asia/Tokyo", "Korea Standard Time": "Asia/Seoul",
        "AUS Eastern Standard Time": "Australia/Sydney", "E. Australia Standard Time": "Australia/Brisbane",
        "W. Australia Standard Time": "Australia/Perth", "New Zealand Standard Time": "Pacific/Auckland",
        "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "US Mountain Standard Time": "America/Phoenix",
        "Pacific Standard Time": "America/Los_Angeles", "Alaskan Standard Time": "America/Anchorage",
        "Hawaiian Standard Time": "Pacific/Honolulu", "Atlantic Standard Time": "America/Halifax",
        "Newfoundland Standard Time": "America/St_Johns", "Canada Central Standard Time": "America/Regina",
        "SA Pacific Standard Time": "America/Bogota", "E. South America Standard Time": "America/Sao_Paulo",
        "Argentina Standard Time": "America/Buenos_Aires", "Central Standard Time (Mexico)": "America/Mexico_City",
        "Pacific SA Standard Time": "America/Santiago",
    ]

    /// Outlook's display names, by the first city they list.
    static let displayNames: [String: String] = [
        "Amsterdam": "Europe/Berlin", "Brussels": "Europe/Paris", "Dublin": "Europe/London",
        "Eastern Time": "America/New_York", "Central Time": "America/Chicago", "Mountain Time": "America/Denver",
        "Pacific Time": "America/Los_Angeles", "Coordinated Universal Time": "UTC", "Belgrade": "Europe/Budapest",
        "Sarajevo": "Europe/Warsaw", "Helsinki": "Europe/Kiev", "Chennai": "Asia/Kolkata", "Osaka": "Asia/Tokyo",
        "Canberra": "Australia/Sydney", "Beijing": "Asia/Shanghai",
    ]
}
