import HandbookEscaping

/// A page's HTML as cmark rendered it, with a slot wherever a link's URL (or
/// a wiki link's text) goes. Pages are parsed once, before the site's URLs are
/// known; once they are, filling the slots is a byte copy.
///
/// A slot is written `%01N%02` in URLs and attributes (how cmark escapes the
/// bytes 0x01 and 0x02 in a URL) and as those raw bytes in text. A source that
/// holds either is not made into a template: it is converted again when its
/// links are known (`reparse`), so no text can be mistaken for a slot.
package struct BodyTemplate: Sendable {
    package struct Slot: Sendable, Hashable {
        package enum Role: Sendable, Hashable {
            /// A Markdown link's or image's destination.
            case destination
            /// A wiki link's text, shown when it has no label: the target's
            /// title once resolved, else the text as written.
            case label(String)
            /// `href` or `src` in raw HTML, with its bytes as written.
            case attribute(raw: String)
        }

        /// Position of the link in `MarkdownDocument.links`.
        package var link: Int
        package var role: Role
    }

    private enum Storage: Sendable {
        case slots(html: String, slots: [Slot])
        case reparse(source: String, options: MarkdownOptions, lineOffset: Int)
    }

    private let storage: Storage
    private let rawHTML: RawHTMLPolicy

    init(html: String, slots: [Slot], rawHTML: RawHTMLPolicy) {
        storage = .slots(html: html, slots: slots)
        self.rawHTML = rawHTML
    }

    init(reparse source: String, options: MarkdownOptions, lineOffset: Int) {
        storage = .reparse(source: source, options: options, lineOffset: lineOffset)
        rawHTML = options.rawHTML
    }

    /// Bytes of the template, for memory accounting and cache keys.
    package var size: Int {
        switch storage {
        case .slots(let html, _): html.utf8.count
        case .reparse(let source, _, _): source.utf8.count
        }
    }

    static func slotURL(_ n: Int) -> String { "\u{1}\(n)\u{2}" }
    static func slotText(_ n: Int) -> String { "\u{1}\(n)\u{2}" }

    /// True when `source` holds bytes a slot is made of.
    static func mayContainSlots(_ source: String) -> Bool {
        var source = source
        return source.withUTF8 { bytes in
            if ByteSearch.offset(of: 0x01, in: bytes) != nil || ByteSearch.offset(of: 0x02, in: bytes) != nil { return true }
            // "%01", "%02"
            var offset = 0
            while let i = ByteSearch.offset(of: 0x25, in: bytes, from: offset) {
                if i + 2 < bytes.count, bytes[i + 1] == 0x30, bytes[i + 2] == 0x31 || bytes[i + 2] == 0x32 { return true }
                offset = i + 1
            }
            return false
        }
    }

    /// What a link destination becomes: the rewritten URL or the one written,
    /// emptied when it would run a script (unless raw HTML is allowed).
    static func destination(_ url: String, rawHTML: RawHTMLPolicy) -> String {
        rawHTML != .allow && HTMLSafety.isDangerousURL(url) ? "" : url
    }

    /// The bytes of a raw HTML attribute value: as written unless rewritten or
    /// emptied (under `filter`), then escaped for the attribute.
    static func attribute(_ rewritten: String?, written: String, raw: String, rawHTML: RawHTMLPolicy) -> String {
        var output = rewritten ?? written
        if rawHTML == .filter, HTMLSafety.isDangerousURL(output) { output = "" }
        return output == written ? raw : Escape.html(output)
    }

    func fill(links: [LinkReference], rewrite: (Int) -> LinkRewrite?) -> String {
        switch storage {
        case .reparse(let source, let options, let lineOffset):
            return withoutActuallyEscaping(rewrite) { rewrite in
                MarkdownParser.convert(
                    source, options: options, lineOffset: lineOffset, renderHTML: true, links: .immediate { i, _ in rewrite(i) }
                ).html
            }
        case .slots(let html, let slots):
            guard !slots.isEmpty else { return html }
            var html = html
            return html.withUTF8 { bytes in
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count + slots.count * 16)
                // A slot starts with 0x01 or `%`: on to the nearer of the two.
                func next(_ byte: UInt8, from start: Int) -> Int { ByteSearch.offset(of: byte, in: bytes, from: start) ?? bytes.count }
                var nextText = next(0x01, from: 0)
                var nextPercent = next(0x25, from: 0)
                var copied = 0
                while true {
                    let i = min(nextText, nextPercent)
                    guard i < bytes.count else { break }
                    var resume = i + 1
                    if let (number, end) = Self.slot(in: bytes, at: i), slots.indices.contains(number) {
                        out.append(contentsOf: bytes[copied..<i])
                        out.append(contentsOf: value(of: slots[number], links: links, rewrite: rewrite).utf8)
                        copied = end
                        resume = end
                    }
                    if nextText < resume { nextText = next(0x01, from: resume) }
                    if nextPercent < resume { nextPercent = next(0x25, from: resume) }
                }
                out.append(contentsOf: bytes[copied...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    private func value(of slot: Slot, links: [LinkReference], rewrite: (Int) -> LinkRewrite?) -> String {
        guard links.indices.contains(slot.link) else { return "" }
        let link = links[slot.link]
        switch slot.role {
        case .destination:
            return Escape.href(Self.destination(rewrite(slot.link)?.url ?? link.destination, rawHTML: rawHTML))
        case .label(let written):
            // As cmark escapes text, so that a filled label reads as cmark would write it.
            return Escape.html(rewrite(slot.link)?.text ?? written, apostrophe: false)
        case .attribute(let raw):
            let value = Self.attribute(rewrite(slot.link)?.url, written: link.destination, raw: raw, rawHTML: rawHTML)
            return rawHTML == .filter ? HTMLSafety.tagFilter(value) : value
        }
    }

    /// A slot starting at `i`: `%01N%02` or 0x01 N 0x02. Returns its number and end.
    private static func slot(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        switch bytes[i] {
        case 0x01: NumberedMarker.match(in: bytes, at: i, open: [0x01], close: [0x02], maxDigits: 9)
        case 0x25: NumberedMarker.match(in: bytes, at: i, open: [0x25, 0x30, 0x31], close: [0x25, 0x30, 0x32], maxDigits: 9)
        default: nil
        }
    }
}
