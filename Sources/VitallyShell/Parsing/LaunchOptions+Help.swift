extension LaunchOptions {
    /// `vitally-shell --help`: what the shell is, where credentials come from, every flag.
    package static func helpText(width: Int = 80) -> String {
        var lines = wrap(
            "vitally-shell: a read-only shell for Vitally: explore accounts, match attendees, brief, diagnose; record and replay.",
            width: width, indent: "")
        lines += ["", "Usage: vitally-shell [OPTIONS]", "       vitally-shell mcp [OPTIONS]   the read commands as MCP tools (mcp --help)", ""]
        lines += wrap(
            "Credentials: 'connect' inside the shell, or VITALLY_SUBDOMAIN, VITALLY_TOKEN, VITALLY_REGION (us|eu) and "
                + "VITALLY_BASE_URL (a proxy or vitally-sim). Commands come from the terminal, -c, --script, or a pipe; "
                + "inside the shell, 'help' lists them.",
            width: width, indent: "")
        lines += ["", "Options:"]
        let column = 26
        for flag in flags {
            let names = (flag.short.map { "-\($0), " } ?? "") + flag.name
            let head = "  " + names + (flag.valueName.map { " " + $0 } ?? "")
            let body = wrap(flag.help, width: width, indent: String(repeating: " ", count: column))
            if head.count + 2 <= column {
                lines.append(head + String(repeating: " ", count: column - head.count) + body[0].dropFirst(column))
                lines += body.dropFirst()
            } else {
                lines.append(head)
                lines += body
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Words filled into lines of at most `width` columns, each starting with `indent`.
    private static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }
}
