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
        switch frontMatter.kind {
        case .page:
            return (.page, [])
        case .role:
            var reader = FieldReader(file: file, domain: .role, mapping: frontMatter.raw)
            return (.role(RoleSpec.decode(&reader)), reader.diagnostics)
        case .process:
            var reader = FieldReader(file: file, domain: .process, mapping: frontMatter.raw)
            return (.process(ProcessSpec.decode(&reader)), reader.diagnostics)
        case .ladder:
            var reader = FieldReader(file: file, domain: .ladder, mapping: frontMatter.raw)
            return (.ladder(LadderSpec.decode(&reader)), reader.diagnostics)
        }
    }
}
