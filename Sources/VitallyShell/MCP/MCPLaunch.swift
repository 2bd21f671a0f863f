/// `vitally-shell mcp [--replay FILE.har | --record FILE.har [--record-mode M]] [--max-requests N]
/// [--observations FILE | --no-observations] [--print-schemas]`: the shell's own start-up flags choose the mode.
package struct MCPLaunch: Equatable, Sendable {
    package var options: LaunchOptions
    package var maxRequests: Int?
    /// Print the tools (as `tools/list` lists them) and exit.
    package var printSchemas = false
    package var help = false

    /// Parses the words after `mcp`: its own two flags, then the shell's.
    package static func parse(_ arguments: [String]) throws(LaunchOptions.UsageError) -> MCPLaunch {
        var rest: [String] = []
        var launch = MCPLaunch(options: LaunchOptions())
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--print-schemas" {
                launch.printSchemas = true
            } else if word == "--max-requests" || word.hasPrefix("--max-requests=") {
                if launch.maxRequests != nil { throw LaunchOptions.UsageError(message: "--max-requests is given twice; give it once") }
                let value = word.contains("=") ? String(word.drop { $0 != "=" }.dropFirst()) : index < arguments.count ? arguments[index] : ""
                if !word.contains("=") { index += 1 }
                guard let count = Int(value), count >= 1 else {
                    throw LaunchOptions.UsageError(message: "--max-requests takes a whole number from 1, not '\(value.prefix(20))': --max-requests 200")
                }
                launch.maxRequests = count
            } else {
                rest.append(word)
            }
        }
        switch try LaunchOptions.parse(rest) {
        case .help, .version:
            launch.help = true
        case .run(let options):
            if options.commands != nil || options.script != nil || options.interactive {
                throw LaunchOptions.UsageError(
                    message: "mcp serves the Model Context Protocol on stdin and stdout; -c, --script and -i do not apply (run them without mcp)")
            }
            launch.options = options
        }
        return launch
    }

    /// `vitally-shell mcp --help`.
    package static let helpText = """
        Usage: vitally-shell mcp [--replay FILE.har | --record FILE.har [--record-mode MODE]] [--max-requests N]

        Serves the shell's read commands as Model Context Protocol tools over stdin and stdout
        (JSON-RPC 2.0, one message per line); logs go to stderr. Live with the saved connection or
        VITALLY_SUBDOMAIN and VITALLY_TOKEN; --replay answers from a recording with no network.

          --replay FILE.har     answer from this recording, with no network
          --record FILE.har     answer live and record every exchange into this file
          --max-requests N      stop the session's calls after N requests (a runaway assistant)
          --observations FILE   account history from this SQLite file; --no-observations: none
          --print-schemas       print the tools and their input schemas as JSON, then exit

        """
}
