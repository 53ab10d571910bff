import Foundation
import Synchronization

/// What git knows about each file of the site: when it last changed, who
/// changed it, how often. Read with one `git log` over the whole history
/// (never one process per file), following renames, so a moved page keeps its
/// history. Nothing here depends on the clock: the same commit gives the same
/// history.
package struct GitHistory: Sendable, Equatable {
    package struct File: Sendable, Equatable {
        /// Seconds since 1970 of the last commit that changed the file.
        package var lastChanged: Int
        /// Authors, the most frequent first (then by name).
        package var authors: [String]
        package var commits: Int
    }

    /// The commit the history was read at (part of what a render depends on).
    package let head: String
    /// The checked-out branch, or nil on a detached HEAD.
    package let branch: String?
    /// By path relative to the site's folder.
    package let files: [String: File]

    package enum Reading: Sendable, Equatable {
        case history(GitHistory)
        /// The site is not in a git work tree, or git is not installed.
        case none
        /// A shallow clone: dates would be wrong, so there are none.
        case shallow
    }

    /// Reads the history of the files under `root`.
    package static func read(root: String) -> Reading {
        switch probe(root: root) {
        case .none: return .none
        case .shallow: return .shallow
        case .ready(let head, let branch): return walk(root: root, head: head, branch: branch).map(Reading.history) ?? .none
        }
    }

    package enum Probe: Sendable, Equatable {
        case none
        case shallow
        case ready(head: String, branch: String?)
    }

    /// Whether `root` is in a git work tree with its whole history, and its commit (quick: no history read).
    package static func probe(root: String) -> Probe {
        guard let inside = git(["rev-parse", "--is-inside-work-tree"], in: root), inside.hasPrefix("true") else { return .none }
        if git(["rev-parse", "--is-shallow-repository"], in: root)?.hasPrefix("true") == true { return .shallow }
        guard let head = git(["rev-parse", "HEAD"], in: root)?.trimmingCharacters(in: .whitespacesAndNewlines), !head.isEmpty
        else { return .none }
        let branch = git(["symbolic-ref", "--quiet", "--short", "HEAD"], in: root)?.trimmingCharacters(in: .whitespacesAndNewlines)
        return .ready(head: head, branch: branch?.isEmpty == false ? branch : nil)
    }

    /// The one walk of the history (the slow part: git diffs every commit).
    package static func walk(root: String, head: String, branch: String?) -> GitHistory? {
        // Each commit: a record separator, its time and author, then one line per file changed.
        guard
            let log = git(
                ["-c", "core.quotepath=false", "log", "--relative", "-M", "--name-status", "--format=%x1e%at%x1f%an", head, "--", "."],
                in: root)
        else { return nil }
        return GitHistory(head: head, branch: branch, files: parse(log))
    }

    /// The files' histories from `git log --name-status` output, newest commit first.
    static func parse(_ log: String) -> [String: File] {
        var files: [String: File] = [:]
        var authorCounts: [String: [String: Int]] = [:]
        // The name a path has today, for the older names of renamed files.
        var renamedTo: [String: String] = [:]
        for record in log.split(separator: "\u{1E}") {
            var lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard !lines.isEmpty else { continue }
            let header = lines.removeFirst().split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            guard header.count == 2, let time = Int(header[0]) else { continue }
            let author = String(header[1])
            var touched: Set<String> = []
            for line in lines {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard let status = fields.first, fields.count >= 2 else { continue }
                let path = fields[fields.count - 1]
                if path.hasPrefix("\"") { continue }  // a name git had to quote: left out
                // The file's name today; before a rename, its old name leads to it.
                let today = renamedTo[path] ?? path
                if status.hasPrefix("R"), fields.count == 3 { renamedTo[fields[1]] = today }
                touched.insert(today)
            }
            for path in touched {
                if files[path] == nil { files[path] = File(lastChanged: time, authors: [], commits: 0) }
                files[path]?.commits += 1
                authorCounts[path, default: [:]][author, default: 0] += 1
            }
        }
        for (path, counts) in authorCounts {
            files[path]?.authors = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }
        return files
    }

    /// Runs git in `folder`; its standard output, or nil when it fails.
    private static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The history being read on another thread while the build parses pages;
/// `value` waits for it.
package final class PendingHistory: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<GitHistory?>(nil)

    package init(root: String, head: String, branch: String?) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            let history = GitHistory.walk(root: root, head: head, branch: branch)
            self.result.withLock { $0 = history }
            self.done.leave()
        }
    }

    package var value: GitHistory? {
        done.wait()
        return result.withLock { $0 }
    }
}
