import HandbookDiagnostics

/// The typed front matter of a page's kind, beyond the common keys.
package enum KindSpec: Sendable {
    case page
    case role(RoleSpec)
    case process(ProcessSpec)
    case ladder(LadderSpec)
}

/// Decodes the keys of each kind from the front matter mapping, reporting a
/// missing required key, a wrong type or an unknown value where it stands.
/// References to other pages (roles, levels) are checked later, by the index.
enum KindSchema {
    static func decode(_ frontMatter: FrontMatter, file: String) -> (KindSpec, [Diagnostic]) {
        var reader = SchemaReader(file: file, mapping: frontMatter.raw)
        let spec: KindSpec
        switch frontMatter.kind {
        case .page: spec = .page
        case .role: spec = .role(RoleSpec.decode(&reader))
        case .process: spec = .process(ProcessSpec.decode(&reader))
        case .ladder: spec = .ladder(LadderSpec.decode(&reader))
        }
        return (spec, reader.diagnostics)
    }
}

/// Reads typed values out of a YAML mapping with positions, collecting
/// diagnostics instead of failing.
struct SchemaReader {
    let file: String
    let mapping: YAMLValue?
    var diagnostics: [Diagnostic] = []

    init(file: String, mapping: YAMLValue?) {
        self.file = file
        self.mapping = mapping
    }

    /// Where to report a missing key: the `kind:` value, else the top of the file.
    var kindLocation: SourceLocation {
        if let kind = mapping?["kind"] { return SourceLocation(file: file, line: kind.line, column: kind.column) }
        return SourceLocation(file: file)
    }

    mutating func error(_ identifier: String, _ node: YAMLValue, _ message: String) {
        diagnostics.append(.error(identifier, at: SourceLocation(file: file, line: node.line, column: node.column), message))
    }

    mutating func missing(_ key: String, kind: String) {
        diagnostics.append(.error("\(kind).missing-key", at: kindLocation, "a \(kind) needs '\(key)'"))
    }

    func value(_ key: String, in node: YAMLValue? = nil) -> YAMLValue? {
        (node ?? mapping)?[key]
    }

    mutating func string(_ node: YAMLValue?, key: String, kind: String) -> Located<String>? {
        guard let node else { return nil }
        guard let s = node.string else {
            error("\(kind).type", node, "'\(key)' must be a single value, found \(node.shapeName)")
            return nil
        }
        return s.isEmpty ? nil : Located(s, at: node)
    }

    /// A list of values; a single value counts as a list of one.
    mutating func strings(_ node: YAMLValue?, key: String, kind: String) -> [Located<String>] {
        guard let node else { return [] }
        switch node {
        case .scalar(let s, _, _):
            return s.isEmpty ? [] : [Located(s, at: node)]
        case .sequence(let items, _, _):
            return items.compactMap { item in
                guard let s = item.string else {
                    error("\(kind).type", item, "each entry of '\(key)' must be a single value, found \(item.shapeName)")
                    return nil
                }
                return Located(s, at: item)
            }
        case .mapping:
            error("\(kind).type", node, "'\(key)' must be a list, found a mapping")
            return []
        }
    }

    mutating func list(_ node: YAMLValue?, key: String, kind: String) -> [YAMLValue] {
        guard let node else { return [] }
        guard case .sequence(let items, _, _) = node else {
            error("\(kind).type", node, "'\(key)' must be a list, found \(node.shapeName)")
            return []
        }
        return items
    }
}
