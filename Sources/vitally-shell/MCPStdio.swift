import Foundation
import VitallyKit
import VitallyShell

/// `vitally-shell mcp`: the MCP server on stdin and stdout, one message per line. stdout carries
/// the protocol and nothing else; notes and logs go to stderr.
enum MCPStdio {
    static func run(_ launch: MCPLaunch) -> Int32 {
        if launch.help {
            Terminal.out(MCPLaunch.helpText)
            return 0
        }
        if launch.printSchemas {
            Terminal.write(JSONValue.array(MCPCatalog.tools.map(\.definition)).serialized(pretty: true) + "\n", to: STDOUT_FILENO)
            return 0
        }
        let options = launch.options
        let runner = CommandRunner()
        let shell = Shell(environment: REPL.environment(showProgress: false, history: nil, promptsForSecrets: false), jsonByDefault: true)
        runner.run { await shell.configureHistory(file: options.observations, disabled: options.noObservations) }
        Terminal.onInterrupt { Terminal.exit(130) }
        let opening = runner.run { await shell.start(replay: options.replay, record: options.record, recordMode: options.recordMode) }
        let secrets = runner.run { await shell.secrets }
        @Sendable func log(_ text: String) {
            Terminal.err("vitally-shell mcp: " + LineRedactor.redactUserinfo(Redactor.scrub(text, secrets: secrets)) + "\n")
        }
        for note in runner.run({ await shell.takeStartupNotes() }) { log("warning: " + note) }
        if let error = opening.error {
            log("error: " + error)
            return opening.status.rawValue
        }
        runner.run { await shell.setRequestBudget(launch.maxRequests) }
        let (mode, tenant) = runner.run { (await shell.mode, await shell.tenant) }
        log("serving \(mode.rawValue)\(tenant.isEmpty ? "" : " " + tenant) over stdio\(launch.maxRequests.map { ", at most \($0) requests" } ?? "")")
        let server = MCPServer(shell: shell, maxRequests: launch.maxRequests, log: { log($0) })
        while let line = readLine(strippingNewline: true) {
            if let reply = runner.run({ await server.handle(line: line) }) { Terminal.write(reply + "\n", to: STDOUT_FILENO) }
        }
        if let finished = runner.run({ await shell.finish() }) {
            if let error = finished.error {
                log("error: " + error)
                return finished.status.rawValue
            }
            log(TextRenderer().render(finished.output, json: false).trimmingCharacters(in: .newlines))
        }
        return 0
    }
}
