import Foundation

/// The one written list of what a scrub keeps as it is. Everything not on it is pseudonymised
/// (an email, person name, phone or IP address we recognise) or replaced by neutral text of the
/// same length. The scrubber decides by it, the post-write scan checks by it, and
/// `recordings scrub --explain` and the README print it.
package enum ScrubSafeList {
    /// Keys whose short one-word values are enumerations (kept): statuses, sources, score names.
    package static let enumKeys: Set<String> = [
        "status", "source", "licensestatus", "type", "indicator", "rating", "model", "sortby", "sort", "order",
        "method", "httpversion", "mimetype", "encoding", "version", "priority", "state", "category", "kind",
        "starttimezone", "endtimezone", "archived", "compression", "pageref", "connection", "statustext", "region",
    ]
    /// Headers whose values carry no identity (kept); every other header value is scrubbed.
    package static let identityFreeHeaders: Set<String> = [
        "accept", "accept-encoding", "accept-language", "accept-ranges", "age", "cache-control", "connection",
        "content-encoding", "content-length", "content-type", "date", "etag", "expires", "keep-alive", "last-modified",
        "pragma", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after", "server",
        "strict-transport-security", "transfer-encoding", "vary", "x-content-type-options", "x-frame-options",
        "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-request-id", "user-agent", "via",
    ]
    /// Keys whose value names another key (a custom field's `path`): kept when key-shaped with a `.` or `_`.
    package static let keyReferenceKeys: Set<String> = ["path", "field", "fieldname", "trait", "traitkey"]
    /// Keys whose value is a person's name (pseudonymised as a name); others under a person record too.
    package static let personNameKeys: Set<String> = [
        "name", "firstname", "lastname", "displayname", "fullname", "author", "authorname", "ownername", "owner_name",
        "champion", "contact", "contactname", "assignee", "sender", "recipient",
    ]
    /// Objects under these keys, and the records of these resources, are accounts: their `name` is
    /// an account name, kept unless `--accounts`.
    package static let accountKeys: Set<String> = ["account", "accounts", "organization", "organizations"]
    /// Keys of a custom object's (or its fields') record that name the tenant's schema, not a person.
    package static let schemaLabelKeys: Set<String> = ["name", "label"]
    /// Top-level domains a bare domain-shaped value is recognised by (or a key naming a domain or URL).
    static let commonTLDs: Set<String> = [
        "com", "org", "net", "io", "co", "de", "uk", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi",
        "pl", "pt", "ie", "us", "ca", "au", "nz", "jp", "cn", "in", "br", "mx", "ai", "app", "dev", "tech", "biz",
        "info", "eu", "example", "test", "local", "me", "tv", "xyz", "cloud", "health", "edu", "gov",
    ]
    /// Constant strings that are always safe.
    static let constants: Set<String> = [Redactor.placeholder, "true", "false", "null", undecodableBody]
    /// What replaces a body that cannot be decoded.
    package static let undecodableBody = "[body removed by scrub: not decodable]"

    /// The list as `recordings scrub --explain` and the README print it, one item a line.
    package static var explanation: [String] {
        [
            "Kept as they are (every other string is pseudonymised or replaced by neutral text of similar length):",
            "- numbers, booleans and null (JSON values, and strings of up to 6 digits or with a sign or decimal point)",
            "- UUIDs, ISO-8601 dates and timestamps, HTTP dates",
            "- ids: values of `id`, `…Id`, `…Ids`, `…_id` keys made of ASCII letters, digits and `-_.:`",
            "- enumerations: one- to three-word ASCII values of " + enumKeys.sorted().joined(separator: ", ")
                + " (and under the log's creator and browser), unless two words in a row (split at spaces, `_ . - /` and camelCase)"
                + " read as a person's name (a given name, title or initial, then a surname)",
            "- header names, and the values of " + identityFreeHeaders.sorted().joined(separator: ", "),
            "- object keys and query parameter names made of ASCII letters, digits and `._-$:`",
            "- key names (with a `.` or `_`) as the value of " + keyReferenceKeys.sorted().joined(separator: ", "),
            "- URL path words made of ASCII letters, digits and `-_.` (the API's routes and ids)",
            "- domains (ending in a common TLD, or under a key naming a domain, website or URL), unless --domains",
            "- account names (`name` of an account or organization record), unless --accounts",
            "- the tenant's schema: " + schemaLabelKeys.sorted().joined(separator: ", ")
                + " of a custom object and its fields (`/resources/customObjects`), so goal-like objects stay recognisable",
            "- the constants " + constants.sorted().map { "`\($0)`" }.joined(separator: ", "),
            "Pseudonymised: emails; person names (under " + personNameKeys.sorted().joined(separator: ", ")
                + ", and `…name` in a person record); phone numbers; IP addresses; with --domains, domains; with --accounts, "
                + "account names, externalIds holding letters and the tenant subdomain. Credentials become `REDACTED`.",
            "Decoded before inspection, recursively: URLs, percent-encoding, base64, JSON in strings; a body that cannot be "
                + "decoded is replaced. Text is compared in NFC, case-folded.",
            "After writing, every string and key in the file must be on this list or a pseudonym the scrub produced; "
                + "otherwise the file is removed and refused, naming the JSON path.",
        ]
    }

    /// Unicode NFC, case-folded: the form values are compared and pseudonymised in.
    /// (ASCII text, nearly every string of a recording, is its own NFC: only lowercased, and only
    /// when it holds a capital; Foundation's normalisation is kept for the rest.)
    static func fold(_ s: String) -> String {
        var upper = false
        for b in s.utf8 {
            if b >= 0x80 { return s.precomposedStringWithCanonicalMapping.lowercased() }
            if b &- 0x41 < 26 { upper = true }
        }
        return upper ? s.lowercased() : s
    }

    /// The last dotted component of a key, folded (`zendesk.status` -> `status`).
    static func leafKey(_ key: String?) -> String? {
        guard let key else { return nil }
        // Most keys are one ASCII word already (lowercase, or camelCase: lowered without splitting).
        var upper = false
        var other = false
        for b in key.utf8 {
            if b &- 0x41 < 26 { upper = true } else if b == UInt8(ascii: ".") || b >= 0x80 { other = true }
        }
        if !other { return upper ? key.lowercased() : key }
        let lower = key.lowercased()
        return lower.split(separator: ".").last.map(String.init) ?? lower
    }

    static func isIdKey(_ key: String?) -> Bool {
        guard var key else { return false }
        // Byte suffixes: an ASCII suffix ends a string's bytes exactly when it ends its characters.
        return key.withUTF8 { utf8 in
            func ends(_ suffix: StaticString) -> Bool {
                suffix.withUTF8Buffer { suffix in
                    utf8.count >= suffix.count && UnsafeBufferPointer(rebasing: utf8[(utf8.count - suffix.count)...]).elementsEqual(suffix)
                }
            }
            return (utf8.count == 2 && ends("id")) || ends("Id") || ends("Ids") || ends("_id") || ends("ID")
        }
    }

    static func isDomainKey(_ key: String?) -> Bool {
        guard let leaf = leafKey(key) else { return false }
        if leaf.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, searched as bytes (Foundation's `contains` was a tenth of a classification, and
            // the standard library's generic `firstRange(of:)` a twentieth of a scrub).
            func has(_ word: String) -> Bool { leaf.containsBytes(of: word) }
            return has("domain") || has("website") || leaf.hasSuffix("url") || has("host") || leaf == "site" || leaf == "emailsubdomain"
        }
        return leaf.contains("domain") || leaf.contains("website") || leaf.hasSuffix("url") || leaf.contains("host")
            || leaf == "site" || leaf == "emailsubdomain"
    }

    static func isASCIIToken(_ s: String, extra: String, max: Int = 128) -> Bool {
        guard !s.isEmpty, s.utf8.count <= max else { return false }
        return s.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || extra.utf8.contains(b)
        }
    }

    /// An object key or query parameter name that is kept.
    /// Not an email, not a phone or long digit run, not an IP address, and not base64 that decodes to an email or JSON.
    package static func isSafeKey(_ key: String) -> Bool {
        guard isASCIIToken(key, extra: "._-$:", max: 80) else { return false }
        if key.utf8.count(where: { $0 &- 0x30 < 10 }) >= 7 { return false }
        // An address used as a key (`"10.1.2.3": …`, `?10.1.2.3=1`) is an address, whatever its digits.
        if isIPv4(key) || isIPv6(key) { return false }
        return encodedKeyText(key) == nil
    }

    /// The text a key hides in base64, when it holds an email or JSON (a cursor used as a key).
    static func encodedKeyText(_ key: String) -> String? {
        guard let text = ScrubWalk<ScrubChecker>.base64Text(key) else { return nil }
        return text.utf8.contains(0x40) || text.hasPrefix("{") || text.hasPrefix("[") ? text : nil
    }

    /// A number: up to 6 digits, or with a sign or decimal point (longer digit runs may be phones).
    static func isNumber(_ s: String) -> Bool {
        guard let first = s.utf8.first, !s.isEmpty, s.utf8.count <= 24 else { return false }
        // Anything but digits, a sign and a point is no number (most strings fail on the first byte).
        guard first &- 0x30 < 10 || first == 0x2d || first == 0x2e else { return false }
        // Byte by byte: the digits (ASCII only) and at most one point, after an optional sign.
        var digits = 0
        var points = 0
        for (i, b) in s.utf8.enumerated() {
            if i == 0, b == 0x2d { continue }
            if b == 0x2e { points += 1 } else if b &- 0x30 < 10 { digits += 1 } else { return false }
        }
        guard digits > 0, points <= 1 else { return false }
        return points == 1 || first == 0x2d || digits <= 6
    }

    static func isDigits(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    static func isUUID(_ s: String) -> Bool {
        guard s.utf8.count == 36 else { return false }
        for (i, b) in s.utf8.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 { if b != 0x2d { return false } } else if !isHex(b) { return false }
        }
        return true
    }

    /// A byte of the base64 or base64url alphabet, or its padding.
    static func isBase64Byte(_ b: UInt8) -> Bool {
        (b &- 0x41 < 26) || (b &- 0x61 < 26) || (b &- 0x30 < 10) || b == 0x2B || b == 0x2D || b == 0x2F || b == 0x5F || b == 0x3D
    }

    static func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) }

    /// `2026-11-28`, `2026-11-28T22:40:34.608Z`, `…+01:00`, and HTTP dates (`Sat, 28 Nov 2026 22:40:34 GMT`).
    static func isTimestamp(_ s: String) -> Bool {
        var s = s
        let count = s.utf8.count
        if count >= 10, count <= 35 {
            // Nil when not ISO-shaped (four digits, `-`, two more, `-`); else whether every byte may be in one.
            let iso: Bool? = s.withUTF8 { bytes in
                for i in 0..<4 where bytes[i] &- 0x30 >= 10 { return nil }
                guard bytes[4] == 0x2d, bytes[7] == 0x2d else { return nil }
                return bytes.allSatisfy { b in
                    b &- 0x30 < 10 || b == 0x2d || b == 0x3a || b == 0x2e || b == 0x54 || b == 0x5a || b == 0x2b || b == 0x20
                }
            }
            if let iso { return iso }
        }
        if count == 29, s.hasSuffix(" GMT"), httpDays.contains(where: s.hasPrefix) {
            return isASCIIToken(s, extra: " ,:")
        }
        return false
    }

    static let httpDays = ["Mon, ", "Tue, ", "Wed, ", "Thu, ", "Fri, ", "Sat, ", "Sun, "]

    /// One to three ASCII words of letters, digits, `_` and `-`, up to 40 characters.
    /// (Byte by byte: a space between words, none at either end or twice; every other byte one of the words'.)
    static func isEnumValue(_ s: String) -> Bool {
        let utf8 = s.utf8
        guard !utf8.isEmpty, utf8.count <= 40 else { return false }
        var spaces = 0
        var afterSpace = true
        for b in utf8 {
            if b == 0x20 {
                if afterSpace { return false }
                spaces += 1
                afterSpace = true
            } else {
                guard b &- 0x30 < 10 || b &- 0x41 < 26 || b &- 0x61 < 26 || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x2F else { return false }
                afterSpace = false
            }
        }
        return !afterSpace && spaces <= 2
    }

    /// A domain name by shape: ASCII or Unicode labels, a last label of letters.
    static func isDomainShaped(_ folded: String) -> Bool {
        guard folded.utf8.contains(0x2E) else { return false }
        if folded.utf8.allSatisfy({ $0 < 0x80 }) { return isASCIIDomainShaped(folded.utf8) }
        let labels = folded.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, folded.count <= 253, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else {
            return false
        }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// `isDomainShaped` for ASCII text, byte by byte (a character is a byte there): the same rule.
    private static func isASCIIDomainShaped(_ utf8: String.UTF8View) -> Bool {
        guard utf8.count <= 253 else { return false }
        var labels = 0
        var length = 0
        var letters = true
        var previous: UInt8 = 0x2E
        for b in utf8 {
            if b == 0x2E {
                if length == 0 || previous == 0x2D { return false }
                labels += 1
                length = 0
                letters = true
            } else {
                let letter = b &- 0x41 < 26 || b &- 0x61 < 26
                guard letter || b &- 0x30 < 10 || b == 0x2D, length > 0 || b != 0x2D else { return false }
                length += 1
                if length > 63 { return false }
                if !letter { letters = false }
            }
            previous = b
        }
        return labels >= 1 && length >= 2 && letters
    }

    static func isEmailShaped(_ folded: String) -> Bool {
        // Most strings hold no `@`: no need to look at their characters.
        guard folded.utf8.contains(0x40), let at = folded.lastIndex(of: "@"), at != folded.startIndex, !folded.contains(where: \.isWhitespace) else {
            return false
        }
        let local = folded[..<at]
        return !local.utf8.contains(0x40) && isDomainShaped(String(folded[folded.index(after: at)...]))
    }

    static func isIPv4(_ s: String) -> Bool {
        guard (7...15).contains(s.utf8.count), let first = s.utf8.first, first &- 0x30 < 10 else { return false }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { $0.count >= 1 && $0.count <= 3 && isDigits(String($0)) && Int($0)! <= 255 }
    }

    /// Hex digits, `:` and `.`, with `::` or seven colons, up to 45 characters. ASCII is read byte
    /// by byte, stopping at the first byte no address holds (most strings stop at their first);
    /// other text goes by characters, where `isHexDigit` also takes the fullwidth forms.
    static func isIPv6(_ s: String) -> Bool {
        var colons = 0
        var doubleColon = false
        var afterColon = false
        for b in s.utf8 {
            if b >= 0x80 { return isIPv6ByCharacters(s) }
            if b == 0x3A {
                colons += 1
                doubleColon = doubleColon || afterColon
                afterColon = true
            } else if isHex(b) || b == 0x2E {
                afterColon = false
            } else {
                return false
            }
        }
        return colons >= 2 && s.utf8.count <= 45 && (colons == 7 || doubleColon)
    }

    static func isIPv6ByCharacters(_ s: String) -> Bool {
        let colons = s.utf8.count(where: { $0 == 0x3A })
        guard colons >= 2, s.contains("::") || colons == 7, s.count <= 45 else { return false }
        return s.allSatisfy { $0 == ":" || $0 == "." || $0.isHexDigit }
    }

    /// Digits with phone layout (`+ ( ) - .` and spaces), 7 to 15 digits: one pass, stopping at
    /// the first other byte.
    static func isPhoneShaped(_ s: String) -> Bool {
        var digits = 0
        for b in s.utf8 {
            if b &- 0x30 < 10 { digits += 1 } else if !(b == 0x2B || b == 0x28 || b == 0x29 || b == 0x2D || b == 0x2E || b == 0x20) { return false }
        }
        return digits >= 7 && digits <= 15
    }
}
