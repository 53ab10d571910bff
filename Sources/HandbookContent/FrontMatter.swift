import HandbookDiagnostics

/// The kind of a page, which selects its template and, in later stages, its
/// extra keys and checks.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    case page
    case role
    case process
    case ladder
}

/// The common front matter keys of every page, decoded and checked. Keys
/// Handbook does not know are kept in `extra` and passed to templates.
public struct FrontMatter: Sendable {
    public var title: String?
    public var id: String?
    public var summary: String?
    public var kind: PageKind = .page
    public var tags: [String] = []
    public var weight: Int?
    public var draft = false
    public var aliases: [String] = []
    public var owner: String?
    public var lastReviewed: String?
    public var reviewEvery: String?
    public var extra: [(key: String, value: YAMLValue)] = []
    /// The whole mapping as written, for kind-specific decoding.
    public var raw: YAMLValue?

    public init() {}
}

/// A Markdown file cut into its YAML front matter and its Markdown body.
public struct FrontMatterSplit: Sendable {
    /// The YAML text between the `---` lines, if the file has front matter.
    public var yaml: String?
    /// Lines above the YAML text (the opening `---`).
    public var yamlLineOffset: Int
    public var body: String
    /// Lines above the body: the whole front matter block, fences included.
    public var bodyLineOffset: Int

    /// Splits at a leading `---` line and the next `---` or `...` line. A file
    /// without both fences has no front matter.
    public static func split(_ text: String) -> FrontMatterSplit {
        let noFrontMatter = FrontMatterSplit(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0)
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        guard text.hasPrefix("---") else { return noFrontMatter }
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
                    guard isFence(line, closing: false) else { return noFrontMatter }
                } else if isFence(line, closing: true) {
                    let yaml = lines[1..<(lines.count - 1)].joined(separator: "\n")
                    return FrontMatterSplit(
                        yaml: yaml, yamlLineOffset: 1, body: String(text[next...]), bodyLineOffset: lines.count)
                }
                lineStart = next
            }
            index = text.utf8.index(after: index)
        }
        // A closing fence on the last line without a newline.
        let last = text[lineStart...]
        if lines.count >= 1, isFence(last, closing: true) {
            let yaml = lines[1...].joined(separator: "\n")
            return FrontMatterSplit(yaml: yaml, yamlLineOffset: 1, body: "", bodyLineOffset: lines.count + 1)
        }
        return noFrontMatter
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        var line = line
        while let last = line.utf8.last, last == 0x20 || last == 0x09 || last == 0x0D {
            line = line.dropLast()
        }
        return line == "---" || (closing && line == "...")
    }
}
