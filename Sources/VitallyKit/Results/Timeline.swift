import Foundation

/// What `timeline ACCOUNT` lists: the account's notes, tasks, NPS responses, conversations and
/// meetings on one dated list, newest first. `--json` is the events shown (`date`, `kind`,
/// `text`); the text is a table of the same events under the account's header.
package struct Timeline: Sendable, Encodable {
    /// What happened on a date.
    package enum Kind: String, Sendable, Encodable {
        case conversation, meeting, note, nps, task
        case taskDone = "task done"
    }

    /// One dated event; `text` is its detail, with `[Organization]` first for an item kept on
    /// the account's organization.
    package struct Event: Sendable, Encodable, Equatable {
        package var date: Date
        package var kind: Kind
        package var text: String
    }

    /// The account as a customer (its health, else its organization's, in the header).
    package var customer: Customer
    /// The events shown (after `--limit`), newest first, and how many there were.
    package var events: [Event]
    package var total: Int

    /// Every dated item as an event, newest first (same date: by kind), the first `limit` kept.
    /// `organizationLabel` names the organization of an item kept on it, nil for the account's own.
    package init(
        customer: Customer, notes: [Note], tasks: [VitallyTask], nps: [NPSResponse], conversations: [Conversation],
        meetings: [Meeting], organizationLabel: (String) -> String?, limit: Int
    ) {
        var events: [Event] = []
        func label(_ id: String) -> String { organizationLabel(id).map { "[\($0)] " } ?? "" }
        for note in notes {
            if let date = note.date { events.append(Event(date: date, kind: .note, text: label(note.id) + (note.subject ?? "") + " — " + (note.author?.name ?? ""))) }
        }
        for task in tasks {
            let name = label(task.id) + task.name
            if let done = task.completedAt {
                events.append(Event(date: done, kind: .taskDone, text: name))
            } else if let created = task.createdAt {
                events.append(Event(date: created, kind: .task, text: name + (task.dueDate.map { " (due \(VitallyDate.formatDay($0)))" } ?? "")))
            }
        }
        for response in nps {
            if let date = response.respondedAt {
                events.append(Event(date: date, kind: .nps, text: "\(Wording.score(response.score)) from \(response.user?.displayName ?? "a user")"))
            }
        }
        for conversation in conversations {
            if let date = conversation.createdAt {
                events.append(Event(date: date, kind: .conversation, text: (conversation.subject ?? "") + " [\(conversation.status ?? "?")]"))
            }
        }
        for meeting in meetings {
            if let date = meeting.startDateTime { events.append(Event(date: date, kind: .meeting, text: meeting.title ?? "")) }
        }
        events.sort { $0.date != $1.date ? $0.date > $1.date : $0.kind.rawValue < $1.kind.rawValue }
        self.customer = customer
        self.events = Array(events.prefix(limit))
        total = events.count
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for event in events { try container.encode(event) }
    }
}
