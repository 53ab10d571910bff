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
        let read = split.isTOML ? TOMLReader.read(yaml, file: file, lineOffset: split.yamlLineOffset)
            : YAMLReader.read(yaml, file: file, lineOffset: split.yamlLineOffset)
        switch read {
        case .failure(let diagnostic):
            // Text that does not even look like `key: value` is Markdown that opens
            // with a thematic break; a broken mapping is an author's mistake.
            guard split.isTOML || looksLikeMapping(yaml) else { return markdownAfterAll }
            var unreadable = FrontMatter()
            unreadable.unreadable = true
            return Result(
                frontMatter: unreadable, body: split.body, bodyLineOffset: split.bodyLineOffset,
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
        var reader = FieldReader(file: file, domain: .frontMatter)
        let keys = Set(entries.map(\.key))
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "title": fm.title = reader.text(value, key: "title")?.value
            case "id": fm.id = reader.text(value, key: "id")?.value
            case "summary", "description": fm.summary = reader.text(value, key: entry.key)?.value
            case "owner": fm.owner = reader.text(value, key: "owner")?.value
            case "tags": fm.tags = reader.texts(value, key: "tags").map(\.value)
            case "aliases": fm.aliases = reader.texts(value, key: "aliases").map(\.value)
            case "weight": fm.weight = reader.integer(value, key: "weight")
            // Docusaurus' name for the order in the sidebar; `weight` wins when both are given.
            case "sidebar_position": if let n = reader.integer(value, key: "sidebar_position"), !keys.contains("weight") { fm.weight = n }
            case "slug": fm.slug = reader.text(value, key: "slug")?.value
            case "draft": fm.draft = reader.boolean(value, key: "draft") ?? false
            case "last_reviewed": fm.lastReviewed = reader.date(value, key: "last_reviewed")
            case "review_every": fm.reviewEvery = reader.duration(value, key: "review_every")
            case "status":
                if let name = reader.text(value, key: "status")?.value {
                    if let status = PageStatus(rawValue: name.lowercased()) {
                        fm.status = status
                    } else {
                        reader.report(
                            DiagnosticID.statusUnknown, value,
                            "unknown status '\(name)'; expected one of \(PageStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                }
            case "superseded_by": fm.supersededBy = reader.text(value, key: "superseded_by")
            case "effective": fm.effective = reader.date(value, key: "effective")
            case "version": fm.version = reader.integer(value, key: "version")
            case "previous": fm.previous = reader.text(value, key: "previous")
            case "kind":
                if let name = reader.text(value, key: "kind")?.value {
                    if let kind = PageKind(rawValue: name) {
                        fm.kind = kind
                    } else {
                        reader.report(
                            DiagnosticID.frontmatterUnknownKind, value,
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
