import Foundation
import PackagePlugin

/// Compiles the default theme (`Sources/HandbookRender/Theme/`) into the
/// binary: SourceGenerator writes every file as a string literal of
/// `EmbeddedTheme.swift`, so that `handbook` is one file to install, with no
/// resource bundle to carry beside it.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = target.directoryURL.appending(path: "Theme")
        let files = (FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey])?.allObjects ?? [])
            .compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme", executable: try context.tool(named: "SourceGenerator").url,
                arguments: ["theme", theme.path, output.path], inputFiles: files, outputFiles: [output])
        ]
    }
}
