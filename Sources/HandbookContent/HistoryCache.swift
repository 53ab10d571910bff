import Foundation

/// The history kept between builds in the repository's git folder
/// (`.git/handbook/history`): never in the work tree, never committed, gone
/// with the clone. A later build walks only the commits made since. Anything
/// unexpected in the file (another format, another site folder, a damaged
/// line) makes it unused, and the history is walked whole.
struct HistoryCache {
    let file: String
    let prefix: String

    init(repository: GitHistory.Repository) {
        file = repository.gitDirectory + "/handbook/history"
        prefix = repository.prefix
    }

    private static let format = "handbook history 2"

    /// Lines of tab-separated fields: the header, `files N` and N files
    /// (path, newest time, commits, then author and count pairs), then
    /// `changes` with the window, its commits and their changes.
    func load() -> (head: String, tally: HistoryTally, recent: RecentChanges?)? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[...]
        func next() -> [Substring]? { lines.popFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) } }
        guard next() == [Substring(Self.format)], let head = next(), head.count == 2, head[0] == "head", next() == ["prefix", Substring(prefix)],
            let files = next(), files.count == 2, files[0] == "files", let fileCount = Int(files[1])
        else { return nil }
        var tally = HistoryTally()
        for _ in 0..<fileCount {
            guard let fields = next(), fields.count >= 3, fields.count % 2 == 1, let time = Int(fields[1]), let commits = Int(fields[2]) else {
                return nil
            }
            var authors: [String: Int] = [:]
            for k in stride(from: 3, to: fields.count - 1, by: 2) {
                guard let count = Int(fields[k + 1]) else { return nil }
                authors[String(fields[k])] = count
            }
            tally.entries[String(fields[0])] = HistoryTally.Entry(lastChanged: time, commits: commits, authors: authors)
        }
        guard let header = next(), header.count == 6, header[0] == "changes", let weeks = Int(header[1]), let start = Int(header[2]),
            let limit = Int(header[3]), let commitCount = Int(header[4]), let changeCount = Int(header[5])
        else { return (String(head[1]), tally, nil) }
        var recent = RecentChanges(window: .init(weeks: weeks, start: start, limit: limit))
        for _ in 0..<commitCount {
            guard let fields = next(), fields.count == 2, let time = Int(fields[1]) else { return (String(head[1]), tally, nil) }
            recent.commits.append((String(fields[0]), time))
        }
        for _ in 0..<changeCount {
            guard let f = next(), f.count == 7, let time = Int(f[1]) else { return (String(head[1]), tally, nil) }
            recent.changes.append(
                GitHistory.Change(
                    commit: String(f[0]), time: time, author: String(f[2]), subject: String(f[3]), path: String(f[4]), added: Int(f[5]),
                    removed: Int(f[6])))
        }
        return (String(head[1]), tally, recent)
    }

    /// Writes it all (to a temporary file, then renamed: a build stopped
    /// half-way leaves the old one). Failing to write only costs the next build time.
    func save(_ tally: HistoryTally, recent: RecentChanges?, head: String) {
        func clean(_ s: String) -> String {
            s.contains(where: { $0 == "\t" || $0 == "\n" }) ? s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") : s
        }
        let entries = tally.entries.filter { !$0.key.contains("\t") && !$0.key.contains("\n") }.sorted { $0.key < $1.key }
        var text = Self.format + "\nhead\t" + head + "\nprefix\t" + prefix + "\nfiles\t\(entries.count)\n"
        for (path, entry) in entries {
            text += path + "\t" + String(entry.lastChanged) + "\t" + String(entry.commits)
            for (author, count) in entry.authors.sorted(by: { $0.key < $1.key }) { text += "\t" + clean(author) + "\t" + String(count) }
            text += "\n"
        }
        if let recent {
            let changes = recent.changes.filter { !$0.path.contains("\t") && !$0.path.contains("\n") }
            let w = recent.window
            text += "changes\t\(w.weeks)\t\(w.start)\t\(w.limit)\t\(recent.commits.count)\t\(changes.count)\n"
            for commit in recent.commits { text += commit.id + "\t" + String(commit.time) + "\n" }
            for c in changes {
                text += [c.commit, String(c.time), clean(c.author), clean(c.subject), c.path, c.added.map(String.init) ?? "-", c.removed.map(String.init) ?? "-"]
                    .joined(separator: "\t") + "\n"
            }
        }
        let folder = (file as NSString).deletingLastPathComponent
        let temporary = file + ".tmp-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, file) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
