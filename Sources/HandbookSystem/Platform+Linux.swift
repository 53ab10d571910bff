#if os(Linux)
import CHandbookSystem
import Glibc

package enum Platform {
    /// Exchanges two paths in one step (`renameat2` with `RENAME_EXCHANGE`),
    /// so that at every instant each path holds one of the two; false (with
    /// `errno`) where the file system cannot.
    package static func exchange(_ a: String, _ b: String) -> Bool { handbook_rename_exchange(a, b) == 0 }

    /// A file's modification time in nanoseconds (`st_mtim`).
    package static func modified(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// `write(2)`.
    package static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(fd, bytes, count) }

    /// inotify; nil when the system refuses a descriptor (then poll).
    package static func changeNotifier() -> ChangeNotifier? { Inotify() }

    /// Asks the system to start reading a file into memory and returns at once
    /// (`posix_fadvise` with `POSIX_FADV_WILLNEED`).
    /// Never blocks: a file replaced by a pipe since the scan is opened without waiting for a writer.
    package static func prefetch(_ path: String) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
        close(fd)
    }

    /// Gives the memory malloc holds free back to the system (`malloc_trim`):
    /// a stage's temporaries, freed, would otherwise count towards the peak.
    package static func returnFreeMemory() { handbook_return_free_memory() }

    /// The process's resident memory now, in bytes (`/proc/self/statm`).
    package static func residentBytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return nil }
        // "size resident shared …", in pages.
        let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// An inotify descriptor: one watch per folder.
final class Inotify: ChangeNotifier {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    private let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)

    init?() {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
    }

    deinit { close(fd) }

    func watch(_ folder: String) -> Int32? {
        let wd = inotify_add_watch(fd, folder, mask)
        return wd >= 0 ? wd : nil
    }

    func events(waiting milliseconds: Int32) -> [ChangeEvent] {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard Glibc.poll(&descriptor, 1, milliseconds) > 0 else { return [] }
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        var events: [ChangeEvent] = []
        var offset = 0
        while count > 0, offset + MemoryLayout<inotify_event>.size <= count {
            let (wd, eventMask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameStart = offset + MemoryLayout<inotify_event>.size
            let nameBytes = buffer[nameStart..<min(nameStart + nameLength, count)].prefix { $0 != 0 }
            offset = nameStart + nameLength
            let kind: ChangeEvent.Kind
            if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                kind = .overflow
            } else if eventMask & UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF) != 0 {
                kind = .structural
            } else {
                kind = .modified
            }
            events.append(
                ChangeEvent(
                    watch: wd, name: String(decoding: nameBytes, as: UTF8.self), kind: kind,
                    isFolder: eventMask & UInt32(IN_ISDIR) != 0, isCreation: eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0))
        }
        return events
    }
}
#endif
