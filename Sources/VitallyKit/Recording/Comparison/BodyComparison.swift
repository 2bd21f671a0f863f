import Foundation

/// Field-level differences between two answers to one request: items matched by `id` (or by
/// position when they have none), then every field compared by JSON value.
enum BodyComparison {
    /// Fields the named business changes already report, by resource (`accounts` health, MRR…).
    static let named: [String: Set<String>] = [
        "accounts": ["healthScore", "mrr", "nextRenewalDate", "status", "churnedAt"],
        "users": ["accountIds"],
    ]

    static func compare(path: String, _ first: [UInt8], _ second: [UInt8], into changes: inout [ValueChange]) {
        let resource = Self.resource(path)
        let pathAccount = Self.pathAccount(path)
        guard let a = try? JSONParser.parse(first), let b = try? JSONParser.parse(second) else {
            // Not JSON on at least one side: the body as text.
            changes.append(ValueChange(resource: resource, field: "(body)", itemKey: path, itemLabel: path,
                                       accounts: pathAccount.map { [$0] } ?? [],
                                       before: .string(String(decoding: first, as: UTF8.self)),
                                       after: .string(String(decoding: second, as: UTF8.self))))
            return
        }
        guard a != b else { return }
        let (itemsA, envelopeA) = items(a)
        let (itemsB, envelopeB) = items(b)
        // The page around the items: cursors, counts.
        for key in union(envelopeA.keys, envelopeB.keys) where envelopeA[key] != envelopeB[key] {
            walk(key, envelopeA[key], envelopeB[key]) { field, x, y in
                changes.append(ValueChange(resource: resource, field: field, itemKey: path, itemLabel: path,
                                           accounts: pathAccount.map { [$0] } ?? [], before: x, after: y))
            }
        }
        let keyed = itemsA.allSatisfy { $0["id"]?.string != nil } && itemsB.allSatisfy { $0["id"]?.string != nil }
        let keyA = keyed ? itemsA.map { $0["id"]!.string! } : itemsA.indices.map { "#\($0 + 1)" }
        let keyB = keyed ? itemsB.map { $0["id"]!.string! } : itemsB.indices.map { "#\($0 + 1)" }
        var byKeyB: [String: Int] = [:]
        for (index, key) in keyB.enumerated() where byKeyB[key] == nil { byKeyB[key] = index }
        var matchedB = Set<Int>()
        let skip = named[resource] ?? []
        for (index, x) in itemsA.enumerated() {
            let itemKey = keyA[index]
            guard let at = byKeyB[itemKey] else {
                changes.append(change(resource, "", itemKey, x, pathAccount, before: x, after: nil))
                continue
            }
            matchedB.insert(at)
            let y = itemsB[at]
            guard x != y else { continue }
            walk("", x, y) { field, p, q in
                guard !skip.contains(field), !(resource == "accounts" && isDomainTrait(field)) else { return }
                changes.append(change(resource, field, itemKey, x, pathAccount, before: p, after: q))
            }
        }
        for (index, y) in itemsB.enumerated() where !matchedB.contains(index) {
            changes.append(change(resource, "", keyB[index], y, pathAccount, before: nil, after: y))
        }
    }

    static func change(_ resource: String, _ field: String, _ itemKey: String, _ item: JSONValue, _ pathAccount: String?,
                       before: JSONValue?, after: JSONValue?) -> ValueChange {
        let label = item["name"]?.string ?? item["email"]?.string ?? item["subject"]?.string ?? item["title"]?.string
            ?? item["id"]?.string ?? itemKey
        var accounts: [String] = pathAccount.map { [$0] } ?? []
        if resource == "accounts" {
            accounts += [item["id"]?.string, item["externalId"]?.string].compactMap { $0 }
        }
        if let id = item["accountId"]?.string { accounts.append(id) }
        accounts += item["accountIds"]?.array?.compactMap(\.string) ?? []
        return ValueChange(resource: resource, field: field, itemKey: itemKey, itemLabel: label, accounts: accounts,
                           before: before, after: after)
    }

    /// The items of an answer (a page's `results`, one object, or an array) and the page's other keys.
    static func items(_ value: JSONValue) -> ([JSONValue], JSONObject) {
        if let object = value.object {
            if let results = object["results"]?.array {
                return (results, JSONObject(object.filter { $0.key != "results" }.map { ($0.key, $0.value) }))
            }
            return ([value], JSONObject())
        }
        if let array = value.array { return (array, JSONObject()) }
        return ([value], JSONObject())
    }

    /// Calls `emit` with each leaf that differs: objects by key, arrays of objects by position,
    /// anything else (scalars, lists of scalars such as `accountIds`) whole.
    static func walk(_ field: String, _ x: JSONValue?, _ y: JSONValue?, _ emit: (String, JSONValue?, JSONValue?) -> Void) {
        guard x != y else { return }
        func join(_ key: String) -> String { field.isEmpty ? key : field + "." + key }
        switch (x, y) {
        case (.object(let a)?, .object(let b)?):
            for key in union(a.keys, b.keys) { walk(join(key), a[key], b[key], emit) }
        case (.array(let a)?, .array(let b)?) where (a + b).contains(where: { $0.object != nil }):
            for index in 0..<max(a.count, b.count) {
                walk(field + "[]", index < a.count ? a[index] : nil, index < b.count ? b[index] : nil, emit)
            }
        default:
            emit(field, x, y)
        }
    }

    static func union(_ a: [String], _ b: [String]) -> [String] {
        let known = Set(a)
        return a + b.filter { !known.contains($0) }
    }

    static func isDomainTrait(_ field: String) -> Bool {
        field.lowercased().hasPrefix("traits.") && RecordingSnapshot.namesDomain(field)
    }

    /// The collection a path answers with: its last all-letter segment (`notes` for
    /// `/resources/accounts/a1/notes`, `accounts` for `/resources/accounts/acme-001`).
    static func resource(_ path: String) -> String {
        let segments = path.split(separator: "/")
        let word = segments.last { segment in segment != "resources" && segment != "search" && segment.allSatisfy { $0.isASCII && $0.isLetter } }
        return word.map(String.init) ?? path
    }

    /// The account a path is about: `a1` in `/resources/accounts/a1/notes`.
    static func pathAccount(_ path: String) -> String? {
        let segments = path.split(separator: "/")
        guard segments.count >= 3, segments[0] == "resources", segments[1] == "accounts" else { return nil }
        return String(segments[2])
    }
}
