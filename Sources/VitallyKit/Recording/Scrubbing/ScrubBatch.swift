/// Entries scrubbed on another core, as the serial scrub scrubs them: each one's text, what the
/// reader would make of them, and the replacer's journal. The first entry that is not valid JSON
/// ends the batch with its error.
struct ScrubbedBatch: Sendable {
    var texts: [String] = []
    var tally = RecordingScrubber.EntryTally()
    var journal = ScrubJournal()
    var error: JSONParseError?
    /// Where the last entry read ends.
    var end = 0

    init(_ bytes: SharedBytes, _ spans: [ElementSpan], walk template: ScrubWalk<ScrubReplacer>) {
        var walk = template
        for span in spans {
            do {
                let entry = try ScrubStream.entry(bytes, span)
                tally.count(entry)
                texts.append(ScrubStream.entryText(walk.entry(entry, index: span.index), index: span.index))
                end = span.range.upperBound
            } catch {
                self.error = error
                break
            }
        }
        journal = walk.handler.journal ?? ScrubJournal()
    }
}

/// Entries of the written file checked on another core, as the serial scan checks them: the first
/// that fails. The first that is not valid JSON ends the batch with its error.
struct CheckedBatch: Sendable {
    var failed: ElementSpan?
    var error: JSONParseError?
    /// Where the last entry read ends.
    var end = 0

    init(_ bytes: SharedBytes, _ spans: [ElementSpan], walk template: ScrubWalk<ScrubChecker>) {
        for span in spans {
            do {
                let entry = try ScrubStream.entry(bytes, span)
                end = span.range.upperBound
                guard failed == nil else { continue }
                var walk = template
                _ = walk.entry(entry, index: span.index)
                if walk.handler.failure != nil { failed = span }
            } catch {
                self.error = error
                break
            }
        }
    }
}

/// The externalIds and account names of entries read on another core, for the scrub's first
/// pass. The first entry that is not valid JSON ends the batch with its error.
struct FoundBatch: Sendable {
    var externalIds: Set<String> = []
    var accountNames: Set<String> = []
    var error: JSONParseError?
    /// Where the last entry read ends.
    var end = 0

    init(_ bytes: SharedBytes, _ spans: [ElementSpan]) {
        end = spans.last?.range.upperBound ?? 0
        for span in spans {
            do {
                let entry = try ScrubStream.entry(bytes, span)
                ScrubWalk<ScrubReplacer>.externalIds(inEntry: entry, into: &externalIds)
                ScrubWalk<ScrubReplacer>.accountNames(inEntry: entry, into: &accountNames)
            } catch {
                self.error = error
                break
            }
        }
    }
}

extension ScrubStream {
    /// The entry `span` holds, parsed as `JSONCursor.value()` parses it where the serial walk stands.
    static func entry(_ bytes: SharedBytes, _ span: ElementSpan) throws(JSONParseError) -> JSONValue {
        let (entry, end, _) = try JSONParser.parseValue(in: bytes.buffer, at: span.range.lowerBound)
        // Not reached: a valid object ends where its brackets do.
        guard end == span.range.upperBound else { throw JSONParseError(message: "unexpected text after the entry", offset: end) }
        return entry
    }

    /// An entry as the scrub writes it into `log.entries`.
    static func entryText(_ entry: JSONValue, index: Int) -> String {
        (index == 0 ? "\n      " : ",\n      ") + entry.serialized(pretty: true, indent: 6)
    }
}
