import Foundation
import PackagePlugin

/// The version `handbook --version` prints: `HANDBOOK_VERSION` when the
/// build sets it (the release workflow sets the tag), else the tag of the
/// checked-out commit, else `<base>-dev+<commit>`. Read from `.git` as
/// files (no git process), and rebuilt when HEAD or the refs change.
@main
struct StampVersion: BuildToolPlugin {
    static let base = "0.1.0"

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let git = context.package.directoryURL.appending(path: ".git")
        let (version, inputs) = Self.version(git: git)
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildVersion.swift")
        return [
            .buildCommand(
                displayName: "Stamping version \(version)", executable: try context.tool(named: "SourceGenerator").url,
                arguments: ["version", version, output.path], inputFiles: inputs, outputFiles: [output])
        ]
    }

    static func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func version(git: URL) -> (String, [URL]) {
        if let given = ProcessInfo.processInfo.environment["HANDBOOK_VERSION"], !given.isEmpty { return (given, []) }
        let headFile = git.appending(path: "HEAD")
        guard let head = read(headFile) else { return ("\(base)-dev", []) }
        var inputs = [headFile]
        var commit = head
        if head.hasPrefix("ref: ") {
            let ref = String(head.dropFirst(5))
            let refFile = git.appending(path: ref)
            inputs.append(refFile)
            commit = read(refFile) ?? ""
        }
        // Tags, loose and packed: a lightweight tag names the commit itself;
        // a packed annotated tag gives it on the `^` line after.
        let packedFile = git.appending(path: "packed-refs")
        var tags: [(name: String, commit: String)] = []
        if let packed = read(packedFile) {
            inputs.append(packedFile)
            var last: String?
            for line in packed.split(separator: "\n") {
                if line.hasPrefix("^"), let name = last {
                    tags.append((name, String(line.dropFirst())))
                } else {
                    let parts = line.split(separator: " ")
                    last = nil
                    if parts.count == 2, parts[1].hasPrefix("refs/tags/") {
                        last = String(parts[1].dropFirst("refs/tags/".count))
                        tags.append((last!, String(parts[0])))
                    }
                    if commit.isEmpty, parts.count == 2, head == "ref: " + parts[1] { commit = String(parts[0]) }
                }
            }
        }
        let tagsFolder = git.appending(path: "refs/tags")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tagsFolder.path)) ?? [] {
            if let target = read(tagsFolder.appending(path: name)) { tags.append((name, target)) }
        }
        if let tag = tags.filter({ $0.commit == commit }).map(\.name).sorted().last {
            return (tag.hasPrefix("v") ? String(tag.dropFirst()) : tag, inputs)
        }
        return (commit.isEmpty ? "\(base)-dev" : "\(base)-dev+\(commit.prefix(10))", inputs)
    }
}
