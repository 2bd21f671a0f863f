import Foundation

/// What a walk does with each string it reaches: the scrub replaces it, the scan checks it.
protocol ScrubLeafHandler: Sendable {
    /// A string at `slot` (already decoded): what goes in its place.
    mutating func leaf(_ s: String, _ slot: ScrubSlot) -> String
    /// An object key or parameter name at `slot`.
    mutating func key(_ k: String, _ slot: ScrubSlot) -> String
    /// Whether `s` is accepted whole before any decoding (the scan: a pseudonym the scrub produced).
    func acceptsWhole(_ s: String) -> Bool
    /// Whether the walk builds what the handler returns (the scrub) or only visits (the scan, which
    /// returns every string as it is: building a copy of each body was a third of its work).
    static var rewrites: Bool { get }
}

/// Walks a HAR by its structure, decoding percent-encoding, base64, JSON in strings and URLs
/// recursively, and hands every string and key to a handler. The scrub and the post-write scan
/// walk the same way, so the scan sees exactly the strings the scrub decided on.
struct ScrubWalk<Handler: ScrubLeafHandler>: Sendable {
    var handler: Handler
    let options: ScrubOptions
    private var depth = 0
    static var maxDepth: Int { 8 }
    /// externalIds the recording's bodies hold: with --accounts, a URL path segment that is one
    /// (`/resources/accounts/acme-001`) is pseudonymised like the body's.
    var externalIds: Set<String> = []
    /// Whether slots carry their JSON path (for a refusal's message; the scan walks again with
    /// paths only what it refuses).
    let namesPaths: Bool

    init(handler: Handler, options: ScrubOptions, namesPaths: Bool = false) {
        self.handler = handler
        self.options = options
        self.namesPaths = namesPaths
    }

    /// A slot at the top of the walk: `path` is built only when paths are named.
    func top(_ path: @autoclosure () -> String, key: String?) -> ScrubSlot {
        ScrubSlot(path: namesPaths ? path() : nil, key: key)
    }

    /// A member of the document's root other than its log object.
    mutating func rootMember(_ k: String, _ v: JSONValue) -> (key: String, value: JSONValue) {
        let key = handler.key(k, top("$", key: nil))
        var slot = top("$." + k, key: k)
        slot.creatorOrBrowser = k.hasPrefix("log.creator") || k.hasPrefix("log.browser")
        return (key, json(v, slot))
    }

    /// A member of the log other than its entries array.
    mutating func logMember(_ k: String, _ v: JSONValue) -> (key: String, value: JSONValue) {
        var slot = top("$.log." + k, key: k)
        slot.creatorOrBrowser = k.hasPrefix("creator") || k.hasPrefix("browser")
        let key = handler.key(k, slot)
        return (key, json(v, slot))
    }

    /// The `index`th element of `log.entries`.
    mutating func entry(_ entry: JSONValue, index: Int) -> JSONValue {
        guard case .object(let object) = entry else {
            return json(entry, top("$.log.entries", key: "entries").child("[\(index)]", key: "entries"))
        }
        return .object(self.entry(object, path: namesPaths ? "$.log.entries[\(index)]" : nil))
    }

    private mutating func entry(_ entry: JSONObject, path: String?) -> JSONObject {
        let url = entry["request"]?["url"]?.string ?? ""
        let entity = ScrubEntity.entity(forPath: RecordedExchange.split(url: url).path)
        var out = JSONObject()
        for (k, v) in entry.orderedMembers {
            let slot = ScrubSlot(path: path.map { $0 + "." + k }, key: k)
            switch (k, v) {
            case ("request", .object(let request)): out[k] = .object(message(request, slot: slot, entity: nil))
            case ("response", .object(let response)): out[k] = .object(message(response, slot: slot, entity: entity))
            default: out[handler.key(k, slot)] = json(v, slot)
            }
        }
        return out
    }

    /// A request or response: headers, query, cookies and body by what they are.
    private mutating func message(_ message: JSONObject, slot: ScrubSlot, entity: ScrubEntity?) -> JSONObject {
        var out = JSONObject()
        var bodySize: Int?
        for (k, v) in message.orderedMembers {
            let child = slot.child("." + k, key: k)
            switch (k, v) {
            case ("headers", .array(let items)), ("queryString", .array(let items)), ("cookies", .array(let items)):
                let place: ScrubSlot.Place = k == "headers" ? .headerValue : k == "cookies" ? .cookie : .queryValue
                out[k] = .array(items.enumerated().map { pairs($0.element, slot: child.child("[\($0.offset)]", key: k), place: place) })
            case ("postData", .object(let post)):
                var body = JSONObject()
                for (pk, pv) in post.orderedMembers {
                    let postSlot = child.child("." + pk, key: pk)
                    if pk == "text", let text = pv.string {
                        body[pk] = .string(self.body(text, base64: false, slot: postSlot, entity: nil).text)
                    } else if pk == "params", case .array(let items) = pv {
                        body[pk] = .array(items.enumerated().map { pairs($0.element, slot: postSlot.child("[\($0.offset)]", key: pk), place: .queryValue) })
                    } else {
                        body[handler.key(pk, postSlot)] = json(pv, postSlot)
                    }
                }
                out[k] = .object(body)
            case ("content", .object(let content)):
                var rewritten = JSONObject()
                for (ck, cv) in content.orderedMembers {
                    let contentSlot = child.child("." + ck, key: ck)
                    if ck == "text", let text = cv.string {
                        let base64 = content["encoding"]?.string?.lowercased() == "base64"
                        let result = self.body(text, base64: base64, slot: contentSlot, entity: entity)
                        rewritten[ck] = .string(result.text)
                        if !result.base64 { rewritten["encoding"] = nil }
                        bodySize = result.size
                    } else if ck == "encoding", rewritten["text"] != nil {
                        continue
                    } else {
                        rewritten[handler.key(ck, contentSlot)] = json(cv, contentSlot)
                    }
                }
                if let bodySize, rewritten["size"] != nil { rewritten["size"] = .number(Double(bodySize)) }
                out[k] = .object(rewritten)
            default:
                out[handler.key(k, child)] = json(v, child)
            }
        }
        if let bodySize {
            if let size = out["bodySize"]?.double, size >= 0 { out["bodySize"] = .number(Double(bodySize)) }
            if case .array(let headers)? = out["headers"] {
                out["headers"] = .array(headers.map { header in
                    guard header["name"]?.string?.lowercased() == "content-length", case .object(var pair) = header else { return header }
                    pair["value"] = .string(String(bodySize))
                    return .object(pair)
                })
            }
        }
        return out
    }

    /// A `{name, value, …}` pair: the name as a key, the value by where it stands.
    private mutating func pairs(_ item: JSONValue, slot: ScrubSlot, place: ScrubSlot.Place) -> JSONValue {
        guard case .object(let pair) = item else { return json(item, slot) }
        let name = pair["name"]?.string
        var out = JSONObject()
        for (k, v) in pair.orderedMembers {
            let child = slot.child("." + k, key: k)
            if k == "name", let name {
                out[k] = .string(place == .headerValue && ScrubSafeList.isSafeKey(name) ? name : handler.key(name, child))
            } else if k == "value", let value = v.string {
                let valueSlot = slot.child(".value", key: name, place: place)
                let direct = place == .cookie || (place == .headerValue && name.map { Redactor.isSecretName($0)
                    || ScrubSafeList.identityFreeHeaders.contains($0.lowercased()) } == true)
                    || (place == .queryValue && name.map(Redactor.isSecretName) == true)
                out[k] = .string(direct ? handler.leaf(value, valueSlot) : self.value(value, valueSlot))
            } else {
                out[handler.key(k, child)] = json(v, child)
            }
        }
        return .object(out)
    }

    /// A body's text: decoded (base64), walked as JSON or as one string; undecodable is replaced.
    private mutating func body(_ text: String, base64: Bool, slot: ScrubSlot, entity: ScrubEntity?) -> (text: String, base64: Bool, size: Int) {
        var decoded = text
        if base64 {
            guard let data = Data(base64Encoded: text), let utf8 = String(data: data, encoding: .utf8) else {
                let replaced = handler.leaf(ScrubSafeList.undecodableBody, slot)
                return (replaced, false, replaced.utf8.count)
            }
            decoded = utf8
        }
        let rewritten: String
        if let parsed = try? JSONParser.parse(decoded), parsed.object != nil || parsed.array != nil {
            var root = slot.child("(json)", key: nil)
            root.entity = entity
            let walked = json(parsed, root)
            rewritten = !Handler.rewrites || walked == parsed ? decoded : walked.serialized()
        } else {
            rewritten = value(decoded, slot)
        }
        if base64 { return (rewritten == decoded ? text : Data(rewritten.utf8).base64EncodedString(), true, rewritten.utf8.count) }
        return (rewritten, false, rewritten.utf8.count)
    }

    /// Any JSON value at `slot`.
    mutating func json(_ value: JSONValue, _ slot: ScrubSlot) -> JSONValue {
        switch value {
        case .string(let s):
            return .string(self.value(s, slot))
        case .array(let items):
            func walk(_ index: Int, _ item: JSONValue) -> JSONValue {
                var child = slot.child("[\(index)]", key: slot.key)
                if slot.entity != nil, slot.key == nil || slot.key == "results" { child.entity = slot.entity }
                return json(item, child)
            }
            guard Handler.rewrites else {
                for (index, item) in items.enumerated() { _ = walk(index, item) }
                return value
            }
            return .array(items.enumerated().map(walk))
        case .object(let object):
            // Whose record this is, decided afresh for each object: a note's `from` inside an
            // account record is not the account.
            var context = slot
            context.account = false
            context.person = false
            if let entity = slot.entity, object["results"] == nil {
                context.person = entity == .person
                context.account = entity == .account
                context.schema = entity == .schema
            }
            if let key = ScrubSafeList.leafKey(slot.key), ScrubSafeList.accountKeys.contains(key) {
                context.account = true
                context.person = false
            }
            if let email = object["email"]?.string, ScrubSafeList.isEmailShaped(ScrubSafeList.fold(email)) {
                context.person = true
                context.account = false
            }
            var members: [(key: String, value: JSONValue)] = []
            if Handler.rewrites { members.reserveCapacity(object.count) }
            var keysKept = true
            for (k, v) in object.orderedMembers {
                var child = context.child("." + k, key: k)
                if context.entity != nil, k == "results" { child.entity = context.entity }
                let newKey = key(k, child)
                let newValue = json(v, child)
                if Handler.rewrites {
                    keysKept = keysKept && newKey == k
                    members.append((newKey, newValue))
                }
            }
            guard Handler.rewrites else { return value }
            // The object's own keys are distinct; replaced ones might meet another, and merge as JSONObject merges.
            if keysKept { return .object(JSONObject(uniqueMembers: members)) }
            var out = JSONObject()
            for (k, v) in members { out[k] = v }
            return .object(out)
        default:
            return value
        }
    }

    /// A body object's key: kept when safe, else decoded and decided like any string.
    mutating func key(_ k: String, _ slot: ScrubSlot) -> String {
        // A safe key is kept by both handlers (their `key` asks the same first): asked once here.
        if ScrubSafeList.isSafeKey(k) { return k }
        if handler.acceptsWhole(k) { return handler.key(k, slot) }
        var keySlot = slot
        keySlot.key = nil
        keySlot.path? += " (a key)"
        return value(k, keySlot)
    }

    /// One string: decoded recursively (URL, JSON, percent, base64) before the handler sees it.
    mutating func value(_ s: String, _ slot: ScrubSlot) -> String {
        if handler.acceptsWhole(s) { return s }
        guard depth < Self.maxDepth else { return handler.leaf(s, slot) }
        depth += 1
        defer { depth -= 1 }
        if s.hasPrefix("http://") || s.hasPrefix("https://") { return url(s, slot) }
        if let first = s.utf8.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            let parsed = try? JSONParser.parse(s), parsed.object != nil || parsed.array != nil
        {
            let walked = json(parsed, slot.child("(json)", key: slot.key, place: slot.place))
            return !Handler.rewrites || walked == parsed ? s : walked.serialized()
        }
        if Self.hasPercentEscape(s) {
            let decoded = URLEncoding.decode(s, plusAsSpace: false)
            if decoded != s {
                let result = value(decoded, slot.child("(percent)", key: slot.key, place: slot.place))
                return result == decoded ? s : URLEncoding.encode(result)
            }
        }
        if let decoded = Self.base64Text(s) {
            let result = value(decoded, slot.child("(base64)", key: slot.key, place: slot.place))
            if result == decoded { return s }
            let encoded = Self.base64(result, like: s)
            // Neutral text can be shorter than what it replaces (a fullwidth digit is three bytes),
            // and base64 too short for the scan to look inside is read as text: the whole goes as text.
            return Self.base64Text(encoded) == result ? encoded : handler.leaf(s, slot.alone())
        }
        return handler.leaf(s, slot)
    }

    /// A URL: host, each path segment, each query name and value, the fragment.
    private mutating func url(_ url: String, _ slot: ScrubSlot) -> String {
        guard let scheme = url.range(of: "://") else { return handler.leaf(url, slot) }
        let afterScheme = url[scheme.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var authority = String(afterScheme[..<authorityEnd])
        var rest = afterScheme[authorityEnd...]
        var userinfo = ""
        if let at = authority.lastIndex(of: "@") {
            userinfo = Redactor.placeholder + "@"
            authority = String(authority[authority.index(after: at)...])
        }
        var host = authority
        var port = ""
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]"), ScrubSafeList.isDigits(String(authority[authority.index(after: colon)...])) {
            host = String(authority[..<colon])
            port = String(authority[colon...])
        }
        let newHost = handler.leaf(host, slot.child("(host)", key: slot.key, place: .host))
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        let rawPath = rest.firstIndex(of: "?").map { String(rest[..<$0]) } ?? String(rest)
        let rawQuery = rest.firstIndex(of: "?").map { String(rest[rest.index(after: $0)...]) }
        let segments = rawPath.split(separator: "/", omittingEmptySubsequences: false).enumerated().map { index, segment -> String in
            guard !segment.isEmpty else { return "" }
            let decoded = URLEncoding.decode(String(segment), plusAsSpace: false)
            let key = externalIds.contains(decoded) ? "externalId" : "path"
            let replaced = value(decoded, slot.child("(path)[\(index)]", key: key, place: .pathSegment))
            return replaced == decoded ? String(segment) : URLEncoding.encode(replaced)
        }
        var out = String(url[..<scheme.upperBound]) + userinfo + newHost + port + segments.joined(separator: "/")
        if let rawQuery {
            let items = URLEncoding.parseQuery(rawQuery)
            let rewritten = items.map { item -> QueryItem in
                let name = handler.key(item.name, slot.child("(query)", key: nil))
                let valueSlot = slot.child("(query)." + name, key: item.name, place: .queryValue)
                let newValue = Redactor.isSecretName(item.name) ? handler.leaf(item.value, valueSlot) : value(item.value, valueSlot)
                return QueryItem(name, newValue)
            }
            out += "?" + (rewritten == items ? rawQuery : String(HTTPRequest(path: "", query: rewritten).pathAndQuery.dropFirst()))
        }
        if let fragment { out += "#" + value(fragment, slot.child("(fragment)", key: "fragment")) }
        return out
    }
}
