import Foundation
import HandbookSystem

/// Plain POSIX file writes. Foundation's `Data.write` syncs every file to
/// disk, which made writing a 1,000-page site several times slower; the
/// output is made safe by the folder swap instead, not by per-file syncs.
enum FileIO {
    /// Writes `text` to a new file; returns an error message or `nil`.
    static func write(_ text: String, to path: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in writeBytes(UnsafeRawBufferPointer(bytes), to: path) }
    }

    /// Writes `bytes` to a new file; returns an error message or `nil`.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        bytes.withUnsafeBytes { writeBytes($0, to: path) }
    }

    /// Copies a file's bytes; returns an error message or `nil`. The copy
    /// never gains permissions: it is readable by whom the source is readable
    /// by (at most 0644), and never executable.
    static func copy(_ source: String, to path: String) -> String? {
        var info = stat()
        guard stat(source, &info) == 0, let data = FileManager.default.contents(atPath: source) else {
            return "cannot read \(source)"
        }
        return data.withUnsafeBytes { writeBytes($0, to: path, mode: mode_t(info.st_mode) & 0o644) }
    }

    /// With a `mode`, the file gets exactly that mode (a file recycled from
    /// the previous output keeps the mode it was created with otherwise).
    /// A file recycled from the previous output is overwritten in place and
    /// cut to its new length afterwards: truncating it to nothing first would
    /// free and allocate its blocks again, which costs more than the write.
    private static func writeBytes(_ bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t? = nil) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, mode ?? 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        if let mode, fchmod(fd, mode) != 0 { return String(cString: strerror(errno)) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size > bytes.count, ftruncate(fd, off_t(bytes.count)) != 0 {
            return String(cString: strerror(errno))
        }
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return nil }
            let written = Platform.write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
