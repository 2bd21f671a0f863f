import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// Every activity command's first line counts exactly what its table lists (with `--all`).
@Suite struct ActivityHeaderTests {
    /// The numbers in a header line after the account's name and id, in order.
    func numbers(_ line: Substring) -> [Int] {
        let summary = line.components(separatedBy: " · ").dropFirst().joined(separator: " · ")
        return summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }

    /// The table rows of a text output (after the header and the column titles).
    func rows(_ out: String) -> [Substring] {
        Array(out.split(separator: "\n").drop { !$0.hasPrefix("DATE") && !$0.hasPrefix("STATE") && !$0.hasPrefix("NAME") && !$0.hasPrefix("UPDATED") }.dropFirst())
            .filter { !$0.hasPrefix("(") }
    }

    @Test func notesHeadersCountOnlyTheListedNotesAtTheOrganization() async throws {
        try await withSimulatedShell { shell, _, _ in
            // Cyberdyne's notes are all on its organization, and one of them is archived.
            let active = await shell.text("notes cyberdyne.com --all")
            let archived = await shell.text("notes cyberdyne.com --all --archived")
            for (out, label) in [(active.out, "active"), (archived.out, "archived")] {
                let header = try #require(out.split(separator: "\n").first { $0.contains(" note") })
                let listed = rows(out)
                let labelled = listed.filter { $0.contains("[Cyberdyne Holdings]") }.count
                #expect(numbers(header).first == listed.count, "\(label): \(header) but \(listed.count) rows")
                #expect(header.contains("(\(labelled) on its organization Cyberdyne Holdings)"), "\(label): \(header)")
                #expect(!listed.isEmpty)
            }
            #expect(rows(active.out).count + rows(archived.out).count == 3)
            let json = try JSONParser.parse(archived.out.isEmpty ? "[]" : await shell.text("notes cyberdyne.com --all --archived --json").out)
            #expect(json.array?.allSatisfy { $0["archivedAt"].map { !$0.isNull } ?? false } == true)
        }
    }

    @Test func everyActivityHeaderMatchesItsRows() async throws {
        try await withSimulatedShell { shell, _, _ in
            for account in ["acme.com", "cyberdyne.com", "soylent.com", "massivedynamic.com"] {
                let tasks = await shell.text("tasks \(account) --all")
                let taskHeader = try #require(tasks.out.split(separator: "\n").first { $0.contains(" open (") })
                let taskRows = rows(tasks.out)
                let counts = numbers(taskHeader)
                let overdue = taskRows.filter { $0.hasPrefix("OVERDUE") }.count
                let open = taskRows.filter { $0.hasPrefix("open") }.count + overdue
                let done = taskRows.filter { $0.hasPrefix("done") }.count
                #expect(Array(counts.prefix(3)) == [open, overdue, done], "tasks \(account): \(taskHeader)")
                let archivedTasks = await shell.text("tasks \(account) --all --archived")
                let archivedRows = rows(archivedTasks.out)
                if !archivedRows.isEmpty {
                    #expect(archivedTasks.out.contains(", \(archivedRows.filter { $0.hasPrefix("archived") }.count) archived"))
                }

                let notes = await shell.text("notes \(account) --all")
                let noteHeader = try #require(notes.out.split(separator: "\n").first { $0.contains(" note") })
                #expect(numbers(noteHeader).first == rows(notes.out).count, "notes \(account): \(noteHeader)")

                let users = await shell.text("users \(account) --all")
                if let header = users.out.split(separator: "\n").first(where: { $0.contains(" active in the last 30 days") }) {
                    #expect(numbers(header).first == rows(users.out).count, "users \(account): \(header)")
                }
                let conversations = await shell.text("conversations \(account) --all")
                if let header = conversations.out.split(separator: "\n").first(where: { $0.contains(" conversations, ") }) {
                    let listed = rows(conversations.out)
                    #expect(numbers(header) == [listed.count, listed.filter { $0.contains(" open ") }.count], "conversations \(account): \(header)")
                }
            }
        }
    }
}
