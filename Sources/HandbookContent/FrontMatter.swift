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
    /// without both fences has no front matter.
    package static func split(_ text: String) -> FrontMatterSplit {
        let noFrontMatter = FrontMatterSplit(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0)
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let toml = text.hasPrefix("+++")
        guard text.hasPrefix("---") || toml else { return noFrontMatter }
        let fence: Substring = toml ? "+++" : "---"
        var lines: [Substring] = []
        var lineStart = text.startIndex
        var index = text.utf8.startIndex
        // Walk bytes, not characters: "\r\n" is a single Character. Stop at the
        // closing fence; never copy the whole body.
        while index < text.utf8.endIndex {
            if text.utf8[index] == UInt8(ascii: "\n") {
                let line = text[lineStart..<index]
                lines.append(line)
                let next = text.utf8.index(after: index)
                if lines.count == 1 {
                    guard isFence(line, fence, closing: false) else { return noFrontMatter }
                } else if isFence(line, fence, closing: true) {
                    let yaml = lines[1..<(lines.count - 1)].joined(separator: "\n")
                    return FrontMatterSplit(
                        yaml: yaml, yamlLineOffset: 1, body: String(text[next...]), bodyLineOffset: lines.count, isTOML: toml)
                }
                lineStart = next
            }
            index = text.utf8.index(after: index)
        }
        // A closing fence on the last line without a newline.
        let last = text[lineStart...]
        if lines.count >= 1, isFence(last, fence, closing: true) {
            let yaml = lines[1...].joined(separator: "\n")
            return FrontMatterSplit(yaml: yaml, yamlLineOffset: 1, body: "", bodyLineOffset: lines.count + 1, isTOML: toml)
        }
        return noFrontMatter
    }

    private static func isFence(_ line: Substring, _ fence: Substring, closing: Bool) -> Bool {
        var line = line
        while let last = line.utf8.last, last == 0x20 || last == 0x09 || last == 0x0D {
            line = line.dropLast()
        }
        return line == fence || (closing && fence == "---" && line == "...")
    }
}
