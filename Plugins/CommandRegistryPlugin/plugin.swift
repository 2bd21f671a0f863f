import Foundation
import PackagePlugin

/// Generates the list of shell commands from the types that conform to `ShellCommand`,
/// so that adding a command is one new file.
@main
struct CommandRegistryPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let inputs = module.sourceFiles(withSuffix: "swift").map(\.url)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("CommandRegistry.generated.swift")
        return [
            .buildCommand(
                displayName: "Listing the shell commands of \(target.name)",
                executable: try context.tool(named: "command-registry").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
