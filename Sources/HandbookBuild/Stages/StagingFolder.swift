import Foundation
import HandbookDiagnostics
import HandbookSystem

/// Where the render stage puts the files it makes.
protocol OutputSink: Sendable {
    /// Writes a file; returns an error message or nil.
    func write(_ text: String, to path: String) -> String?
    /// Writes a file's bytes; returns an error message or nil.
    func write(_ bytes: [UInt8], to path: String) -> String?
    /// Copies a file as it is; returns an error message or nil.
    func copy(_ source: String, to path: String) -> String?
}

/// The write stage: the new site is written into a staging folder beside the
/// output folder as it is rendered, then renamed into place, so readers (and
/// a failed build) never see a half-written site.
///
/// The output that a build replaces is kept as `.NAME.prev` beside it and
/// becomes the next build's staging folder: its folders are reused and only
/// what the new build does not produce is deleted. Creating thousands of fresh
/// folders right after deleting as many is slow on common file systems (ext4
/// looks for recently freed inodes), and a handbook's folder tree rarely
/// changes between two builds.
final class StagingFolder: OutputSink {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let output: String
    let path: String
    private let previous: String

    /// Prepares a staging folder for a site made of the files at `paths`
    /// (below the output folder). `output` is an absolute, resolved path that
    /// `OutputLocation` accepted.
    init(output: String, paths: [String]) throws {
        let fm = FileManager.default
        self.output = output
        let parent = FileSystem.parent(of: output)
        let name = FileSystem.name(of: output)
        try Self.makeFolders(parent)
        Self.removeStaleTemporaries(in: parent, name: name)
        path = parent + "/.\(name).tmp-\(getpid())"
        previous = parent + "/.\(name).prev"
        let paths = paths + [OutputLocation.markerName]

        var folders: Set<String> = []
        for file in paths {
            var folder = Self.folder(of: file)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = Self.folder(of: folder)
            }
        }
        // The previous output is recycled only when it is a real folder (never
        // a symbolic link, whose target the pruning would then empty).
        var existing: Set<String> = []
        if FileSystem.kind(of: previous) == .directory, rename(previous, path) == 0 {
            existing = Self.prune(path, keepingFiles: Set(paths), folders: folders)
        } else {
            if FileSystem.kind(of: path) != .missing { try? fm.removeItem(atPath: path) }
            guard mkdir(path, 0o755) == 0 else {
                throw Failure(description: "cannot create \(path): \(FileSystem.lastError)")
            }
        }
        if let failure = Self.createFolders(folders.subtracting(existing), in: path) {
            discard()
            throw Failure(description: failure)
        }
    }

    func write(_ text: String, to file: String) -> String? { FileIO.write(text, to: path + "/" + file) }

    func write(_ bytes: [UInt8], to file: String) -> String? { FileIO.write(bytes, to: path + "/" + file) }

    func copy(_ source: String, to file: String) -> String? { FileIO.copy(source, to: path + "/" + file) }

    /// Puts the new site in place of the current one. On Linux the two folders
    /// are exchanged in one system call, so at every instant the output path
    /// holds a whole site, the old one or the new one, even if the process is
    /// killed; elsewhere two renames leave a gap of one rename. The old site is
    /// kept as `previous` for the next build to recycle.
    func commit() throws {
        if let failure = FileIO.write(OutputLocation.markerText, to: path + "/" + OutputLocation.markerName) {
            discard()
            throw Failure(description: "cannot write \(OutputLocation.markerName): \(failure)")
        }
        let fm = FileManager.default
        guard FileSystem.kind(of: output) != .missing else {
            guard rename(path, output) == 0 else {
                let reason = FileSystem.lastError
                discard()
                throw Failure(description: "cannot move the new site into \(output): \(reason)")
            }
            return
        }
        if Platform.exchange(path, output) {
            // The staging path now holds the old site.
            if rename(path, previous) != 0 { try? fm.removeItem(atPath: path) }
            return
        }
        guard rename(output, previous) == 0 else {
            let reason = FileSystem.lastError
            discard()
            throw Failure(description: "cannot move the old \(output) aside: \(reason)")
        }
        guard rename(path, output) == 0 else {
            let reason = FileSystem.lastError
            _ = rename(previous, output)
            discard()
            throw Failure(description: "cannot move the new site into \(output): \(reason)")
        }
    }

    /// Deletes the staging folder (a failed build).
    func discard() { try? FileManager.default.removeItem(atPath: path) }

    /// `a/b/c.html` → `a/b`; `c.html` → ``.
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `mkdir -p`, with the system's reason on failure.
    private static func makeFolders(_ path: String) throws {
        if FileSystem.kind(of: path, followingLinks: true) == .directory { return }
        let parent = FileSystem.parent(of: path)
        if parent != path { try makeFolders(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw Failure(description: "cannot create \(path): \(FileSystem.lastError)")
        }
    }

    /// Deletes everything in a recycled folder that the new build does not
    /// write: other files, other folders, and every symbolic link (a write
    /// must never follow one out of the output). Returns the folders kept.
    /// The tree is walked a depth at a time, the folders of each depth on all
    /// cores: a 10,000-page site has a folder per page.
    private static func prune(_ root: String, keepingFiles files: Set<String>, folders: Set<String>) -> Set<String> {
        var kept: Set<String> = []
        var level = [""]
        while !level.isEmpty {
            let next = parallelMap(level) { relative in pruneEntries(root, relative: relative, keepingFiles: files, folders: folders) }
            level = next.flatMap { $0 }
            kept.formUnion(level)
        }
        return kept
    }

    /// Prunes one folder's entries; returns its subfolders that stay (paths below `root`).
    private static func pruneEntries(_ root: String, relative: String, keepingFiles files: Set<String>, folders: Set<String>) -> [String] {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard case .success(let entries) = FileSystem.typedEntries(of: folder) else { return [] }
        var subfolders: [String] = []
        for (name, known) in entries {
            let path = relative.isEmpty ? name : relative + "/" + name
            let absolute = folder + "/" + name
            // The folder's entry tells files and folders apart; a link (or an
            // entry of unknown kind) is looked at, never followed.
            switch known ?? FileSystem.kind(of: absolute) {
            case .directory where folders.contains(path):
                subfolders.append(path)
            case .regularFile where files.contains(path):
                continue
            case .directory:
                try? FileManager.default.removeItem(atPath: absolute)
            default:
                unlink(absolute)
            }
        }
        return subfolders
    }

    /// Creates `folders` (paths below `root`), parents first: a depth at a
    /// time, the folders of each depth on all cores. The reason of the first
    /// failure, or nil.
    private static func createFolders(_ folders: Set<String>, in root: String) -> String? {
        var byDepth: [[String]] = []
        for folder in folders {
            let depth = folder.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            while byDepth.count <= depth { byDepth.append([]) }
            byDepth[depth].append(folder)
        }
        for level in byDepth where !level.isEmpty {
            let failures = parallelMap(level) { folder -> String? in
                guard mkdir(root + "/" + folder, 0o755) != 0, errno != EEXIST else { return nil }
                return "cannot create \(folder): \(FileSystem.lastError)"
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { return failure }
        }
        return nil
    }

    /// Deletes staging folders that an earlier, killed build left beside the output.
    private static func removeStaleTemporaries(in parent: String, name: String) {
        guard let entries = FileSystem.entries(of: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }
}
