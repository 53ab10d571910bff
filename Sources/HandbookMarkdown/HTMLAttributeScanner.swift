import Foundation

/// Finds attributes in raw HTML: `href` and `src` (links to resolve like any
/// other) and `id` and `name` (anchors other pages may link to).
enum HTMLAttributeScanner {
    struct Attribute: Equatable {
        var name: String
        var value: String
        /// Byte range of the value inside the HTML, quotes excluded.
        var range: Range<Int>
    }

    static let interesting: Set<String> = ["href", "src", "id", "name"]

    static func attributes(in html: String) -> [Attribute] {
        let bytes = Array(html.utf8)
        var result: [Attribute] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, isLetter(bytes[i + 1]) else {
                i += 1
                continue
            }
            // Tag name.
            i += 1
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            // Attributes until `>`.
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                guard isNameStart(bytes[i]) else {
                    i += 1
                    continue
                }
                let nameStart = i
                while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
                let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
                var j = i
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { continue }
                j += 1
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                guard j < bytes.count else { break }
                var valueStart = j
                var valueEnd: Int
                if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                    let quote = bytes[j]
                    valueStart = j + 1
                    valueEnd = valueStart
                    while valueEnd < bytes.count, bytes[valueEnd] != quote { valueEnd += 1 }
                    i = min(valueEnd + 1, bytes.count)
                    // Unclosed, the value runs to the end of the HTML, but not
                    // over its closing line break: that belongs to the block
                    // (cmark adds one if the HTML does not end with it).
                    if valueEnd == bytes.count {
                        while valueEnd > valueStart, bytes[valueEnd - 1] == 0x0A || bytes[valueEnd - 1] == 0x0D { valueEnd -= 1 }
                    }
                } else {
                    valueEnd = j
                    while valueEnd < bytes.count, !isSpace(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: ">") {
                        valueEnd += 1
                    }
                    i = valueEnd
                }
                if interesting.contains(name) {
                    let raw = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                    result.append(Attribute(name: name, value: decodeEntities(raw), range: valueStart..<valueEnd))
                }
            }
        }
        return result
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    private static func isNameStart(_ b: UInt8) -> Bool { isLetter(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") }
    private static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// The few entities that appear in URLs written in HTML.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }
}
