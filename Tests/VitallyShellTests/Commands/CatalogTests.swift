import Foundation
import Testing
@testable import VitallyShell

/// The command catalog's invariants (issue 22): one array lists every command; every flag is one
/// descriptor that the usage lines, `help`, history redaction and the README are generated from.
@Suite struct CatalogTests {
    static let shellSources = packageRoot.appendingPathComponent("Sources/VitallyShell")

    static func swiftFiles(under root: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    /// The types a source text declares conforming to `ShellCommand` (or `ActivityCommand`, which
    /// refines it), however spaced: `struct X: ShellCommand`, `struct X :ShellCommand`,
    /// `enum X: Sendable, ShellCommand`, `extension X: ShellCommand`. It reads declarations, so a
    /// conformance written through a typealias or a macro would escape it (there is none).
    static func declaredCommands(in text: String) -> Set<String> {
        let pattern = #/(?:struct|enum|final\s+class|class|extension)\s+([A-Za-z_][A-Za-z0-9_.]*)\s*(?:<[^>{]*>)?\s*:\s*([^{]*)\{/#
        var names = Set<String>()
        for match in text.matches(of: pattern) {
            let conformances = match.output.2.split(separator: ",").map { $0.split(whereSeparator: { $0.isWhitespace || $0 == "<" }).first.map(String.init) ?? "" }
            if conformances.contains(where: { $0 == "ShellCommand" || $0 == "ActivityCommand" }) { names.insert(String(match.output.1)) }
        }
        return names
    }

    @Test func theSourceScanSeesEverySpellingThePluginMissed() {
        // Drift: the build plugin that scraped `struct X: ShellCommand` left these out.
        #expect(Self.declaredCommands(in: "struct X :ShellCommand {") == ["X"])
        #expect(Self.declaredCommands(in: "extension Y: ShellCommand {}") == ["Y"])
        #expect(Self.declaredCommands(in: "struct Z<T: Sendable>: Sendable, ShellCommand {") == ["Z"])
        #expect(Self.declaredCommands(in: "enum W:\n    ActivityCommand\n{") == ["W"])
        #expect(Self.declaredCommands(in: "struct V: ShellSubcommand {").isEmpty)
    }

    @Test func everyDeclaredCommandIsInTheCatalog() throws {
        var declared = Set<String>()
        for file in Self.swiftFiles(under: Self.shellSources) {
            declared.formUnion(Self.declaredCommands(in: try String(contentsOf: file, encoding: .utf8)))
        }
        let listed = Set(CommandCatalog.declared.map { String(describing: $0) })
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(listed).isEmpty, "add to CommandCatalog.declared (Commands/ShellCommand.swift): \(declared.subtracting(listed).sorted())")
        #expect(listed.count == CommandCatalog.declared.count, "a command is listed twice")
        #expect(Set(CommandCatalog.names).count == CommandCatalog.names.count, "two commands share a name")
    }

    @Test func noFlagIsReadByAStringKey() throws {
        let pattern = #/\.(has|flag|number)\("-/#
        for file in Self.swiftFiles(under: packageRoot.appendingPathComponent("Sources"))
            + Self.swiftFiles(under: packageRoot.appendingPathComponent("Fuzz")) {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.firstMatch(of: pattern) == nil, "\(file.lastPathComponent) reads a flag by its name; declare it and read options[Self.flag]")
        }
    }

    @Test func noTwoFlagsShareANameWithinACommand() {
        for spec in CommandCatalog.all {
            for sub in [nil] + spec.subcommandNames.map(Optional.some) {
                let names = spec.flags(of: sub).map(\.name)
                #expect(Set(names).count == names.count, "\(spec.usage(of: sub)): \(names)")
            }
            let aliases = Dictionary(grouping: spec.allFlags + spec.subcommands.flatMap(\.flags), by: \.name)
            for (name, same) in aliases { #expect(Set(same).count == 1, "\(spec.name): two different \(name)") }
        }
        #expect(Set(LaunchOptions.flags.map(\.name)).count == LaunchOptions.flags.count)
    }

    @Test func everyFlagIsInItsUsageAndItsHelp() {
        for spec in CommandCatalog.all {
            let help = TextRenderer(width: 400).render(HelpCommand.helpText(for: spec), json: false)
            for sub in [nil] + spec.subcommandNames.map(Optional.some) where sub != nil || spec.bare || spec.defaultSubcommand != nil {
                for flag in spec.flags(of: sub) where flag != Common.json.descriptor {
                    #expect(spec.usage(of: sub).contains(flag.synopsis), "\(flag.name) is not in \(spec.usage(of: sub))")
                }
            }
            for flag in spec.allFlags {
                #expect(help.contains("  " + flag.name), "help \(spec.name) lacks \(flag.name)")
                #expect(help.contains(flag.help), "help \(spec.name) lacks the help of \(flag.name)")
            }
            for line in spec.usageLines { #expect(help.contains(line), "help \(spec.name) lacks \(line)") }
            for sub in spec.subcommands { #expect(help.contains("  " + sub.name), "help \(spec.name) lacks \(sub.name)") }
        }
    }

    /// `help COMMAND` and `help` wrap every usage line, subcommand summary and flag help at the
    /// terminal's width: nothing is cut with "…", nothing is wider than the terminal, and every
    /// word of each summary is there (`help recordings` once cut `recordings diff`'s).
    @Test(arguments: [60, 80, 100])
    func helpWrapsEverySummaryAtTheWidthInsteadOfCuttingIt(width: Int) {
        let flat = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let outputs = CommandCatalog.all.map { ($0, HelpCommand.helpText(for: $0)) }
        for (spec, output) in outputs {
            let help = TextRenderer(width: width).render(output, json: false)
            let wide = TextRenderer(width: 1000).render(output, json: false)
            #expect(help.filter { $0 == "…" }.count == wide.filter { $0 == "…" }.count, "help \(spec.name) at \(width) cuts a line")
            for line in help.split(separator: "\n") { #expect(line.count <= width, "help \(spec.name) at \(width): \(line)") }
            for sub in spec.subcommands { #expect(flat(help).contains(flat("  " + sub.name + " " + sub.summary)), "help \(spec.name): \(sub.name)") }
            for flag in spec.allFlags { #expect(flat(help).contains(flat(flag.help)), "help \(spec.name): \(flag.name)") }
        }
    }

    @Test func helpRecordingsShowsTheWholeDiffSummaryUnderItsColumn() async throws {
        let (shell, scratch) = makeShell()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (out, _, status) = await shell.text("help recordings", width: 60)
        #expect(status == .ok)
        let diff = try #require(RecordingsCommand.spec.subcommands.first { $0.name == "diff" })
        #expect(diff.summary.count > 60, "a summary that cannot fit at 60")
        let lines = out.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("  diff ") })
        let firstWord = String(diff.summary.prefix { $0 != " " })
        let column = try #require(lines[first].range(of: "  " + firstWord).map { lines[first].distance(from: lines[first].startIndex, to: $0.upperBound) - firstWord.count })
        let rest = lines[(first + 1)...].prefix { $0.count > column && $0.prefix(column).allSatisfy { $0 == " " } && $0.dropFirst(column).first != " " }
        #expect(rest.count >= 1, "the summary goes on under its column: \(lines[first...].prefix(3))")
        let summary = ([String(lines[first].dropFirst(column))] + rest.map { String($0.dropFirst(column)) }).joined(separator: " ")
        #expect(summary == diff.summary)
    }

    @Test func everySecretFlagIsRedactedInTheHistory() {
        let secrets = CommandCatalog.all.flatMap { spec in
            ([nil] + spec.subcommandNames.map(Optional.some)).flatMap { sub in spec.flags(of: sub).filter(\.secret).map { (spec, sub, $0) } }
        }
        #expect(secrets.contains { $0.2.name == "--token" } && secrets.contains { $0.2.name == "--salt" })
        for (spec, sub, flag) in secrets {
            let head = [spec.name, sub ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
            for line in ["\(head) x.har \(flag.name) hunter2-value", "\(head) \(flag.name)=hunter2-value", "\(head) '\(flag.name)' \"hunter2-value\""] {
                let stored = HistoryPolicy.storable(line) ?? ""
                #expect(!stored.contains("hunter2"), "\(line) -> \(stored)")
                #expect(stored.contains("REDACTED"))
            }
        }
    }

    @Test func theReadmeTableIsTheGeneratedOne() throws {
        let url = packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- commands:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- commands:end -->"))
        let table = CommandCatalog.readmeTable + "\n"
        if ProcessInfo.processInfo.environment["VITALLY_RECORD_README"] == "1" {
            try Data(readme.replacingCharacters(in: begin.upperBound..<end.lowerBound, with: table).utf8).write(to: url)
        }
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == table,
                "README.md's command table is generated: run VITALLY_RECORD_README=1 swift test --filter CatalogTests")
    }
}
