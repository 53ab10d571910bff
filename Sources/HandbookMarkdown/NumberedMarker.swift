/// A number between two fixed byte strings (`%01` 12 `%02`, `<!--hb:` 3 `-->`):
/// how the parse stage marks link slots in a page's HTML, and how the render
/// stage marks where one rendered fragment goes into another.
package enum NumberedMarker {
    /// The marker whose `open` bytes start at `i`: its number and where it ends.
    /// At most `maxDigits` digits, so that the number cannot overflow. (Over
    /// a buffer, not generic: it runs for every candidate byte of every page.)
    package static func match(
        in bytes: UnsafeBufferPointer<UInt8>, at i: Int, open: [UInt8], close: [UInt8], maxDigits: Int
    ) -> (number: Int, end: Int)? {
        guard i >= 0, has(open, in: bytes, at: i) else { return nil }
        var j = i + open.count
        var number = 0
        var digits = 0
        while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < maxDigits {
            number = number * 10 + Int(bytes[j] - 0x30)
            j += 1
            digits += 1
        }
        guard digits > 0, has(close, in: bytes, at: j) else { return nil }
        return (number, j + close.count)
    }

    private static func has(_ part: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + part.count <= bytes.count else { return false }
        for k in 0..<part.count where bytes[i + k] != part[k] { return false }
        return true
    }
}
