import Foundation
import Testing
import VitallyKit

/// `recordings scrub | diff | show` through the built binary, on the bundled demo recording.
@Suite struct RecordingToolsTests {
    let demo = packageRoot.appendingPathComponent("recordings/demo.har")

    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vitally-tools-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Splits the concatenated pretty JSON documents that `--json` prints, one per command.
    func documents(_ text: String) throws -> [JSONValue] {
        var docs: [JSONValue] = []
        var depth = 0, inString = false, escaped = false, start: String.Index?
        for index in text.indices {
            let ch = text[index]
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            switch ch {
            case "\"": inString = true
            case "{", "[":
                if depth == 0 { start = index }
                depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0, let begin = start { docs.append(try JSONParser.parse(String(text[begin...index]))) }
            default: break
            }
        }
        return docs
    }

    /// Keys whose values must be identical after translation: the match rules and their outcome,
    /// the accounts found, the brief's sections and levels.
    static let exactKeys: Set<String> = ["rule", "outcome", "externalId", "id", "churned", "matched", "ambiguous", "level", "kind", "heading", "section", "status"]

    /// Same keys, same array lengths, same numbers, booleans and nulls; strings under `exactKeys` equal.
    func sameStructure(_ a: JSONValue, _ b: JSONValue, key: String = "", path: String = "$") -> [String] {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard x.keys == y.keys else { return ["\(path): keys \(x.keys) vs \(y.keys)"] }
            return x.keys.flatMap { sameStructure(x[$0] ?? .null, y[$0] ?? .null, key: $0, path: path + "." + $0) }
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return ["\(path): \(x.count) items vs \(y.count)"] }
            return zip(x, y).enumerated().flatMap { sameStructure($1.0, $1.1, key: key, path: path + "[\($0)]") }
        case (.string(let x), .string(let y)):
            return Self.exactKeys.contains(key) && x != y ? ["\(path): \(x) vs \(y)"] : []
        default:
            return a == b ? [] : ["\(path): \(a) vs \(b)"]
        }
    }

    @Test func scrubbingTheDemoKeepsTheSessionsStructure() async throws {
        let dir = folder()
        let scrubbed = dir.appendingPathComponent("demo-scrubbed.har")
        let mapURL = dir.appendingPathComponent("map.json")
        let (env, _) = isolatedEnvironment()
        let scrub = try await runShell(
            ["-c", "recordings scrub \(demo.path) \(scrubbed.path) --salt e2e-salt-0123456789 --map \(mapURL.path)"], environment: env)
        #expect(scrub.status == 0, "\(scrub.err)")
        #expect(scrub.out.contains("every string is on the safe list or a pseudonym"))
        let mode = try FileManager.default.attributesOfItem(atPath: scrubbed.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: mapURL.path)[.posixPermissions] as? Int == 0o600)
        let map = try ScrubMap.load(mapURL)
        let scrubbedText = try String(contentsOf: scrubbed, encoding: .utf8)
        #expect(map.count(.emails) > 10 && map.count(.names) > 10)
        let mapJSON = try JSONParser.parse(Array(try Data(contentsOf: mapURL)))
        #expect((mapJSON["textsNeutralised"]?.int ?? 0) > 10)
        for original in (map.pairs[.emails] ?? [:]).keys { #expect(!scrubbedText.contains(original)) }
        #expect(!scrubbedText.contains(try String(contentsOf: mapURL, encoding: .utf8)))

        // The session and the invite it reads, written for the pseudonyms.
        let session = map.translate(try String(contentsOf: packageRoot.appendingPathComponent("scripts/demo-session.txt"), encoding: .utf8))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("examples"), withIntermediateDirectories: true)
        for name in ["acme-qbr.ics", "fortnight.ics"] {
            // Unfolded first: an export folds long lines (RFC 5545 3.1), which can split an email in two.
            let invite = try String(contentsOf: packageRoot.appendingPathComponent("examples/" + name), encoding: .utf8)
                .replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\n ", with: "")
            try map.translate(invite).write(to: dir.appendingPathComponent("examples/" + name), atomically: true, encoding: .utf8)
        }
        try session.write(to: dir.appendingPathComponent("session.txt"), atomically: true, encoding: .utf8)
        #expect(session != (try String(contentsOf: packageRoot.appendingPathComponent("scripts/demo-session.txt"), encoding: .utf8)))

        let original = try await runShell(["--replay", demo.path, "--json", "--script", "scripts/demo-session.txt"], environment: env)
        let replayed = try await runShell(["--replay", scrubbed.path, "--json", "--script", "session.txt"], environment: env, directory: dir)
        #expect(original.status == replayed.status)
        #expect(!replayed.err.contains("is not in"), "\(replayed.err)")
        let before = try documents(map.translate(original.out))
        let after = try documents(replayed.out)
        #expect(before.count == after.count && before.count >= 20)
        for (index, pair) in zip(before, after).enumerated() {
            let problems = sameStructure(pair.0, pair.1)
            #expect(problems.isEmpty, "command \(index + 1): \(problems.prefix(5))")
        }
        // Same error lines too (the pseudonyms in place of the originals).
        #expect(map.translate(original.err).split(separator: "\n").count == replayed.err.split(separator: "\n").count)
    }

    @Test func scrubRefusesToOverwriteItsInputAndNamesBadFiles() async throws {
        let dir = folder()
        let (env, _) = isolatedEnvironment()
        let copy = dir.appendingPathComponent("in.har")
        try FileManager.default.copyItem(at: demo, to: copy)
        let same = try await runShell(["-c", "recordings scrub \(copy.path) \(copy.path)"], environment: env)
        #expect(same.status != 0 && same.err.contains("would overwrite"))
        // OUT a link to IN: refused, and IN is untouched.
        let link = dir.appendingPathComponent("link.har")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: copy)
        let linked = try await runShell(["-c", "recordings scrub \(link.path) \(copy.path) --force"], environment: env)
        #expect(linked.status != 0 && linked.err.contains("would overwrite"), "\(linked.err)")
        let reversed = try await runShell(["-c", "recordings scrub \(copy.path) \(link.path) --force"], environment: env)
        #expect(reversed.status != 0 && reversed.err.contains("would overwrite"), "\(reversed.err)")
        #expect(try Data(contentsOf: copy) == (try Data(contentsOf: demo)))
        // An existing OUT needs --force; a short salt is refused.
        let out = dir.appendingPathComponent("out.har")
        try Data("keep me".utf8).write(to: out)
        let existing = try await runShell(["-c", "recordings scrub \(copy.path) \(out.path)"], environment: env)
        #expect(existing.status != 0 && existing.err.contains("--force"), "\(existing.err)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")
        let forced = try await runShell(["-c", "recordings scrub \(copy.path) \(out.path) --force"], environment: env)
        #expect(forced.status == 0, "\(forced.err)")
        let short = try await runShell(["-c", "recordings scrub \(copy.path) short.har --salt abcd"], environment: env)
        #expect(short.status != 0 && short.err.contains("16"), "\(short.err)")
        let torn = dir.appendingPathComponent("torn.har")
        try Data(try Data(contentsOf: demo).prefix(5000)).write(to: torn)
        let bad = try await runShell(["-c", "recordings scrub \(torn.path)"], environment: env)
        #expect(bad.status != 0 && bad.err.contains("truncated"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("torn-scrubbed.har").path))
        // Without OUT: IN-scrubbed.har beside it, with a random salt.
        let plain = try await runShell(["-c", "recordings scrub \(copy.path)"], environment: env)
        #expect(plain.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("in-scrubbed.har").path))
        #expect(plain.out.contains("random salt"))
    }

    /// demo.har with its entries changed by `edit` (which may also drop some), written as `name` in `dir`.
    func demoCopy(_ name: String, in dir: URL, _ edit: (inout [JSONValue]) throws -> Void) throws -> URL {
        guard case .object(var top) = try JSONParser.parse(Array(try Data(contentsOf: demo))), case .object(var log)? = top["log"],
            case .array(var entries)? = log["entries"]
        else { throw VitallyError(.decoding) }
        try edit(&entries)
        log["entries"] = .array(entries)
        top["log"] = .object(log)
        let url = dir.appendingPathComponent(name)
        try JSONValue.object(top).data(pretty: true).write(to: url)
        return url
    }

    @Test func diffSaysWhatChangedAndExitsLikeDiff() async throws {
        let dir = folder()
        let (env, _) = isolatedEnvironment()
        let same = try await runShell(["-c", "recordings diff \(demo.path) \(demo.path)"], environment: env)
        #expect(same.status == 0)
        #expect(same.out.contains("No differences"))
        // An error is 2, as for diff(1): not "different".
        let missing = try await runShell(["-c", "recordings diff \(demo.path) \(dir.path)/absent.har"], environment: env)
        #expect(missing.status == 2 && missing.err.contains("absent.har"))
        let unknown = try await runShell(["-c", "recordings diff \(demo.path) \(demo.path) --account Nonesuch"], environment: env)
        #expect(unknown.status == 2 && unknown.err.contains("Nonesuch"))

        // Acme's health drops, a token loses the notes scope, one request is gone.
        var changedHealth = false, changedStatus = false
        var dropped = JSONValue.null
        let changed = try demoCopy("changed.har", in: dir) { entries in
            for (index, entry) in entries.enumerated() {
                guard case .object(var object) = entry, case .object(var response)? = object["response"],
                    case .object(var content)? = response["content"], let url = entry["request"]?["url"]?.string,
                    let text = content["text"]?.string else { continue }
                let segments = RecordedExchange.split(url: url).path.split(separator: "/")
                if segments.count <= 3, segments.count >= 2, segments[1] == "accounts", let body = try? JSONParser.parse(text) {
                    let lowered = lowerAcmeHealth(body)
                    if lowered != body {
                        content["text"] = .string(lowered.serialized())
                        changedHealth = true
                    }
                }
                if url.contains("/notes?limit=100") {
                    response["status"] = 403
                    changedStatus = true
                }
                response["content"] = .object(content)
                object["response"] = .object(response)
                entries[index] = .object(object)
            }
            // The last request the file holds once (a repeated one would only shorten its sequence).
            let urls = entries.map { $0["request"]?["url"]?.string ?? "" }
            let unique = try #require(urls.indices.last { index in urls.filter { $0 == urls[index] }.count == 1 })
            dropped = entries.remove(at: unique)
        }
        #expect(changedHealth && changedStatus)

        let text = try await runShell(["-c", "recordings diff \(demo.path) \(changed.path)"], environment: env)
        #expect(text.status == 1)
        #expect(text.out.contains("Acme Corp health 7.4 → 5.1"), "\(text.out)")
        #expect(text.out.contains("/notes?limit=100: 200 → 403"))
        #expect(text.out.contains("Requests only in demo.har"))
        let narrowed = try await runShell(["-c", "recordings diff \(demo.path) \(changed.path) --account acme-001"], environment: env)
        #expect(narrowed.status == 1 && narrowed.out.contains("Acme Corp health 7.4 → 5.1"), "\(narrowed.out)")
        #expect(!narrowed.out.contains("GET /resources/notes?"), "the tenant-wide notes list is not Acme's")
        let json = try await runShell(["--json", "-c", "recordings diff \(demo.path) \(changed.path)"], environment: env)
        #expect(json.status == 1)
        let document = try JSONParser.parse(json.out)
        #expect(document["same"]?.bool == false)
        #expect(document["accountChanges"]?.array?.contains { $0["field"]?.string == "health" && $0["after"]?.string == "5.1" } == true)
        #expect(document["statusChanges"]?.array?.contains { $0["after"]?.int == 403 } == true)
        let droppedURL = try #require(dropped["request"]?["url"]?.string)
        let droppedKey = "GET " + RecordedExchange.split(url: droppedURL).path
        #expect(document["onlyInFirst"]?.array?.contains { $0.string?.hasPrefix(droppedKey) == true } == true)
    }

    /// A copy whose every request differs (another query on each URL) lists hundreds of requests
    /// only in each file: the text shows the first 20 of each list and says how many more, and
    /// `--json` keeps them all.
    @Test func diffTextCapsLongListsAndTheJSONKeepsThemAll() async throws {
        let dir = folder()
        let (env, _) = isolatedEnvironment()
        let moved = try demoCopy("moved.har", in: dir) { entries in
            for (index, entry) in entries.enumerated() {
                guard case .object(var object) = entry, case .object(var request)? = object["request"],
                    let url = request["url"]?.string else { continue }
                request["url"] = .string(url + (url.contains("?") ? "&" : "?") + "copy=\(index)")
                object["request"] = .object(request)
                entries[index] = .object(object)
            }
        }

        let result = try await runShell(["-c", "recordings diff \(demo.path) \(moved.path)"], environment: env)
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        for name in ["demo.har", "moved.har"] {
            let title = try #require(lines.firstIndex { $0.hasPrefix("Requests only in \(name) (") }, "\(result.out.prefix(2_000))")
            let count = try #require(Int(lines[title].split(separator: "(").last?.split(separator: ")").first ?? ""))
            #expect(count > 20)
            let listed = lines[(title + 1)...].prefix { $0.hasPrefix("  GET ") || $0.hasPrefix("  POST ") }
            #expect(listed.count == 20, "\(name): \(listed.count) listed")
            #expect(lines[title + 21] == "  … and \(count - 20) more (--json lists them all)", "\(lines[title + 21])")
        }
        let json = try await runShell(["--json", "-c", "recordings diff \(demo.path) \(moved.path)"], environment: env)
        let document = try JSONParser.parse(json.out)
        let first = try #require(document["onlyInFirst"]?.array), second = try #require(document["onlyInSecond"]?.array)
        #expect(first.count > 20 && second.count > 20)
        #expect(lines.contains { $0.hasPrefix("Requests only in demo.har (\(first.count)):") })
        #expect(lines.contains { $0.hasPrefix("Requests only in moved.har (\(second.count)):") })
    }

    /// Acme's account object with its health score at 5.1, wherever it sits.
    func lowerAcmeHealth(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(lowerAcmeHealth))
        case .object(var object):
            if object["externalId"]?.string == "acme-001", object["healthScore"] != nil {
                object["healthScore"] = 5.1
                return .object(object)
            }
            for key in object.keys { object[key] = object[key].map(lowerAcmeHealth) }
            return .object(object)
        default: return value
        }
    }

    @Test func showPrintsOneExchangeInFullAndFiltersByPath() async throws {
        let (env, _) = isolatedEnvironment()
        let recording = try HARReader.load(demo)
        let number = try #require(recording.exchanges.firstIndex { $0.path.hasSuffix("/notes") }) + 1
        let one = try await runShell(["-c", "recordings show \(demo.path) \(number)"], environment: env)
        #expect(one.status == 0)
        #expect(one.out.contains("GET http"))
        #expect(one.out.contains("Authorization: REDACTED"))
        #expect(one.out.contains("HTTP/1.1 200 OK"))
        #expect(one.out.contains("RateLimit-Remaining:"))
        #expect(one.out.contains("  \"results\": ["))
        let json = try await runShell(["--json", "-c", "recordings show \(demo.path) \(number)"], environment: env)
        let document = try JSONParser.parse(json.out)
        #expect(document["response"]?["status"]?.int == 200)
        #expect(document["response"]?["body"]?["results"]?.array?.isEmpty == false)
        #expect(document["number"]?.int == number)

        let filtered = try await runShell(["--json", "-c", "recordings show \(demo.path) --path /resources/notes"], environment: env)
        let rows = try #require(try JSONParser.parse(filtered.out).array)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["path"]?.string?.hasSuffix("/notes") == true })
        #expect(rows.contains { $0["number"]?.int == number })

        let missing = try await runShell(["-c", "recordings show \(demo.path) 100000"], environment: env)
        #expect(missing.status != 0 && missing.err.contains("there is no number 100000"))
        let word = try await runShell(["-c", "recordings show \(demo.path) first"], environment: env)
        #expect(word.status == 2)
    }
}
