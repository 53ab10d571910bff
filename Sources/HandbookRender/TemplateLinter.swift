import HandbookDiagnostics

/// Finds `{{>partial}}` and `{{<parent}}` tags whose template does not exist.
/// swift-mustache renders a missing partial as nothing, which would silently
/// drop a part of every page; Handbook reports it before rendering.
enum TemplateLinter {
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// Partial and parent names used in a template, with their positions.
    static func references(in text: String) -> [Reference] {
        var result: [Reference] = []
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            } else if bytes[i] == UInt8(ascii: "{"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"),
                bytes[i + 2] == UInt8(ascii: ">") || bytes[i + 2] == UInt8(ascii: "<")
            {
                var j = i + 3
                while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
                let start = j
                while j < bytes.count, bytes[j] != UInt8(ascii: "}"), bytes[j] != UInt8(ascii: " "),
                    bytes[j] != UInt8(ascii: "\n")
                {
                    j += 1
                }
                let name = String(decoding: bytes[start..<j], as: UTF8.self)
                // `{{>*name}}` is a dynamic partial: its name is only known when rendering.
                if !name.isEmpty, !name.hasPrefix("*") {
                    result.append(Reference(name: name, line: line, column: i - lineStart + 1))
                }
                i = j
                continue
            }
            i += 1
        }
        return result
    }

    static func check(templates: [String: (text: String, file: String)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in templates.keys.sorted() {
            guard let template = templates[name] else { continue }
            for reference in references(in: template.text) where templates[reference.name] == nil {
                diagnostics.append(
                    .error(
                        "template.missing-partial",
                        at: SourceLocation(file: template.file, line: reference.line, column: reference.column),
                        "template '\(name)' uses '\(reference.name)', but there is no \(reference.name).mustache",
                        note: "templates: \(templates.keys.sorted().joined(separator: ", "))"))
            }
        }
        return diagnostics
    }
}
