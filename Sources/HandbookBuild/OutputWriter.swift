import CHandbookSystem
import Foundation
import HandbookDiagnostics
import HandbookSystem

/// Writes the built site into a staging folder beside the output folder and
/// then renames it into place, so readers (and a failed build) never see a
/// half-written site.
///
/// The output that a build replaces is kept as `.NAME.prev` beside it and
/// becomes the next build's staging folder: its folders are reused and only
/// what the new build does not produce is deleted. Creating thousands of fresh
/// folders right after deleting as many is slow on common file systems (ext4
/// looks for recently freed inodes), and a handbook's folder tree rarely
/// changes between two builds.
enum OutputWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `output` is an absolute, resolved path that `OutputLocation` accepted.
    static func write(_ files: [OutputFile], to output: String) throws {
        let fm = FileManager.default
        let parent = FileSystem.parent(of: output)
        let name = FileSystem.name(of: output)
        try makeFolders(parent)
        removeStaleTemporaries(in: parent, name: name)
        let staging = parent + "/.\(name).tmp-\(getpid())"
        let previous = parent + "/.\(name).prev"
        let files = files + [OutputFile(path: OutputLocation.markerName, contents: .text(OutputLocation.markerText))]

        var folders: Set<String> = []
        for file in files {
            var folder = Self.folder(of: file.path)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = Self.folder(of: folder)
            }
        }
        // The previous output is recycled only when it is a real folder (never
        // a symbolic link, whose target the pruning would then empty).
        if FileSystem.kind(of: previous) == .directory, rename(previous, staging) == 0 {
            prune(staging, relative: "", keepingFiles: Set(files.map(\.path)), folders: folders)
        } else {
            if FileSystem.kind(of: staging) != .missing { try? fm.removeItem(atPath: staging) }
            guard mkdir(staging, 0o755) == 0 else {
                throw Failure(description: "cannot create \(staging): \(FileSystem.lastError)")
            }
        }
        do {
            // Sorted, so that each folder's parent exists before it.
            for folder in folders.sorted() where mkdir(staging + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw Failure(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
            }
            let errors = parallelMap(files) { file -> String? in
                let target = staging + "/" + file.path
                switch file.contents {
                case .text(let text):
                    return FileIO.write(text, to: target).map { "\(file.path): \($0)" }
                case .copy(let source):
                    return FileIO.copy(source, to: target).map { "\(file.path): \($0)" }
                }
            }
            if let first = errors.compactMap({ $0 }).first { throw Failure(description: "cannot write \(first)") }
            try swap(staging, into: output, keepingOldAs: previous)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

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
    /// must never follow one out of the output).
    private static func prune(_ root: String, relative: String, keepingFiles files: Set<String>, folders: Set<String>) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            let absolute = root + "/" + path
            var info = stat()
            guard lstat(absolute, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR where folders.contains(path):
                prune(root, relative: path, keepingFiles: files, folders: folders)
            case S_IFREG where files.contains(path):
                continue
            case S_IFDIR:
                try? FileManager.default.removeItem(atPath: absolute)
            default:
                unlink(absolute)
            }
        }
    }

    /// Puts the new site in place of the current one. On Linux the two folders
    /// are exchanged in one system call, so at every instant the output path
    /// holds a whole site, the old one or the new one, even if the process is
    /// killed; elsewhere two renames leave a gap of one rename. The old site is
    /// kept as `previous` for the next build to recycle.
    private static func swap(_ staging: String, into output: String, keepingOldAs previous: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output) else {
            guard rename(staging, output) == 0 else {
                throw Failure(description: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
            }
            return
        }
        if handbook_rename_exchange(staging, output) == 0 {
            // `staging` now holds the old site.
            if rename(staging, previous) != 0 { try? fm.removeItem(atPath: staging) }
            return
        }
        guard rename(output, previous) == 0 else {
            throw Failure(description: "cannot move the old \(output) aside: \(String(cString: strerror(errno)))")
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(previous, output)
            throw Failure(description: "cannot move the new site into \(output): \(reason)")
        }
    }

    /// Deletes staging folders that an earlier, killed build left beside the output.
    private static func removeStaleTemporaries(in parent: String, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(atPath: parent + "/" + entry)
        }
    }
}
