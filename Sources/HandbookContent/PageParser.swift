import Foundation
import HandbookDiagnostics
import HandbookMarkdown
import HandbookSystem

/// Turns one Markdown file into a `Page`, with every problem as a diagnostic.
/// It reads nothing but its own file, so pages parse in parallel.
package enum PageParser {
    package static func parse(_ file: SourceFile, options: MarkdownOptions, siteTitle: String) -> (Page, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var data: [UInt8] = []
        switch FileSystem.contents(of: file.absolutePath) {
        case .success(let bytes): data = bytes
        case .failure(let error):
            diagnostics.append(.error(DiagnosticID.contentUnreadable, at: SourceLocation(file: file.displayPath), "cannot read file: \(error)"))
        }
        let text: String
        if let valid = String(validating: data, as: UTF8.self) {
            text = valid
        } else {
            let (line, column) = firstInvalidUTF8(in: Data(data))
            diagnostics.append(
                .error(
                    DiagnosticID.contentInvalidUtf8, at: SourceLocation(file: file.displayPath, line: line, column: column),
                    "file is not valid UTF-8; invalid bytes are shown as \u{FFFD}",
                    note: "save the file as UTF-8"))
            text = String(decoding: data, as: UTF8.self)
        }
        return parse(text: text, file: file, options: options, siteTitle: siteTitle, diagnostics: diagnostics)
    }

    /// Parses already-read text (tests and the preview server use this directly).
    package static func parse(
        text: String, file: SourceFile, options: MarkdownOptions, siteTitle: String, diagnostics: [Diagnostic] = []
    ) -> (Page, [Diagnostic]) {
        var diagnostics = diagnostics
        let decoded = FrontMatterDecoder.decode(text, file: file.displayPath)
        diagnostics += decoded.diagnostics
        let frontMatter = decoded.frontMatter ?? FrontMatter()
        let (spec, kindDiagnostics) = KindSchema.decode(frontMatter, file: file.displayPath)
        diagnostics += kindDiagnostics
        let document = MarkdownParser.parseTemplate(decoded.body, options: options, lineOffset: decoded.bodyLineOffset)
        for problem in document.problems {
            let identifier = switch problem.kind {
            case .wideTable: DiagnosticID.markdownWideTable
            case .unsupported: DiagnosticID.shortcodeUnsupported
            }
            diagnostics.append(
                .warning(
                    identifier, at: SourceLocation(file: file.displayPath, line: problem.line, column: problem.column),
                    problem.message, note: problem.note))
        }
        let isIndex = PagePaths.indexPriority(of: file.path) != nil
        let title = frontMatter.title ?? document.firstTitle ?? defaultTitle(for: file.path, isIndex: isIndex, siteTitle: siteTitle)
        let page = Page(
            source: file, id: frontMatter.id ?? PagePaths.defaultID(file.path), title: title, frontMatter: frontMatter, spec: spec,
            frontMatterSource: decoded.yaml, bodyHash: decoded.body.hashValue, bodyLineOffset: decoded.bodyLineOffset, document: document,
            isFolderIndex: isIndex)
        return (page, diagnostics)
    }

    static func defaultTitle(for path: String, isIndex: Bool, siteTitle: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        if isIndex {
            parts.removeLast()
            guard let folder = parts.last else { return siteTitle }
            return PagePaths.titleFromName(folder)
        }
        return PagePaths.titleFromName(String((parts.last ?? path).dropLast(3)))
    }

    /// Line and column (1-based, in bytes) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, i - lineStart + 1)
            }
            if i + length > bytes.count { return (line, i - lineStart + 1) }
            let sequence = Array(bytes[i..<(i + length)])
            if length > 1, String(validating: sequence, as: UTF8.self) == nil { return (line, i - lineStart + 1) }
            if b == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += length
        }
        return (line, 1)
    }
}
