import Foundation

/// With `--accounts`, account names become pseudonyms, and the company-name rule (an attendee's
/// email domain names an account: `bruce@wayneenterprises.com` -> Wayne Enterprises) can stop
/// matching in the copy. The scrubber runs that rule for every user email on both files and
/// says which emails matched an account by name before and no longer do.
enum ScrubMatchCheck {
    /// The score the matcher's company-name rule needs (`AttendeeMatcher.nameThreshold`).
    static let threshold = 0.9

    /// `email (Account)` for each user whose email matched an account by company name in
    /// `original` and matches none in `scrubbed`; users are paired by id, which the scrub keeps.
    static func lostCompanyMatches(original: HARRecording, scrubbed: HARRecording) -> [String] {
        let before = RecordingSnapshot(original)
        let after = RecordingSnapshot(scrubbed)
        func matched(_ email: String, in snapshot: RecordingSnapshot) -> String? {
            guard Domain.isEmail(email), let domain = Domain.ofEmail(email), !Domain.isFreeMail(Domain.registrable(domain)) else { return nil }
            let label = Domain.companyLabel(domain)
            return snapshot.accountOrder.lazy.compactMap { snapshot.accounts[$0]?.name }
                .first { CompanyName.score(accountName: $0, title: nil, domainLabel: label) >= threshold }
        }
        var lost: [String] = []
        for id in before.userOrder {
            guard let user = before.users[id], let account = matched(user.label, in: before) else { continue }
            guard let copy = after.users[id], matched(copy.label, in: after) == nil else { continue }
            lost.append("\(user.label) (\(account))")
        }
        return lost
    }
}
