import Foundation
import VitallyKit

/// The text of `profiles`, from a `ProfileList`: a table of the profiles (`*` marks the current
/// one), a reminder for old tokens, and where the files are.
struct ProfilesRenderer: ResultRenderer {
    /// For "last used" (`3 days ago`).
    let now: Date

    func blocks(_ list: ProfileList) -> [OutputBlock] {
        guard let folder = list.folder else { return [.text("No saved profiles: " + StateFolders.noConfigFolder)] }
        let broken = list.unreadable.map { OutputBlock.text("Profile '\($0.name)' cannot be read: \($0.unreadable)", .warn) }
        guard !list.profiles.isEmpty else {
            return broken + [.text("No saved profiles yet: 'connect SUBDOMAIN' saves one (--profile NAME names it).")]
        }
        let rows = list.profiles.map { profile -> [Span] in
            [
                Span(profile.current ? "*" : " ", .good), Span(profile.name, .bold), Span(profile.subdomain ?? "—"),
                Span(profile.region.rawValue), Span(TokenWording.tableSource(profile.token)),
                Span(profile.token.age.map(TokenWording.age) ?? "—", profile.token.needsRotation ? .warn : .plain),
                Span(TokenWording.lastUsed(profile.lastUsed, now: now), .dim),
            ]
        }
        var blocks: [OutputBlock] = [
            .table(Table(columns: ["", "NAME", "SUBDOMAIN", "REGION", "TOKEN", "TOKEN AGE", "LAST USED"], rows: rows, flexible: [1, 4])),
        ]
        // A base URL replaces the region's host: where the token goes is shown, not only the region.
        for profile in list.profiles {
            guard let baseURL = profile.baseURL else { continue }
            blocks.append(.text("'\(profile.name)' sends its requests to \(baseURL) (base_url), not to the \(profile.region.rawValue) host."))
        }
        blocks += broken
        if !list.needingRotation.isEmpty {
            blocks.append(.text("Tokens \(TokenAge.rotationDays) days old or more: rotate them in Vitally (\(ErrorAdvice.tokenPlace)), "
                + "then 'connect --profile NAME' with the new one.", .warn))
        }
        blocks.append(.text("'use NAME' switches; 'disconnect NAME' removes one. Files: \(folder)", .dim))
        return blocks
    }
}
