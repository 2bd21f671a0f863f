/// The first pass of a scrub: finds every value to replace, by what it is and where it stands.
struct ScrubCollector {
    let options: ScrubOptions
    var emails: Set<String> = []
    var names: Set<String> = []
    var phones: Set<String> = []
    var ips: Set<String> = []
    var domains: Set<String> = []
    var accounts: Set<String> = []
    var texts: Set<String> = []

    /// Free texts at least this long are searched for after writing (shorter ones, like a
    /// "Renewal" subject, may rightly stand elsewhere as a status).
    static let scannedTextLength = 16

    /// Keys whose string values are bodies, subjects or other free text.
    static let textKeys: Set<String> = [
        "note", "subject", "body", "message", "feedback", "npslastfeedback", "description", "summary", "keypoints",
        "meetingdescription", "riskassessment", "comment", "comments", "content", "text", "title", "snippet", "preview",
        "transcript", "html", "plaintext", "bodyhtml", "bodytext",
    ]
    /// Words in a trait's key that make its value free text.
    static let textTraitWords = ["note", "comment", "description", "feedback", "summary", "message", "text", "reason", "bio", "title", "about"]
    static let nameKeys: Set<String> = ["name", "firstname", "lastname", "displayname", "fullname"]
    static let accountKeys: Set<String> = ["account", "accounts", "organization", "organizations"]

    init(options: ScrubOptions) { self.options = options }

    func count(_ kind: ScrubMap.Kind) -> Int {
        switch kind {
        case .emails: return emails.count
        case .names: return names.count
        case .phones: return phones.count
        case .ips: return ips.count
        case .domains: return domains.count
        case .accounts: return accounts.count
        case .texts: return texts.count
        }
    }

    /// What the objects of a response are, from its path.
    enum Entity { case person, account }

    static func entity(forPath path: String) -> Entity? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.first == "resources", segments.count >= 2 else { return nil }
        if segments.last == "users" || segments.last == "admins" || segments[1] == "users" || segments[1] == "admins" {
            return .person
        }
        if (segments[1] == "accounts" || segments[1] == "organizations") && segments.count <= 3 { return .account }
        return nil
    }

    static func isTextKey(_ key: String?, inTraits: Bool, value: String) -> Bool {
        guard let key else { return false }
        let lower = key.lowercased()
        if !inTraits { return textKeys.contains(lower) }
        let last = lower.split(separator: ".").last.map(String.init) ?? lower
        if last.contains("domain") || last.contains("url") || last.contains("website") || last.contains("email") { return false }
        if textTraitWords.contains(where: { last.contains($0) }) { return true }
        return value.split(separator: " ").count >= 5
    }

    static func isPhoneKey(_ key: String?) -> Bool {
        guard let lower = key?.lowercased() else { return false }
        return lower.contains("phone") || lower.contains("mobile") || lower.hasSuffix("fax")
    }

    mutating func collect(entry: JSONValue) {
        if let url = entry["request"]?["url"]?.string {
            let (path, query) = RecordedExchange.split(url: url)
            strings(URLEncoding.decode(path, plusAsSpace: false))
            for item in query { value(item.value, key: item.name) }
            if let text = ScrubRewriter.bodyText(entry["response"]?["content"]) {
                if let json = try? JSONParser.parse(Array(text.utf8)) {
                    collect(json, key: nil, inTraits: false, entity: Self.entity(forPath: path))
                } else {
                    strings(text)
                }
            }
        }
        for side in ["request", "response"] {
            for header in entry[side]?["headers"]?.array ?? [] {
                if let text = header["value"]?.string { strings(text) }
            }
        }
        for item in entry["request"]?["queryString"]?.array ?? [] {
            if let text = item["value"]?.string { value(text, key: item["name"]?.string) }
        }
        if let address = entry["serverIPAddress"]?.string { strings(address) }
        if let error = entry["_error"]?.string { strings(error) }
    }

    mutating func collect(_ json: JSONValue, key: String?, inTraits: Bool, entity: Entity?) {
        switch json {
        case .string(let text):
            if Self.isTextKey(key, inTraits: inTraits, value: text) {
                if !text.isEmpty { texts.insert(text) }
            } else {
                value(text, key: key)
            }
        case .array(let items):
            for item in items { collect(item, key: key, inTraits: inTraits, entity: entity) }
        case .object(let object):
            // A list response: its results are the entities; the envelope itself is not.
            if entity != nil, let results = object["results"] {
                for (k, v) in object where k != "results" { collect(v, key: k, inTraits: inTraits, entity: nil) }
                collect(results, key: "results", inTraits: inTraits, entity: entity)
                return
            }
            let hasEmail = object["email"]?.string.map(Domain.isEmail) ?? false
            let isPerson = hasEmail || entity == .person
            let isAccount = entity == .account || key.map { Self.accountKeys.contains($0.lowercased()) } ?? false
            for (k, v) in object {
                collect(key: k)
                if case .string(let text) = v, !text.isEmpty, Self.nameKeys.contains(k.lowercased()), !Domain.isEmail(text) {
                    if isPerson && !isAccount { names.insert(text); continue }
                    if isAccount && k == "name" {
                        if options.accounts { accounts.insert(text) }
                        continue
                    }
                }
                collect(v, key: k, inTraits: inTraits || k == "traits", entity: nil)
            }
        default:
            break
        }
    }

    mutating func collect(key: String) { if key.contains("@") || key.contains(".") { strings(key) } }

    /// A value under a key: a phone by its key, a domain by its key, and whatever its text holds.
    mutating func value(_ text: String, key: String?) {
        if Self.isPhoneKey(key), text.filter(\.isNumber).count >= 6 { phones.insert(text) }
        if options.domains, let lower = key?.lowercased(),
            lower.contains("domain") || lower.contains("website") || lower.hasSuffix("url"),
            let domain = Domain.normalize(text)
        {
            addDomain(domain)
        }
        strings(text)
    }

    mutating func addDomain(_ domain: String) {
        let registrable = Domain.registrable(domain)
        guard !Domain.isFreeMail(registrable), !Domain.isFreeMail(domain), registrable.contains(".") else { return }
        domains.insert(registrable)
    }

    /// Emails and IP addresses anywhere in a string.
    mutating func strings(_ text: String) {
        guard text.utf8.count >= 7 else { return }
        if text.contains("@") {
            for email in Self.emails(in: text) {
                emails.insert(email)
                if options.domains, let domain = Domain.ofEmail(email) { addDomain(domain) }
            }
        }
        for address in Self.ipv4s(in: text) where !address.hasPrefix("127.") && address != "0.0.0.0" { ips.insert(address) }
        if Self.isIPv6(text) { ips.insert(text) }
    }

    static func isLocalByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x2e || b == 0x5f || b == 0x25
            || b == 0x2b || b == 0x2d
    }

    static func isDomainByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x2e || b == 0x2d
    }

    /// `a@b.co` shapes in free text, trailing dots dropped.
    static func emails(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        for (at, byte) in bytes.enumerated() where byte == 0x40 {
            var start = at
            while start > 0 && isLocalByte(bytes[start - 1]) { start -= 1 }
            var end = at + 1
            while end < bytes.count && isDomainByte(bytes[end]) { end += 1 }
            while end > at + 1 && (bytes[end - 1] == 0x2e || bytes[end - 1] == 0x2d) { end -= 1 }
            while start < at && bytes[start] == 0x2e { start += 1 }
            guard start < at, end > at + 1 else { continue }
            let candidate = String(decoding: bytes[start..<end], as: UTF8.self)
            if Domain.isEmail(candidate) { found.append(candidate) }
        }
        return found
    }

    /// Dotted quads standing on their own.
    static func ipv4s(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        var i = 0
        while i < bytes.count {
            let isDigit = bytes[i] >= 0x30 && bytes[i] <= 0x39
            if isDigit, i == 0 || !(isDomainByte(bytes[i - 1])) {
                var j = i
                while j < bytes.count && ((bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] == 0x2e) { j += 1 }
                let standing = j == bytes.count || !isDomainByte(bytes[j])
                let candidate = String(decoding: bytes[i..<j], as: UTF8.self)
                let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
                if standing, parts.count == 4, parts.allSatisfy({ $0.count >= 1 && $0.count <= 3 && (Int($0) ?? 999) <= 255 }) {
                    found.append(candidate)
                }
                i = max(j, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    /// A whole string that is an IPv6 address (`2001:db8::1`); times like `15:00:00` are not.
    static func isIPv6(_ text: String) -> Bool {
        let colons = text.filter { $0 == ":" }.count
        guard colons >= 2, text.contains("::") || colons == 7, text.count <= 39 else { return false }
        return text.allSatisfy { $0 == ":" || $0.isHexDigit } && text != "::1"
    }
}
