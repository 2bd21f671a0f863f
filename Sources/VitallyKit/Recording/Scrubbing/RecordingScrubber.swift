import Foundation

/// Writes a copy of a recording that can be shared: people's emails, names, phones and IP
/// addresses become salted pseudonyms everywhere in the file (URLs and query strings too), free
/// text becomes neutral text of the same shape, and everything matching depends on (ids, dates,
/// numbers, scores, statuses, domains, account names, structure, header order) is kept.
/// After writing, the file is scanned for every replaced original and refused on a hit.
public enum RecordingScrubber {
    /// Scrubs `input` into `output` (0600); with `mapURL`, writes the original -> pseudonym map there (0600).
    public static func scrub(
        _ input: URL, to output: URL, options: ScrubOptions, mapURL: URL? = nil
    ) throws(VitallyError) -> ScrubReport {
        let inputPath = input.standardizedFileURL.path
        guard inputPath != output.standardizedFileURL.path else {
            throw VitallyError(.invalidInput, path: output.path,
                               cause: "the scrubbed copy would overwrite \(input.lastPathComponent); give another OUT.har")
        }
        if let mapURL, [inputPath, output.standardizedFileURL.path].contains(mapURL.standardizedFileURL.path) {
            throw VitallyError(
                .invalidInput, path: mapURL.path, cause: "the map must be a file of its own, never the recording itself", hint: .separateScrubMap)
        }
        // Loading checks it is a HAR of this API, and names what is wrong with it if not.
        let recording = try HARReader.load(input)
        guard let data = FileManager.default.contents(atPath: input.path) else {
            throw VitallyError(.recording, path: input.path, cause: "\(input.path) cannot be read (check its permissions)")
        }
        let (bytes, map) = try scrub(bytes: Array(data), options: options, path: input.path)
        do {
            try AtomicFile.write(Data(bytes), to: output, permissions: 0o600)
        } catch {
            throw VitallyError(.recording, path: output.path,
                               cause: "cannot write \(output.path) (\(error.localizedDescription)); check the folder exists and is writable")
        }
        // The post-write scan reads what is on disk, not what we meant to write.
        let written = FileManager.default.contents(atPath: output.path).map { Array($0) } ?? []
        if let hit = scan(written, for: map) {
            try? FileManager.default.removeItem(at: output)
            throw VitallyError(.recording, path: output.path,
                               cause: "refused \(output.lastPathComponent): a \(hit.kind.label) that should have been replaced is still in it "
                                   + "(byte \(hit.offset)); the file was removed. Report this with the input's shape, not the file")
        }
        if let mapURL {
            do {
                try AtomicFile.write(map.json.data(pretty: true) + Data("\n".utf8), to: mapURL, permissions: 0o600)
            } catch {
                throw VitallyError(.recording, path: mapURL.path,
                                   cause: "the scrubbed copy is written, but the map cannot be: \(mapURL.path) (\(error.localizedDescription))")
            }
        }
        return ScrubReport(input: input, output: output, entries: recording.exchanges.count, map: map, options: options,
                           scannedBytes: written.count)
    }

    /// The scrubbed document's bytes and the map, from a HAR's bytes.
    public static func scrub(bytes: [UInt8], options: ScrubOptions, path: String = "recording")
        throws(VitallyError) -> (bytes: [UInt8], map: ScrubMap)
    {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw VitallyError(.recording, path: path, cause: "\(path) is not valid JSON (\(error))")
        }
        guard var log = document["log"]?.object, let entries = log["entries"]?.array else {
            throw VitallyError(.recording, path: path, cause: "\(path) is JSON but not a HAR file (no log.entries)")
        }
        let pseudonyms = Pseudonymizer(salt: options.salt)
        var collector = ScrubCollector(options: options)
        for entry in entries { collector.collect(entry: entry) }
        let rewriter = ScrubRewriter(collector: collector, pseudonyms: pseudonyms)

        var newLog = JSONObject()
        for (key, value) in log where key != "entries" { newLog[key] = rewriter.deep(value) }
        newLog["entries"] = .array(entries.map(rewriter.entry))
        var meta = newLog["_vitallyShell"]?.object ?? JSONObject()
        meta["scrubbed"] = metadata(options, pseudonyms: pseudonyms, collector: collector)
        newLog["_vitallyShell"] = .object(meta)
        log = newLog
        var root = document.object ?? JSONObject()
        root["log"] = .object(log)
        let text = JSONValue.object(root).serialized(pretty: true) + "\n"

        var map = ScrubMap(saltFingerprint: pseudonyms.saltFingerprint)
        map.pairs = rewriter.pairs
        return (Array(text.utf8), map)
    }

    static func metadata(_ options: ScrubOptions, pseudonyms: Pseudonymizer, collector: ScrubCollector) -> JSONValue {
        var pseudonymised: [JSONValue] = ["email local parts", "person names", "phone numbers", "IP addresses"]
        if options.domains { pseudonymised.append("domains") }
        if options.accounts { pseudonymised.append("account names") }
        return [
            "by": .string("\(HARWriter.creatorName) \(VitallyKitVersion.current)"),
            "saltFingerprint": .string(pseudonyms.saltFingerprint),
            "pseudonymised": .array(pseudonymised),
            "neutralised": ["note, message and conversation bodies", "subjects", "free-text traits"],
            "kept": .array((["ids", "dates", "numbers", "scores", "statuses", "structure", "header order"]
                + (options.domains ? [] : ["domains"]) + (options.accounts ? [] : ["account names"])).map { .string($0) }),
            "replaced": .object(JSONObject(ScrubMap.Kind.allCases.map { ($0.rawValue, .number(Double(collector.count($0)))) })),
        ]
    }

    /// The first replaced original still in `bytes`, in its raw, JSON-escaped or URL-encoded form.
    static func scan(_ bytes: [UInt8], for map: ScrubMap) -> (kind: ScrubMap.Kind, offset: Int)? {
        var matcher = LiteralMatcher()
        for (tag, kind) in ScrubMap.Kind.allCases.enumerated() {
            for original in (map.pairs[kind] ?? [:]).keys {
                // Short free texts ("Renewal") may rightly stand elsewhere as a status; long ones may not.
                if kind == .texts, original.count < ScrubCollector.scannedTextLength { continue }
                let boundary: LiteralMatcher.Boundary = kind == .emails ? .email : kind == .domains ? .domain : .word
                var forms = [original]
                let escaped = String(JSONValue.string(original).serialized().dropFirst().dropLast())
                if escaped != original { forms.append(escaped) }
                let encoded = URLEncoding.encode(original)
                if encoded != original { forms.append(encoded) }
                for form in forms { matcher.add(form, replacement: "", boundary: boundary, tag: tag) }
            }
        }
        matcher.prepare()
        guard let hit = matcher.firstHit(in: bytes) else { return nil }
        return (ScrubMap.Kind.allCases[hit.tag], hit.offset)
    }
}
