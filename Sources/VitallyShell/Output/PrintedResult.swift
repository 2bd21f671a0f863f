import VitallyKit

extension CommandResult {
    /// What the shell prints on stdout for this result (its JSON, or its text), every secret
    /// scrubbed: `-c` and the MCP server print the same bytes from it.
    package func printed(json: Bool, width: Int, color: Bool = false, secrets: [String]) -> String {
        Redactor.scrub(TextRenderer(width: width, color: color && !json).render(output, json: json), secrets: secrets)
    }
}
