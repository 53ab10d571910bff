import HandbookDiagnostics

/// Reads front matter: parses the YAML and decodes the common keys, reporting
/// each problem at the line and column of the offending value.
package enum FrontMatterDecoder {
    package struct Result: Sendable {
        /// `nil` when the file has no front matter (or its `---` block is Markdown).
        package var frontMatter: FrontMatter?
        package var body: String
        package var bodyLineOffset: Int
        package var diagnostics: [Diagnostic]
        /// The YAML text, as written (empty without front matter).
        package var yaml: String = ""
    }

    package static func decode(_ text: String, file: String) -> Result {
        let split = FrontMatterSplit.split(text)
        guard let yaml = split.yaml else {
            return Result(frontMatter: nil, body: text, bodyLineOffset: 0, diagnostics: [])
        }
        let markdownAfterAll = Result(frontMatter: nil, body: text, bodyLineOffset: 0, diagnostics: [])
        switch YAMLReader.read(yaml, file: file, lineOffset: split.yamlLineOffset) {
        case .failure(let diagnostic):
            // Text that does not even look like `key: value` is Markdown that opens
            // with a thematic break; a broken mapping is an author's mistake.
            guard looksLikeMapping(yaml) else { return markdownAfterAll }
            return Result(
                frontMatter: FrontMatter(), body: split.body, bodyLineOffset: split.bodyLineOffset,
                diagnostics: [diagnostic])
        case .value(nil):
            return Result(frontMatter: FrontMatter(), body: split.body, bodyLineOffset: split.bodyLineOffset, diagnostics: [])
        case .value(let value?):
            guard case .mapping = value else { return markdownAfterAll }
            var diagnostics: [Diagnostic] = []
            let frontMatter = decodeKeys(value, file: file, diagnostics: &diagnostics)
            return Result(
                frontMatter: frontMatter, body: split.body, bodyLineOffset: split.bodyLineOffset,
                diagnostics: diagnostics, yaml: yaml)
        }
    }

    static func looksLikeMapping(_ yaml: String) -> Bool {
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else { return false }
            let key = trimmed[..<colon]
            return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "\"" || $0 == "'" }
        }
        return false
    }

    static func decodeKeys(_ mapping: YAMLValue, file: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        var fm = FrontMatter()
        fm.raw = mapping
        guard case .mapping(let entries, _, _) = mapping else { return fm }
        var reader = ValueReader(file: file)
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "title": fm.title = reader.string(value, key: "title")
            case "id": fm.id = reader.string(value, key: "id")
            case "summary", "description": fm.summary = reader.string(value, key: entry.key)
            case "owner": fm.owner = reader.string(value, key: "owner")
            case "tags": fm.tags = reader.strings(value, key: "tags")
            case "aliases": fm.aliases = reader.strings(value, key: "aliases")
            case "weight": fm.weight = reader.integer(value, key: "weight")
            case "draft": fm.draft = reader.boolean(value, key: "draft") ?? false
            case "last_reviewed": fm.lastReviewed = reader.date(value, key: "last_reviewed")
            case "review_every": fm.reviewEvery = reader.duration(value, key: "review_every")
            case "kind":
                if let name = reader.string(value, key: "kind") {
                    if let kind = PageKind(rawValue: name) {
                        fm.kind = kind
                    } else {
                        reader.report(
                            "frontmatter.unknown-kind", value,
                            "unknown kind '\(name)'; expected one of \(PageKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                }
            default:
                fm.extra.append((entry.key, value))
            }
        }
        diagnostics += reader.diagnostics
        return fm
    }
}

/// Checks the type of one YAML value and reports a mismatch where it stands.
struct ValueReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func report(_ identifier: String, _ value: YAMLValue, _ message: String) {
        diagnostics.append(
            .error(identifier, at: SourceLocation(file: file, line: value.line, column: value.column), message))
    }

    /// A scalar as text; an empty value (`title:`) counts as absent.
    mutating func string(_ value: YAMLValue, key: String) -> String? {
        guard let s = value.string else {
            report("frontmatter.type", value, "'\(key)' must be a string, found \(value.shapeName)")
            return nil
        }
        return s.isEmpty ? nil : s
    }

    /// A list of strings; a single string is taken as a list of one.
    mutating func strings(_ value: YAMLValue, key: String) -> [String] {
        switch value {
        case .scalar(let s, _, _): return s.isEmpty ? [] : [s]
        case .sequence(let items, _, _): return items.compactMap { string($0, key: key) }
        case .mapping: report("frontmatter.type", value, "'\(key)' must be a list of strings, found a mapping")
        }
        return []
    }

    mutating func integer(_ value: YAMLValue, key: String) -> Int? {
        guard let s = value.string, let n = Int(s) else {
            report("frontmatter.type", value, "'\(key)' must be a whole number, found '\(value.string ?? value.shapeName)'")
            return nil
        }
        return n
    }

    mutating func boolean(_ value: YAMLValue, key: String) -> Bool? {
        switch value.string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report("frontmatter.type", value, "'\(key)' must be true or false, found '\(value.string ?? value.shapeName)'")
            return nil
        }
    }

    mutating func date(_ value: YAMLValue, key: String) -> String? {
        guard let s = value.string, CalendarDate(s) != nil else {
            report("frontmatter.type", value, "'\(key)' must be a date written YYYY-MM-DD, found '\(value.string ?? value.shapeName)'")
            return nil
        }
        return s
    }

    mutating func duration(_ value: YAMLValue, key: String) -> String? {
        guard let s = value.string, ReviewInterval(s) != nil else {
            report("frontmatter.type", value, "'\(key)' must be a number of days, weeks, months or years such as 90d, 6m or 1y (at most 100 years); found '\(value.string ?? value.shapeName)'")
            return nil
        }
        return s
    }
}
