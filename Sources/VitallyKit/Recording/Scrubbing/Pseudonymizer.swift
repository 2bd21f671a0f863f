/// Salted, stable pseudonyms: the same value and salt give the same pseudonym in every file and
/// on every machine; without the salt they cannot be turned back (HMAC-SHA256).
struct Pseudonymizer: Sendable {
    private let key: SHA256.Key

    init(salt: String) { key = SHA256.Key(Array(salt.utf8)) }

    func digest(_ kind: String, _ value: String) -> [UInt8] {
        key.mac(Array((kind + "\u{0}" + value).utf8))
    }

    /// Bytes of digest a pseudonym that stands for one of many values carries: 48 bits, so a
    /// million distinct emails, domains or externalIds are expected to share a pseudonym with odds
    /// of about 1 in 500 (24 bits gave 183 pairs of domains one pseudonym in an 80,000-domain recording,
    /// each an attendee matched to the wrong account in the copy).
    static let distinctBytes = 6

    /// `pat.lee` -> `person-3f9a2c1b7e04` (case-insensitive: emails are).
    func emailLocalPart(_ local: String) -> String {
        "person-" + SHA256.hex(Array(digest("email", ScrubSafeList.fold(local)).prefix(Self.distinctBytes)))
    }

    /// `acme.com` -> `org-7f3a9c1b2e4d.example`.
    func domain(_ domain: String) -> String {
        "org-" + SHA256.hex(Array(digest("domain", domain.lowercased()).prefix(Self.distinctBytes))) + ".example"
    }

    /// The registrable domain `registrable` becomes when its label names `accountName` by the
    /// company-name rule, `pseudonym` being the name's pseudonym (or the name, when names are kept):
    /// the label matches the pseudonym as the original matched the name (the words joined for the
    /// words joined, the first word for the first word, else the words joined and one letter), and
    /// the suffix says which suffix it was (`.com` -> `.example`, `.co.uk` -> `.examplecouk`), so
    /// `wayneenterprises.com` -> `hedunafohana.example` and two domains never become one.
    func companyDomain(_ registrable: String, accountName: String, pseudonym: String) -> String {
        let label = Domain.companyLabel(registrable)
        let suffix = registrable.dropFirst(label.count).filter { $0.isLetter || $0.isNumber }
        let name = CompanyName.tokens(accountName), renamed = CompanyName.tokens(pseudonym)
        let newLabel: String
        if label == name.joined() {
            newLabel = renamed.joined()
        } else if let first = name.first, first.count >= 4, label == first, let renamedFirst = renamed.first {
            newLabel = renamedFirst
        } else {
            let byte = digest("companyDomain", label)[0]
            newLabel = renamed.joined() + String(Self.consonants[Int(byte) % Self.consonants.count])
        }
        return newLabel + ".example" + (suffix == "com" ? "" : suffix)
    }

    static let consonants = Array("bdfghklmnprstvz")
    static let vowels = Array("aeiou")

    /// A pronounceable capitalised word of `syllables` syllables drawn from `bytes`.
    static func word(_ bytes: ArraySlice<UInt8>, syllables: Int) -> String {
        var out = ""
        for (n, byte) in bytes.prefix(syllables).enumerated() {
            let c = consonants[Int(byte) % consonants.count]
            let v = vowels[Int(byte / 16) % vowels.count]
            out += n == 0 ? String(c).uppercased() + String(v) : String(c) + String(v)
        }
        return out
    }

    /// `Pat Lee` -> `Kodu Bamire`: as many words as the original (one to three); every Unicode
    /// form and case of a name gives the same pseudonym. A name of one word (`Pat`, `Madonna`) gets
    /// four syllables: two gave 5,625 pseudonyms, which 1,000 such names share about 90 times.
    func personName(_ name: String) -> String {
        let words = max(1, min(3, name.split(separator: " ").count))
        let bytes = digest("name", ScrubSafeList.fold(name))
        if words == 1 { return Self.word(bytes[...], syllables: 4) }
        return (0..<words).map { Self.word(bytes[(4 * $0)...], syllables: $0 == 0 ? 2 : 3) }.joined(separator: " ")
    }

    /// `Acme Corp` -> `Degodipofa Corp`, `Wayne Enterprises` -> `Heduna Fohana`: each word but a
    /// legal suffix replaced, by three syllables each, or five when it is the only one replaced
    /// (three gave 421,875 pseudonyms, which 5,000 one-word names share about 30 times); names
    /// that differ only in case, punctuation and legal suffixes (`Acme Corp`, `ACME, Inc.`) keep
    /// their likeness, as the company-name rule sees them alike.
    func accountName(_ name: String) -> String {
        let normalized = CompanyName.normalize(name)
        let bytes = digest("account", normalized.isEmpty ? ScrubSafeList.fold(name) : normalized)
        let words = name.split(separator: " ", omittingEmptySubsequences: true)
        guard !words.isEmpty else { return name }
        let kept = words.enumerated().map { index, word in index > 0 && CompanyName.legalSuffixes.contains(word.lowercased().filter { $0.isLetter }) }
        let syllables = kept.filter { !$0 }.count == 1 ? 5 : 3
        return words.enumerated().map { index, word -> String in
            kept[index] ? String(word) : Self.word(bytes[(3 * min(index, 9))...], syllables: syllables)
        }.joined(separator: " ")
    }

    /// `acme-001` -> `ext-3f9a2c1b7e04`: an externalId that may spell a name.
    func externalId(_ id: String) -> String {
        "ext-" + SHA256.hex(Array(digest("externalId", ScrubSafeList.fold(id)).prefix(Self.distinctBytes)))
    }

    /// `acme` -> `tenant-3f9a2c`: the tenant's subdomain.
    func subdomain(_ name: String) -> String { "tenant-" + SHA256.hex(Array(digest("subdomain", ScrubSafeList.fold(name)).prefix(3))) }

    /// The digits replaced, the layout (`+`, spaces, dashes, brackets) kept.
    func phone(_ phone: String) -> String {
        let bytes = digest("phone", phone)
        var index = 0
        return String(phone.map { ch -> Character in
            guard ch.isASCII, ch.isNumber else { return ch }
            defer { index += 1 }
            return Character(String(bytes[index % bytes.count] % 10))
        })
    }

    /// An IPv4 address in 10.0.0.0/8, an IPv6 one in fd00::/8.
    func ip(_ address: String) -> String {
        let bytes = digest("ip", address)
        if address.contains(":") {
            return "fd00::" + stride(from: 0, to: 8, by: 2).map { SHA256.hex(Array(bytes[$0..<($0 + 2)])) }.joined(separator: ":")
        }
        return "10.\(bytes[0]).\(bytes[1]).\(bytes[2])"
    }

    /// Tag names neutral text keeps; any other tag becomes `span`.
    static let htmlTags: Set<String> = [
        "p", "br", "b", "i", "u", "em", "strong", "ul", "ol", "li", "div", "span", "a", "h1", "h2", "h3", "h4", "blockquote",
        "pre", "code", "table", "tr", "td", "th", "tbody", "thead", "html", "head", "body", "title", "hr", "img", "s", "sub", "sup",
    ]

    static let filler: [Int: [String]] = [
        1: ["a"], 2: ["an", "to", "of", "in", "on", "at"], 3: ["the", "and", "for", "new", "set", "use"],
        4: ["note", "item", "plan", "text", "step", "form"], 5: ["entry", "topic", "value", "point", "route"],
        6: ["update", "review", "detail", "record", "sample"], 7: ["example", "general", "content", "section"],
        8: ["document", "question", "schedule", "standard"], 9: ["milestone", "reference", "condition"],
        10: ["discussion", "processing", "conclusion"],
    ]

    /// Neutral text of the same length and shape: tags, spaces and punctuation kept, each word
    /// replaced by a filler word of its length, digits by zeros. The same text gives the same result.
    func neutralText(_ text: String) -> String {
        let bytes = digest("text", text)
        var out = ""
        var word = ""
        var inTag = false
        var inAttributes = false
        var tagName = ""
        var count = 0
        func flush() {
            guard !word.isEmpty else { return }
            let length = word.count
            var replacement = ""
            while replacement.count < length {
                let want = min(length - replacement.count, 10)
                let choices = Self.filler[want] ?? ["text"]
                replacement += choices[Int(bytes[count % bytes.count]) % choices.count]
                count += 1
            }
            if word.first?.isUppercase == true { replacement = replacement.prefix(1).uppercased() + replacement.dropFirst() }
            out += replacement
            word = ""
        }
        let characters = Array(text)
        for (i, ch) in characters.enumerated() {
            if inTag {
                // Only the tag's name is kept: attributes (titles, links) may hold anything.
                if ch == ">" {
                    inTag = false
                    let closing = tagName.hasPrefix("/")
                    let bare = tagName.lowercased().filter { $0 != "/" }
                    out += (closing ? "/" : "") + (Self.htmlTags.contains(bare) ? bare : "span") + (tagName.count > 1 && tagName.hasSuffix("/") ? "/>" : ">")
                    tagName = ""
                } else if ch.isWhitespace {
                    inAttributes = true
                } else if !inAttributes {
                    tagName.append(ch)
                }
            } else if ch == "<", i + 1 < characters.count, characters[i + 1].isLetter || characters[i + 1] == "/",
                characters[(i + 1)...].prefix(200).contains(">")
            {
                flush()
                inTag = true
                inAttributes = false
                out.append(ch)
            } else if ch.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                flush()
                out += " "
            } else if ch.isNumber {
                flush()
                out += "0"
            } else if ch.isLetter {
                word.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}
