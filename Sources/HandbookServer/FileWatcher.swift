import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watches the site's folders and reports changes in batches: the set of
/// changed files, or nil when files or folders were added, removed or moved
/// (the caller then rescans everything).
///
/// On Linux it uses inotify, one watch per folder, adding watches for new
/// folders as they appear, and treats a queue overflow as "rescan". Elsewhere,
/// or with `poll: true`, it compares file stamps every 300 ms. Bursts of events
/// (an editor's save is several) are merged until 100 ms pass quietly, and
/// editor scratch files (`.swp`, `~`, `4913`, `.#x`, `*.tmp`) are ignored.
final class FileWatcher: @unchecked Sendable {
    typealias Batch = Set<String>?

    private let roots: [String]
    private let poll: Bool
    private let quiet: TimeInterval
    private let lock = NSLock()
    private var stopped = false

    /// `roots` are folders watched with everything below them, or single files.
    init(roots: [String], poll: Bool = false, quiet: TimeInterval = 0.1) {
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
        #if os(Linux)
        if !poll, let inotify = InotifyState(roots: roots) {
            let thread = Thread { [self] in watch(inotify, continuation) }
            thread.name = "handbook file watcher"
            thread.start()
            continuation.onTermination = { [weak self] _ in self?.stop() }
            return stream
        }
        #endif
        let initial = snapshot()
        let thread = Thread { [self] in watchByPolling(continuation, from: initial) }
        thread.name = "handbook file watcher"
        thread.start()
        continuation.onTermination = { [weak self] _ in self?.stop() }
        return stream
    }

    /// Editor scratch files and hidden files never trigger a rebuild.
    static func isIgnored(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" || name.hasPrefix("#")
    }

    // MARK: inotify

    #if os(Linux)
    /// An inotify descriptor with a watch on every folder below the roots.
    final class InotifyState: @unchecked Sendable {
        let fd: Int32
        var folders: [Int32: String] = [:]
        var singleFiles: Set<String> = []
        let trees: Set<String>
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)

        init?(roots: [String]) {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            var trees: Set<String> = []
            for root in roots {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    trees.insert(root)
                } else {
                    // A single file (handbook.yml): watch its folder, keep only its events.
                    singleFiles.insert(root)
                    let parent = (root as NSString).deletingLastPathComponent
                    let wd = inotify_add_watch(fd, parent, mask)
                    if wd >= 0, folders[wd] == nil { folders[wd] = parent }
                }
            }
            self.trees = trees
            for tree in trees { addTree(tree) }
        }

        deinit { close(fd) }

        func addTree(_ folder: String) {
            let wd = inotify_add_watch(fd, folder, mask)
            guard wd >= 0 else { return }
            folders[wd] = folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names where !name.hasPrefix(".") && name != "node_modules" {
                var isDir: ObjCBool = false
                let path = folder + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { addTree(path) }
            }
        }

        func wanted(_ path: String) -> Bool {
            singleFiles.contains(path) || trees.contains { path == $0 || path.hasPrefix($0 + "/") }
        }
    }

    private func watch(_ state: InotifyState, _ continuation: AsyncStream<Batch>.Continuation) {
        let fd = state.fd
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        var rescan = false
        var lastEvent: Date?
        while !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&descriptor, 1, 25)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                var offset = 0
                while count > 0, offset + MemoryLayout<inotify_event>.size <= count {
                    let (wd, eventMask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                        let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<min(nameStart + nameLength, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset = nameStart + nameLength
                    if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                        rescan = true
                        lastEvent = Date()
                        continue
                    }
                    guard let folder = state.folders[wd] else { continue }
                    let path = name.isEmpty ? folder : folder + "/" + name
                    if !name.isEmpty, Self.isIgnored(path) || !state.wanted(path) { continue }
                    if eventMask & UInt32(IN_ISDIR) != 0 {
                        if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { state.addTree(path) }
                        rescan = true
                    } else if eventMask & UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF) != 0 {
                        rescan = true
                    } else {
                        pending.insert(path)
                    }
                    lastEvent = Date()
                }
            }
            if let last = lastEvent, Date().timeIntervalSince(last) >= quiet {
                continuation.yield(rescan ? nil : pending)
                pending.removeAll()
                rescan = false
                lastEvent = nil
            }
        }
        continuation.finish()
    }
    #endif

    // MARK: polling

    private func snapshot() -> [String: FileStampLite] {
        var result: [String: FileStampLite] = [:]
        for root in roots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else { continue }
            guard isDir.boolValue else {
                result[root] = FileStampLite(root)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = root + "/" + relative
                if Self.isIgnored(path) { continue }
                result[path] = FileStampLite(path)
            }
        }
        return result
    }

    private func watchByPolling(_ continuation: AsyncStream<Batch>.Continuation, from initial: [String: FileStampLite]) {
        var previous = initial
        var pending: Set<String> = []
        var rescan = false
        var lastChange: Date?
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.3)
            let current = snapshot()
            if Set(current.keys) != Set(previous.keys) {
                rescan = true
                lastChange = Date()
            } else {
                for (path, stamp) in current where previous[path] != stamp {
                    pending.insert(path)
                    lastChange = Date()
                }
            }
            previous = current
            if let last = lastChange, Date().timeIntervalSince(last) >= quiet {
                continuation.yield(rescan ? nil : pending)
                pending.removeAll()
                rescan = false
                lastChange = nil
            }
        }
        continuation.finish()
    }
}

/// Size and modification time, for the polling watcher.
struct FileStampLite: Equatable {
    var size: Int64
    var modified: Int64

    init(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        } else {
            size = -1
            modified = 0
        }
    }
}
