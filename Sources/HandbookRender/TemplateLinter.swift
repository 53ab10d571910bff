import HandbookDiagnostics

/// Checks the templates before any is parsed or rendered, so that a theme
/// cannot fail silently or bring the build down:
///
/// - `{{>partial}}` and `{{<parent}}` must name a template that exists
///   (swift-mustache renders a missing one as nothing, silently dropping part
///   of every page);
/// - includes may not form a cycle (a template that includes itself, directly
///   or through others, would recurse until the stack runs out);
/// - sections nest at most `maximumDepth` deep (the parser recurses per level);
/// - dynamic partials (`{{>*name}}`) are refused: their target is only known
///   while rendering, so neither check above could see them; so are
///   swift-mustache's transforms (`{{uppercased(x)}}`), which Handbook's
///   renderer does not have.
enum TemplateLinter {
    static let maximumDepth = 100

    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// What one pass over a template's tags found.
    struct Scan {
        var references: [Reference] = []
        var dynamicPartials: [Reference] = []
        /// Tags that apply swift-mustache's transforms (`{{uppercased(x)}}`).
        var transforms: [Reference] = []
        /// The first tag that opens a section deeper than `maximumDepth`.
        var tooDeep: Reference?
    }

    /// Partial and parent names used in a template, with their positions.
    static func references(in text: String) -> [Reference] { scan(text).references }

    static func scan(_ text: String) -> Scan {
        var result = Scan()
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var depth = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            } else if bytes[i] == UInt8(ascii: "{"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") {
                let sigil = bytes[i + 2]
                let column = i - lineStart + 1
                switch sigil {
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                    depth += 1
                    if depth > maximumDepth, result.tooDeep == nil {
                        result.tooDeep = Reference(name: "", line: line, column: column)
                    }
                case UInt8(ascii: "/"):
                    depth = max(0, depth - 1)
                default:
                    break
                }
                guard sigil == UInt8(ascii: ">") || sigil == UInt8(ascii: "<") else {
                    // A name with parentheses asks for a transform.
                    var j = i + 2
                    while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "}") && bytes[j + 1] == UInt8(ascii: "}")), bytes[j] != 0x0A {
                        if bytes[j] == UInt8(ascii: "("), sigil != UInt8(ascii: "!") {
                            result.transforms.append(Reference(name: "", line: line, column: column))
                            break
                        }
                        j += 1
                    }
                    i += 2
                    continue
                }
                var j = i + 3
                while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
                let start = j
                while j < bytes.count, bytes[j] != UInt8(ascii: "}"), bytes[j] != UInt8(ascii: " "),
                    bytes[j] != UInt8(ascii: "\n")
                {
                    j += 1
                }
                let name = String(decoding: bytes[start..<j], as: UTF8.self)
                if name.hasPrefix("*") {
                    result.dynamicPartials.append(Reference(name: name, line: line, column: column))
                } else if !name.isEmpty {
                    result.references.append(Reference(name: name, line: line, column: column))
                }
                i = j
                continue
            }
            i += 1
        }
        return result
    }

    /// Problems of every template; the names of templates that must not be
    /// parsed at all (too deep for the parser) come back too.
    static func check(templates: [String: (text: String, file: String)]) -> (diagnostics: [Diagnostic], unparsable: Set<String>) {
        var diagnostics: [Diagnostic] = []
        var unparsable: Set<String> = []
        var graph: [String: [Reference]] = [:]
        for name in templates.keys.sorted() {
            guard let template = templates[name] else { continue }
            let scan = scan(template.text)
            func at(_ r: Reference) -> SourceLocation { SourceLocation(file: template.file, line: r.line, column: r.column) }
            if let deep = scan.tooDeep {
                unparsable.insert(name)
                diagnostics.append(
                    .error(
                        DiagnosticID.templateTooDeep, at: at(deep),
                        "sections in template '\(name)' are nested more than \(maximumDepth) deep"))
            }
            let unsupported: [(references: [Reference], id: String, what: (Reference) -> String, note: String)] = [
                (
                    scan.dynamicPartials, DiagnosticID.templateDynamicPartial, { "uses a dynamic partial {{>\($0.name)}}" },
                    "name the partial: Handbook checks every include before rendering"
                ),
                (
                    scan.transforms, DiagnosticID.templateTransform, { _ in "applies a transform such as {{uppercased(x)}}" },
                    "templates place values as the views give them"
                ),
            ]
            for rule in unsupported {
                for reference in rule.references {
                    diagnostics.append(
                        .error(
                            rule.id, at: at(reference), "template '\(name)' \(rule.what(reference)), which Handbook does not support",
                            note: rule.note))
                }
            }
            for reference in scan.references where templates[reference.name] == nil {
                diagnostics.append(
                    .error(
                        DiagnosticID.templateMissingPartial, at: at(reference),
                        "template '\(name)' uses '\(reference.name)', but there is no \(reference.name).mustache",
                        note: "templates: \(Diagnostic.names(templates.keys.sorted(), limit: 8))"))
            }
            graph[name] = scan.references.filter { templates[$0.name] != nil }
        }
        diagnostics += cycles(in: graph).map { cycle in
            let (name, reference) = cycle.closing
            return .error(
                DiagnosticID.templateCycle,
                at: SourceLocation(file: templates[name]?.file ?? name, line: reference.line, column: reference.column),
                "templates include each other in a loop: \((cycle.names + [cycle.names[0]]).joined(separator: " → "))",
                note: "a template may not include itself, directly or through others")
        }
        return (diagnostics, unparsable)
    }

    /// Each loop of includes once, found by an iterative depth-first search
    /// (the number of templates is the site's to choose). `closing` is the
    /// include that leads back to the loop's first template.
    static func cycles(in graph: [String: [Reference]]) -> [(names: [String], closing: (String, Reference))] {
        enum Colour { case onPath, done }
        var colour: [String: Colour] = [:]
        var found: [(names: [String], closing: (String, Reference))] = []
        for start in graph.keys.sorted() where colour[start] == nil {
            // Each frame: a template and the index of the next reference to follow.
            var path: [(name: String, next: Int)] = [(start, 0)]
            colour[start] = .onPath
            while let top = path.last {
                let references = graph[top.name] ?? []
                guard top.next < references.count else {
                    colour[top.name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let reference = references[top.next]
                switch colour[reference.name] {
                case .onPath?:
                    let first = path.firstIndex { $0.name == reference.name } ?? 0
                    found.append((path[first...].map(\.name), (top.name, reference)))
                case .done?:
                    continue
                case nil:
                    colour[reference.name] = .onPath
                    path.append((reference.name, 0))
                }
            }
        }
        return found
    }
}
