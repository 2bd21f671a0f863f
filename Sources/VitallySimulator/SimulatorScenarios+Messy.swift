import VitallyKit

extension SimulatorScenarios {
    /// The messy scenario's organization: no domain, no health, no MRR, no owner, and one account
    /// that lacks them too.
    static let messyOrganization = "Harbor Collective"

    /// The custom field whose values are domains but whose label and path do not say so:
    /// matching does not read it (`DomainTraits.mentionsDomain`).
    static let messySiteField = (label: "Company site", path: "vitally.custom.companySite")

    /// Customers whose data defeats matching, one problem (or two) each: what `audit` must find
    /// (`vitally-sim --scenario messy`). The README's scenario table lists them.
    static let messy: [AccountSpec] = [
        // No domain trait, and its only users are on free mail: contact association alone reaches it.
        AccountSpec(
            name: "Nimbus Freight", externalId: "messy-nimbus", traits: [],
            people: [PersonSpec(name: "Ola Berg", email: "ola.berg@gmail.com", lastSeenDaysAgo: 2, nps: 8),
                     PersonSpec(name: "Ike Soto", email: "ike.soto@yahoo.com", lastSeenDaysAgo: 9, nps: nil)]),
        // No domain trait and no users at all.
        AccountSpec(name: "Quill & Ink", externalId: "messy-quill", traits: [], people: []),
        // Two active accounts on one domain: every match is ambiguous.
        AccountSpec(
            name: "Orbitron", externalId: "messy-orbitron", traits: [("domain", "orbitron.io")],
            people: [PersonSpec(name: "Vera Lind", email: "vera@orbitron.io", lastSeenDaysAgo: 1, nps: 9)]),
        AccountSpec(
            name: "Orbitron Europe", externalId: "messy-orbitron-eu", traits: [("hubspot.domain", "orbitron.io")],
            people: [PersonSpec(name: "Max Roth", email: "max@orbitron.io", lastSeenDaysAgo: 4, nps: 7)]),
        // A churned account and the active one that replaced it, on one domain.
        AccountSpec(
            name: "Lakeside Dental", externalId: "messy-lakeside-old", traits: [("domain", "lakesidedental.com")], health: 2.5,
            churnedDaysAgo: 90, mrr: 0, renewalInDays: nil, lastSeenDaysAgo: 95, people: [], stage: "Churned"),
        AccountSpec(
            name: "Lakeside Dental Group", externalId: "messy-lakeside", traits: [("website", "https://lakesidedental.com")],
            people: [PersonSpec(name: "Rosa Vidal", email: "rosa@lakesidedental.com", lastSeenDaysAgo: 3, nps: 9)]),
        // A customer whose domain trait holds our own team's domain.
        AccountSpec(
            name: "Brightwave Partners", externalId: "messy-brightwave", traits: [("domain", .string(ourDomain))],
            people: [PersonSpec(name: "Theo Grant", email: "theo@brightwave-partners.com", lastSeenDaysAgo: 6, nps: nil)]),
        // Names no calendar entry can correlate with: a legal suffix alone, and a generic one.
        AccountSpec(
            name: "Ltd.", externalId: "messy-ltd", traits: [("domain", "kappa-supplies.com")],
            people: [PersonSpec(name: "Ann Kappa", email: "ann@kappa-supplies.com", lastSeenDaysAgo: 5, nps: nil)]),
        AccountSpec(
            name: "Test Account", externalId: "messy-test", traits: [("domain", "lambda-tools.com")],
            people: [PersonSpec(name: "Lu Wen", email: "lu@lambda-tools.com", lastSeenDaysAgo: 8, nps: nil)]),
        // No health score, MRR or owner on the account (and no organization to hold them).
        AccountSpec(
            name: "Zephyr Analytics", externalId: "messy-zephyr", traits: [("domain", "zephyr-analytics.com")], health: nil,
            mrr: nil, people: [PersonSpec(name: "Kim Ode", email: "kim@zephyr-analytics.com", lastSeenDaysAgo: 1, nps: nil)],
            owned: false),
        // Its domain only in a custom field matching does not read.
        AccountSpec(
            name: "Kestrel Robotics", externalId: "messy-kestrel",
            traits: [(messySiteField.path, "kestrel-robotics.com")], people: []),
        // The organization without domain, health, MRR or owner, and its account without them either.
        AccountSpec(
            name: "Harbor Collective East", externalId: "messy-harbor-east", traits: [], health: nil, mrr: nil,
            organization: messyOrganization, people: [], owned: false),
    ]
}
