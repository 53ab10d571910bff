import Foundation
import PackagePlugin

/// The version `handbook --version` prints: `HANDBOOK_VERSION` when the
/// build sets it (the release workflow sets the tag), else the tag of the
/// checked-out commit, else `0.1.0-dev+<commit>`. SourceGenerator reads
/// `.git` as files (no git process) when the command runs, which is again
/// whenever HEAD, the branch's ref or the packed refs change.
@main
struct StampVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let git = context.package.directoryURL.appending(path: ".git")
        var inputs = [git.appending(path: "HEAD"), git.appending(path: "packed-refs")]
        if let head = try? String(contentsOf: inputs[0], encoding: .utf8), head.hasPrefix("ref: ") {
            inputs.append(git.appending(path: head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let tags = git.appending(path: "refs/tags")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tags.path)) ?? [] { inputs.append(tags.appending(path: name)) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildVersion.swift")
        var environment: [String: String] = [:]
        if let given = ProcessInfo.processInfo.environment["HANDBOOK_VERSION"] { environment["HANDBOOK_VERSION"] = given }
        return [
            .buildCommand(
                displayName: "Stamping the version", executable: try context.tool(named: "SourceGenerator").url,
                arguments: ["version", git.path, output.path], environment: environment,
                inputFiles: inputs.filter { FileManager.default.fileExists(atPath: $0.path) }, outputFiles: [output])
        ]
    }
}
