/// A number between two fixed byte strings (`%01` 12 `%02`, `<!--hb:` 3 `-->`):
/// how the parse stage marks link slots in a page's HTML, and how the render
/// stage marks where one rendered fragment goes into another.
package enum NumberedMarker {
    /// The marker whose `open` bytes start at `i`: its number and where it ends.
    /// At most `maxDigits` digits, so that the number cannot overflow.
    @inlinable
    package static func match<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, at i: Int, open: [UInt8], close: [UInt8], maxDigits: Int
    ) -> (number: Int, end: Int)? where Bytes.Index == Int {
        guard i >= bytes.startIndex, i + open.count <= bytes.endIndex, bytes[i..<(i + open.count)].elementsEqual(open) else { return nil }
        var j = i + open.count
        var number = 0
        var digits = 0
        while j < bytes.endIndex, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < maxDigits {
            number = number * 10 + Int(bytes[j] - 0x30)
            j += 1
            digits += 1
        }
        guard digits > 0, j + close.count <= bytes.endIndex, bytes[j..<(j + close.count)].elementsEqual(close) else { return nil }
        return (number, j + close.count)
    }
}
