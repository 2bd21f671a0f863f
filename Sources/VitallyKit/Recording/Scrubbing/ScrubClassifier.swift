import Foundation

/// Where a string stands in a HAR: what the safe list decides by, and its JSON path for messages.
struct ScrubSlot {
    enum Place { case json, headerValue, queryValue, pathSegment, host, cookie }
    /// The JSON path, built only when a walk names paths (nil otherwise): a path is needed only
    /// for the message of a refusal, and building one for every value was most of a walk's work.
    var path: String?
    var key: String?
    var place: Place = .json
    /// Inside a person's record (a user, an admin, an object with an email).
    var person = false
    /// Inside an account's or organization's record.
    var account = false
    /// Inside the tenant's schema (a custom object and its fields): names and labels, not people.
    var schema = false
    /// The records of this response are people or accounts (set on a body's root).
    var entity: ScrubEntity?
    /// Under the log's `creator` or `browser` (a path starting `$.log.creator` or `$.log.browser`).
    var creatorOrBrowser = false

    /// The same place for a string decided on its own, under no key (an object key, a header or
    /// query name, a base64 string replaced whole); `suffix` goes on the path.
    func alone(_ suffix: String = "") -> ScrubSlot {
        var slot = self
        slot.key = nil
        slot.place = .json
        slot.path? += suffix
        return slot
    }

    func child(_ suffix: @autoclosure () -> String, key: String?, place: Place = .json) -> ScrubSlot {
        ScrubSlot(path: path.map { $0 + suffix() }, key: key, place: place, person: person, account: account, schema: schema, entity: nil,
                  creatorOrBrowser: creatorOrBrowser)
    }
}

/// What the safe list makes of one string.
enum ScrubLeaf: Hashable {
    case keep, redact, email, name, phone, ip, domain, account, externalId, subdomain, text
}

extension ScrubSafeList {
    /// The decision for one string at `slot`: kept, or which kind of replacement.
    static func classify(_ s: String, _ slot: ScrubSlot, _ options: ScrubOptions) -> ScrubLeaf {
        if s.isEmpty || (constantLengths.contains(s.utf8.count) && constants.contains(s)) { return .keep }
        // Folded only when asked: most strings hold no `@` or `.` (which folding neither adds nor removes).
        var foldedOnce: String?
        func folded() -> String {
            if let foldedOnce { return foldedOnce }
            let made = fold(s)
            foldedOnce = made
            return made
        }
        switch slot.place {
        case .headerValue:
            if let name = slot.key {
                if Redactor.isSecretName(name) { return .redact }
                if identityFreeHeaders.contains(name.lowercased()) { return .keep }
            }
        case .cookie:
            return .redact
        case .queryValue:
            if let name = slot.key, Redactor.isSecretName(name) { return .redact }
        case .host:
            let folded = folded()
            if folded == "localhost" || folded.hasPrefix("127.") || folded == "[::1]" { return .keep }
            if isIPv4(folded) || isIPv6(folded) { return .ip }
            if folded.hasSuffix(".rest.vitally.io") || folded.hasSuffix(".vitally.io") {
                return options.accounts && folded.split(separator: ".").count > 3 ? .subdomain : .keep
            }
            return isDomainShaped(folded) ? (options.domains ? .domain : .keep) : .text
        case .json, .pathSegment:
            break
        }
        if isNumber(s) || isUUID(s) || isTimestamp(s) { return .keep }
        let hasDot = s.utf8.contains(0x2E)
        if hasDot, s.utf8.contains(0x40), isEmailShaped(folded()) { return .email }
        if isIPv4(s) { return s.hasPrefix("127.") || s == "0.0.0.0" ? .keep : .ip }
        if isIPv6(s) { return s == "::1" ? .keep : .ip }
        if isIdKey(slot.key), isASCIIToken(s, extra: "-_.:") {
            // An ASCII token: a letter is a byte of one.
            let spells = s.utf8.contains { $0 &- 0x41 < 26 || $0 &- 0x61 < 26 }
            return options.accounts && spells && slot.key.map(isExternalIdKey) == true ? .externalId : .keep
        }
        if isDigits(s) || isPhoneShaped(s) { return isDigits(s) && s.count > 15 ? .text : .phone }
        // The key's last word, needed only from here (dates, numbers and ids are decided above).
        let leaf = leafKey(slot.key)
        if let leaf, enumKeys.contains(leaf), isEnumValue(s) { return enumeration(s) }
        if let leaf, keyReferenceKeys.contains(leaf), isSafeKey(s), s.utf8.contains(where: { $0 == 0x2E || $0 == 0x5F }) { return .keep }
        if slot.creatorOrBrowser, isEnumValue(s) { return enumeration(s) }
        if leaf == "subdomain", isASCIIToken(s, extra: "-") { return options.accounts ? .subdomain : .keep }
        if slot.account, leaf == "name" { return options.accounts ? .account : .keep }
        if slot.schema, let leaf, schemaLabelKeys.contains(leaf) { return .keep }
        if hasDot, case let folded = folded(), isDomainShaped(folded),
            isDomainKey(slot.key) || folded.split(separator: ".").last.map({ commonTLDs.contains(String($0)) }) == true
        {
            return options.domains && !Domain.isFreeMail(Domain.registrable(folded)) ? .domain : .keep
        }
        if slot.place == .pathSegment, isASCIIToken(s, extra: "-_.") { return .keep }
        if let leaf, personNameKeys.contains(leaf) || (slot.person && leaf.hasSuffix("name")) {
            return looksLikeName(s) ? .name : .text
        }
        return .text
    }

    /// An enumeration-shaped value is kept unless two of its words in a row read as a person's
    /// name: a known given name, a title or an initial, then a known surname (`Pat Lee`, `Jordan
    /// Smith Demo`, `Mr Smith`, `pat.lee`, `Pat_Lee`, `PatLee`, `J Smith`), or a title, then a given
    /// name (`Dr Amara`). Both ends must say person, so a status however worded (`Max Retries`,
    /// `MaxRetries`, `Grace Period`, `Tier II`, `Charles Proxy`, `MS Teams`, `in_progress`) stays
    /// readable; one word (`Jordan`) says too little either way.
    static func enumeration(_ s: String) -> ScrubLeaf {
        // One word (most statuses: `active`, `open`) is decided without splitting.
        var previous: UInt8 = 0
        let oneWord = s.utf8.allSatisfy { byte in
            defer { previous = byte }
            return !Self.separatesWords(byte) && !Self.startsCamelWord(byte, after: previous)
        }
        if oneWord { return .keep }
        let words = enumerationWords(s)
        for (a, b) in zip(words, words.dropFirst()) {
            let title = PersonNameLists.titles.contains(a)
            let initial = a.utf8.count == 1 && a.utf8.first.map { $0 &- 0x61 < 26 } == true
            if (title || initial || StoredAccountName.isGivenName(a)) && StoredAccountName.isSurname(b) { return .name }
            if title && StoredAccountName.isGivenName(b) { return .name }
        }
        return .keep
    }

    /// An enumeration's words, lower-cased: split at a space, `_ . - /`, and where a lower-case
    /// ASCII letter meets an upper-case one (`PatLee`, `jordanSmith`; `HTTP` stays one word).
    static func enumerationWords(_ s: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var previous: UInt8 = 0
        func end() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self).lowercased()) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in s.utf8 {
            if separatesWords(byte) {
                end()
            } else {
                if startsCamelWord(byte, after: previous) { end() }
                word.append(byte)
            }
            previous = byte
        }
        end()
        return words
    }

    /// A space, `_ . - /`.
    static func separatesWords(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x5F || byte == 0x2E || byte == 0x2D || byte == 0x2F }

    /// An upper-case ASCII letter after a lower-case one: `L` in `PatLee`.
    static func startsCamelWord(_ byte: UInt8, after previous: UInt8) -> Bool { byte &- 0x41 < 26 && previous &- 0x61 < 26 }

    /// The lengths of `constants`: most strings are told apart from them without hashing.
    static let constantLengths = Array(Set(constants.map(\.utf8.count)))

    /// `externalId` in any case.
    static func isExternalIdKey(_ key: String) -> Bool {
        key.utf8.count == 10 && zip(key.utf8, "externalid".utf8).allSatisfy { ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == $1 }
    }

    /// One to four words of letters (any script), apostrophes, dots and hyphens.
    static func looksLikeName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        return (1...4).contains(words.count) && s.count <= 80
            && words.allSatisfy { $0.allSatisfy { $0.isLetter || "'’.-".contains($0) || $0.unicodeScalars.allSatisfy { $0.properties.isDiacritic } } }
    }
}
