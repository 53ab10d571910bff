/// Finds GFM's extended autolinks in plain text: `www.`, `http(s)://` and `ftp://`
/// URLs and bare e-mail addresses, with GFM's rules for where a link may
/// start and which trailing punctuation is not part of it.
enum AutolinkScanner {
    struct Match: Equatable {
        /// Byte range in the text.
        var range: Range<Int>
        /// The link's destination (`http://` added to `www.`, `mailto:` to e-mail).
        var url: String
    }

    static func matches(in text: String) -> [Match] {
        let bytes = Array(text.utf8)
        var result: [Match] = []
        var i = 0
        while i < bytes.count {
            if let match = urlMatch(bytes, at: i) {
                result.append(match)
                i = match.range.upperBound
                continue
            }
            if bytes[i] == UInt8(ascii: "@"), let match = emailMatch(bytes, at: i, after: result.last?.range.upperBound ?? 0) {
                result.append(match)
                i = match.range.upperBound
                continue
            }
            i += 1
        }
        return result
    }

    /// A link starts at the beginning of the text or after whitespace, `*`, `_`, `~` or `(`.
    private static func canStart(_ bytes: [UInt8], at i: Int) -> Bool {
        guard i > 0 else { return true }
        switch bytes[i - 1] {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "("): return true
        default: return false
        }
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: String, at i: Int) -> Bool {
        let p = Array(prefix.utf8)
        guard i + p.count <= bytes.count else { return false }
        for k in 0..<p.count where lower(bytes[i + k]) != p[k] { return false }
        return true
    }

    private static func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b + 32 : b }

    /// A URL with a scheme may follow anything but a letter (which would make
    /// the scheme another word: `xhttps://`), as on GitHub, so `"https://…"`
    /// and `“https://…”` are links; `www.` follows the stricter `canStart`.
    private static func urlMatch(_ bytes: [UInt8], at i: Int) -> Match? {
        if i > 0 && isLetter(bytes[i - 1]) { return nil }
        if hasPrefix(bytes, "www.", at: i) && !canStart(bytes, at: i) { return nil }
        if hasPrefix(bytes, "https://", at: i) {
            return link(bytes, start: i, domainStart: i + 8, prefix: "")
        } else if hasPrefix(bytes, "http://", at: i) {
            return link(bytes, start: i, domainStart: i + 7, prefix: "")
        } else if hasPrefix(bytes, "ftp://", at: i) {
            return link(bytes, start: i, domainStart: i + 6, prefix: "")
        } else if hasPrefix(bytes, "www.", at: i) {
            return link(bytes, start: i, domainStart: i, prefix: "http://")
        }
        return nil
    }

    private static func isDomainByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "_") || b >= 0x80
    }

    private static func link(_ bytes: [UInt8], start: Int, domainStart: Int, prefix: String) -> Match? {
        // Valid domain: segments separated by periods, at least one period, no
        // underscore in the last two segments.
        var j = domainStart
        var segments: [[UInt8]] = [[]]
        while j < bytes.count {
            let b = bytes[j]
            if isDomainByte(b) {
                segments[segments.count - 1].append(b)
            } else if b == UInt8(ascii: "."), j + 1 < bytes.count, isDomainByte(bytes[j + 1]) {
                segments.append([])
            } else {
                break
            }
            j += 1
        }
        guard segments.count >= 2, segments.allSatisfy({ !$0.isEmpty }),
            !segments.suffix(2).contains(where: { $0.contains(UInt8(ascii: "_")) })
        else { return nil }
        // The path runs to the next space or `<`.
        var end = j
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
        end = trimTrailing(bytes, start: start, end: end)
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return Match(range: start..<end, url: prefix + text)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// GFM's extended autolink path validation: trailing punctuation (with
    /// quotes, as cmark-gfm trims them, straight or curly), an unbalanced
    /// closing parenthesis and a trailing entity reference are not part of the link.
    private static func trimTrailing(_ bytes: [UInt8], start: Int, end initialEnd: Int) -> Int {
        var end = initialEnd
        while end > start {
            let last = bytes[end - 1]
            switch last {
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case 0x98, 0x99, 0x9C, 0x9D, 0xA6:
                // ‘ ’ “ ” …: the quotes and ellipsis smart punctuation made of ' " and ...
                guard end - 3 >= start, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80 else { return end }
                end -= 3
            case UInt8(ascii: ")"):
                let opens = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closes = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                guard closes > opens else { return end }
                end -= 1
            case UInt8(ascii: ";"):
                var k = end - 2
                while k >= start, isAlphanumeric(bytes[k]) { k -= 1 }
                guard k >= start, k < end - 2, bytes[k] == UInt8(ascii: "&") else { return end }
                end = k
            default:
                return end
            }
        }
        return end
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isLocalByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "+")
    }

    /// `local@domain.tld` around the `@` at `at`; the local part may not reach
    /// back into an earlier match.
    private static func emailMatch(_ bytes: [UInt8], at: Int, after floor: Int) -> Match? {
        var start = at
        while start > floor, isLocalByte(bytes[start - 1]) { start -= 1 }
        guard start < at, canStart(bytes, at: start) else { return nil }
        var end = at + 1
        var periods = 0
        while end < bytes.count {
            let b = bytes[end]
            if isAlphanumeric(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") {
                end += 1
            } else if b == UInt8(ascii: "."), end + 1 < bytes.count, isAlphanumeric(bytes[end + 1]) || bytes[end + 1] == UInt8(ascii: "-") || bytes[end + 1] == UInt8(ascii: "_") {
                periods += 1
                end += 1
            } else {
                break
            }
        }
        guard periods >= 1, end > at + 1 else { return nil }
        let last = bytes[end - 1]
        guard last != UInt8(ascii: "-"), last != UInt8(ascii: "_") else { return nil }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return Match(range: start..<end, url: "mailto:" + text)
    }
}
