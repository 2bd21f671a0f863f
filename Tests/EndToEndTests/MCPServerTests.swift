import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// `vitally-shell mcp` through the built binary: the official MCP Python SDK as the client (the
/// checks are in scripts/mcp_client.py), and the live and record modes against the simulator.
@Suite(.serialized) struct MCPServerTests {
    /// Initialize, then the calls, one JSON-RPC message per line.
    static func messages(_ calls: [(String, JSONValue)]) -> String {
        var lines: [JSONValue] = [
            ["jsonrpc": "2.0", "id": 0, "method": "initialize",
             "params": ["protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "e2e", "version": "0"]]],
            ["jsonrpc": "2.0", "method": "notifications/initialized"],
        ]
        for (index, call) in calls.enumerated() {
            lines.append(["jsonrpc": "2.0", "id": JSONValue(index + 1), "method": "tools/call",
                          "params": ["name": .string(call.0), "arguments": call.1]])
        }
        return lines.map { $0.serialized() + "\n" }.joined()
    }

    @Test func theOfficialPythonClientSeesTheSameBytesAsDashC() async throws {
        let (env, home) = isolatedEnvironment(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        defer { try? FileManager.default.removeItem(at: home) }
        let script = packageRoot.appendingPathComponent("scripts/mcp_client.py").path
        let run = try await runBinary(
            "/usr/bin/env", ["python3", script, shellBinary, "recordings/demo.har"], environment: env)
        #expect(!run.err.contains("No module named 'mcp'"), "the MCP Python SDK is missing: run 'make test-deps'")
        #expect(run.status == 0, "\(run.out)\n\(run.err.suffix(3000))")
        #expect(run.out.contains("OK: mcp client checks"), "\(run.out)")
    }

    @Test func liveStdoutIsProtocolOnlyAndNoTokenIsEverShown() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let input = Self.messages([
            ("accounts_search", ["account": "acme"]),
            ("raw_get", ["path": .string("/resources/accounts/\(e2eToken)")]),
            ("raw_get", ["path": .string("/resources/accounts?externalId=\(e2eToken)&limit=1")]),
            ("health", ["account": .string(e2eToken)]),
        ])
        let run = try await runShell(["mcp", "--max-requests", "500"], environment: env, stdin: input)
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "one answer per request, nothing else on stdout: \(run.out.prefix(2000))")
        for line in lines {
            let message = try JSONParser.parse(line)
            #expect(message["jsonrpc"] == "2.0" && message["id"] != nil, "\(line.prefix(300))")
        }
        #expect(try JSONParser.parse(lines[0])["result"]?["instructions"]?.string?.contains("Live: results come from tenant acme") == true)
        #expect(try JSONParser.parse(lines[1])["result"]?["isError"] == false, "\(lines[1].prefix(500))")
        #expect(try JSONParser.parse(lines[2])["result"]?["isError"] == true, "a 404 is an error result: \(lines[2].prefix(500))")
        #expect(!run.out.contains(e2eToken) && !run.err.contains(e2eToken), "\(run.out.prefix(3000))\n\(run.err)")
        #expect(run.out.contains("REDACTED"), "the token in a path is shown redacted")
        #expect(run.err.contains("vitally-shell mcp: serving live acme"), "\(run.err)")
    }

    @Test func recordModeRecordsTheCallsWithoutTheToken() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("mcp.har")
        var input = Self.messages([("accounts_search", ["account": "acme"])])
        input += #"{"jsonrpc":"2.0","id":9,"method":"resources/read","params":{"uri":"har://entry/1"}}"# + "\n"
        let run = try await runShell(["mcp", "--record", file.path], environment: env, stdin: input)
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.out.prefix(2000))")
        #expect(try JSONParser.parse(lines[1])["result"]?["isError"] == false, "\(lines[1].prefix(500))")
        #expect(try JSONParser.parse(lines[0])["result"]?["instructions"]?.string?.contains("Record: results come live") == true)
        let entry = try JSONParser.parse(lines[2])["result"]?["contents"]?[0]?["text"]?.string ?? ""
        #expect(entry.contains("\"method\": \"GET\""), "har://entry/1 while recording: \(lines[2].prefix(500))")
        #expect(run.err.contains("recording saved"), "\(run.err)")
        let har = try String(contentsOf: file, encoding: .utf8)
        #expect(har.contains("/resources/accounts") && !har.contains(e2eToken))
        #expect(!run.out.contains(e2eToken) && !run.err.contains(e2eToken))
    }

    @Test func badLinesGetJSONRPCErrorsAndMcpRefusesShellOnlyFlags() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let input = "not json\n[1,2]\n\n" + #"{"jsonrpc":"2.0","id":"a","method":"prompts/list"}"# + "\n"
            + #"{"jsonrpc":"2.0","id":7,"method":"ping"}"# + "\n"
        let run = try await runShell(["mcp", "--replay", "recordings/demo.har"], environment: env, stdin: input)
        let lines = run.out.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        #expect(lines.count == 4, "\(run.out)")
        #expect(lines[0]?["error"]?["code"] == -32700 && lines[1]?["error"]?["code"] == -32600)
        #expect(lines[2]?["id"] == "a" && lines[2]?["error"]?["code"] == -32601)
        #expect(lines[3]?["id"] == 7 && lines[3]?["result"] == .object(JSONObject()))
        let refused = try await runShell(["mcp", "-c", "status"], environment: env)
        #expect(refused.status == 2 && refused.err.contains("-c, --script and -i do not apply"), "\(refused.err)")
        let zero = try await runShell(["mcp", "--max-requests", "0"], environment: env)
        #expect(zero.status == 2 && zero.err.contains("--max-requests takes a whole number from 1"), "\(zero.err)")
    }
}
