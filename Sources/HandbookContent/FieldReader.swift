import HandbookDiagnostics

/// Reads typed values out of YAML (front matter, a kind's keys, `handbook.yml`)
/// and reports each value of the wrong type where it stands, instead of
/// failing. The one typed YAML reader of Handbook.
struct FieldReader {
    /// Whose keys are read: it names the diagnostics (`frontmatter.type`,
    /// `config.type`, `role.missing-key`).
    enum Domain: String {
        case frontMatter = "frontmatter", config, role, process, ladder

        var typeID: String {
            switch self {
            case .frontMatter: DiagnosticID.frontmatterType
            case .config: DiagnosticID.configType
            case .role: DiagnosticID.roleType
            case .process: DiagnosticID.processType
            case .ladder: DiagnosticID.ladderType
            }
        }

        var missingKeyID: String {
            switch self {
            case .role: DiagnosticID.roleMissingKey
            case .process: DiagnosticID.processMissingKey
            default: DiagnosticID.ladderMissingKey
            }
        }
    }

    let file: String
    let domain: Domain
    /// The mapping the keys are read from (a kind's front matter).
    let mapping: YAMLValue?
    var diagnostics: [Diagnostic] = []

    init(file: String, domain: Domain, mapping: YAMLValue? = nil) {
        self.file = file
        self.domain = domain
        self.mapping = mapping
    }

    mutating func report(_ identifier: String, _ node: YAMLValue, _ message: String) {
        diagnostics.append(.error(identifier, at: SourceLocation(file: file, line: node.line, column: node.column), message))
    }

    /// A value of the wrong type.
    mutating func mismatch(_ node: YAMLValue, _ message: String) { report(domain.typeID, node, message) }

    /// Where to report a missing key: the `kind:` value, else the top of the file.
    var kindLocation: SourceLocation {
        if let kind = mapping?["kind"] { return SourceLocation(file: file, line: kind.line, column: kind.column) }
        return SourceLocation(file: file)
    }

    mutating func missing(_ key: String) {
        diagnostics.append(.error(domain.missingKeyID, at: kindLocation, "a \(domain.rawValue) needs '\(key)'"))
    }

    func value(_ key: String, in node: YAMLValue? = nil) -> YAMLValue? {
        (node ?? mapping)?[key]
    }

    /// A scalar as text; an empty value (`title:`) counts as absent.
    mutating func text(_ node: YAMLValue?, key: String) -> Located<String>? {
        guard let node else { return nil }
        guard let s = node.string else {
            mismatch(node, "'\(key)' must be a single value, found \(node.shapeName)")
            return nil
        }
        return s.isEmpty ? nil : Located(s, at: node)
    }

    /// A list of values; a single value counts as a list of one.
    mutating func texts(_ node: YAMLValue?, key: String) -> [Located<String>] {
        guard let node else { return [] }
        switch node {
        case .scalar(let s, _, _):
            return s.isEmpty ? [] : [Located(s, at: node)]
        case .sequence(let items, _, _):
            return items.compactMap { item in
                guard let s = item.string else {
                    mismatch(item, "each entry of '\(key)' must be a single value, found \(item.shapeName)")
                    return nil
                }
                return Located(s, at: item)
            }
        case .mapping:
            mismatch(node, "'\(key)' must be a list, found a mapping")
            return []
        }
    }

    mutating func list(_ node: YAMLValue?, key: String) -> [YAMLValue] {
        guard let node else { return [] }
        guard case .sequence(let items, _, _) = node else {
            mismatch(node, "'\(key)' must be a list, found \(node.shapeName)")
            return []
        }
        return items
    }

    mutating func integer(_ node: YAMLValue, key: String) -> Int? {
        guard let s = node.string, let n = Int(s) else {
            mismatch(node, "'\(key)' must be a whole number, found '\(node.string ?? node.shapeName)'")
            return nil
        }
        return n
    }

    mutating func boolean(_ node: YAMLValue, key: String) -> Bool? {
        switch node.string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            mismatch(node, "'\(key)' must be true or false, found '\(node.string ?? node.shapeName)'")
            return nil
        }
    }

    mutating func date(_ node: YAMLValue, key: String) -> String? {
        guard let s = node.string, CalendarDate(s) != nil else {
            mismatch(node, "'\(key)' must be a date written YYYY-MM-DD, found '\(node.string ?? node.shapeName)'")
            return nil
        }
        return s
    }

    mutating func duration(_ node: YAMLValue, key: String) -> String? {
        guard let s = node.string, ReviewInterval(s) != nil else {
            mismatch(
                node,
                "'\(key)' must be a number of days, weeks, months or years such as 90d, 6m or 1y (at most 100 years); found '\(node.string ?? node.shapeName)'")
            return nil
        }
        return s
    }
}
