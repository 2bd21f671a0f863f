import Foundation

/// Gathers what the audit reads through the matcher's own directories (so a session that already
/// matched reuses its scans), then computes the report.
package struct Auditor: Sendable {
    /// Users read at most with `users: true` (100 a page): a larger tenant is audited on the first ones, and says so.
    package static let userLimit = 20_000

    /// How far the gather is, for the status line.
    package enum Progress: Sendable, Equatable {
        case accounts(Int)
        case users(Int)
    }

    let client: VitallyClient
    let directory: AccountDirectory
    let team: TeamDirectory

    package init(client: VitallyClient, directory: AccountDirectory, team: TeamDirectory) {
        self.client = client
        self.directory = directory
        self.team = team
    }

    package init(matcher: AttendeeMatcher) {
        self.init(client: matcher.client, directory: matcher.directory, team: matcher.team)
    }

    /// Reads the scans (and users when asked, at most `userLimit`), then computes the report.
    package func run(users readUsers: Bool, userLimit: Int = Auditor.userLimit,
                    progress: (@Sendable (Progress) -> Void)? = nil) async throws -> AuditReport {
        await directory.setProgressHandler { count in progress?(.accounts(count)) }
        let index: AccountIndex
        do {
            index = try await directory.load()
            await directory.setProgressHandler(nil)
        } catch {
            await directory.setProgressHandler(nil)
            throw error
        }
        let organizations = try await directory.organizations.load()
        let teamDomains = try await team.domains()
        let teamListed = try await team.isListed()
        var labels: [String: String] = [:]
        for model in ["accounts", "organizations"] {
            // Labels only name the fields; without them the paths are shown.
            for field in (try? await client.customFields(model: model)) ?? [] where labels[field.path] == nil && !field.label.isEmpty {
                labels[field.path] = field.label
            }
        }
        var users: [AuditUser]?
        var capped = false
        if readUsers {
            var read: [AuditUser] = []
            var iterator = client.users().makeAsyncIterator()
            while let user = try await iterator.next() {
                guard read.count < userLimit else {
                    capped = true
                    break
                }
                read.append(AuditUser(user))
                if read.count % 100 == 0 { progress?(.users(read.count)) }
            }
            users = read
        }
        let input = AuditInput(
            accounts: index.accounts, organizations: organizations.entries, organizationsCapped: organizations.capped,
            organizationTraits: DomainTraits(keys: organizations.keys), fieldLabels: labels, teamDomains: teamDomains,
            teamListed: teamListed, users: users, usersCapped: capped)
        return Audit.report(input)
    }
}
