import Foundation

/// Domain arithmetic for matching: normalising what people and CRMs type, registrable
/// domains (`eu.acme.com` -> `acme.com`, `shop.tyrell.co.uk` -> `tyrell.co.uk`), free mail.
public enum Domain {
    /// Second-level public suffixes common in B2B data. Not the full Public Suffix List, on purpose:
    /// it has to ship inside the binary and be reviewable.
    static let multiLabelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "co.nz", "org.nz", "net.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "co.kr", "or.kr", "com.cn", "net.cn", "org.cn", "com.hk", "com.tw",
        "com.sg", "com.my", "co.id", "co.th", "co.in", "net.in", "org.in", "firm.in", "gen.in",
        "com.br", "net.br", "org.br", "com.mx", "com.ar", "com.co", "com.pe", "com.uy", "cl.com",
        "co.za", "org.za", "com.tr", "com.sa", "co.il", "org.il", "com.eg", "com.ng", "co.ke",
        "com.pl", "com.es", "com.pt", "co.at", "or.at", "com.gr", "com.ua", "com.ru",
    ]

    /// Consumer mailboxes: an address here says nothing about the company.
    public static let freeMail: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "msn.com",
        "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
        "protonmail.com", "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com",
        "yandex.com", "yandex.ru", "fastmail.com", "hey.com", "qq.com", "163.com", "126.com", "tutanota.com",
    ]

    /// `https://www.Acme.com:443/about?x` -> `acme.com`; nil when nothing host-like is left.
    public static func normalize(_ raw: String) -> String? {
        // This runs for every domain trait of every account a match reads: ASCII text, nearly
        // all of it, is read as bytes; anything else takes the Character path below.
        if let ascii = raw.utf8.withContiguousStorageIfAvailable(normalizeASCII), let result = ascii { return result }
        return normalizeCharacters(raw)
    }

    /// `normalize` by Characters: the rules as written, for any text (the ASCII path must agree with it).
    package static func normalizeCharacters(_ raw: String) -> String? {
        var s = raw.trimmingWhitespace().lowercased()
        if let at = s.lastIndex(of: "@") { s = String(s[s.index(after: at)...]) }
        if let scheme = s.firstRange(of: "://") { s = String(s[scheme.upperBound...]) }
        if let cut = s.firstIndex(where: { "/?#:".contains($0) }) { s = String(s[..<cut]) }
        while s.hasSuffix(".") { s.removeLast() }
        if s.hasPrefix("www.") { s.removeFirst(4) }
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            !label.isEmpty && label.count <= 63
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }) else { return nil }
        return s
    }

    /// `normalize` on ASCII bytes; `.none` when they are not all ASCII (the caller falls back),
    /// `.some(nil)` when nothing host-like is left.
    private static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard ByteWord.isASCII(UnsafeRawBufferPointer(bytes)) else { return .none }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
        var lo = 0, hi = bytes.count
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        if let at = bytes[lo..<hi].lastIndex(of: UInt8(ascii: "@")) { lo = at + 1 }
        if hi - lo >= 3, let colon = (lo...(hi - 3)).first(where: { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }) {
            lo = colon + 3
        }
        if let cut = bytes[lo..<hi].firstIndex(where: { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 || $0 == 0x3A }) { hi = cut }
        while hi > lo, bytes[hi - 1] == UInt8(ascii: ".") { hi -= 1 }
        if hi - lo >= 4, lower(bytes[lo]) == 0x77, lower(bytes[lo + 1]) == 0x77, lower(bytes[lo + 2]) == 0x77, bytes[lo + 3] == 0x2E {
            lo += 4
        }
        var labels = 1, length = 0
        for b in bytes[lo..<hi] {
            if b == UInt8(ascii: ".") {
                guard length > 0 else { return .some(nil) }
                labels += 1
                length = 0
                continue
            }
            let c = lower(b)
            guard c &- 0x61 < 26 || c &- 0x30 < 10 || c == 0x2D else { return .some(nil) }
            length += 1
            guard length <= 63 else { return .some(nil) }
        }
        guard labels >= 2, length > 0 else { return .some(nil) }
        return .some(String(unsafeUninitializedCapacity: hi - lo) { out in
            for i in lo..<hi { out[i - lo] = lower(bytes[i]) }
            return hi - lo
        })
    }

    /// The registrable domain: the public suffix plus one label.
    public static func registrable(_ domain: String) -> String {
        // Several times per account in an audit: an ASCII domain without empty labels (a normalised
        // one) is cut at its dots without building the labels; anything else takes the labels path.
        var text = domain
        let cut: String?? = text.withUTF8 { bytes in
            guard let last = bytes.last, last != 0x2E, bytes.first != 0x2E, ByteWord.isASCII(UnsafeRawBufferPointer(bytes)) else { return .none }
            var dots: [Int] = []  // the last three dots, nearest first
            for index in stride(from: bytes.count - 1, through: 0, by: -1) where bytes[index] == 0x2E {
                if dots.last == index + 1 { return .none }  // an empty label
                dots.append(index)
                if dots.count == 3 { break }
            }
            guard dots.count >= 2 else { return .some(nil) }  // two labels or fewer: the domain itself
            let lastTwo = String(decoding: bytes[(dots[1] + 1)...], as: UTF8.self)
            let keep = multiLabelSuffixes.contains(lastTwo) ? 3 : 2
            guard keep == 3 else { return .some(lastTwo) }
            return .some(dots.count == 3 ? String(decoding: bytes[(dots[2] + 1)...], as: UTF8.self) : nil)
        }
        if case .some(let result) = cut { return result ?? domain }
        let labels = domain.split(separator: ".").map(String.init)
        guard labels.count > 2 else { return domain }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let keep = multiLabelSuffixes.contains(lastTwo) ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }

    public static func isFreeMail(_ domain: String) -> Bool { freeMail.contains(domain.lowercased()) }

    /// A whole value that reads as a bare domain or a site (`initrode.com`, `https://www.initrode.com/`):
    /// no spaces, no `@`, and a last label of two letters or more. Nil for versions, numbers, emails and words.
    public static func lookalike(_ raw: String) -> String? {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty, text.utf8.count <= 253, !text.contains(" "), !text.contains("@"), let domain = normalize(text),
            let last = domain.split(separator: ".").last, last.count >= 2, last.allSatisfy({ $0.isLetter })
        else { return nil }
        return domain
    }

    /// The part of an email address after `@`, normalised.
    static func ofEmail(_ email: String) -> String? {
        guard let at = email.lastIndex(of: "@"), email.index(after: at) < email.endIndex else { return nil }
        return normalize(String(email[email.index(after: at)...]))
    }

    /// The company-ish label of a domain: `acme` for `eu.acme.co.uk`.
    public static func companyLabel(_ domain: String) -> String {
        let registrable = registrable(domain)
        // ASCII (nearly every domain): the first label found on bytes, without splitting them all.
        // Other text keeps split's rule (a dot with a combining mark after it is no dot there).
        guard registrable.isASCIIText else { return registrable.split(separator: ".").first.map(String.init) ?? domain }
        let utf8 = registrable.utf8
        guard let start = utf8.firstIndex(where: { $0 != 0x2E }) else { return domain }
        return String(registrable[start..<(utf8[start...].firstIndex(of: 0x2E) ?? utf8.endIndex)])
    }

    /// Whether a string looks like an email address.
    public static func isEmail(_ s: String) -> Bool {
        guard let at = s.firstIndex(of: "@"), at != s.startIndex, !s.contains(" ") else { return false }
        return ofEmail(s) != nil
    }
}
