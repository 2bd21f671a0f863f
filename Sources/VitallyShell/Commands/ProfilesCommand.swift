import Foundation
import VitallyKit

/// `profiles`: the saved profiles with where their tokens come from and how old they are, never a token.
struct ProfilesCommand: ShellCommand {
    static let spec = CommandSpec(
        "profiles", group: .connection, rank: 3, summary: "the saved profiles: tenant, region, token source and age, last use",
        example: "profiles")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        guard let saved = shell.savedProfiles() else {
            if let problem = shell.configurationProblem, shell.environment.profileStore != nil { return .failure(problem) }
            return CommandResult(output: ShellOutput(blocks: [.text("No saved profiles: " + StateFolders.noConfigFolder)], json: .array([])))
        }
        guard !saved.profiles.isEmpty else {
            return CommandResult(output: ShellOutput(
                blocks: [.text("No saved profiles yet: 'connect SUBDOMAIN' saves one (--profile NAME names it).")], json: .array([])))
        }
        let now = shell.environment.clock()
        let active = shell.connection.mode == .live || shell.connection.mode == .record ? shell.connection.credentials?.profile : nil
        let marked = active ?? saved.current
        var rows: [[Span]] = []
        var json: [JSONValue] = []
        for profile in saved.profiles {
            let age = TokenAge(savedAt: profile.tokenCommand == nil ? profile.tokenSavedAt : nil, now: now)
            rows.append([
                Span(profile.name == marked ? "*" : " ", .good), Span(profile.name, .bold), Span(profile.subdomain ?? "—"),
                Span(profile.region.rawValue), Span(TokenWording.source(profile)),
                Span(age.map(TokenWording.age) ?? "—", age?.needsRotation == true ? .warn : .plain),
                Span(TokenWording.lastUsed(profile.lastUsed, now: now), .dim),
            ])
            json.append([
                "name": .string(profile.name), "subdomain": JSONValue(profile.subdomain), "region": .string(profile.region.rawValue),
                "baseURL": JSONValue(profile.baseURL), "tokenSource": .string(profile.tokenCommand == nil ? "saved" : "command"),
                "tokenCommand": JSONValue(profile.tokenCommand.map(Profile.shownCommand)), "tokenAgeDays": JSONValue(age.map { Double($0.days) }),
                "lastUsed": JSONValue(profile.lastUsed.map(VitallyDate.format)), "current": .bool(profile.name == marked),
            ])
        }
        var blocks: [OutputBlock] = [
            .table(Table(columns: ["", "NAME", "SUBDOMAIN", "REGION", "TOKEN", "TOKEN AGE", "LAST USED"], rows: rows, flexible: [1, 4])),
        ]
        let old = saved.profiles.filter { TokenAge(savedAt: $0.tokenCommand == nil ? $0.tokenSavedAt : nil, now: now)?.needsRotation == true }
        if !old.isEmpty {
            blocks.append(.text("Tokens \(TokenAge.rotationDays) days old or more: rotate them in Vitally (\(ErrorAdvice.tokenPlace)), "
                + "then 'connect --profile NAME' with the new one.", .warn))
        }
        blocks.append(.text("'use NAME' switches; 'disconnect NAME' removes one. Files: \(shell.environment.profileStore?.folder.path ?? "-")", .dim))
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(json)))
    }
}
