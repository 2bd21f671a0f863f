import Foundation
import VitallyKit

/// `health ACCOUNT`: health score with its breakdown, renewal, MRR, NPS and last seen.
struct HealthCommand: ShellCommand {
    static let history = Flag("--history", help: "list the stored observations of the account")
    static let spec = CommandSpec(
        "health", group: .explore, rank: 2, summary: "health score, breakdown, renewal, MRR, NPS, last seen",
        synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: [
            history,
        ],
        example: "health acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        var breakdown: [HealthScoreEntry] = []
        var shapeNotice: OutputBlock?
        do {
            breakdown = try await shell.connection.client.healthScores(accountId: account.id)
        } catch let error as VitallyError where error.code == .unrecognisedShape || error.code == .forbidden {
            shapeNotice = shell.notice(error)
        }
        let customer = await shell.customer(of: account)
        let organization = customer.organizationName ?? account.organizationId
        let current = Observation(account: account, at: shell.now, breakdown: shapeNotice == nil ? breakdown : nil)
        shell.observe(current)
        let history = shell.accountHistory(account, current: current)
        if command.options[Self.history] { return HealthHistory.list(account, history) }
        let trends = HealthHistory.Trends(history.observations ?? [])
        let (level, style) = Format.healthLevel(customer.healthScore.value)
        let health = customer.describe(customer.healthScore) { "\(Format.score($0))/10 \(Format.healthLevel($0).0)" }
        var blocks: [OutputBlock] = [
            .line([
                Span(account.name, .bold), Span(" (\(account.externalId ?? account.id))  ", .dim),
                Span("health " + (health ?? "\(Format.score(nil))/10 \(level)"), style),
                account.isChurned ? Span("  CHURNED", .bad) : Span(""),
            ])
        ]
        if let unread = customer.unreadOrganizationLine { blocks.append(.text("  " + unread, .warn)) }
        if let shapeNotice {
            blocks.append(shapeNotice)
        } else if breakdown.isEmpty, customer.healthScore.isFromOrganization {
            blocks.append(.text("  no health-score breakdown on the account: its score is \(organization ?? "its organization")'s", .dim))
        } else if breakdown.isEmpty {
            blocks.append(.text("  no health-score breakdown (Vitally returned 0 rows)", .dim))
        } else {
            blocks.append(
                .table(
                    Table(
                        columns: ["  SCORE", "VALUE", "WEIGHT"] + (trends.health == nil ? [] : ["CHANGE"]),
                        rows: breakdown.map { entry in
                            [Span("  " + entry.name), Span(Format.score(entry.score), Format.healthLevel(entry.score).1),
                             Span(entry.weight.map(Wording.percent) ?? "")]
                                + (trends.health == nil ? [] : [trends.changeSpan(entry.name)])
                        })))
        }
        let looks = AccountStyle(now: shell.now)
        let nps = looks.npsSummary(customer)
        var fields = [
            Field("Renewal", looks.renewal(customer), looks.renewal(account)),
            Field("MRR", customer.describe(customer.mrr, Format.money) ?? "—"),
            Field("NPS", nps),
            Field("Last seen", Format.day(account.lastSeenTimestamp, now: shell.now), looks.stale(account.lastSeenTimestamp)),
        ]
        if let trial = account.trialEndDate { fields.append(Field("Trial ends", Format.day(trial, now: shell.now))) }
        if let organization { fields.append(Field("Organization", organization)) }
        let (cohort, cohortGap) = await shell.cohort(of: account)
        fields += HealthHistory.fields(trends, why: history.why, cohort: cohort, cohortGap: cohortGap, account: account)
        blocks.append(.fields(fields))
        let json: JSONValue = [
            "account": ["id": .string(account.id), "externalId": JSONValue(account.externalId), "name": .string(account.name)],
            "healthScore": JSONValue(customer.healthScore.value), "level": .string(level),
            "healthScoreSource": Customer.source(customer.healthScore),
            "organizationHealthScore": JSONValue(customer.healthScore.organization),
            "breakdown": .array(breakdown.map { ["name": .string($0.name), "score": JSONValue($0.score), "weight": JSONValue($0.weight)] }),
            "nextRenewalDate": JSONValue(customer.nextRenewalDate.value.map(VitallyDate.format)), "mrr": JSONValue(customer.mrr.value),
            "mrrSource": Customer.source(customer.mrr), "nextRenewalDateSource": Customer.source(customer.nextRenewalDate),
            "npsScore": JSONValue(customer.nps.value?.score), "npsPromoterCount": JSONValue(customer.nps.value?.promoters),
            "npsPassiveCount": JSONValue(customer.nps.value?.passives), "npsDetractorCount": JSONValue(customer.nps.value?.detractors),
            "npsSource": Customer.source(customer.nps),
            "lastSeenTimestamp": JSONValue(account.lastSeenTimestamp.map(VitallyDate.format)),
            "churned": .bool(account.isChurned), "organization": JSONValue(organization),
            "organizationUnread": JSONValue(customer.organizationUnread),
            "trend": trends.health.map(HistoryWording.json) ?? .null,
            "history": history.observations == nil ? .string("unavailable: " + history.why) : .number(Double(history.observations?.count ?? 0)),
            "cohort": cohort.map(HistoryWording.json) ?? .null,
        ]
        return CommandResult(output: ShellOutput(blocks: blocks, json: json))
    }
}
