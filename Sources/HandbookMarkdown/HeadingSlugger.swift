/// Makes heading anchor ids the way GitHub does, so that links written for
/// GitHub (`#d1---developer-1`) keep working: lower-case, drop everything but
/// letters, marks, digits, `_`, `-` and spaces, then spaces become hyphens.
/// Repeated ids get `-1`, `-2`, ... in document order.
package struct HeadingSlugger: Sendable {
    private var used: Set<String> = []
    /// The next suffix worth trying for a base: every lower one is taken, so
    /// 20,000 headings with the same text cost linear time, not quadratic.
    private var nextSuffix: [String: Int] = [:]

    package init() {}

    /// The id for a heading with this text, unique within this slugger.
    package mutating func slug(for text: String) -> String {
        unique(Self.baseSlug(text))
    }

    /// Records an explicit `{#id}` so that later generated ids avoid it.
    package mutating func reserve(_ id: String) -> String {
        unique(id)
    }

    private mutating func unique(_ base: String) -> String {
        guard used.contains(base) else {
            used.insert(base)
            return base
        }
        var counter = nextSuffix[base] ?? 1
        var candidate = "\(base)-\(counter)"
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        nextSuffix[base] = counter + 1
        used.insert(candidate)
        return candidate
    }

    /// The id before de-duplication. Smart punctuation is mapped back to what
    /// the author typed (`–` was `--`), as GitHub renders without it.
    package static func baseSlug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2013}": result.append(contentsOf: "--".unicodeScalars)
            case "\u{2014}": result.append(contentsOf: "---".unicodeScalars)
            case " ": result.append("-")
            case "-", "_": result.append(scalar)
            default:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .enclosingMark,
                    .decimalNumber, .letterNumber, .otherNumber,
                    .connectorPunctuation:
                    result.append(scalar)
                default:
                    continue
                }
            }
        }
        let slug = String(result)
        // GitHub would give an empty anchor; an id must not be empty.
        return slug.isEmpty ? "section" : slug
    }

    /// Splits a trailing `{#custom-id}` off a heading's text.
    package static func explicitID(in text: String) -> (text: String, id: String)? {
        guard text.hasSuffix("}"), let brace = text.lastIndex(of: "{"),
            text[text.index(after: brace)...].hasPrefix("#")
        else { return nil }
        let id = text[text.index(brace, offsetBy: 2)..<text.index(before: text.endIndex)]
        guard !id.isEmpty, id.unicodeScalars.allSatisfy(isIDCharacter) else { return nil }
        var rest = text[..<brace]
        while rest.last == " " || rest.last == "\t" { rest.removeLast() }
        return (String(rest), String(id))
    }

    private static func isIDCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", ":": true
        default: false
        }
    }
}
