#if canImport(Darwin)
import Darwin

package enum Platform {
    /// Exchanges two paths in one step (`renamex_np` with `RENAME_SWAP`).
    package static func exchange(_ a: String, _ b: String) -> Bool { renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 }

    package static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec))
    }

    /// `write(2)`.
    package static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(fd, bytes, count) }

    /// No kernel notifications here yet (FSEvents would do): the watcher polls.
    package static func changeNotifier() -> ChangeNotifier? { nil }

    /// The system's allocator returns memory by itself.
    package static func returnFreeMemory() {}

    /// Not measured here yet (`task_info` would do).
    package static func residentBytes() -> Int? { nil }
}
#endif
