import Foundation

/// The small INI dialect of the profiles and credentials files, as the AWS CLI's `config` and
/// `credentials` use it: `[name]` sections of `key = value` lines, `#` or `;` comment lines.
///
/// Values are taken whole after the first `=` and trimmed, so a token command may hold `#`, `;`
/// or `=`; a comment is a line of its own. Keys and section names are kept as written.
package struct INIDocument: Sendable, Equatable {
    /// One `[name]` section and its entries, in file order.
    package struct Section: Sendable, Equatable {
        package var name: String
        package var entries: [(key: String, value: String)]

        package init(name: String, entries: [(key: String, value: String)] = []) {
            self.name = name
            self.entries = entries
        }

        package subscript(key: String) -> String? {
            get { entries.last { $0.key == key }?.value }
            set {
                entries.removeAll { $0.key == key }
                if let newValue { entries.append((key, newValue)) }
            }
        }

        package static func == (a: Section, b: Section) -> Bool {
            a.name == b.name && a.entries.map(\.key) == b.entries.map(\.key) && a.entries.map(\.value) == b.entries.map(\.value)
        }
    }

    package var sections: [Section]

    package init(sections: [Section] = []) { self.sections = sections }

    package subscript(section name: String) -> Section? {
        get { sections.first { $0.name == name } }
        set {
            if let index = sections.firstIndex(where: { $0.name == name }) {
                if let newValue { sections[index] = newValue } else { sections.remove(at: index) }
            } else if let newValue {
                sections.append(newValue)
            }
        }
    }

    /// Why a line could not be read: its number and what is wrong, for a one-line error.
    package struct SyntaxError: Error, Equatable, Sendable {
        package var line: Int
        package var reason: String
    }

    /// Reads `text`; an entry before any section, a line that is neither, or a repeated section is refused.
    package static func parse(_ text: String) throws(SyntaxError) -> INIDocument {
        var document = INIDocument()
        var current: Int?
        // Split on every line break: a Swift "\r\n" is one Character, so splitting on "\n" alone reads a
        // file saved with CRLF as a single comment line and loses every profile without a word.
        // A byte-order mark some editors write is dropped.
        let body = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        for (offset, raw) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw SyntaxError(line: offset + 1, reason: "a section header is [name]")
                }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                guard document[section: name] == nil else {
                    throw SyntaxError(line: offset + 1, reason: "section [\(name.prefix(40))] appears twice")
                }
                document.sections.append(Section(name: name))
                current = document.sections.count - 1
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw SyntaxError(line: offset + 1, reason: "expected 'key = value' or [section]")
            }
            guard let current else { throw SyntaxError(line: offset + 1, reason: "an entry before any [section]") }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw SyntaxError(line: offset + 1, reason: "an entry without a key") }
            document.sections[current][key] = value
        }
        return document
    }

    /// The text, with `header` as leading comment lines. Line breaks in values become spaces, so
    /// a value cannot start a line of its own.
    package func serialized(header: [String] = []) -> String {
        var lines = header.map { "# " + $0 }
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append("[\(section.name)]")
            for entry in section.entries {
                let value = entry.value.map { $0.isNewline ? " " : $0 }
                lines.append("\(entry.key) = \(String(value))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
