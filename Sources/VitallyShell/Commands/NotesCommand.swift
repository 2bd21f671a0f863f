import Foundation
import VitallyKit

/// `notes ACCOUNT`: the account's notes, newest first.
struct NotesCommand: ActivityCommand {
    static let spec = CommandSpec(
        "notes", group: .explore, rank: 3, summary: "the account's notes, newest first",
        synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: Common.itemFilters,
        example: "notes acme.com")

    static let listing = ActivityListing<Note>(
        list: .notes, noun: "notes", defaultLimit: 20, columns: ["DATE", "AUTHOR", "CATEGORY", "NOTE"], flexible: [3],
        order: { notes, _ in
            notes.sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }
        },
        summary: { notes, _, _ in "\(notes.count) note\(notes.count == 1 ? "" : "s"), newest first" }, labelColumn: 3,
        row: { note, _ in
            [Span(note.date.map(VitallyDate.formatDay) ?? "—"), Span(note.author?.name ?? "—"),
             Span(note.category?.name ?? "", .dim),
             Span((note.subject.map { $0 + " — " } ?? "") + Format.plainText(note.note))]
        })
}
