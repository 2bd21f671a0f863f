import Foundation

/// The scrub's handler: keeps what the safe list keeps, pseudonymises what it recognises, and
/// replaces everything else by neutral text; remembers every string it produced for the scan.
struct ScrubReplacer: ScrubLeafHandler {
    let options: ScrubOptions
    let pseudonyms: Pseudonymizer
    var pairs: [ScrubMap.Kind: [String: String]] = [:]
    var produced: Set<String> = []
    /// What each decision made of each string: a recording repeats its values (each page's
    /// traits, each entry's headers), and a pseudonym is an HMAC.
    private var made: [ScrubLeaf: [String: String]] = [:]

    init(options: ScrubOptions) {
        self.options = options
        pseudonyms = Pseudonymizer(salt: options.salt)
    }

    func acceptsWhole(_ s: String) -> Bool { false }

    mutating func leaf(_ s: String, _ slot: ScrubSlot) -> String {
        let decision = ScrubSafeList.classify(s, slot, options)
        let kind: ScrubMap.Kind
        let out: String
        if let out = made[decision]?[s] { return out }
        switch decision {
        case .keep: return s
        case .redact: return Redactor.placeholder
        case .email: (kind, out) = (.emails, email(s))
        case .name: (kind, out) = (.names, pseudonyms.personName(s))
        case .phone: (kind, out) = (.phones, pseudonyms.phone(s))
        case .ip: (kind, out) = (.ips, pseudonyms.ip(s))
        case .domain: (kind, out) = (.domains, domain(ScrubSafeList.fold(s)))
        case .account: (kind, out) = (.accounts, pseudonyms.accountName(s))
        case .externalId: (kind, out) = (.accounts, pseudonyms.externalId(s))
        case .subdomain: (kind, out) = (.domains, subdomainHost(ScrubSafeList.fold(s)))
        case .text: (kind, out) = (.texts, pseudonyms.neutralText(s))
        }
        pairs[kind, default: [:]][s] = out
        produced.insert(out)
        made[decision, default: [:]][s] = out
        return out
    }

    mutating func key(_ k: String, _ slot: ScrubSlot) -> String {
        if ScrubSafeList.isSafeKey(k) { return k }
        var keySlot = slot
        keySlot.key = nil
        keySlot.place = .json
        return leaf(k, keySlot)
    }

    /// Local part pseudonymised (NFC, case-folded); the domain kept, or pseudonymised with --domains.
    mutating func email(_ s: String) -> String {
        let folded = ScrubSafeList.fold(s)
        guard let at = folded.lastIndex(of: "@") else { return pseudonyms.neutralText(s) }
        let host = String(folded[folded.index(after: at)...])
        let newHost = options.domains && !Domain.isFreeMail(Domain.registrable(host)) ? domain(host) : host
        return pseudonyms.emailLocalPart(String(folded[..<at])) + "@" + newHost
    }

    /// The registrable part replaced (`eu.acme.com` -> `eu.org-7f3a9c.example`).
    mutating func domain(_ folded: String) -> String {
        let registrable = Domain.registrable(folded)
        let replaced = pseudonyms.domain(registrable)
        pairs[.domains, default: [:]][registrable] = replaced
        produced.insert(replaced)
        return String(folded.dropLast(registrable.count)) + replaced
    }

    /// `acme.rest.vitally.io` -> `tenant-3f9a2c.rest.vitally.io`.
    func subdomainHost(_ host: String) -> String {
        guard let dot = host.firstIndex(of: ".") else { return pseudonyms.subdomain(host) }
        return pseudonyms.subdomain(String(host[..<dot])) + String(host[dot...])
    }
}

/// The post-write scan's handler: every string must be on the safe list or one the scrub produced.
struct ScrubChecker: ScrubLeafHandler {
    let options: ScrubOptions
    let produced: Set<String>
    /// The JSON path of the first string that is neither.
    var failure: String?

    func acceptsWhole(_ s: String) -> Bool { produced.contains(s) }

    mutating func leaf(_ s: String, _ slot: ScrubSlot) -> String {
        if !produced.contains(s), ScrubSafeList.classify(s, slot, options) != .keep, failure == nil { failure = slot.path }
        return s
    }

    mutating func key(_ k: String, _ slot: ScrubSlot) -> String {
        if !ScrubSafeList.isSafeKey(k), !produced.contains(k), failure == nil { failure = slot.path + " (a key)" }
        return k
    }
}
