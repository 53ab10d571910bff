import Foundation
import HandbookSystem
import Synchronization

/// What git knows about each file of the site: when it last changed, who
/// changed it, how often, and the recent changes one by one. The whole
/// history is read with one `git log` (never one process per file),
/// following renames so that a moved page keeps its history, and kept
/// between builds in the repository's git folder, so that the next build
/// walks only the commits made since. Nothing here depends on the clock: the
/// same commit gives the same history.
package struct GitHistory: Sendable, Equatable {
    package struct File: Sendable, Equatable {
        /// Seconds since 1970 of the newest commit that changed the file.
        package var lastChanged: Int
        /// Authors, the most frequent first (then by name).
        package var authors: [String]
        package var commits: Int
    }

    /// One commit's change to one file, for the "what changed" page and feeds.
    package struct Change: Sendable, Equatable {
        package var commit: String
        /// Seconds since 1970 (the author's date).
        package var time: Int
        package var author: String
        package var subject: String
        /// The file's name today (or its last name, if it is gone).
        package var path: String
        /// Lines added and removed; nil for a binary file.
        package var added: Int?
        package var removed: Int?
    }

    /// The commit the history was read at (part of what a render depends on).
    package let head: String
    /// The checked-out branch, or nil on a detached HEAD.
    package let branch: String?
    /// By path relative to the site's folder.
    package let files: [String: File]
    /// When `head` was committed: the recent changes are counted back from it.
    package let headTime: Int
    /// The changes of the `changeWeeks` weeks before `headTime`, newest
    /// first, from `changeCommitLimit` commits at most.
    package let changes: [Change]
    /// The commits the changes were read from, when there were more in the weeks asked for.
    package var changesTruncated: Bool { changeCommits >= Self.changeCommitLimit }
    /// How many commits the changes come from.
    package let changeCommits: Int

    /// A busy repository's recent changes are cut to its latest commits: the
    /// page stays readable and the walk short.
    package static let changeCommitLimit = 1_000

    package init(head: String, branch: String?, files: [String: File], headTime: Int = 0, changes: [Change] = [], changeCommits: Int = 0) {
        self.head = head
        self.branch = branch
        self.files = files
        self.headTime = headTime
        self.changes = changes
        self.changeCommits = changeCommits
    }

    package enum Probe: Sendable, Equatable {
        case none
        case shallow
        case ready(Repository)
    }

    /// Where the site's folder is in its repository.
    package struct Repository: Sendable, Equatable {
        package var head: String
        package var branch: String?
        /// The repository's git folder, where the history is kept between builds.
        package var gitDirectory: String
        /// The site's folder relative to the repository's top (`""` or `docs/`).
        package var prefix: String
    }

    /// Whether `root` is in a git work tree with its whole history, and its
    /// commit (quick: one small process, no history read).
    package static func probe(root: String) -> Probe {
        // Starting git costs tens of milliseconds: not for a folder that no repository holds.
        guard ProcessInfo.processInfo.environment["GIT_DIR"] != nil || hasRepositoryAbove(root) else { return .none }
        let asked = ["--is-inside-work-tree", "--is-shallow-repository", "--absolute-git-dir", "--show-prefix", "HEAD", "--abbrev-ref", "HEAD"]
        guard let answer = Git.run(["rev-parse"] + asked, in: root) else { return .none }
        let lines = answer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 6, lines[0] == "true" else { return .none }
        if lines[1] == "true" { return .shallow }
        let head = lines[4]
        guard head.count >= 40 else { return .none }
        // `HEAD` when it is detached.
        let branch = lines[5] == "HEAD" || lines[5].isEmpty ? nil : lines[5]
        return .ready(Repository(head: head, branch: branch, gitDirectory: lines[2], prefix: lines[3]))
    }

    /// Whether `folder` or one of the folders above it holds a `.git` (a
    /// folder, or the file of a worktree or submodule).
    static func hasRepositoryAbove(_ folder: String) -> Bool {
        var current = FileSystem.resolvedPath(folder)
        while true {
            if FileSystem.kind(of: current + (current == "/" ? ".git" : "/.git"), followingLinks: true) != .missing { return true }
            if current == "/" { return false }
            current = FileSystem.parent(of: current)
        }
    }

    /// Reads the history of the files under `root` at `repository.head`:
    /// what was kept from an earlier build brought up to date with the
    /// commits made since (or, without it, one walk of everything), then the
    /// last `changeWeeks` weeks of changes with their sizes.
    package static func read(root: String, repository: Repository, changeWeeks: Int) -> GitHistory? {
        let cache = HistoryCache(repository: repository)
        let head = repository.head
        guard let headTime = Git.run(["show", "-s", "--format=%ct", head], in: root).flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        else { return nil }
        let window = RecentChanges.Window(weeks: changeWeeks, start: headTime - changeWeeks * 7 * 86_400, limit: changeCommitLimit)
        var kept = cache.load()
        if let earlier = kept, earlier.head != head, !Git.isAncestor(earlier.head, of: head, in: root) { kept = nil }
        var tally: HistoryTally
        var recent: RecentChanges?
        if let kept, kept.head == head {
            (tally, recent) = (kept.tally, kept.recent)
        } else if let kept {
            let range = kept.head + ".." + head
            guard let newer = GitLog.nameStatus(root: root, range: range) else { return nil }
            tally = kept.tally
            tally.absorb(newer: newer)
            recent = kept.recent.flatMap { old in GitLog.numstat(root: root, range: range, window: window).map { old.absorbing(newer: $0) } }
        } else {
            guard let all = GitLog.nameStatus(root: root, range: head) else { return nil }
            tally = all
        }
        // Kept changes serve when they were read for the same weeks and reach back far enough.
        if recent.map({ $0.window.weeks != window.weeks || $0.window.limit != window.limit || $0.window.start > window.start }) != false {
            recent = changeWeeks > 0 ? GitLog.numstat(root: root, range: head, window: window) : RecentChanges(window: window)
        }
        recent?.trim(to: window)
        if kept?.head != head || kept?.recent != recent { cache.save(tally, recent: recent, head: head) }
        return GitHistory(
            head: head, branch: repository.branch, files: tally.files, headTime: headTime, changes: recent?.changes ?? [],
            changeCommits: recent?.commits.count ?? 0)
    }
}

/// The recent commits' changes, with the window they were read for.
struct RecentChanges: Sendable, Equatable {
    struct Window: Sendable, Equatable {
        var weeks: Int
        /// Commits from this time on (seconds since 1970, committer dates).
        var start: Int
        /// The newest this many at most.
        var limit: Int
    }

    var window: Window
    /// Commit ids and committer times, newest first.
    var commits: [(id: String, time: Int)] = []
    var changes: [GitHistory.Change] = []
    /// Older name → name at the newest commit walked.
    var renamedTo: [String: String] = [:]

    /// Adds the changes of commits made after these: the files they renamed
    /// take their new names here too.
    func absorbing(newer: RecentChanges) -> RecentChanges {
        var result = newer
        result.window = window
        result.commits += commits
        result.changes += changes.map { change in
            var change = change
            change.path = newer.renamedTo[change.path] ?? change.path
            return change
        }
        result.renamedTo = [:]
        return result
    }

    /// Keeps the newest `limit` commits made from `start` on (newest first
    /// by committer time, git's order among equals).
    mutating func trim(to window: Window) {
        let ordered = commits.enumerated().filter { $0.element.time >= window.start }
            .sorted { $0.element.time != $1.element.time ? $0.element.time > $1.element.time : $0.offset < $1.offset }
            .prefix(window.limit)
        let rank = Dictionary(ordered.enumerated().map { ($0.element.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        commits = ordered.map(\.element)
        changes = changes.enumerated().filter { rank[$0.element.commit] != nil }
            .sorted { (rank[$0.element.commit] ?? 0, $0.offset) < (rank[$1.element.commit] ?? 0, $1.offset) }.map(\.element)
        self.window = window
        renamedTo = [:]
    }

    static func == (a: RecentChanges, b: RecentChanges) -> Bool {
        a.window == b.window && a.changes == b.changes && a.commits.elementsEqual(b.commits, by: { $0.id == $1.id && $0.time == $1.time })
    }
}

/// Per file: its newest commit's time, its commit count and its authors'
/// counts; what one walk of the history gives, and what adding newer commits
/// to it needs.
struct HistoryTally: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var lastChanged: Int
        var commits: Int
        var authors: [String: Int]
    }

    var entries: [String: Entry] = [:]
    /// Older name → name at the newest commit walked, for renames seen in the walk.
    var renamedTo: [String: String] = [:]

    /// Adds a tally of commits made after this one's: the files they renamed
    /// bring their older history along.
    mutating func absorb(newer: HistoryTally) {
        var merged = newer.entries
        for (path, old) in entries {
            let today = newer.renamedTo[path] ?? path
            var entry = merged[today] ?? Entry(lastChanged: old.lastChanged, commits: 0, authors: [:])
            entry.lastChanged = max(entry.lastChanged, old.lastChanged)
            entry.commits += old.commits
            entry.authors.merge(old.authors, uniquingKeysWith: +)
            merged[today] = entry
        }
        entries = merged
        renamedTo = [:]
    }

    var files: [String: GitHistory.File] {
        entries.mapValues { entry in
            GitHistory.File(
                lastChanged: entry.lastChanged, authors: entry.authors.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
                commits: entry.commits)
        }
    }
}

/// The history being read on another thread while the build parses pages;
/// `value` waits for it.
package final class PendingHistory: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<GitHistory?>(nil)

    package init(root: String, repository: GitHistory.Repository, changeWeeks: Int) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            let history = GitHistory.read(root: root, repository: repository, changeWeeks: changeWeeks)
            self.result.withLock { $0 = history }
            self.done.leave()
        }
    }

    package var value: GitHistory? {
        done.wait()
        return result.withLock { $0 }
    }
}
