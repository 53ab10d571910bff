/// The parts of GitHub's safety rules that apply to raw HTML and URLs.
package enum HTMLSafety {
    /// GitHub's tagfilter list: these tags change how the rest of the page is
    /// parsed or run code, so their `<` is escaped.
    static let filteredTags: [[UInt8]] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ].map { Array($0.utf8) }

    /// Escapes the `<` of every filtered start or end tag (`<script`, `</SCRIPT>`).
    static func tagFilter(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), isFilteredTag(bytes, at: i + 1) {
                out.append(contentsOf: Array("&lt;".utf8))
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isFilteredTag(_ bytes: [UInt8], at start: Int) -> Bool {
        var i = start
        if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
        for tag in filteredTags where i + tag.count <= bytes.count {
            var matches = true
            for (k, c) in tag.enumerated() where lowercase(bytes[i + k]) != c {
                matches = false
                break
            }
            guard matches else { continue }
            let end = i + tag.count
            if end == bytes.count { return true }
            switch bytes[end] {
            case UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"),
                UInt8(ascii: "\r"), 0x0C:
                return true
            case UInt8(ascii: "/"):
                return end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: ">")
            default:
                continue
            }
        }
        return false
    }

    private static func lowercase(_ c: UInt8) -> UInt8 {
        (c >= 65 && c <= 90) ? c + 32 : c
    }

    /// True for URLs whose scheme runs code or embeds content:
    /// `javascript:`, `vbscript:`, `data:`, in any case, and with the blanks
    /// and control characters browsers ignore in a scheme (`java\tscript:`).
    /// The one rule: the link check reports what the renderer empties.
    package static func isDangerousURL(_ url: String) -> Bool {
        // A scheme is short: a URL without a colon early on has none.
        guard url.utf8.prefix(24).contains(UInt8(ascii: ":")), let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon].lowercased().filter { !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x20 } != false }
        return scheme == "javascript" || scheme == "vbscript" || scheme == "data"
    }
}
