import Foundation

/// The version of a git work tree, read from `.git`'s files: the tag of the
/// checked-out commit (without a leading `v`), else `<base>-dev+<commit>`.
enum GitVersion {
    static let base = "0.1.0"

    static func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func version(git: URL) -> String {
        guard let head = read(git.appending(path: "HEAD")) else { return "\(base)-dev" }
        var commit = head.hasPrefix("ref: ") ? read(git.appending(path: String(head.dropFirst(5)))) ?? "" : head
        // Tags, loose and packed: a lightweight tag names the commit; a packed
        // annotated tag gives the commit on the `^` line after it.
        var tags: [(name: String, commit: String)] = []
        var last: String?
        for line in (read(git.appending(path: "packed-refs")) ?? "").split(separator: "\n") {
            if line.hasPrefix("^") {
                if let name = last { tags.append((name, String(line.dropFirst()))) }
                continue
            }
            let parts = line.split(separator: " ")
            last = nil
            guard parts.count == 2 else { continue }
            if commit.isEmpty, head == "ref: " + parts[1] { commit = String(parts[0]) }
            if parts[1].hasPrefix("refs/tags/") {
                let name = String(parts[1].dropFirst("refs/tags/".count))
                last = name
                tags.append((name, String(parts[0])))
            }
        }
        let folder = git.appending(path: "refs/tags")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            if let target = read(folder.appending(path: name)) { tags.append((name, target)) }
        }
        if let tag = tags.filter({ $0.commit == commit && !commit.isEmpty }).map(\.name).sorted().last {
            return tag.hasPrefix("v") ? String(tag.dropFirst()) : tag
        }
        return commit.isEmpty ? "\(base)-dev" : "\(base)-dev+\(commit.prefix(10))"
    }
}
