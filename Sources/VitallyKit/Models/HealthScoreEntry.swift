import Foundation

/// One line of `/accounts/:id/healthScores`. The real shape is undocumented, so every shape seen
/// or guessed is read: rows in a wrapper or bare, an object keyed by indicator, or one entry alone.
public struct HealthScoreEntry: Sendable, Equatable {
    public var id: String
    public var name: String
    public var score: Double?
    public var weight: Double?
    public var updatedAt: Date?

    public init(id: String, name: String, score: Double?, weight: Double? = nil, updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.score = score
        self.weight = weight
        self.updatedAt = updatedAt
    }

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        name = json["name"]?.string ?? json["label"]?.string ?? json["healthScoreName"]?.string ?? "Score"
        score = json["score"]?.double ?? json["value"]?.double
        weight = json["weight"]?.double
        updatedAt = json["updatedAt"]?.date
    }

    /// The wrappers a list of rows has been documented or seen in (`{results}` is the REST list
    /// envelope; `{data}` the custom-survey one; `{healthScores}` a resource-named one).
    static let wrappers = ["results", "data", "healthScores"]

    /// What `parse` accepts, for the notice when a payload is none of these.
    static let expectedShape = "{results|data|healthScores: [...]}, a bare array, one {score} object, or an object keyed by score name"

    /// Accepts rows in a wrapper or bare, a single object of numbers with a `score` or `value`
    /// (`{"score": 7, "weight": 1}`: one entry, not two indicators), or `{"Product usage": 7.1, ...}`
    /// (values numbers, nulls or `{score}` objects); nil for anything else, so an unknown shape is
    /// never read as empty.
    public static func parse(_ json: JSONValue) -> [HealthScoreEntry]? {
        if let rows = wrappers.lazy.compactMap({ json[$0]?.array }).first ?? json.array {
            guard rows.allSatisfy({ $0.object != nil }) else { return nil }
            return rows.map(HealthScoreEntry.init(json:))
        }
        guard let object = json.object, !wrappers.contains(where: { object[$0] != nil }) else { return nil }
        if isSingleEntry(object) { return [HealthScoreEntry(json: json)] }
        var entries: [HealthScoreEntry] = []
        for (key, value) in object {
            if value.isNull { continue }
            if let score = value.double, case .number = value {
                entries.append(HealthScoreEntry(id: key, name: key, score: score))
            } else if value.object != nil, value["score"] != nil || value["value"] != nil {
                var entry = HealthScoreEntry(json: value)
                if entry.name == "Score" { entry.name = key }
                if entry.id.isEmpty { entry.id = key }
                entries.append(entry)
            } else {
                return nil
            }
        }
        return entries
    }

    /// One entry: a numeric `score` or `value`, and nothing that is itself an entry.
    static func isSingleEntry(_ object: JSONObject) -> Bool {
        guard case .number? = object["score"] ?? object["value"] else { return false }
        return object.allSatisfy { _, value in value.object == nil && value.array == nil }
    }

    /// `parse`, with an unknown shape read as no rows.
    public static func entries(from json: JSONValue) -> [HealthScoreEntry] { parse(json) ?? [] }

    /// The overall entry of a breakdown, if it has one: named "Overall"; else the only entry
    /// without a weight among weighted ones; else the only entry whose score is the account's
    /// `healthScore` (no public sample shows how Vitally names it).
    public static func overall(in entries: [HealthScoreEntry], healthScore: Double?) -> HealthScoreEntry? {
        guard entries.count > 1 else { return nil }
        if let named = entries.first(where: { $0.name.lowercased() == "overall" }) { return named }
        let unweighted = entries.filter { $0.weight == nil }
        if unweighted.count == 1, entries.count - unweighted.count >= 1 { return unweighted[0] }
        if let healthScore {
            let equal = entries.filter { $0.score.map { abs($0 - healthScore) < 0.005 } ?? false }
            if equal.count == 1 { return equal[0] }
        }
        return nil
    }

    /// The indicators of a breakdown: the entries with a score, minus its overall entry.
    public static func indicators(_ entries: [HealthScoreEntry], overall healthScore: Double?) -> [HealthScoreEntry] {
        let overall = overall(in: entries, healthScore: healthScore)
        return entries.filter { $0.score != nil && $0 != overall }
    }
}
