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
        // Loading checks it is a HAR of this API, and names what is wrong with it if not.
        let recording = try HARReader.load(input)
        guard let data = FileManager.default.contents(atPath: input.path) else {
            throw VitallyError(.recording, path: input.path, cause: "\(input.path) cannot be read (check its permissions)")
        }
        let (bytes, map, produced) = try scrubbed(bytes: Array(data), options: options, path: input.path)
        do {
            if force, isSymlink(output) { try? FileManager.default.removeItem(at: output) }
            try AtomicFile.write(Data(bytes), to: output, permissions: 0o600)
        } catch {
            throw VitallyError(.recording, path: output.path,
                               cause: "cannot write \(output.path) (\(error.localizedDescription)); check the folder exists and is writable")
        }
        // The post-write scan reads what is on disk, not what we meant to write.
        let written = FileManager.default.contents(atPath: output.path).map { Array($0) } ?? []
        if let path = scan(written, produced: produced, options: options) {
            try? FileManager.default.removeItem(at: output)
            throw VitallyError(.recording, path: output.path,
                               cause: "refused \(output.lastPathComponent): the string at \(path) is neither on the safe list nor a pseudonym "
                                   + "the scrub produced; the file was removed. Report this with the input's shape, not the file")
        }
        if let mapURL {
            do {
                try AtomicFile.write(map.json.data(pretty: true) + Data("\n".utf8), to: mapURL, permissions: 0o600)
            } catch {
                throw VitallyError(.recording, path: mapURL.path,
                                   cause: "the scrubbed copy is written, but the map cannot be: \(mapURL.path) (\(error.localizedDescription))")
            }
        }
        var report = ScrubReport(input: input, output: output, entries: recording.exchanges.count, map: map, options: options,
                                 scannedBytes: written.count)
        if options.accounts, let copy = try? HARReader.parse(written, url: output) {
            report.lostCompanyMatches = ScrubMatchCheck.lostCompanyMatches(original: recording, scrubbed: copy)
        }
        return report
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
        let (bytes, map, produced) = try scrubbed(bytes: bytes, options: options, path: path)
        if let failure = scan(bytes, produced: produced, options: options) {
            throw VitallyError(.recording, path: path,
                               cause: "refused: the string at \(failure) is neither on the safe list nor a pseudonym the scrub produced")
        }
        return (bytes, map)
    }

    static func scrubbed(bytes: [UInt8], options: ScrubOptions, path: String)
        throws(VitallyError) -> (bytes: [UInt8], map: ScrubMap, produced: Set<String>)
    {
        try checkSalt(options)
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw VitallyError(.recording, path: path, cause: "\(path) is not valid JSON (\(error))")
        }
        guard document["log"]?["entries"]?.array != nil else {
            throw VitallyError(.recording, path: path, cause: "\(path) is JSON but not a HAR file (no log.entries)")
        }
        var walk = ScrubWalk(handler: ScrubReplacer(options: options), options: options)
        if options.accounts { walk.externalIds = ScrubWalk<ScrubReplacer>.externalIds(in: document) }
        guard case .object(var root) = walk.document(document), var log = root["log"]?.object else {
            throw VitallyError(.recording, path: path, cause: "\(path) is JSON but not a HAR file (no log)")
        }
        var produced = walk.handler.produced
        let meta = metadata(options, pairs: walk.handler.pairs)
        produced.formUnion(strings(in: meta))
        var vitally = log["_vitallyShell"]?.object ?? JSONObject()
        vitally["scrubbed"] = meta
        log["_vitallyShell"] = .object(vitally)
        root["log"] = .object(log)
        let text = JSONValue.object(root).serialized(pretty: true) + "\n"
        var map = ScrubMap()
        map.pairs = walk.handler.pairs
        return (Array(text.utf8), map, produced)
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
    static func scan(_ bytes: [UInt8], produced: Set<String>, options: ScrubOptions) -> String? {
        guard let document = try? JSONParser.parse(bytes) else { return "$ (not valid JSON)" }
        let ours = produced.union(strings(in: metadata(options, pairs: [:])))
        var walk = ScrubWalk(handler: ScrubChecker(options: options, produced: ours), options: options)
        _ = walk.document(document)
        return walk.handler.failure
    }
}
