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
    var made: [ScrubLeaf: [String: String]] = [:]
    /// Set for a part of the recording scrubbed on another core: what would go to `pairs` and
    /// `produced` is noted here instead, for the whole's replacer to replay in the file's order.
    var journal: ScrubJournal?
    /// The recording's account names that the company-name rule can match, in the matcher's
    /// tie order (by name): with --accounts or --domains, a domain whose label names one of them
    /// is pseudonymised from the name, so the copy still correlates the two.
    var accountNames: Set<String> = [] {
        didSet {
            sortedNames = accountNames.sorted()
            nameIndex = CompanyNameIndex(sortedNames)
            namedAccounts = SharedMemo()
        }
    }
    private var sortedNames: [String] = []
    private var nameIndex = CompanyNameIndex([])
    /// The account name each registrable domain names (nil: none), worked out once per domain for
    /// this replacer and its copies scrubbing parts of the recording on other cores.
    private var namedAccounts = SharedMemo<String, String?>()

    init(options: ScrubOptions) {
        self.options = options
        pseudonyms = Pseudonymizer(salt: options.salt)
    }

    func acceptsWhole(_ s: String) -> Bool { false }
    static var rewrites: Bool { true }

    mutating func leaf(_ s: String, _ slot: ScrubSlot) -> String {
        let decision = ScrubSafeList.classify(s, slot, options)
        let kind: ScrubMap.Kind
        let out: String
        if let out = made[decision]?[s] { return out }
        switch decision {
        case .keep:
            // A kept domain (no --domains) that spells an account name renamed by --accounts
            // would give the name away and stop matching it: it is pseudonymised from the name.
            guard options.accounts, !options.domains, s.utf8.contains(0x2E) else { return s }
            let folded = ScrubSafeList.fold(s)
            guard ScrubSafeList.isDomainShaped(folded), namedAccount(Domain.registrable(folded)) != nil else { return s }
            (kind, out) = (.domains, domain(folded))
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
        record(kind, s, out)
        made[decision, default: [:]][s] = out
        journal?.firstUse(decision, s, out)
        return out
    }

    mutating func key(_ k: String, _ slot: ScrubSlot) -> String {
        if ScrubSafeList.isSafeKey(k) { return k }
        return leaf(k, slot.alone())
    }

    /// Notes that `key` became `value`: a pair of the map, and a string the scan accepts (in the
    /// journal, for a copy that keeps one).
    mutating func record(_ kind: ScrubMap.Kind, _ key: String, _ value: String) {
        guard journal == nil else {
            journal?.writes.append(ScrubJournal.Write(kind: kind, key: key, value: value))
            return
        }
        pairs[kind, default: [:]][key] = value
        produced.insert(value)
    }

    /// Local part pseudonymised (NFC, case-folded); the domain kept, or pseudonymised with --domains.
    mutating func email(_ s: String) -> String {
        let folded = ScrubSafeList.fold(s)
        guard let at = folded.lastIndex(of: "@") else { return pseudonyms.neutralText(s) }
        return pseudonyms.emailLocalPart(String(folded[..<at])) + "@" + emailHost(String(folded[folded.index(after: at)...]))
    }

    /// What an email's (folded) host becomes: pseudonymised with --domains unless free mail, and
    /// with --accounts when it names an account; otherwise kept.
    mutating func emailHost(_ host: String) -> String {
        let registrable = Domain.registrable(host)
        let renamed = options.domains ? !Domain.isFreeMail(registrable) : options.accounts && namedAccount(registrable) != nil
        return renamed ? domain(host) : host
    }

    /// The registrable part replaced (`eu.acme.com` -> `eu.org-7f3a9c1b2e4d.example`); one that names
    /// an account by the company-name rule, from that name's pseudonym (`wayneenterprises.com` ->
    /// `hedunafohana.example` for Wayne Enterprises -> Heduna Fohana), or from the name
    /// itself when names are kept (`wayneenterprises.example`).
    mutating func domain(_ folded: String) -> String {
        let registrable = Domain.registrable(folded)
        let replaced: String
        if let name = namedAccount(registrable) {
            replaced = pseudonyms.companyDomain(registrable, accountName: name, pseudonym: options.accounts ? pseudonyms.accountName(name) : name)
        } else {
            replaced = pseudonyms.domain(registrable)
        }
        record(.domains, registrable, replaced)
        return String(folded.dropLast(registrable.count)) + replaced
    }

    /// The account name the matcher's company-name rule would match `registrable` with: the best
    /// score of at least `ScrubMatchCheck.threshold`, ties to the first by name; nil for free mail.
    func namedAccount(_ registrable: String) -> String? {
        namedAccounts.value(for: registrable) {
            guard !Domain.isFreeMail(registrable),
                let best = nameIndex.best(label: Domain.companyLabel(registrable), threshold: ScrubMatchCheck.threshold)
            else { return nil }
            return sortedNames[best.positions[0]]
        }
    }

    /// A copy with a domain -> account name memo of its own, for a batch of work that asks each
    /// domain once (the match check): the shared one would hold every domain of the recording.
    func withOwnMemo() -> ScrubReplacer {
        var copy = self
        copy.namedAccounts = SharedMemo()
        return copy
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
    /// The JSON path of the first string that is neither ("" when the walk names no paths).
    var failure: String?

    func acceptsWhole(_ s: String) -> Bool { produced.contains(s) }
    static var rewrites: Bool { false }

    mutating func leaf(_ s: String, _ slot: ScrubSlot) -> String {
        // The walk asked `acceptsWhole` of most strings already: a kept one is not hashed again.
        if ScrubSafeList.classify(s, slot, options) != .keep, !produced.contains(s), failure == nil { failure = slot.path ?? "" }
        return s
    }

    /// A key as the scrub's `key` decides it: a safe key, else the safe list's decision for the
    /// string (a header or query name `::1` is a loopback address the scrub keeps), or a pseudonym.
    mutating func key(_ k: String, _ slot: ScrubSlot) -> String {
        if ScrubSafeList.isSafeKey(k) || produced.contains(k) { return k }
        return leaf(k, slot.alone(" (a key)"))
    }
}
