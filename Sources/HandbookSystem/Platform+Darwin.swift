#if canImport(Darwin)
import Darwin

package enum Platform {
    /// Exchanges two paths in one step (`renamex_np` with `RENAME_SWAP`).
    package static func exchange(_ a: String, _ b: String) -> Bool { renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 }

    /// A file's modification time in nanoseconds (`st_mtimespec`).
    package static func modified(_ info: stat) -> Int64 {
        Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
    }

    /// `write(2)`.
    package static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(fd, bytes, count) }

    /// No kernel notifications here yet (FSEvents would do): the watcher polls.
    package static func changeNotifier() -> ChangeNotifier? { nil }

    /// The system's allocator returns memory by itself.
    package static func returnFreeMemory() {}

    /// A hint only (Linux reads ahead with `posix_fadvise`).
    package static func prefetch(_ path: String) {}

    /// Not measured here yet (`task_info` would do).
    package static func residentBytes() -> Int? { nil }
}
#endif
