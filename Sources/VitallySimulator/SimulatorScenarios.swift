import VitallyKit

/// A person at a customer, as the generator sees them.
struct PersonSpec {
    var name: String
    var email: String
    var lastSeenDaysAgo: Int?
    var nps: Int?
}

/// What an account should look like; hand-written for the scenarios, random for the rest.
struct AccountSpec {
    var name: String
    var externalId: String
    var traits: [(String, JSONValue)] = []
    var health: Double? = 7
    var churnedDaysAgo: Int? = nil
    var mrr: Double? = 1000
    /// Days from `SimulatorRenewals.reference` to the renewal, a calendar day that comes round every year.
    var renewalInDays: Int? = 200
    var trialEndInDays: Int? = nil
    var lastSeenDaysAgo: Int? = 1
    var organization: String? = nil
    var people: [PersonSpec] = []
    var notes = 2
    var openTasks = 1
    var overdueTasks = 0
    var doneTasks = 1
    var conversations: [(subject: String, status: String, rating: String?)] = []
    var onboarding: (done: Bool, late: Bool)? = nil
    var meetings = 1
    var stage = "Adoption"
    var segments: [String] = ["Mid-Market"]
    var csm = 0
    /// False for an account with no owner and no CSM (the messy scenario).
    var owned = true
    /// Notes and tasks attached to the account's organization only (`accountId` null).
    var orgNotes = 0
    var orgOpenTasks = 0
    var orgOverdueTasks = 0
    /// The newest notes that are archived.
    var archivedNotes = 0
    /// The breakdown's shape for this account, when not the tenant-wide one.
    var healthShape: HealthScoreShape? = nil
    /// A hand-written account: its texts are dealt so that no two scenario accounts share one.
    var scenario = true
}

/// An organization that holds its customer's data itself, with its accounts.
struct OrganizationSpec {
    var name: String
    var externalId: String
    var traits: [(String, JSONValue)]
    var health: Double?
    var mrr: Double?
    /// As `AccountSpec.renewalInDays`.
    var renewalInDays: Int?
    var segments: [String]
    var accounts: [AccountSpec]
    /// "Customer Goals" instances: name, days until due, status.
    var goals: [(name: String, dueInDays: Int, status: String)] = []
    /// Goals of one of its accounts (by externalId) that also carry the organization's id, as
    /// instances may (`customerId` and `organizationId` both set): the account's, not the organization's.
    var accountGoals: [(externalId: String, name: String, dueInDays: Int, status: String)] = []
}

/// The accounts every later feature is exercised against; see the README's scenario table.
enum SimulatorScenarios {
    static let ourDomain = "brightwave.io"

    static let accounts: [AccountSpec] = [
        AccountSpec(
            name: "Acme Corp", externalId: "acme-001",
            traits: [("domain", "acme.com"), ("vitally.custom.plan", "Enterprise"),
                     ("vitally.custom.renewalStage", "Negotiation")],
            health: 7.4, mrr: 4200, renewalInDays: 45, lastSeenDaysAgo: 0, organization: "Acme Holdings",
            people: [
                PersonSpec(name: "Pat Lee", email: "pat.lee@acme.com", lastSeenDaysAgo: 0, nps: 9),
                PersonSpec(name: "Jordan Kim", email: "jordan.kim@acme.com", lastSeenDaysAgo: 3, nps: 6),
                PersonSpec(name: "Riley Park", email: "riley@acme.com", lastSeenDaysAgo: 12, nps: nil),
                PersonSpec(name: "Casey Wu", email: "casey.wu@eu.acme.com", lastSeenDaysAgo: 40, nps: 8),
            ],
            notes: 5, openTasks: 2, overdueTasks: 1, doneTasks: 3,
            conversations: [("SSO login loop", "open", nil), ("Invoice copy", "closed", "Satisfied")],
            onboarding: (done: true, late: false), meetings: 3, stage: "Expansion", segments: ["Enterprise"]),
        AccountSpec(
            name: "Acme Labs", externalId: "acme-002", traits: [("vitally.custom.plan", "Growth")],
            health: 6.1, mrr: 900, renewalInDays: 160, lastSeenDaysAgo: 2, organization: "Acme Holdings",
            people: [PersonSpec(name: "Morgan Diaz", email: "morgan@acmelabs.io", lastSeenDaysAgo: 2, nps: 7)],
            stage: "Adoption"),
        AccountSpec(
            name: "Globex Inc", externalId: "globex-17", traits: [("hubspot.domain", "globex.com")],
            health: 8.6, mrr: 2600, renewalInDays: 300, lastSeenDaysAgo: 1,
            people: [PersonSpec(name: "Hank Scorpio", email: "hank@globex.com", lastSeenDaysAgo: 1, nps: 10)],
            notes: 3, conversations: [("API quota", "closed", "Satisfied")], stage: "Adoption"),
        AccountSpec(
            name: "Initech", externalId: "initech",
            traits: [("salesforce.Website", "https://www.Initech.com/"), ("vitally.custom.website", "https://www.initech.com")],
            health: 5.2, mrr: 1500, renewalInDays: 80, lastSeenDaysAgo: 6,
            people: [PersonSpec(name: "Bill Lumbergh", email: "bill@initech.com", lastSeenDaysAgo: 6, nps: 5)],
            openTasks: 1, overdueTasks: 2, stage: "Renewal"),
        AccountSpec(
            name: "Umbrella Health", externalId: "umbrella",
            traits: [("vitally.custom.companyDomain", "umbrella-health.com")],
            health: 6.8, mrr: 3100, renewalInDays: 220, lastSeenDaysAgo: 4,
            people: [PersonSpec(name: "Alice Abernathy", email: "alice.abernathy@gmail.com", lastSeenDaysAgo: 4, nps: 8)],
            stage: "Adoption", segments: ["Healthcare"]),
        AccountSpec(
            name: "Hooli", externalId: "hooli", traits: [("domain", "hooli.com")], health: 3.0,
            churnedDaysAgo: 20, mrr: 0, renewalInDays: nil, lastSeenDaysAgo: 35,
            people: [PersonSpec(name: "Gavin Belson", email: "gavin@hooli.com", lastSeenDaysAgo: 35, nps: 2)],
            notes: 2, openTasks: 0, doneTasks: 2, stage: "Churned"),
        AccountSpec(
            name: "Stark Industries", externalId: "stark-us", traits: [("domain", "stark.com")],
            health: 7.9, mrr: 5200, renewalInDays: 120,
            people: [PersonSpec(name: "Pepper Potts", email: "pepper@stark.com", lastSeenDaysAgo: 1, nps: 9)],
            stage: "Adoption", segments: ["Enterprise"]),
        AccountSpec(
            name: "Stark Industries EMEA", externalId: "stark-emea", traits: [("hubspot.domain", "stark.com")],
            health: 6.5, mrr: 2100, renewalInDays: 250,
            people: [PersonSpec(name: "Happy Hogan", email: "happy@stark.com", lastSeenDaysAgo: 5, nps: 7)],
            stage: "Onboarding", segments: ["Enterprise"]),
        AccountSpec(
            name: "Wayne Enterprises", externalId: "wayne", traits: [], health: 7.0, mrr: 8000,
            renewalInDays: 330,
            people: [PersonSpec(name: "Lucius Fox", email: "lucius.fox@outlook.com", lastSeenDaysAgo: 9, nps: nil)],
            stage: "Adoption", segments: ["Enterprise"]),
        AccountSpec(
            name: "Pied Piper", externalId: "piedpiper", traits: [("domain", "piedpiper.com")], health: 8.1,
            mrr: 700, renewalInDays: 95,
            people: [
                PersonSpec(name: "Jane Doe", email: "jane.doe@gmail.com", lastSeenDaysAgo: 2, nps: 10),
                PersonSpec(name: "Richard Hendricks", email: "richard@piedpiper.com", lastSeenDaysAgo: 0, nps: 9),
            ],
            onboarding: (done: false, late: false), stage: "Onboarding", segments: ["SMB"]),
        AccountSpec(
            name: "Soylent", externalId: "soylent", traits: [("domain", "soylent.com")], health: 2.1, mrr: 1800,
            renewalInDays: 28, lastSeenDaysAgo: 47,
            people: [
                PersonSpec(name: "Sol Roth", email: "sol@soylent.com", lastSeenDaysAgo: 47, nps: 3),
                PersonSpec(name: "Tab Fielding", email: "tab@soylent.com", lastSeenDaysAgo: 60, nps: 4),
            ],
            notes: 4, openTasks: 1, overdueTasks: 2, doneTasks: 0,
            conversations: [("Data export broken", "open", "Unsatisfied"), ("Cancel plan?", "open", nil)],
            onboarding: (done: false, late: true), meetings: 2, stage: "At risk"),
        AccountSpec(
            name: "Vandelay Industries", externalId: "vandelay", traits: [("domain", "vandelay.com")],
            health: nil, mrr: nil, renewalInDays: nil, lastSeenDaysAgo: nil,
            people: [], notes: 0, openTasks: 0, doneTasks: 0, meetings: 0, stage: "Onboarding"),
        AccountSpec(
            name: "Tyrell Ltd", externalId: "tyrell", traits: [("website", "http://tyrell.co.uk")], health: 6.0,
            mrr: 1200, renewalInDays: 60, trialEndInDays: nil,
            people: [PersonSpec(name: "Rachael Tyrell", email: "rachael@tyrell.co.uk", lastSeenDaysAgo: 3, nps: 8)],
            stage: "Adoption", segments: ["SMB"]),
        AccountSpec(
            name: "Cyberdyne Systems", externalId: "cyberdyne", traits: [("domain", "cyberdyne.com")], health: 6.4,
            mrr: 2400, renewalInDays: 140, lastSeenDaysAgo: 2, organization: "Cyberdyne Holdings",
            people: [PersonSpec(name: "Miles Dyson", email: "miles@cyberdyne.com", lastSeenDaysAgo: 2, nps: 7)],
            notes: 0, openTasks: 0, overdueTasks: 0, doneTasks: 0, meetings: 1, stage: "Adoption", segments: ["Enterprise"],
            orgNotes: 3, orgOpenTasks: 1, orgOverdueTasks: 1),
        AccountSpec(
            name: "Oscorp", externalId: "oscorp", traits: [("domain", "oscorp.com")], health: 5.9, mrr: 1900,
            renewalInDays: 70, lastSeenDaysAgo: 5,
            people: [PersonSpec(name: "Norman Osborn", email: "norman@oscorp.com", lastSeenDaysAgo: 5, nps: 6)],
            notes: 1, stage: "Renewal", healthShape: .unrecognised),
        AccountSpec(
            name: "Massive Dynamic", externalId: "massive", traits: [("domain", "massivedynamic.com")], health: 7.2,
            mrr: 9100, renewalInDays: 190, lastSeenDaysAgo: 0,
            people: [PersonSpec(name: "Nina Sharp", email: "nina@massivedynamic.com", lastSeenDaysAgo: 0, nps: 9)],
            notes: 140, openTasks: 60, overdueTasks: 3, doneTasks: 80,
            conversations: Array(repeating: ("Email sync", "closed", nil), count: 130), meetings: 2, stage: "Expansion",
            archivedNotes: 2),
    ]

    static let organizations = ["Acme Holdings", "Stark Group", "Cyberdyne Holdings", "Oceanic Group"]

    /// The organization-first customer of the default tenant: its data lives on the organization,
    /// its two accounts' traits are empty. Its product domain `dunmifsys.com` is held by the
    /// organization's website trait only: no account trait and no user has it.
    static let organizationFirst = OrganizationSpec(
        name: "Dunder Mifflin", externalId: "dunder-mifflin",
        traits: [("domain", "dundermifflin.com"), ("vitally.custom.website", "https://www.dunmifsys.com"),
                 ("vitally.custom.plan", "Enterprise"), ("vitally.custom.lifecycleStage", "Renewal")],
        health: 3.2, mrr: 6400, renewalInDays: 38, segments: ["Enterprise"],
        accounts: [
            AccountSpec(
                name: "Dunder Mifflin Scranton", externalId: "dm-scranton", health: nil, mrr: nil, renewalInDays: nil,
                lastSeenDaysAgo: 3, organization: "Dunder Mifflin",
                people: [
                    PersonSpec(name: "Michael Scott", email: "michael.scott@dundermifflin.com", lastSeenDaysAgo: 3, nps: 4),
                    PersonSpec(name: "Pam Beesly", email: "pam@dundermifflin.com", lastSeenDaysAgo: 5, nps: 9),
                ],
                notes: 2, openTasks: 1, overdueTasks: 1, doneTasks: 1, stage: "", segments: [], orgNotes: 2, orgOpenTasks: 1),
            AccountSpec(
                name: "Dunder Mifflin Stamford", externalId: "dm-stamford", health: nil, mrr: nil, renewalInDays: nil,
                lastSeenDaysAgo: 12, organization: "Dunder Mifflin",
                people: [PersonSpec(name: "Karen Filippelli", email: "karen@dundermifflin.com", lastSeenDaysAgo: 12, nps: 6)],
                notes: 1, openTasks: 1, doneTasks: 0, stage: "", segments: []),
        ],
        goals: [("Reduce churn", 73, "On track"), ("Roll out to Stamford", 20, "At risk")],
        accountGoals: [("dm-stamford", "Stamford on SSO", 45, "On track")])

    static let admins: [(name: String, email: String, status: String)] = [
        ("Dana Reyes", "dana@brightwave.io", "active"),
        ("Sam Ortiz", "sam@brightwave.io", "active"),
        ("Priya Nair", "priya@brightwave.io", "active"),
        ("Lee Chen", "lee@brightwave.io", "active"),
        ("Morgan Blake", "morgan.blake@brightwave.io", "deactivated"),
        // Not our team: an integration's auto-created seat at a customer's domain, and
        // contractors' active seats whose domains are also customers'.
        ("Globex Support", "support@globex.com", "auto-created"),
        ("Ravi Shah", "ravi@initech.com", "active"),
        // An active seat at a domain that only an account trait names (no Vitally user there).
        ("Kai Tan", "kai@umbrella-health.com", "active"),
    ]

    static let namePrefixes = [
        "Blue", "North", "Silver", "Bright", "Quantum", "Iron", "Cedar", "Summit", "Harbor", "Nova", "Pixel",
        "Atlas", "Falcon", "Maple", "Orbit", "Prairie", "Copper", "Lunar", "Granite", "Vertex", "Willow", "Delta",
        "Echo", "Beacon", "Cobalt", "Golden", "Redwood", "Sierra", "Aurora", "Horizon",
    ]
    static let nameSuffixes = [
        "Analytics", "Logistics", "Foods", "Labs", "Systems", "Health", "Retail", "Media", "Capital", "Robotics",
        "Energy", "Software", "Travel", "Learning", "Bank",
    ]
    static let legalSuffixes = ["", "", " Inc", " LLC", " Ltd", " GmbH", " Corp"]
    static let firstNames = [
        "Alex", "Sam", "Jamie", "Taylor", "Chris", "Robin", "Avery", "Quinn", "Drew", "Parker", "Rowan", "Sky",
        "Emery", "Reese", "Hayden", "Logan", "Noor", "Mina", "Ivan", "Sofia",
    ]
    static let lastNames = [
        "Smith", "Garcia", "Müller", "Nguyen", "Okafor", "Rossi", "Kowalski", "Silva", "Haddad", "Tanaka",
        "Larsen", "O'Brien", "Dubois", "Kaur", "Levi",
    ]
    static let freeMail = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com", "proton.me"]
    static let stages = ["Onboarding", "Adoption", "Expansion", "Renewal", "At risk"]
    static let conversationSubjects = [
        "Login issue", "Billing question", "Export to CSV", "Add seats", "Webhook failures", "Slow dashboard",
    ]
}
