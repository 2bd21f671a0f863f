import Foundation

/// The second pass of a scrub: rewrites every entry with the pseudonyms the first pass chose.
struct ScrubRewriter {
    let pseudonyms: Pseudonymizer
    private(set) var pairs: [ScrubMap.Kind: [String: String]] = [:]
    private var matcher = LiteralMatcher()

    init(collector: ScrubCollector, pseudonyms: Pseudonymizer) {
        self.pseudonyms = pseudonyms
        var domainMatcher = LiteralMatcher()
        var domains: [String: String] = [:]
        for domain in collector.domains {
            domains[domain] = pseudonyms.domain(domain)
            domainMatcher.add(domain, replacement: domains[domain] ?? domain, boundary: .domain)
        }
        domainMatcher.prepare()
        var emails: [String: String] = [:]
        for email in collector.emails {
            guard let at = email.lastIndex(of: "@") else { continue }
            let domain = String(email[email.index(after: at)...])
            emails[email] = pseudonyms.emailLocalPart(String(email[..<at])) + "@" + domainMatcher.replace(in: domain)
        }
        pairs[.emails] = emails
        pairs[.domains] = domains
        pairs[.names] = Dictionary(uniqueKeysWithValues: collector.names.map { ($0, pseudonyms.personName($0)) })
        pairs[.phones] = Dictionary(uniqueKeysWithValues: collector.phones.map { ($0, pseudonyms.phone($0)) })
        pairs[.ips] = Dictionary(uniqueKeysWithValues: collector.ips.map { ($0, pseudonyms.ip($0)) })
        pairs[.accounts] = Dictionary(uniqueKeysWithValues: collector.accounts.map { ($0, pseudonyms.accountName($0)) })
        pairs[.texts] = Dictionary(uniqueKeysWithValues: collector.texts.map { ($0, pseudonyms.neutralText($0)) })
        for kind in ScrubMap.Kind.allCases {
            let boundary: LiteralMatcher.Boundary = kind == .emails ? .email : kind == .domains ? .domain : .word
            for (original, replacement) in pairs[kind] ?? [:] {
                if kind == .texts, original.count < ScrubCollector.scannedTextLength { continue }
                matcher.add(original, replacement: replacement, boundary: boundary)
            }
        }
        matcher.prepare()
    }

    func text(_ s: String) -> String { matcher.replace(in: s) }

    /// Any JSON outside response bodies: every string and key rewritten.
    func deep(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(text(s))
        case .array(let items): return .array(items.map(deep))
        case .object(let object): return .object(JSONObject(object.map { (text($0.key), deep($0.value)) }))
        default: return value
        }
    }

    /// A response body: free text neutralised by key, everything else rewritten.
    func body(_ value: JSONValue, key: String?, inTraits: Bool) -> JSONValue {
        switch value {
        case .string(let s):
            if ScrubCollector.isTextKey(key, inTraits: inTraits, value: s), let neutral = pairs[.texts]?[s] {
                return .string(neutral)
            }
            return .string(text(s))
        case .array(let items): return .array(items.map { body($0, key: key, inTraits: inTraits) })
        case .object(let object):
            return .object(JSONObject(object.map { (text($0.key), body($0.value, key: $0.key, inTraits: inTraits || $0.key == "traits")) }))
        default: return value
        }
    }

    /// A response's text: decoded from base64 when it is, nil when there is none.
    static func bodyText(_ content: JSONValue?) -> String? {
        guard let text = content?["text"]?.string else { return nil }
        guard content?["encoding"]?.string?.lowercased() == "base64" else { return text }
        guard let data = Data(base64Encoded: text) else { return nil }
        return String(bytes: data, encoding: .utf8)
    }

    /// One HAR entry rewritten; the body's sizes and Content-Length follow the new body.
    func entry(_ original: JSONValue) -> JSONValue {
        guard case .object(var entry) = deep(original) else { return original }
        if var request = entry["request"]?.object, let url = original["request"]?["url"]?.string {
            request["url"] = .string(rewrite(url: url))
            if let headers = original["request"]?["headers"] { request["headers"] = self.headers(headers) }
            if let items = original["request"]?["queryString"]?.array {
                request["queryString"] = .array(items.map { item in
                    guard case .object(var pair) = deep(item) else { return item }
                    if let name = item["name"]?.string, Redactor.isSecretName(name) { pair["value"] = .string(Redactor.placeholder) }
                    return .object(pair)
                })
            }
            entry["request"] = .object(request)
        }
        guard var response = entry["response"]?.object, var content = response["content"]?.object else { return .object(entry) }
        if let headers = original["response"]?["headers"] { response["headers"] = self.headers(headers) }
        if let text = Self.bodyText(original["response"]?["content"]) {
            let rewritten: String
            if let json = try? JSONParser.parse(Array(text.utf8)) {
                rewritten = body(json, key: nil, inTraits: false).serialized()
            } else {
                rewritten = self.text(text)
            }
            let size = rewritten.utf8.count
            if content["encoding"]?.string?.lowercased() == "base64" {
                content["text"] = .string(Data(rewritten.utf8).base64EncodedString())
            } else {
                content["text"] = .string(rewritten)
            }
            if content["size"] != nil { content["size"] = .number(Double(size)) }
            if let bodySize = response["bodySize"]?.double, bodySize >= 0 { response["bodySize"] = .number(Double(size)) }
            response["content"] = .object(content)
            if case .array(let headers)? = response["headers"] {
                response["headers"] = .array(headers.map { header in
                    guard header["name"]?.string?.lowercased() == "content-length", case .object(var pair) = header else { return header }
                    pair["value"] = .string(String(size))
                    return .object(pair)
                })
            }
        }
        entry["response"] = .object(response)
        return .object(entry)
    }

    /// Header values rewritten in place (names and order kept); credentials stay redacted.
    func headers(_ value: JSONValue) -> JSONValue {
        .array((value.array ?? []).map { header in
            guard case .object(var pair) = deep(header) else { return deep(header) }
            if let name = header["name"]?.string, Redactor.isSecretName(name) { pair["value"] = .string(Redactor.placeholder) }
            return .object(pair)
        })
    }

    /// The URL with its path and query values rewritten; unchanged bytes when nothing was replaced.
    func rewrite(url: String) -> String {
        var prefix = ""
        var rest = Substring(url)
        if let scheme = url.range(of: "://") {
            let afterScheme = url[scheme.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            prefix = String(url[..<hostEnd])
            rest = url[hostEnd...]
        }
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[hash...])
            rest = rest[..<hash]
        }
        let rawPath = rest.firstIndex(of: "?").map { String(rest[..<$0]) } ?? String(rest)
        let rawQuery = rest.firstIndex(of: "?").map { String(rest[rest.index(after: $0)...]) }
        let segments = rawPath.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            let decoded = URLEncoding.decode(String(segment), plusAsSpace: false)
            let replaced = text(decoded)
            return replaced == decoded ? String(segment) : URLEncoding.encode(replaced)
        }
        var out = prefix + segments.joined(separator: "/")
        if let rawQuery {
            let items = URLEncoding.parseQuery(rawQuery)
            let rewritten = items.map { item -> QueryItem in
                Redactor.isSecretName(item.name) ? QueryItem(item.name, Redactor.placeholder) : QueryItem(item.name, text(item.value))
            }
            out += "?" + (rewritten == items ? rawQuery : String(HTTPRequest(path: "", query: rewritten).pathAndQuery.dropFirst()))
        }
        return out + fragment
    }
}
