import Foundation

/// The name the history store keeps for an account: its own, unless it looks like an email or
/// a person's name (B2C tenants name accounts after their customers), then `account ‹id›`.
enum StoredAccountName {
    static func name(_ name: String, id: String) -> String {
        looksPersonal(name) ? "account ‹\(id)›" : name
    }

    /// Whether a name reads as an email or a person's: decided by what is in it, never by its
    /// shape alone, so two capitalised words (`Pied Piper`, `Dunder Mifflin Scranton`) are a
    /// company's unless a word says person.
    /// - An email (`@`): a person.
    /// - One word, more than four words, a digit, `&` or any other sign, or a company word or
    ///   legal suffix (`Acme Corp`, `Stark Industries EMEA`, `Quill & Ink`): a company.
    /// - A title or a suffix (`Dr. Amara Okafor`, `John Smith Jr.`), `Doe, Jane`, a known given
    ///   name first (`Jane Doe`, `Jean-Luc Picard`), a known surname or surname ending last
    ///   (`Xiaoming Zhang`, `Anna Kowalczyk`), an East Asian surname first (`Nguyen Van An`): a person.
    /// - Letters of a script the lists do not cover (`Юлия Иванова`, `山田 太郎`): a person, the
    ///   safe side of not knowing.
    /// Some companies are named like people (`Morgan Stanley`); they are stored by id, the safe side.
    static func looksPersonal(_ name: String) -> Bool {
        // An ASCII name (most are) takes the same steps on its bytes, without Foundation's string
        // bridging: an import checks every account's name, and these steps were most of its time.
        let ascii = isASCII(name)
        let trimmed = ascii ? trimmedASCII(name) : name.trimmingCharacters(in: .whitespacesAndNewlines)
        if ascii ? trimmed.utf8.contains(UInt8(ascii: "@")) : trimmed.contains("@") { return true }
        guard trimmed.count <= 60 else { return false }
        let comma = trimmed.firstIndex(of: ",")
        // A byte no word below may hold (a digit, `&`, `/`): the word check would say company.
        if ascii, trimmed.utf8.contains(where: { !isNameByte($0) }) { return false }
        let words = trimmed.split { $0 == " " || $0 == "," || $0 == "\u{A0}" }
            .map { word in
                let lower = word.lowercased()
                // ASCII is already in its canonical composition, and a dot is one byte.
                guard isASCII(lower) else { return lower.precomposedStringWithCanonicalMapping.trimmingCharacters(in: dots) }
                let bytes = lower.utf8.drop { $0 == UInt8(ascii: ".") }.reversed().drop { $0 == UInt8(ascii: ".") }.reversed()
                return String(decoding: Array(bytes), as: UTF8.self)
            }
            .filter { !$0.isEmpty }
        guard words.count >= 2,
              words.allSatisfy({ word in word.allSatisfy { $0.isLetter || "'’-".contains($0) } })
        else { return false }
        if words.contains(where: { companyWords.contains($0) }) { return false }
        if words.contains(where: { PersonNameLists.titles.contains($0) || PersonNameLists.suffixes.contains($0) }) {
            return words.count <= 5
        }
        // Particles (`van`, `de la`) and initials say little alone; the count is of the rest.
        let named = words.filter { !PersonNameLists.particles.contains($0) && $0.count > 1 }
        guard (1...4).contains(named.count), let first = words.first, let last = named.last else { return false }
        if words.contains(where: { word in word.unicodeScalars.contains { $0.properties.isAlphabetic && !isLatin($0) } }) {
            return named.count <= 3
        }
        if let comma {
            // `Doe, Jane`: the part after the comma starts with a given name, or the part before is a surname.
            let before = trimmed[..<comma].lowercased().split(separator: " ").map(String.init)
            let after = trimmed[trimmed.index(after: comma)...].lowercased().split(separator: " ").map(String.init)
            return after.first.map(isGivenName) == true || before.last.map(isSurname) == true
        }
        if isGivenName(first) { return true }
        if named.count >= 2, isSurname(last) { return true }
        return named.count <= 3 && named.first.map(PersonNameLists.eastAsianSurnames.contains) == true
    }

    static let dots = CharacterSet(charactersIn: ".")

    static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// An ASCII text without the whitespace `.whitespacesAndNewlines` trims (tab to carriage return, space).
    static func trimmedASCII(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        return String(decoding: Array(text.utf8.drop(while: isSpace).reversed().drop(while: isSpace).reversed()), as: UTF8.self)
    }

    /// An ASCII byte a person's name may hold: a letter, a word separator, `.`, `'`, `-`.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// A known given name, or a hyphenated one starting with one (`jean-luc`, `anna-lena`).
    static func isGivenName(_ word: String) -> Bool {
        PersonNameLists.givenNames.contains(word)
            || word.split(separator: "-").first.map { PersonNameLists.givenNames.contains(String($0)) } == true
    }

    /// A known surname, or one with a surname's ending (`-ova`, `-wicz`, `-opoulos`), or a
    /// double-barrelled one whose last part is either (`smith-jones`).
    static func isSurname(_ word: String) -> Bool {
        let part = word.split(separator: "-").last.map(String.init) ?? word
        let bare = part.hasPrefix("o'") || part.hasPrefix("o’") ? String(part.dropFirst(2)) : part
        if PersonNameLists.surnames.contains(bare) || PersonNameLists.eastAsianSurnames.contains(bare) { return true }
        if bare != part { return true }  // O'Neill, O'Brien
        return bare.count >= 5 && PersonNameLists.surnameEndings.contains { bare.hasSuffix($0) }
    }

    static func isLatin(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x0250 || (0x1E00...0x1EFF).contains(scalar.value) }

    /// Words that make a name a company's (`Wayne Enterprises`, `Acme Corp`, `Cedar Retail`),
    /// legal suffixes included.
    static let companyWords: Set<String> = [
        "inc", "corp", "corporation", "co", "company", "llc", "llp", "lp", "ltd", "limited", "gmbh", "mbh", "kg", "ag",
        "se", "sa", "sas", "sarl", "sl", "bv", "nv", "plc", "pty", "pte", "srl", "spa", "ab", "oy", "oyj", "as", "asa",
        "aps", "kk", "kft", "sp", "zoo", "doo", "sro", "ltda", "cia", "sdn", "bhd", "tbk", "pvt", "lda", "group",
        "holding", "holdings", "enterprise", "partners", "partnership", "enterprises", "industries", "industry", "labs", "lab",
        "systems", "software", "technologies", "technology", "tech", "solutions", "services", "health", "healthcare",
        "bank", "capital", "media", "retail", "foods", "food", "energy", "logistics", "learning", "analytics", "robotics",
        "travel", "studio", "studios", "agency", "consulting", "consultants", "university", "college", "school", "academy",
        "hospital", "clinic", "dental", "medical", "foundation", "institute", "global", "international", "worldwide",
        "emea", "apac", "americas", "latam", "na", "eu", "us", "uk", "team", "store", "stores", "shop", "app", "apps",
        "ventures", "networks", "network", "digital", "cloud", "data", "insurance", "pharma", "pharmaceuticals", "motors",
        "automotive", "airlines", "airways", "hotels", "hotel", "resorts", "dynamics", "freight", "shipping", "transport",
        "manufacturing", "electric", "electronics", "telecom", "communications", "wireless", "mobile", "games", "gaming",
        "entertainment", "publishing", "markets", "trading", "investments", "finance", "financial", "realty", "properties",
        "construction", "engineering", "designs", "marketing", "brands", "collective", "cooperative", "coop",
        "association", "society", "church", "council", "department", "ministry", "bureau", "factory", "brewing", "brewery",
        "bakery", "restaurant", "aerospace", "security", "defense", "chemicals", "materials", "utilities", "solar",
        "semiconductor", "microsystems", "devices", "instruments", "controls", "biotech", "therapeutics", "sciences",
        "science", "research", "diagnostics", "wellness", "fitness", "sports", "apparel", "fashion", "beauty", "cosmetics",
        "jewelry", "furniture", "supply", "supplies", "distribution", "wholesale", "imports", "exports", "express",
        "delivery", "couriers", "rentals", "leasing", "staffing", "recruiting", "associates", "accounting", "advisors",
        "advisory", "management", "consultancy", "platform", "platforms", "hq", "europe", "asia", "africa", "account",
        "test", "demo", "sandbox", "trial", "internal", "pilot", "customer", "client", "tenant", "workspace", "org",
        "organization", "organisation", "dept", "division", "subsidiary", "operations", "株式会社", "有限会社", "公司", "有限公司", "集团",
        "주식회사", "ооо", "оао", "зао", "пао", "ао",
    ]
}
