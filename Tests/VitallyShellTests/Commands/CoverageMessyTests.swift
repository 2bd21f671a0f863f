import Foundation
import Testing
import VitallyKit
@testable import VitallyShell
import VitallySimulator

/// `coverage` against the simulator's messy tenant (loopback): each case `audit` finds, seen from a
/// calendar. The fortnight (`Tests/Fixtures/calendar/messy-fortnight.ics`) invites one attendee per case.
@Suite struct CoverageMessyTests {
    static let line = "coverage --ics Tests/Fixtures/calendar/messy-fortnight.ics --from 2026-12-07 --to 2026-12-18"

    @Test func eachMessyCaseHasItsLineItsCountAndItsFix() async throws {
        try await withSimulatedShell({ $0.scenario = .messy }) { shell, _, _ in
            let (out, err, status) = await shell.text(Self.line, width: 400)
            #expect(status == .ok, "\(err)")
            #expect(out.contains("Coverage: 23 meetings, 2026-12-07 to 2026-12-18 (Tests/Fixtures/calendar/messy-fortnight.ics)"), "\(out)")
            #expect(out.contains("  11 with Vitally data · 2 without · 10 internal only"))
            // Domain-less accounts: a free-mail-only account reached by contact association alone...
            #expect(out.contains("Mon 2026-12-07 15:00Z  Nimbus Freight shipping review  with data\n"
                + "    ola.berg@gmail.com  ->  Nimbus Freight  by 1) contact association\n"
                + "    ike.soto@yahoo.com  ->  Nimbus Freight  by 1) contact association\n    + 1 internal attendee"))
            // ... and one with no domain and no users, which only a company name finds.
            #expect(out.contains("    editor@quillandink.com  ->  Quill & Ink  by 5) company name"))
            #expect(out.contains("    publisher@quillandink.com  ->  Quill & Ink  by 5) company name"))
            #expect(out.contains("    ops@harborcollective.org  ->  Harbor Collective East  by 5) company name"))
            // A domain two active accounts share: the colleague rule finds both (ambiguous).
            #expect(out.contains("    vera@orbitron.io  ->  Orbitron  by 1) contact association"))
            #expect(out.contains("    ops@orbitron.io  ->  Orbitron, Orbitron Europe  by 2) email domain"))
            // A churned and an active account on one domain: the colleagues are the active one's.
            #expect(out.contains("    billing@lakesidedental.com  ->  Lakeside Dental Group  by 2) email domain"))
            #expect(!out.contains("->  Lakeside Dental  "))
            // Free-mail guests no account knows.
            #expect(out.contains("Thu 2026-12-10 18:00Z  Coffee chat  without data\n"
                + "    guest.one@gmail.com  no account (free mail)\n    guest.two@gmail.com  no account (free mail)"))
            // Internal: admins are our team; a colleague who is not an admin is Brightwave Partners'
            // attendee, because that customer's `domain` holds our own domain (audit's finding).
            #expect(out.contains("Mon 2026-12-07 14:00Z  CS team standup  internal only\n    + 3 internal attendees"))
            #expect(out.contains("Tue 2026-12-15 17:00Z  Onboarding buddy  with data\n"
                + "    new.hire@brightwave.io  ->  Brightwave Partners  by 3) account domain trait"))
            #expect(out.contains("    theo@brightwave-partners.com  ->  Brightwave Partners  by 1) contact association"))
            // A domain only a custom field matching does not read holds: the name rule finds the account.
            #expect(out.contains("    cto@kestrel-robotics.com  ->  Kestrel Robotics  by 5) company name"))
            #expect(out.contains("Fri 2026-12-18 16:00Z  Discovery call  without data\n    buyer@tidewater-labs.com  no account"))

            // The fixes, the most meetings first: the field matching does not read, the company-name
            // rule's own account, free mail, and a prospect.
            let fixes = out.components(separatedBy: "What would give more meetings data (the most meetings first):\n").last ?? ""
            let lines = fixes.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }.map(String.init)
            #expect(lines == [
                "  `kestrel-robotics.com` is in Kestrel Robotics' `vitally.custom.companySite` field (account messy-kestrel), which matching "
                    + "does not read: 2 meetings (2 matched only by the company name in the domain); rename the field to say domain, or copy it into the domain trait",
                "  Add `quillandink.com` to Quill & Ink's domain trait (domain, account messy-quill): 2 meetings (2 matched only by the company name in the domain)",
                "  Free mail `gmail.com` (2 guests): 1 meeting (1 without data); make each guest a user of their account",
                "  No account for `tidewater-labs.com`: 1 meeting (1 without data)",
                "  Add `harborcollective.org` to Harbor Collective East's domain trait (domain, account messy-harbor-east): 1 meeting "
                    + "(1 matched only by the company name in the domain)",
            ], "\(lines)")
            #expect(out.contains("External attendees            15 (12 matched, 3 not)"), "\(out)")
            #expect(out.contains("Internal attendees            4\n"))
            #expect(out.contains("  by 1) contact association   4\n  by 2) email domain          2\n  by 3) account domain trait  1\n"
                + "  by 5) company name          5\n"))
            #expect(out.contains("External attendees by rule"))
        }
    }

    @Test func jsonCarriesTheSameCountsAndEachFixKind() async throws {
        try await withSimulatedShell({ $0.scenario = .messy }) { shell, _, _ in
            let (out, err, status) = await shell.text(Self.line + " --json")
            #expect(status == .ok, "\(err)")
            let json = try JSONParser.parse(out)
            #expect(json["summary"]?["meetings"]?.int == 23)
            #expect(json["summary"]?["withData"]?.int == 11 && json["summary"]?["withoutData"]?.int == 2)
            #expect(json["summary"]?["internalOnly"]?.int == 10 && json["summary"]?["internalAttendees"]?.int == 4)
            #expect(json["summary"]?["attendeesByRule"]?["company name"]?.int == 5)
            let domains = try #require(json["unmatchedDomains"]?.array)
            #expect(domains.compactMap { $0["fix"]?["kind"]?.string } == ["readField", "addToDomainTrait", "linkUsers", "noAccount", "addToDomainTrait"])
            #expect(domains[0]["fix"]?["field"]?.string == "vitally.custom.companySite" && domains[0]["fix"]?["account"]?.string == "Kestrel Robotics")
            let orbitron = try #require(json["meetings"]?.array?.first { $0["title"]?.string == "Orbitron roadmap" })
            let ambiguous = try #require(orbitron["attendees"]?.array?.first { $0["email"]?.string == "ops@orbitron.io" })
            #expect(ambiguous["accounts"]?.array?.compactMap { $0["name"]?.string } == ["Orbitron", "Orbitron Europe"])
        }
    }

    /// An organization-first tenant (every domain on an organization) with a calendar of people at
    /// those domains: rule 4 reads each organization's accounts from the cached scan, so the
    /// requests stay within distinct attendees plus distinct domains plus the scan.
    @Test func organizationDomainsCostNoRequestPerOrganization() async throws {
        try await withSimulatedShell({ $0.shape = .organizations; $0.scenario = .messy }) { shell, simulator, scratch in
            let client = VitallyClient(transport: LiveTransport(endpoint: try .custom(simulator.baseURL), token: shellTestToken))
            let traits = DomainTraits(customFields: try await client.customFields(model: "organizations"))
            // 15 domains only an organization holds (no Vitally user there), and 15 where colleagues are.
            var onlyOrganization: [String] = [], withColleagues: [String] = []
            for org in try await client.organizations().collect() {
                guard onlyOrganization.count < 15 || withColleagues.count < 15 else { break }
                // Our own domain aside (Brightwave Partners holds it): its people are internal here.
                for hit in traits.domains(in: org.traits) where !Domain.isFreeMail(hit.domain) && hit.domain != "brightwave.io" {
                    let domain = Domain.registrable(hit.domain)
                    guard !onlyOrganization.contains(domain), !withColleagues.contains(domain) else { continue }
                    if try await client.searchUsers(.emailSubdomain(domain)).isEmpty {
                        if onlyOrganization.count < 15 { onlyOrganization.append(domain) }
                    } else if withColleagues.count < 15 {
                        withColleagues.append(domain)
                    }
                }
            }
            let people = (onlyOrganization + withColleagues).map { "visitor@\($0)" }
            #expect(people.count == 30)
            let list = scratch.appendingPathComponent("people.txt")
            try Data(people.joined(separator: "\n").utf8).write(to: list)
            await simulator.state.clearLog()
            let (out, err, status) = await shell.text("coverage --attendees-file \(list.path) --from 2026-12-07 --json")
            #expect(status == .ok, "\(err)")
            let json = try JSONParser.parse(out)
            let byOrganization = json["summary"]?["attendeesByRule"]?["organization domain trait"]?.int ?? 0
            #expect(byOrganization == 15, "\(json["summary"] ?? .null)")
            let log = await simulator.state.log
            let organizationReads = log.filter { $0.path.hasPrefix("/resources/organizations/") && $0.path.hasSuffix("/accounts") }
            #expect(organizationReads.isEmpty, "\(organizationReads.map(\.path))")
            let scanPaths: Set<String> = ["/resources/accounts", "/resources/organizations", "/resources/admins"]
            let scan = log.filter { scanPaths.contains($0.path) || $0.path.hasPrefix("/resources/customFields") }.count
            #expect(log.count <= people.count + Set(people.compactMap { $0.split(separator: "@").last }).count + scan,
                    "\(log.map { $0.path + "?" + $0.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&") })")
        }
    }
}
