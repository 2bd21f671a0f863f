import Foundation
import VitallyKit
import VitallySimulator

/// `coverage` of 500 meetings against the simulator: requests at most distinct attendees plus
/// distinct domains plus the scan, and the time it takes. The tenant is organization-first (every
/// domain trait on an organization) and the calendar invites people at 40 domains only an
/// organization holds, so rule 4 (organization domain trait) is inside the bound too.
enum CoverageBench {
    static func run() async throws {
        var options = SimulatorOptions(token: "sk_test_bench", anchor: anchor)
        options.accountCount = 2_000
        options.shape = .organizations
        let simulator = try await SimulatorServer.start(options)
        let client = VitallyClient(transport: RetryingTransport(
            base: LiveTransport(endpoint: try .custom(simulator.baseURL), token: "sk_test_bench"), clock: VirtualRetryClock()))
        let directory = AccountDirectory(client: client, tenant: "bench")
        let engine = CoverageEngine(client: client, directory: directory, team: TeamDirectory(client: client))
        var report: CoverageReport?
        // The scan first, timed apart: a session has it cached after its first lookup.
        let scanning = try await seconds { _ = try await directory.load() }
        // People at 40 domains only an organization holds (no Vitally user there, so rule 4 is
        // what matches them), found before the count starts: the log is cleared after.
        var organizationDomains: [String] = []
        for entry in try await directory.organizations.load().entries where organizationDomains.count < 40 {
            guard let domain = entry.domains.first.map({ Domain.registrable($0.domain) }), !Domain.isFreeMail(domain),
                domain != "brightwave.io", !organizationDomains.contains(domain),
                try await client.searchUsers(.emailSubdomain(domain)).isEmpty else { continue }
            organizationDomains.append(domain)
        }
        await simulator.state.clearLog()
        let meetings = Self.meetings(500, organizationDomains: organizationDomains)
        let elapsed = try await seconds { report = try await engine.run(meetings) }
        let log = await simulator.state.log
        await simulator.stop()
        let attendees = Set(meetings.flatMap(\.attendees))
        let domains = Set(attendees.compactMap { $0.split(separator: "@").last })
        let scan = log.filter { ["/resources/accounts", "/resources/organizations", "/resources/admins"].contains($0.path) || $0.path.hasPrefix("/resources/customFields") }.count
        let bound = attendees.count + domains.count + scan
        figure("coverage of 500 meetings: requests", "\(log.count) (\(attendees.count) attendees + \(domains.count) domains + \(scan) scan = \(bound))",
               goal: "<= \(bound)", met: log.count <= bound)
        let withData = report?.count(.withData) ?? 0
        let byOrganization = report?.attendeesByRule[.organizationDomainTrait] ?? 0
        figure("coverage of 500 meetings: time", String(format: "%.2f s after a %.2f s scan (%d with data, %d attendees by rule 4)",
                                                        elapsed, scanning, withData, byOrganization),
               goal: "(reported)", met: true)
    }

    /// A team's calendar: customers of the demo tenant, people at organizations' domains, prospects
    /// at domains no account holds, free-mail guests and colleagues, 2-4 people a meeting, two months
    /// of working days.
    static func meetings(_ count: Int, organizationDomains: [String] = []) -> [CalendarMeeting] {
        let customers = ["pat.lee@acme.com", "jordan.kim@acme.com", "hank@globex.com", "bill@initech.com", "gavin@hooli.com",
                         "pepper@stark.com", "richard@piedpiper.com", "sol@soylent.com", "miles@cyberdyne.com", "norman@oscorp.com",
                         "nina@massivedynamic.com", "rachael@tyrell.co.uk", "michael.scott@dundermifflin.com", "jane.doe@gmail.com"]
            + organizationDomains.map { "buyer@" + $0 }
        let team = ["dana@brightwave.io", "sam@brightwave.io", "priya@brightwave.io", "lee@brightwave.io"]
        // Spread by index arithmetic (primes), so every run draws the same calendar.
        return (0..<count).map { index in
            var people = [team[index % team.count]]
            for slot in 0..<(1 + index % 3) {
                let draw = (index * 7 + slot * 13) % 10
                switch draw {
                case 0...5: people.append(customers[(index * 5 + slot * 3) % customers.count])
                case 6, 7: people.append("buyer\((index + slot) % 40)@prospect\((index * 3 + slot) % 30).com")
                case 8: people.append("guest\(index % 20)@gmail.com")
                default: people.append(team[(index + slot + 1) % team.count])
                }
            }
            return CalendarMeeting(title: "Meeting \(index % 60)", start: anchor.addingTimeInterval(Double(index) * 3 * 3600),
                                   attendees: Array(Set(people)).sorted())
        }
    }
}
