/// One escaper per output language, so that every place writing HTML, JSON
/// or XML agrees on every character.
package enum Escape {
    /// HTML text and double- or single-quoted attribute values: `& < > " '`,
    /// exactly as Mustache escapes `{{value}}` (so Handbook can find a URL it
    /// rendered, as the sidebar's current-page mark does). Without
    /// `apostrophe`, `'` stays as it is, as cmark writes text.
    package static func html(_ s: String, apostrophe: Bool = true) -> String { markup(s, apostrophe: apostrophe ? "&#39;" : nil) }

    /// A JSON string literal, quotes included.
    package static func json(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendJSON(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `json(s)` appended to UTF-8 bytes (a long document made in one buffer).
    package static func appendJSON(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: #"\""#.utf8)
            case 0x5C: out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// XML text and attribute values (the sitemap).
    package static func xml(_ s: String) -> String { markup(s, apostrophe: "&apos;") }

    /// `s` escaped as `html(s)`, appended to bytes (the template engine's output).
    /// Runs of bytes that need no entity are copied whole.
    package static func appendHTML(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in bytes.indices {
                guard let replacement = entity(bytes[i], apostrophe: "&#39;") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: replacement.utf8)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// `& < > "` as entities, and `'` as `apostrophe` when given.
    private static func markup(_ s: String, apostrophe: String?) -> String {
        replacing(s) { entity($0, apostrophe: apostrophe) }
    }

    private static func entity(_ byte: UInt8, apostrophe: String?) -> String? {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        case 0x27: apostrophe
        default: nil
        }
    }

    /// `s` with each ASCII byte that `entity` names replaced (the others kept).
    private static func replacing(_ s: String, _ entity: (UInt8) -> String?) -> String {
        guard s.utf8.contains(where: { entity($0) != nil }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            if let replacement = entity(byte) { out.append(contentsOf: replacement.utf8) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A URL for an `href` or `src` attribute, as cmark writes link
    /// destinations (its `houdini_escape_href`): bytes that may stand in a URL
    /// are kept (`%` too, as already encoded), `&` and `'` become entities,
    /// everything else is percent-encoded.
    package static func href(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in s.utf8 {
            if hrefSafe[Int(byte)] {
                out.append(byte)
            } else if byte == 0x26 {
                out.append(contentsOf: "&amp;".utf8)
            } else if byte == 0x27 {
                out.append(contentsOf: "&#x27;".utf8)
            } else {
                out.append(0x25)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// cmark 0.30's HREF_SAFE table: alphanumerics and `!#$%()*+,-./:;=?@_~`.
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%()*+,-./:;=?@_~".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()
}
