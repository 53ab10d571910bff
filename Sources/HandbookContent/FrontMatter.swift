import HandbookDiagnostics

/// The kind of a page, which selects its template and, in later stages, its
/// extra keys and checks.
package enum PageKind: String, Sendable, Hashable, CaseIterable {
    case page
    case role
    case process
    case ladder
}

/// Where a page is in its life (`status:`): a process, a policy or a
/// decision is proposed, then accepted, and in the end superseded by
/// another page or retired. A page without a status is in use.
package enum PageStatus: String, Sendable, Hashable, CaseIterable {
    case draft, proposed, accepted, superseded, retired

    /// What the page says is how things are done now.
    package var isCurrent: Bool { self == .accepted }
}

/// The common front matter keys of every page, decoded and checked. Keys
/// Handbook does not know are kept in `extra` and passed to templates.
package struct FrontMatter: Sendable {
    package var title: String?
    package var id: String?
    package var summary: String?
    package var kind: PageKind = .page
    package var tags: [String] = []
    package var weight: Int?
    package var draft = false
    package var aliases: [String] = []
    /// `slug`: the last part of the page's address (`hiring-guide`), or its
    /// whole address from the site's root (`/people/hiring/`).
    package var slug: String?
    package var owner: String?
    package var lastReviewed: String?
    package var reviewEvery: String?
    package var status: PageStatus?
    /// The page that replaces this one, written like a link (`release-train.md`) or as an id.
    package var supersededBy: Located<String>?
    /// When the page's status took or takes effect (YYYY-MM-DD).
    package var effective: String?
    /// A versioned page (a ladder, a policy): its number, and its previous
    /// version's page, written like a link or as an id.
    package var version: Int?
    package var previous: Located<String>?
    package var extra: [(key: String, value: YAMLValue)] = []
    /// The whole mapping as written, for kind-specific decoding.
    package var raw: YAMLValue?
    /// The YAML could not be read: what the page is (a role, a ladder) is not
    /// known, so references to it are not reported as unknown — the YAML error
    /// is the one cause.
    package var unreadable = false

    package init() {}
}

/// A Markdown file cut into its YAML front matter and its Markdown body.
package struct FrontMatterSplit: Sendable {
    /// The YAML text between the `---` lines, if the file has front matter.
    package var yaml: String?
    /// Lines above the YAML text (the opening `---`).
    package var yamlLineOffset: Int
    package var body: String
    /// Lines above the body: the whole front matter block, fences included.
    package var bodyLineOffset: Int
    /// Between `+++` fences: TOML, as Hugo writes it.
    package var isTOML = false

    /// Splits at a leading `---` line and the next `---` or `...` line. A file
    /// without both fences has no front matter. It reads bytes, a line at a
    /// time up to the closing fence, and copies the YAML text and the body once.
    package static func split(_ text: String) -> FrontMatterSplit {
        let noFrontMatter = FrontMatterSplit(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0)
        var text = text
        return text.withUTF8 { bytes in
            // A byte-order mark before the fence is not part of it.
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let rest = UnsafeBufferPointer(rebasing: bytes[start...])
            let fence: UInt8
            if rest.starts(with: "+++".utf8) { fence = UInt8(ascii: "+") } else if rest.starts(with: "---".utf8) { fence = UInt8(ascii: "-") } else {
                return noFrontMatter
            }
            let string = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var lineStart = start
            var lineCount = 0
            var yamlStart = 0
            while true {
                // The line's end: its newline, or the end of the file.
                var end = lineStart
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let isLast = end == bytes.count
                lineCount += 1
                if lineCount == 1 {
                    guard !isLast, isFence(bytes, lineStart..<end, fence, closing: false) else { return noFrontMatter }
                    yamlStart = end + 1
                } else if isFence(bytes, lineStart..<end, fence, closing: true) {
                    // The lines between the fences, without the newline before the closing one.
                    let yaml = lineStart > yamlStart ? string(yamlStart..<(lineStart - 1)) : ""
                    return FrontMatterSplit(
                        yaml: yaml, yamlLineOffset: 1, body: isLast ? "" : string((end + 1)..<bytes.count), bodyLineOffset: lineCount,
                        isTOML: fence == UInt8(ascii: "+"))
                }
                if isLast { return noFrontMatter }
                lineStart = end + 1
            }
        }
    }

    /// Whether the line at `range` is the fence (`---` or `+++`), or `...`
    /// closing YAML, with trailing spaces, tabs or a carriage return.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ fence: UInt8, closing: Bool) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        guard end - range.lowerBound == 3 else { return false }
        let line = bytes[range.lowerBound..<end]
        return line.allSatisfy { $0 == fence } || (closing && fence == UInt8(ascii: "-") && line.allSatisfy { $0 == UInt8(ascii: ".") })
    }
}
