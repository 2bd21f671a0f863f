import Foundation

/// What the last brief cost in requests, for `status`: matching depends on the tenant (a first
/// account scan pages through it), reading the accounts only on how many matched, never on
/// how many notes, tasks or conversations each holds.
struct BriefCost: Sendable, Equatable {
    var matching: Int
    var reading: Int
    var attendees: Int
    var accounts: Int

    var total: Int { matching + reading }

    /// `21 requests: 4 to match 2 attendees, 17 to read 1 account`
    var summary: String {
        "\(Format.count(total, "request")): \(matching) to match \(Format.count(attendees, "attendee")), "
            + "\(reading) to read \(Format.count(accounts, "account"))"
    }
}

/// `status --json`'s lastBrief: the total as `requests`, then its parts.
extension BriefCost: Encodable {
    enum CodingKeys: String, CodingKey { case requests, matching, reading, attendees, accounts }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .requests)
        try container.encode(matching, forKey: .matching)
        try container.encode(reading, forKey: .reading)
        try container.encode(attendees, forKey: .attendees)
        try container.encode(accounts, forKey: .accounts)
    }
}
