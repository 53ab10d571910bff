import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Questions about paths on disk, answered the same way everywhere in
/// Handbook: what a path really is once symbolic links are followed, what kind
/// of entry it is, and whether one path lies inside another.
package enum FileSystem {
    /// What is at a path.
    package enum EntryKind: Sendable, Equatable {
        case missing
        case directory
        case regularFile
        case symbolicLink
        /// A FIFO, socket or device.
        case other
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved; nil
    /// when the path does not exist (or a link in it is broken).
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Like `realPath`, for a path that may not exist yet: its deepest existing
    /// ancestor is resolved and the rest is appended as written.
    package static func resolvedPath(_ absolutePath: String) -> String {
        if let real = realPath(absolutePath) { return real }
        var rest: [Substring] = []
        var head = Substring(absolutePath)
        while let slash = head.lastIndex(of: "/") {
            rest.insert(head[head.index(after: slash)...], at: 0)
            head = head[..<slash]
            if let real = realPath(head.isEmpty ? "/" : String(head)) {
                let base = real == "/" ? "" : real
                return base + "/" + rest.filter { !$0.isEmpty }.joined(separator: "/")
            }
        }
        return absolutePath
    }

    /// The kind of entry at `path`; a symbolic link is reported as itself
    /// unless `followingLinks`.
    package static func kind(of path: String, followingLinks: Bool = false) -> EntryKind {
        var info = stat()
        let status = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// True when `path` is `ancestor` or lies below it (both absolute and resolved).
    package static func isInside(_ path: String, _ ancestor: String) -> Bool {
        ancestor == "/" || path == ancestor || path.hasPrefix(ancestor + "/")
    }

    /// The names in a folder (not `.` and `..`), unsorted; nil when it cannot be read.
    package static func entries(of folder: String) -> [String]? {
        guard case .success(let entries) = typedEntries(of: folder) else { return nil }
        return entries.map(\.name)
    }

    /// The entries of a folder (not `.` and `..`), unsorted, each with its
    /// kind when the directory entry tells it (nil: ask `kind(of:)`, which
    /// a symbolic link always needs); the system's reason when the folder
    /// cannot be read. Most file systems tell the kind, which saves a
    /// `stat` per file when walking thousands of them.
    package static func typedEntries(of folder: String) -> Result<[(name: String, kind: EntryKind?)], FileError> {
        guard let dir = opendir(folder) else { return .failure(FileError(lastError)) }
        defer { closedir(dir) }
        var result: [(name: String, kind: EntryKind?)] = []
        while let entry = readdir(dir) {
            // Read in place: an entry is only as long as its name (`d_reclen`),
            // so copying the whole `dirent` reads past the end of the last one.
            let name = withUnsafePointer(to: &entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            guard name != "." && name != ".." else { continue }
            let kind: EntryKind? =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): .directory
                case Int32(DT_REG): .regularFile
                case Int32(DT_FIFO), Int32(DT_SOCK), Int32(DT_CHR), Int32(DT_BLK): .other
                default: nil
                }
            result.append((name, kind))
        }
        return .success(result)
    }

    /// The message of the current `errno`.
    package static var lastError: String { String(cString: strerror(errno)) }

    /// The parent folder of an absolute path (`/a/b` → `/a`, `/a` → `/`).
    package static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path (`/a/b` → `b`).
    package static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

extension FileSystem {
    /// A file's bytes, read with POSIX calls; the system's reason on failure.
    package static func contents(of path: String) -> Result<[UInt8], FileError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileError(lastError)) }
        defer { close(fd) }
        var info = stat()
        var bytes = [UInt8](repeating: 0, count: fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fd, base + count, raw.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(FileError(lastError))
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    package struct FileError: Error, CustomStringConvertible {
        package let description: String
        init(_ description: String) { self.description = description }
    }
}
