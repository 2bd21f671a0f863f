import Foundation

/// Writes a copy of a recording that can be shared, by allowlist: only what `ScrubSafeList`
/// names is kept as it is (ids, dates, numbers, enumerations, identity-free headers, domains and
/// account names unless asked); emails, person names, phones and IP addresses become salted
/// pseudonyms, and every other string (keys, traits, URLs, cookies, comments, post data) neutral
/// text. After writing, every string in the file must be on the safe list or a pseudonym the
/// scrub produced; otherwise the file is removed and refused, naming the JSON path.
package enum RecordingScrubber {
    /// Scrubs `input` into `output` (0600); with `mapURL`, writes the original -> pseudonym map there (0600).
    /// An existing `output` is replaced only with `force`; one that is `input` (through links) never.
    package static func scrub(
        _ input: URL, to output: URL, options: ScrubOptions, mapURL: URL? = nil, force: Bool = false
    ) throws(VitallyError) -> ScrubReport {
        try checkSalt(options)
        if sameFile(input, output) {
            throw VitallyError(.invalidInput, path: output.path,
                               cause: "the scrubbed copy would overwrite \(input.lastPathComponent) (the output is the input, through a link)",
                               hint: .anotherScrubOutput)
        }
        if let mapURL, sameFile(mapURL, input) || sameFile(mapURL, output) {
            throw VitallyError(
                .invalidInput, path: mapURL.path, cause: "the map must be a file of its own, never the recording itself", hint: .separateScrubMap)
        }
        if !force, FileManager.default.fileExists(atPath: output.path) || isSymlink(output) {
            throw VitallyError(.invalidInput, path: output.path,
                               cause: "\(output.path) already exists", hint: .replaceOrAnotherScrubOutput)
        }
        // The input is mapped and scrubbed an entry at a time into the output: memory holds one
        // entry and the pseudonyms, whatever the file's size.
        var info = stat()
        guard stat(input.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let file = MappedFile(path: input.path) else {
            _ = try HARReader.load(input)  // names what is wrong with it
            throw VitallyError(.recording, path: input.path, cause: "\(input.path) cannot be read (check its permissions)")
        }
        RecordingFolder.removeLeftovers(of: input)
        var scrubbed: ScrubStream.Scrubbed?
        do {
            if force, isSymlink(output) { try? FileManager.default.removeItem(at: output) }
            try AtomicFile.write(to: output, permissions: 0o600) { sink in
                let made = try ScrubStream.scrub(file.bytes, options: options, release: file.release(before:), emit: { sink.write($0) })
                scrubbed = made
                // What the reader refuses (another API's HAR, nothing to replay) is refused here too, in its words.
                let tally = made.tally
                if tally.replayable == 0 || (tally.requests > 0 && tally.vitallyRequests == 0) { _ = try HARReader.load(input) }
            }
        } catch let error as VitallyError {
            throw error
        } catch where error is JSONParseError || error is ScrubStream.NotHAR {
            _ = try HARReader.load(input)  // names what is wrong with it (not JSON, cut short, not a HAR)
            throw streamError(error, path: input.path)
        } catch {
            throw VitallyError(.recording, path: output.path,
                               cause: "cannot write \(output.path) (\(error.localizedDescription)); check the folder exists and is writable")
        }
        guard var result = scrubbed.take() else { throw VitallyError(.recording, path: input.path, cause: "\(input.path) cannot be read") }
        // The post-write scan reads what is on disk, not what we meant to write.
        guard let written = MappedFile(path: output.path) else {
            throw VitallyError(.recording, path: output.path, cause: "\(output.path) cannot be read back for the final scan")
        }
        if let path = scan(written.bytes, produced: result.produced, options: options, externalIds: result.externalIds, release: written.release(before:)) {
            try? FileManager.default.removeItem(at: output)
            throw VitallyError(.recording, path: output.path,
                               cause: "refused \(output.lastPathComponent): the string at \(path) is neither on the safe list nor a pseudonym "
                                   + "the scrub produced; the file was removed. Report this with the input's shape, not the file")
        }
        if let mapURL {
            do {
                try AtomicFile.write(result.map.json.data(pretty: true) + Data("\n".utf8), to: mapURL, permissions: 0o600)
            } catch {
                throw VitallyError(.recording, path: mapURL.path,
                                   cause: "the scrubbed copy is written, but the map cannot be: \(mapURL.path) (\(error.localizedDescription))")
            }
        }
        var report = ScrubReport(input: input, output: output, entries: result.tally.replayable, map: result.map, options: options,
                                 scannedBytes: written.bytes.count)
        // What the self-check needs of the scrub is the account names: the rest is let go first.
        let accountNames = result.accountNames
        result = ScrubStream.Scrubbed()
        if options.accounts || options.domains, let before = try? RecordingSnapshot.read(input, forMatching: true),
            let after = try? RecordingSnapshot.read(output, forMatching: true, sharingWith: before)
        {
            report.lostCompanyMatches = ScrubMatchCheck.changedMatches(
                before: before, after: after, options: options, accountNames: accountNames)
        }
        return report
    }

    /// What the reader would make of the entries the scrub streams past: how many it replays, and
    /// whether they are requests to this API.
    struct EntryTally: Sendable {
        var replayable = 0
        var requests = 0
        var vitallyRequests = 0

        mutating func count(_ entry: JSONValue) {
            let path: String
            if let exchange = try? HARReader.exchange(from: entry) {
                replayable += 1
                path = exchange.path
            } else if let url = entry["request"]?["url"]?.string {
                path = RecordedExchange.split(url: url).path
            } else {
                return
            }
            requests += 1
            if path.hasPrefix("/resources/") { vitallyRequests += 1 }
        }

        /// Adds what `other` counted (entries counted elsewhere).
        mutating func add(_ other: EntryTally) {
            replayable += other.replayable
            requests += other.requests
            vitallyRequests += other.vitallyRequests
        }
    }

    static func streamError(_ error: any Error, path: String) -> VitallyError {
        if let error = error as? VitallyError { return error }
        if error is ScrubStream.NotHAR { return VitallyError(.recording, path: path, cause: "\(path) is JSON but not a HAR file (no log.entries)") }
        return VitallyError(.recording, path: path, cause: "\(path) is not valid JSON (\(error))")
    }

    static func checkSalt(_ options: ScrubOptions) throws(VitallyError) {
        guard options.salt.count >= ScrubOptions.minimumSaltLength else {
            throw VitallyError(.invalidInput, path: "--salt",
                               cause: "the salt is \(options.salt.count) characters; give --salt at least \(ScrubOptions.minimumSaltLength) "
                                   + "(a short one can be found by brute force from the pseudonyms), or none for a random one")
        }
    }

    /// Whether two paths name the same file: through symbolic links, or as one file under two names.
    static func sameFile(_ a: URL, _ b: URL) -> Bool {
        if a.standardizedFileURL.resolvingSymlinksInPath().path == b.standardizedFileURL.resolvingSymlinksInPath().path { return true }
        guard let first = try? FileManager.default.attributesOfItem(atPath: a.path),
            let second = try? FileManager.default.attributesOfItem(atPath: b.path)
        else { return false }
        return (first[.systemNumber] as? Int) == (second[.systemNumber] as? Int)
            && (first[.systemFileNumber] as? Int) == (second[.systemFileNumber] as? Int) && first[.systemFileNumber] != nil
    }

    static func isSymlink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    /// The scrubbed document's bytes and the map, from a HAR's bytes.
    package static func scrub(bytes: [UInt8], options: ScrubOptions, path: String = "recording")
        throws(VitallyError) -> (bytes: [UInt8], map: ScrubMap)
    {
        try checkSalt(options)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { try ScrubStream.scrub(buffer, options: options, emit: { out.append(contentsOf: $0.utf8) }) }
        }
        let scrubbed: ScrubStream.Scrubbed
        do {
            scrubbed = try result.get()
        } catch {
            throw streamError(error, path: path)
        }
        if let failure = scan(out, produced: scrubbed.produced, options: options, externalIds: scrubbed.externalIds) {
            throw VitallyError(.recording, path: path,
                               cause: "refused: the string at \(failure) is neither on the safe list nor a pseudonym the scrub produced")
        }
        return (out, scrubbed.map)
    }

    static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let items): return items.flatMap(strings(in:))
        case .object(let object): return object.flatMap { [$0.key] + strings(in: $0.value) }
        default: return []
        }
    }

    static func metadata(_ options: ScrubOptions, pairs: [ScrubMap.Kind: [String: String]]) -> JSONValue {
        var pseudonymised: [JSONValue] = ["email local parts", "person names", "phone numbers", "IP addresses"]
        if options.domains { pseudonymised.append("domains") }
        if options.accounts { pseudonymised.append("account names") }
        return [
            "by": .string("\(HARWriter.creatorName) \(VitallyKitVersion.current)"),
            "rule": "allowlist",
            "pseudonymised": .array(pseudonymised),
            "neutralised": ["every string not on the safe list"],
            "kept": .array((["ids", "dates", "numbers", "enumerations", "structure", "header names"]
                + (options.domains ? [] : ["domains"]) + (options.accounts ? [] : ["account names"])).map { .string($0) }),
            "replaced": .object(JSONObject(ScrubMap.Kind.allCases.map { ($0.rawValue, .number(Double(pairs[$0]?.count ?? 0))) })),
        ]
    }

    /// The JSON path of the first string in `bytes` that is neither on the safe list nor in
    /// `produced`; nil when every string is one of them.
    static func scan(_ bytes: [UInt8], produced: Set<String>, options: ScrubOptions, externalIds: Set<String> = []) -> String? {
        bytes.withUnsafeBufferPointer { scan($0, produced: produced, options: options, externalIds: externalIds) }
    }

    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, produced: Set<String>, options: ScrubOptions, externalIds: Set<String> = [],
        release: (Int) -> Void = { _ in }
    ) -> String? {
        let ours = produced.union(strings(in: metadata(options, pairs: [:])))
        do {
            return try ScrubStream.scan(bytes, produced: ours, options: options, externalIds: externalIds, release: release)
        } catch {
            return "$ (not valid JSON)"
        }
    }
}
