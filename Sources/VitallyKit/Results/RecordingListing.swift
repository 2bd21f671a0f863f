import Foundation

/// What `recordings` reports, as one value: each `.har` file of the folder with its exchanges,
/// when and for which tenant it was recorded, and its size; `--json` is this value encoded (an
/// array, one object per file) and the shell's renderer draws the table from it.
package struct RecordingListing: Sendable, Encodable {
    /// One file of the folder.
    package struct File: Sendable, Encodable, Equatable {
        package var file: String
        /// Exchanges held; nil when the file could not be read as a recording.
        package var entries: Int?
        /// When the recording began (its metadata, else its first exchange); nil when unknown.
        package var recordedAt: Date?
        package var subdomain: String?
        package var bytes: Int
        /// `unreadable` when the file is not a recording it can read; nil otherwise.
        package var error: String?
    }

    /// The folder's files, in the order given.
    package var files: [File]

    /// Reads `names` in `directory`: each file's size, and what its recording says.
    package init(directory: URL, names: [String]) {
        files = names.map { name in
            let url = directory.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            guard let recording = try? HARReader.load(url) else {
                return File(file: name, entries: nil, recordedAt: nil, subdomain: nil, bytes: size, error: "unreadable")
            }
            return File(file: name, entries: recording.exchanges.count,
                        recordedAt: recording.info?.recordedAt ?? recording.exchanges.first?.startedAt,
                        subdomain: recording.info?.subdomain, bytes: size, error: nil)
        }
    }

    package func encode(to encoder: any Encoder) throws { try files.encode(to: encoder) }
}

/// How much of each list a recording holds (`recordings show FILE --coverage`), as one value:
/// `--json` is the rows encoded (an array; the whole tenant's scope is `tenant`).
package struct RecordingCoverage: Sendable, Encodable {
    /// The file's name as shown.
    package var file: String
    package var rows: [RecordedTenant.Coverage]

    package init(_ recording: HARRecording) {
        file = recording.url.lastPathComponent
        rows = RecordedTenant(recording.exchanges).coverage
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in rows {
            var copy = row
            if copy.scope.isEmpty { copy.scope = "tenant" }
            try container.encode(copy)
        }
    }
}
