import Foundation

/// An account a brief could not read: its record's request failed (a timeout, a 5xx after
/// retries, a replay miss). The other accounts are briefed; this one is named with its request.
package struct UnreadAccount: Sendable, Equatable {
    package var id: String
    package var error: VitallyError
}

extension BriefGatherer {
    /// Like `gather(accountIds:)`, but one account whose record cannot be read does not fail the
    /// others: it comes back in `unread`. A cancel or a refused token still throws.
    package func gatherEach(accountIds: [String]) async throws -> (bundles: [AccountBundle], unread: [UnreadAccount]) {
        let objects = await goalObjects()
        let outcomes = try await Array(accountIds.enumerated()).map { ($0.offset, $0.element) }.concurrentMap { position, id in
            do {
                return Result<AccountBundle, UnreadAccount>.success(try await gather(accountId: id, position: position, objects: objects))
            } catch {
                return .failure(UnreadAccount(id: id, error: try AttendeeMatcher.lookupFailure(error)))
            }
        }
        var bundles: [AccountBundle] = []
        var unread: [UnreadAccount] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let bundle): bundles.append(bundle)
            case .failure(let failure): unread.append(failure)
            }
        }
        return (bundles, unread)
    }
}

extension UnreadAccount: Error {}
