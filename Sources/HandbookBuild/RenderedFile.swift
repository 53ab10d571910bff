import Foundation
import HandbookDiagnostics

/// One rendered output file and the problems found rendering it.
struct RenderedFile: Sendable {
    var path: String
    var html: String
    var diagnostics: [Diagnostic]

    init(path: String, html: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.html = html
        self.diagnostics = diagnostics
    }

    init(path: String, _ rendered: (html: String, diagnostics: [Diagnostic])) {
        self.init(path: path, html: rendered.html, diagnostics: rendered.diagnostics)
    }
}
