#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding bytes in UTF-8 text with `memchr` (vectorised by the C library):
/// the checks that run on every page look for characters most pages lack,
/// and a loop over each byte cost more than the work they guard.
package enum ByteSearch {
    /// Where `byte` first stands in `bytes` at or after `start`; nil if nowhere.
    package static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start >= 0, start < bytes.count, let base = bytes.baseAddress,
            let hit = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Where `needle` first stands in `bytes` at or after `start` (an empty
    /// needle at `start`): `memchr` to each candidate first byte, then the rest compared.
    package static func offset(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, let pattern = needle.baseAddress, let base = bytes.baseAddress else {
            return needle.isEmpty && start <= bytes.count ? start : nil
        }
        var from = start
        while from + needle.count <= bytes.count, let at = offset(of: first, in: bytes, from: from) {
            if at + needle.count <= bytes.count, memcmp(base + at, pattern, needle.count) == 0 { return at }
            from = at + 1
        }
        return nil
    }
}
