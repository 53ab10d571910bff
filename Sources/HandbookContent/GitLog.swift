import Foundation

/// The two `git log` walks the history is read with, and their parsers.
/// Both use `-z`, so a file name is never quoted, whatever it contains.
enum GitLog {
    /// Each commit in `range` with the files it touched (`--name-status`:
    /// git compares trees only, the cheaper walk), tallied per file.
    static func nameStatus(root: String, range: String) -> HistoryTally? {
        Git.data(["log", "--relative", "-M", "--name-status", "-z", "--format=%x1e%at%x1f%an", range, "--", "."], in: root).map(tally)
    }

    /// The changes of the commits of `range` in `window`, with the lines
    /// each added and removed (`--numstat`: git diffs the files, so this
    /// walk covers only recent commits, about half a millisecond each).
    static func numstat(root: String, range: String, window: RecentChanges.Window) -> RecentChanges? {
        Git.data(
            [
                "log", "--relative", "-M", "--numstat", "-z", "--since=@\(window.start)", "--max-count=\(window.limit)",
                "--format=%x1e%H%x1f%at%x1f%ct%x1f%an%x1f%s", range, "--", ".",
            ],
            in: root
        ).map { changes($0, window: window) }
    }

    /// `--name-status -z` output, newest commit first, as a tally.
    static func tally(_ log: Data) -> HistoryTally {
        var tally = HistoryTally()
        for record in records(log) {
            guard record.header.count == 2, let time = Int(record.header[0]) else { continue }
            let author = record.header[1]
            var touched: Set<String> = []
            var k = 0
            while k < record.fields.count {
                let status = record.fields[k]
                let paths = status.hasPrefix("R") || status.hasPrefix("C") ? 2 : 1
                guard k + paths < record.fields.count else { break }
                let path = record.fields[k + paths]
                // The file's name today; before a rename, its old name leads to it.
                let today = tally.renamedTo[path] ?? path
                if status.hasPrefix("R") { tally.renamedTo[record.fields[k + 1]] = today }
                touched.insert(today)
                k += paths + 1
            }
            for path in touched {
                var entry = tally.entries[path] ?? HistoryTally.Entry(lastChanged: time, commits: 0, authors: [:])
                entry.lastChanged = max(entry.lastChanged, time)
                entry.commits += 1
                entry.authors[author, default: 0] += 1
                tally.entries[path] = entry
            }
        }
        return tally
    }

    /// `--numstat -z` output, newest commit first, as changes under today's names.
    static func changes(_ log: Data, window: RecentChanges.Window) -> RecentChanges {
        var recent = RecentChanges(window: window)
        for record in records(log) {
            guard record.header.count == 5, let time = Int(record.header[1]), let committed = Int(record.header[2]) else { continue }
            recent.commits.append((record.header[0], committed))
            var k = 0
            while k < record.fields.count {
                let counts = record.fields[k].split(separator: "\t", omittingEmptySubsequences: false)
                guard counts.count == 3 else { break }
                var path = String(counts[2])
                if path.isEmpty {  // a rename: the old name and the new follow
                    guard k + 2 < record.fields.count else { break }
                    path = recent.renamedTo[record.fields[k + 2]] ?? record.fields[k + 2]
                    recent.renamedTo[record.fields[k + 1]] = path
                    k += 3
                } else {
                    path = recent.renamedTo[path] ?? path
                    k += 1
                }
                recent.changes.append(
                    GitHistory.Change(
                        commit: record.header[0], time: time, author: record.header[3], subject: record.header[4], path: path,
                        added: Int(counts[0]), removed: Int(counts[1])))
            }
        }
        return recent
    }

    /// Commits of `-z` output made with a `%x1e…%x1f…` format: each one's
    /// header fields, then the NUL-separated fields of its files.
    private static func records(_ log: Data) -> [(header: [String], fields: [String])] {
        let bytes = [UInt8](log)
        var result: [(header: [String], fields: [String])] = []
        var start = 0
        while start < bytes.count {
            guard bytes[start] == 0x1E else {
                start += 1
                continue
            }
            var end = start + 1
            while end < bytes.count, bytes[end] != 0x1E { end += 1 }
            var fields = bytes[(start + 1)..<end].split(separator: 0, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            start = end
            guard !fields.isEmpty else { continue }
            // (A tab in a name or subject becomes a space, as in the kept history's fields.)
            let header = fields.removeFirst().split(separator: "\u{1F}", omittingEmptySubsequences: false).map {
                $0.contains("\t") ? $0.replacingOccurrences(of: "\t", with: " ") : String($0)
            }
            // The file list starts on a new line after the header.
            if let first = fields.first, first.hasPrefix("\n") { fields[0] = String(first.dropFirst()) }
            while fields.last?.isEmpty == true { fields.removeLast() }
            result.append((header, fields))
        }
        return result
    }
}

/// Runs git with a fixed environment (no prompts, the C locale).
package enum Git {
    package static func data(_ arguments: [String], in folder: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "core.quotepath=false"] + arguments
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
        return data
    }

    /// Standard output, or nil when git fails.
    package static func run(_ arguments: [String], in folder: String) -> String? {
        data(arguments, in: folder).map { String(decoding: $0, as: UTF8.self) }
    }

    package static func isAncestor(_ older: String, of newer: String, in folder: String) -> Bool {
        data(["merge-base", "--is-ancestor", older, newer], in: folder) != nil
    }
}
