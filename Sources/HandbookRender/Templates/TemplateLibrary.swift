import HandbookEscaping

/// The theme's templates, parsed once, rendered against view models.
///
/// A page's render walks the template's nodes and appends bytes: values are
/// looked up by name on typed views (`TemplateObject`), text is escaped as it
/// is copied. Partials and parents are looked up by name; the theme's checks
/// guarantee they exist and do not include each other in a loop.
package struct TemplateLibrary: Sendable {
    private let templates: [String: [TemplateParser.Node]]

    package init(_ sources: [String: String]) {
        templates = sources.mapValues(TemplateParser.parse)
    }

    package func contains(_ name: String) -> Bool { templates[name] != nil }

    /// `template` rendered with `view`, as UTF-8 bytes (what is written:
    /// a page never becomes a `String`); nil when there is no such template.
    package func renderBytes(_ view: any TemplateObject, withTemplate template: String) -> [UInt8]? {
        guard let nodes = templates[template] else { return nil }
        var renderer = Renderer(library: self)
        renderer.stack = [.object(view)]
        renderer.render(nodes)
        return renderer.out
    }

    /// `template` rendered with `view`; nil when there is no such template.
    package func render(_ view: any TemplateObject, withTemplate template: String) -> String? {
        renderBytes(view, withTemplate: template).map { String(decoding: $0, as: UTF8.self) }
    }

    private struct Renderer {
        let library: TemplateLibrary
        var out: [UInt8] = []
        var stack: [TemplateValue] = []
        /// Blocks overridden by the templates that extend the one rendering.
        var blocks: [String: [TemplateParser.Node]] = [:]
        /// Nested partials and parents (the checks forbid loops; this bounds them anyway).
        var depth = 0

        init(library: TemplateLibrary) {
            self.library = library
            out.reserveCapacity(16 * 1024)
        }

        mutating func render(_ nodes: [TemplateParser.Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    out.append(contentsOf: bytes)
                case .variable(let name, let escaped):
                    switch lookUp(name) {
                    case .text(let text): append(text, escaped: escaped)
                    case .flag(let flag): append(flag ? "true" : "false", escaped: false)
                    default: break
                    }
                case .section(let name, let children, let inverted):
                    let value = lookUp(name)
                    if inverted {
                        if !value.isTruthy { render(children) }
                    } else if value.isTruthy {
                        switch value {
                        case .flag: render(children)
                        case .list(let items):
                            for item in items {
                                stack.append(item)
                                render(children)
                                stack.removeLast()
                            }
                        default:
                            stack.append(value)
                            render(children)
                            stack.removeLast()
                        }
                    }
                case .partial(let name, let indent):
                    guard depth < 64, let partial = library.templates[name] else { continue }
                    depth += 1
                    if indent.isEmpty {
                        render(partial)
                    } else {
                        let start = out.count
                        render(partial)
                        indentLines(from: start, by: indent)
                    }
                    depth -= 1
                case .parent(let name, let overrides):
                    guard depth < 64, let parent = library.templates[name] else { continue }
                    depth += 1
                    let saved = blocks
                    // The outermost override of a block wins.
                    blocks = blocks.merging(overrides) { outer, _ in outer }
                    render(parent)
                    blocks = saved
                    depth -= 1
                case .block(let name, let content):
                    guard let override = blocks[name] else {
                        render(content)
                        continue
                    }
                    // Within its own override, a block of the same name is its
                    // default text: an override holding `{{$content}}` again
                    // would otherwise render itself without end (found by fuzzing).
                    let saved = blocks
                    blocks[name] = nil
                    render(override)
                    blocks = saved
                }
            }
        }

        /// A name through the context stack, innermost first; the rest of a
        /// dotted name on what its first part found.
        func lookUp(_ name: TemplateParser.Name) -> TemplateValue {
            guard let first = name.parts.first else { return stack.last ?? .none }
            var value = TemplateValue.none
            // Innermost first, reading each entry in place.
            var k = stack.count
            while k > 0 {
                k -= 1
                guard case .object(let object) = stack[k] else { continue }
                let found = object.field(first)
                if case .none = found { continue }
                value = found
                break
            }
            for part in name.parts.dropFirst() {
                guard case .object(let object) = value else { return .none }
                value = object.field(part)
            }
            return value
        }

        mutating func append(_ text: String, escaped: Bool) {
            guard escaped else {
                out.append(contentsOf: text.utf8)
                return
            }
            Escape.appendHTML(text, to: &out)
        }

        /// A standalone partial's lines all take the tag's indentation.
        mutating func indentLines(from start: Int, by indent: [UInt8]) {
            guard start < out.count else { return }
            var result: [UInt8] = indent
            for (k, byte) in out[start...].enumerated() {
                result.append(byte)
                if byte == 0x0A, start + k + 1 < out.count { result.append(contentsOf: indent) }
            }
            out.replaceSubrange(start..., with: result)
        }
    }
}
