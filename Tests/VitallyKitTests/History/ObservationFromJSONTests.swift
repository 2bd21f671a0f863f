import Foundation
import Testing
@testable import VitallyKit

/// `history import` reads an observation straight from an account's JSON; it must be the one
/// `Observation(account:at:)` makes from the `Account` model, whatever the body holds.
@Suite struct ObservationFromJSONTests {
    static let values: [String] = [
        "null", "true", "0", "-1", "7.5", "1e308", "-1e308", "1e999", "9007199254740993", "\"\"", "\"7.5\"", "\"abc\"",
        "\"2026-11-20\"", "\"2026-11-20T10:00:00.000Z\"", "\"not a date\"", "1767225600", "1767225600000", "[]", "{}", "[1]",
    ]
    static let fields = ["id", "name", "healthScore", "mrr", "usersCount", "lastSeenTimestamp", "npsScore", "churnedAt"]

    @Test func everyValueInEveryFieldReadsAsTheModelReadsIt() throws {
        let time = Date(timeIntervalSince1970: 1_767_225_600)
        var checked = 0
        for field in Self.fields {
            for value in Self.values {
                let text = #"{"id":"a","name":"A","# + "\"\(field)\":\(value)}"
                let json = try JSONParser.parse(text)
                let direct = Observation(accountJSON: json, at: time)
                let viaModel = Observation(account: Account(json: json), at: time)
                #expect(direct == viaModel, "\(field): \(value)")
                checked += 1
            }
        }
        // And a whole record, as the demo's accounts are, and one that is not an object.
        for text in [#"{"id":"acc-1","name":"Acme Corp","healthScore":7.4,"mrr":4200,"usersCount":12,"# +
                     #""lastSeenTimestamp":"2026-11-19T08:00:00Z","npsScore":42,"churnedAt":null,"traits":{"domain":"acme.com"}}"#, "[]", "3"] {
            let json = try JSONParser.parse(text)
            #expect(Observation(accountJSON: json, at: time) == Observation(account: Account(json: json), at: time), "\(text)")
        }
        #expect(checked == Self.fields.count * Self.values.count)
    }
}
