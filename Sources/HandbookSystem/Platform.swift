#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Handbook needs from the operating system beyond POSIX, behind one
/// small interface; `Platform+Linux.swift` and `Platform+Darwin.swift` hold
/// the only system calls that differ.
package protocol ChangeNotifier: AnyObject {
    /// Starts watching a folder (its entries, not below); nil if it cannot.
    func watch(_ folder: String) -> Int32?
    /// Waits up to `milliseconds` for events and returns them (none on timeout).
    func events(waiting milliseconds: Int32) -> [ChangeEvent]
}

/// One change a `ChangeNotifier` saw.
package struct ChangeEvent: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The entry's contents or attributes changed.
        case modified
        /// The entry appeared, disappeared or was moved: folders must be read again.
        case structural
        /// Events were lost: everything must be read again.
        case overflow
    }

    /// The watch (from `ChangeNotifier.watch`) the event came from.
    package var watch: Int32
    /// The entry's name in that folder; empty for the folder itself.
    package var name: String
    package var kind: Kind
    /// The entry is a folder (a new one must be watched too).
    package var isFolder: Bool
    package var isCreation: Bool
}

/// A file's identity and version, read without opening it.
package struct FileStamp: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    package var modified: Int64

    package static let missing = FileStamp(device: 0, inode: 0, size: -1, modified: 0)

    package var isValid: Bool { size >= 0 }

    package init(device: UInt64, inode: UInt64, size: Int64, modified: Int64) {
        (self.device, self.inode, self.size, self.modified) = (device, inode, size, modified)
    }

    /// `stat(2)`, the same on every POSIX system but for the name of the
    /// modification time (`Platform.modified`).
    package init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = .missing
            return
        }
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Platform.modified(info))
    }
}
