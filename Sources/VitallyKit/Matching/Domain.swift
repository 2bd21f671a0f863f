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
        // This runs for every domain trait of every account a match reads.
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

    /// The registrable domain: the public suffix plus one label.
    public static func registrable(_ domain: String) -> String {
        let labels = domain.split(separator: ".").map(String.init)
        guard labels.count > 2 else { return domain }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let keep = multiLabelSuffixes.contains(lastTwo) ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }

    public static func isFreeMail(_ domain: String) -> Bool { freeMail.contains(domain.lowercased()) }

    /// The part of an email address after `@`, normalised.
    static func ofEmail(_ email: String) -> String? {
        guard let at = email.lastIndex(of: "@"), email.index(after: at) < email.endIndex else { return nil }
        return normalize(String(email[email.index(after: at)...]))
    }

    /// The company-ish label of a domain: `acme` for `eu.acme.co.uk`.
    public static func companyLabel(_ domain: String) -> String {
        registrable(domain).split(separator: ".").first.map(String.init) ?? domain
    }

    /// Whether a string looks like an email address.
    public static func isEmail(_ s: String) -> Bool {
        guard let at = s.firstIndex(of: "@"), at != s.startIndex, !s.contains(" ") else { return false }
        return ofEmail(s) != nil
    }
}
