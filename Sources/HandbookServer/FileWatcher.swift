import Foundation
import HandbookSystem

/// Watches the site's folders and reports changes in batches: the set of
/// changed files, or nil when files or folders were added, removed or moved
/// (the caller then rescans everything).
///
/// Where the system notifies changes (inotify on Linux), it keeps one watch
/// per folder, adding watches for new folders as they appear, and treats lost
/// events as "rescan". Elsewhere, or with `poll: true`, it compares file
/// stamps every 300 ms. Bursts of events
/// (an editor's save is several, all within a millisecond or two) are merged
/// until `quiet` passes without another (15 ms: inotify reports at once), and
/// editor scratch files (`.swp`, `~`, `4913`, `.#x`, `*.tmp`) are ignored.
final class FileWatcher: @unchecked Sendable {
    typealias Batch = Set<String>?

    private let roots: [String]
    private let poll: Bool
    private let quiet: TimeInterval
    private let lock = NSLock()
    private var stopped = false

    /// `roots` are folders watched with everything below them, or single
    /// files (a missing one is watched for from its folder, when that exists).
    init(roots: [String], poll: Bool = false, quiet: TimeInterval = 0.015) {
        self.roots = roots
        self.poll = poll
        self.quiet = quiet
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Batches of changes, until `stop()`. The watches are in place when this
    /// returns, so no change made after the call is missed.
    func changes() -> AsyncStream<Batch> {
        let (stream, continuation) = AsyncStream<Batch>.makeStream()
        continuation.onTermination = { [weak self] _ in self?.stop() }
        if !poll, let notifier = Platform.changeNotifier() {
            // Made here (the watches are in place before this returns), then
            // used by the watcher thread alone.
            nonisolated(unsafe) let folders = WatchedFolders(roots: roots, notifier: notifier)
            let thread = Thread { [self] in watch(folders, continuation) }
            thread.name = "handbook file watcher"
            thread.start()
            return stream
        }
        let initial = snapshot()
        let thread = Thread { [self] in watchByPolling(continuation, from: initial) }
        thread.name = "handbook file watcher"
        thread.start()
        return stream
    }

    /// Editor scratch files and hidden files never trigger a rebuild.
    static func isIgnored(_ path: String) -> Bool {
        let name = FileSystem.name(of: path)
        return name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" || name.hasPrefix("#")
    }

    // MARK: kernel notifications

    /// A watch on every folder below the roots (and on the folder of each
    /// single-file root, whose other entries are ignored).
    final class WatchedFolders {
        let notifier: ChangeNotifier
        var folders: [Int32: String] = [:]
        var singleFiles: Set<String> = []
        let trees: Set<String>

        init(roots: [String], notifier: ChangeNotifier) {
            self.notifier = notifier
            var trees: Set<String> = []
            for root in roots {
                switch FileSystem.kind(of: root, followingLinks: true) {
                case .directory:
                    trees.insert(root)
                case .missing where FileSystem.kind(of: FileSystem.parent(of: root), followingLinks: true) != .directory:
                    continue
                default:
                    // A single file (handbook.yml), there or not yet: watch its folder, keep only its events.
                    singleFiles.insert(root)
                    let parent = FileSystem.parent(of: root)
                    if let wd = notifier.watch(parent), folders[wd] == nil { folders[wd] = parent }
                }
            }
            self.trees = trees
            for tree in trees { addTree(tree) }
        }

        /// Watches `folder` and every folder below it (iteratively: depth is the site's).
        func addTree(_ folder: String) {
            var pending = [folder]
            while let next = pending.popLast() {
                guard let wd = notifier.watch(next) else { continue }
                folders[wd] = next
                for name in FileSystem.entries(of: next) ?? [] where !name.hasPrefix(".") && name != "node_modules" {
                    let path = next + "/" + name
                    if FileSystem.kind(of: path, followingLinks: true) == .directory { pending.append(path) }
                }
            }
        }

        func wanted(_ path: String) -> Bool {
            singleFiles.contains(path) || trees.contains { FileSystem.isInside(path, $0) }
        }
    }

    /// Changes seen since the last batch, handed on once `quiet` has passed
    /// without another: the one debouncing rule of both ways of watching.
    private struct Burst {
        var pending: Set<String> = []
        var rescan = false
        var last: Date?
        /// Files created, deleted or renamed in this burst, and those of them
        /// that appeared: sorted out when the burst is over.
        var cameOrWent: Set<String> = []
        var appeared: Set<String> = []

        mutating func changed(_ path: String) {
            pending.insert(path)
            last = Date()
        }

        /// A file was created, deleted or renamed. An editor that saves by
        /// writing a temporary file and renaming it over the page (`sed -i`,
        /// "safe write") makes three such events for one edit of a known file,
        /// which is an edit, not a change of the folder tree.
        mutating func fileCameOrWent(_ path: String, appearing: Bool) {
            cameOrWent.insert(path)
            if appearing { appeared.insert(path) }
            last = Date()
        }

        mutating func changedStructure() {
            rescan = true
            last = Date()
        }

        /// Yields the batch when the burst is over.
        mutating func flush(after quiet: TimeInterval, to continuation: AsyncStream<Batch>.Continuation) {
            guard let last, Date().timeIntervalSince(last) >= quiet else { return }
            // A file there now is named as changed (the build rescans for one
            // it does not know); one made and gone within the burst (a
            // temporary) is nothing; any other that went is a rescan.
            for path in cameOrWent {
                if FileSystem.kind(of: path, followingLinks: true) == .regularFile {
                    pending.insert(path)
                } else if appeared.contains(path), FileSystem.kind(of: path) == .missing {
                    pending.remove(path)  // written to as well, perhaps
                } else {
                    rescan = true
                }
            }
            continuation.yield(rescan ? nil : pending)
            self = Burst()
        }
    }

    private func watch(_ state: WatchedFolders, _ continuation: AsyncStream<Batch>.Continuation) {
        var burst = Burst()
        while !isStopped {
            // Wait for the quiet time left after the last event, else a while
            // (short enough for `stop()` to be noticed at once).
            let waiting = burst.last.map { max(1, Int32((quiet - Date().timeIntervalSince($0)) * 1000)) } ?? 100
            for event in state.notifier.events(waiting: waiting) {
                if event.kind == .overflow {
                    burst.changedStructure()
                    continue
                }
                guard let folder = state.folders[event.watch] else { continue }
                let path = event.name.isEmpty ? folder : folder + "/" + event.name
                if !event.name.isEmpty, Self.isIgnored(path) || !state.wanted(path) { continue }
                if event.isFolder {
                    if event.isCreation { state.addTree(path) }
                    burst.changedStructure()
                } else if event.kind == .structural {
                    burst.fileCameOrWent(path, appearing: event.isCreation)
                } else {
                    burst.changed(path)
                }
            }
            burst.flush(after: quiet, to: continuation)
        }
        continuation.finish()
    }

    // MARK: polling

    private func snapshot() -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        for root in roots {
            switch FileSystem.kind(of: root, followingLinks: true) {
            case .missing: continue
            case .directory: break
            default:
                result[root] = FileStamp(root)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = root + "/" + relative
                if Self.isIgnored(path) { continue }
                // Size and modification time: an inode change alone (an editor's
                // rename on save) changes nothing a reader sees.
                var stamp = FileStamp(path)
                (stamp.device, stamp.inode) = (0, 0)
                result[path] = stamp
            }
        }
        return result
    }

    private func watchByPolling(_ continuation: AsyncStream<Batch>.Continuation, from initial: [String: FileStamp]) {
        var previous = initial
        var burst = Burst()
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.3)
            let current = snapshot()
            if Set(current.keys) != Set(previous.keys) {
                burst.changedStructure()
            } else {
                for (path, stamp) in current where previous[path] != stamp { burst.changed(path) }
            }
            previous = current
            burst.flush(after: quiet, to: continuation)
        }
        continuation.finish()
    }
}
