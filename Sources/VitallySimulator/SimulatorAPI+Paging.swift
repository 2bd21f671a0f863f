import Foundation
import VitallyKit

extension SimulatorAPI {
    /// Cursor paging as Vitally does it: `limit` (max 100), `from` an opaque base64 cursor,
    /// `sortBy` updatedAt (default) or createdAt, newest first; `{results, next, atEnd}`.
    func page(_ items: [JSONValue], _ q: [String: String]) -> SimulatorResponse {
        var limit = 100
        if let raw = q["limit"] {
            guard let value = Int(raw), value > 0 else { return .error(400, "limit must be a positive number") }
            limit = min(value, 100)  // Assumption: over-limit values are clamped, not refused.
        }
        let sortKey: String
        switch q["sortBy"] ?? "updatedAt" {
        case "updatedAt": sortKey = "updatedAt"
        case "createdAt": sortKey = "createdAt"
        default: return .error(400, "sortBy must be createdAt or updatedAt")
        }
        let sorted =
            sortKey == "updatedAt"
            ? items
            : items.sorted {
                let a = $0[sortKey]?.string ?? "", b = $1[sortKey]?.string ?? ""
                return a != b ? a > b : ($0["id"]?.string ?? "") < ($1["id"]?.string ?? "")
            }
        var start = 0
        if let from = q["from"], !from.isEmpty {
            guard let cursor = Self.decodeCursor(from), let index = sorted.firstIndex(where: { $0["id"]?.string == cursor })
            else { return .error(400, "Invalid cursor") }
            start = index + 1
        }
        let end = min(start + limit, sorted.count)
        let slice = start < end ? Array(sorted[start..<end]) : []
        let atEnd = end >= sorted.count
        let next: JSONValue =
            atEnd ? .null : .string(Self.encodeCursor(sortValue: slice.last?[sortKey]?.string ?? "", id: slice.last?["id"]?.string ?? ""))
        return .json(["results": .array(slice), "next": next, "atEnd": .bool(atEnd)])
    }

    static func encodeCursor(sortValue: String, id: String) -> String {
        let json: JSONValue = ["sortVal": .string(sortValue), "id": .string(id)]
        return Data(json.serialized().utf8).base64EncodedString()
    }

    static func decodeCursor(_ cursor: String) -> String? {
        guard let data = Data(base64Encoded: cursor), let json = try? JSONParser.parse(Array(data)) else { return nil }
        return json["id"]?.string
    }
}
