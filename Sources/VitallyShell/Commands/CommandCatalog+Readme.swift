/// The README's command table, generated from the specs (`CatalogTests` keeps the README's copy
/// equal to it). It lists commands and subcommands with their arguments, not their flags:
/// `help COMMAND` is where flags are listed, so adding a flag changes no document.
extension CommandCatalog {
    package static var readmeTable: String {
        var lines = ["| command | what it does |", "|---|---|"]
        for spec in all {
            if spec.bare { lines.append(row([spec.name, spec.synopsis], spec.summary)) }
            for sub in spec.subcommands { lines.append(row([spec.name, sub.name, sub.synopsis], sub.summary)) }
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ words: [String], _ summary: String) -> String {
        let command = words.filter { !$0.isEmpty }.joined(separator: " ")
        return "| `\(command.replacingOccurrences(of: "|", with: "\\|"))` | \(summary.replacingOccurrences(of: "|", with: "\\|")) |"
    }
}
