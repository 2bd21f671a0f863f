/// The words the simulated tenant's people write: NPS comments, note subjects and bodies, task
/// names. Scenario accounts deal from decks (no text twice across them); the rest pick freely.
enum SimulatorText {
    static let detractorComments = [
        "Too many bugs lately; support is slow.",
        "The export broke our month-end close twice this quarter.",
        "Pricing went up and we use half the features.",
        "Nobody on my team logs in unless I chase them.",
        "Support tickets sit for days before anyone answers.",
        "The new dashboard is slower than the old one.",
        "We lost a week to the SSO migration.",
        "Hard to justify the renewal with this little adoption.",
        "Reports time out on anything larger than a month.",
        "The mobile app logs me out every morning.",
        "Onboarding promised integrations that still are not there.",
        "Our champion left and nobody explained the tool to the rest of us.",
        "Too many clicks to do the simple things.",
        "Data sync with Salesforce drops records.",
        "Billing sent us three wrong invoices.",
        "We were promised a roadmap call and never got one.",
    ]
    static let passiveComments = [
        "Solid, but reporting could be better.",
        "Does the job; the API docs need work.",
        "Good product, average support response times.",
        "We like it, but the price is on the high side.",
        "Fine for us today; not sure it scales to the whole company.",
        "Useful alerts, though too many of them.",
        "The team likes it; leadership wants better exports.",
        "Works, but setup took longer than planned.",
        "Decent, would like more control over permissions.",
        "Helpful CSM, product a bit rough around the edges.",
        "Gets better every release, still missing audit logs.",
        "Happy enough; the search could be smarter.",
        "It is fine. Dashboards load slowly on Mondays.",
        "Good value for the core features, weak on integrations.",
        "Would recommend with caveats about the learning curve.",
        "Reliable, but the UI feels dated.",
    ]
    static let promoterComments = [
        "Works well for us.",
        "Our CSM is fantastic; the rollout went smoothly.",
        "Saved my team hours every week.",
        "The best tool we bought this year.",
        "Support answered in minutes, every time.",
        "Easy to roll out to new teams.",
        "The health dashboards changed how we run our QBRs.",
        "We could not run renewals without it now.",
        "Great API, great docs.",
        "Everyone from ops to execs uses it daily.",
        "Setup took an afternoon, value showed up in a week.",
        "Reporting finally answers our board's questions.",
        "Rock solid for two years running.",
        "Love the Slack alerts.",
        "Made onboarding our own customers twice as fast.",
        "The product team actually listens to feedback.",
    ]

    /// Note subjects with their bodies; `{account}` is replaced with the account's name.
    static let notes: [(subject: String, body: String)] = [
        ("QBR recap", "Reviewed adoption and goals for next quarter; {account} wants the EMEA rollout before renewal."),
        ("Kickoff call", "Met the project team at {account}; success criteria and the onboarding plan agreed."),
        ("Renewal prep", "Pricing proposal drafted; procurement at {account} needs it two weeks before signature."),
        ("Champion left", "Our champion at {account} moved on; need a new executive sponsor."),
        ("Feature request: SSO", "{account} asks for SAML SSO with Okta; logged with product."),
        ("Pricing discussion", "{account} pushes back on the seat price; open to an annual prepay discount."),
        ("Exec sponsor check-in", "VP at {account} is happy with reporting, wants faster support answers."),
        ("Usage review", "Weekly active users at {account} dipped after the holidays; sent enablement links."),
        ("Escalation follow-up", "Data export bug hit {account}'s month-end close; fix promised for next release."),
        ("Training session", "Trained {account}'s new admins on dashboards and alerts."),
        ("Budget freeze", "{account} froze new spend until next fiscal year; expansion on hold, renewal safe."),
        ("Security review", "{account}'s security team sent a 90-question questionnaire; SOC 2 report shared."),
        ("Integration check", "Salesforce sync at {account} drops closed-lost deals; ticket opened with support."),
        ("New admin intro", "Met {account}'s new platform owner; walked through the account setup."),
        ("Expansion signal", "{account} wants two more teams on the platform next quarter."),
        ("Churn risk", "{account} is evaluating a cheaper competitor; asked for a value review."),
        ("Roadmap preview", "Showed {account} the reporting roadmap; they want early access to the beta."),
        ("Support backlog", "{account} has five tickets older than a week; escalated to the support lead."),
        ("Case study ask", "{account} agreed to a case study once the rollout finishes."),
        ("Contract amendment", "{account} asked to move seats between subsidiaries mid-term; legal reviewing."),
        ("Adoption workshop", "Ran a workshop with {account}'s power users; three new dashboards built."),
        ("Data cleanup", "Helped {account} merge duplicate users left over from the CSV import."),
        ("Invoice dispute", "{account} disputes last quarter's overage charge; finance to confirm usage."),
        ("Health check", "Went through {account}'s health scores with their ops lead; usage is the weak spot."),
        ("Office visit", "Visited {account}'s office; met the wider team and the new CFO."),
        ("API limits", "{account} hit the API rate limit during their nightly sync; suggested batching."),
    ]

    static let taskNames = [
        "Send renewal quote", "Schedule QBR", "Follow up on SSO bug", "Share usage report", "Intro to new admin",
        "Confirm training date", "Review expansion proposal", "Collect NPS feedback", "Send security questionnaire",
        "Book executive sponsor call", "Draft success plan", "Check Salesforce sync", "Chase overdue invoice",
        "Prepare renewal deck", "Set up admin training", "Share API batching guide", "Review support backlog",
        "Send case study draft", "Confirm new seat count", "Update champion contact", "Plan onboarding for new team",
        "Send roadmap preview", "Review health score drop", "Confirm contract amendment", "Share release notes",
        "Follow up on data cleanup", "Book office visit", "Send value review", "Check dashboard adoption",
        "Confirm renewal signatory",
    ]
}

/// Texts dealt without repeats until a deck runs out (then it is shuffled anew).
struct TextDeck {
    let all: [String]
    var left: [String] = []

    init(_ all: [String]) { self.all = all }

    mutating func deal(_ random: inout SeededRandom) -> String {
        if left.isEmpty { left = all }
        return left.remove(at: random.int(0...(left.count - 1)))
    }
}

/// The decks the scenario accounts deal from, and the random numbers every text draws on
/// (apart from the generator's, so text never moves an id).
struct SimulatorTextSource {
    var random: SeededRandom
    var detractors = TextDeck(SimulatorText.detractorComments)
    var passives = TextDeck(SimulatorText.passiveComments)
    var promoters = TextDeck(SimulatorText.promoterComments)
    var notes = TextDeck(SimulatorText.notes.map(\.subject))
    var tasks = TextDeck(SimulatorText.taskNames)

    init(seed: UInt64) { random = SeededRandom(seed: seed ^ 0x7E47_7E47) }

    /// A comment for an NPS `score`: dealt when `dealt`, else picked.
    mutating func comment(score: Int, dealt: Bool) -> String {
        switch score {
        case 0...6: return dealt ? detractors.deal(&random) : random.pick(detractors.all)
        case 7...8: return dealt ? passives.deal(&random) : random.pick(passives.all)
        default: return dealt ? promoters.deal(&random) : random.pick(promoters.all)
        }
    }

    /// A note's subject and HTML body about `owner`.
    mutating func note(owner: String, dealt: Bool) -> (subject: String, body: String) {
        let subject = dealt ? notes.deal(&random) : random.pick(notes.all)
        let body = SimulatorText.notes.first { $0.subject == subject }?.body ?? "Follow-up with {account}."
        return (subject, "<p>" + body.replacingOccurrences(of: "{account}", with: owner) + "</p>")
    }

    mutating func taskName(dealt: Bool) -> String {
        dealt ? tasks.deal(&random) : random.pick(tasks.all)
    }
}
