import Foundation
import HandbookDiagnostics
import Testing

@Suite struct DiagnosticFormatterTests {
    static let broken = Diagnostic.warning(
        DiagnosticID.linkBroken, at: SourceLocation(file: "content/a, b.md", line: 3, column: 7), "link target 'x.md' does not exist",
        note: "did you mean 'y'?\nor 'z'?")

    @Test func text() {
        #expect(
            DiagnosticFormatter.text.format(Self.broken)
                == "content/a, b.md:3:7: warning: link target 'x.md' does not exist [link.broken]\n    note: did you mean 'y'?\n    or 'z'?")
        #expect(DiagnosticFormatter.text.format(.error(DiagnosticID.siteMissing, at: nil, "no site")) == "handbook: error: no site [site.missing]")
        #expect(DiagnosticFormatter.text.format(Self.broken, colour: true).contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
    }

    /// GitHub's workflow commands escape `%`, newlines, and in properties `:` and `,`.
    @Test func github() {
        #expect(
            DiagnosticFormatter.github.format(Self.broken)
                == "::warning file=content/a%2C b.md,line=3,col=7,title=link.broken::link target 'x.md' does not exist%0Adid you mean 'y'?%0Aor 'z'?")
    }

    @Test func json() throws {
        let text = DiagnosticFormatter.json.format([Self.broken])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["identifier"] as? String == "link.broken")
        #expect(entries[0]["line"] as? Int == 3)
        #expect(entries[0]["notes"] as? [String] == ["did you mean 'y'?\nor 'z'?"])
    }

    @Test func orderIsStableAndTheSummaryCounts() {
        let a = Diagnostic.error("x.y", at: SourceLocation(file: "b.md", line: 1, column: 1), "later")
        let b = Diagnostic.warning("x.y", at: SourceLocation(file: "a.md", line: 9, column: 1), "earlier")
        let c = Diagnostic.error("x.y", at: nil, "no place")
        #expect([a, b, c].sortedForOutput().map(\.message) == ["no place", "earlier", "later"])
        #expect(DiagnosticFormatter.summary([a, b, c]) == "2 errors, 1 warning")
    }
}

/// Strict mode is decided in one place.
@Suite struct DiagnosticEngineTests {
    @Test func warningsFailOnlyWhenStrict() {
        let warning = Diagnostic.warning(DiagnosticID.linkBroken, at: nil, "w")
        var lenient = DiagnosticEngine(treatWarningsAsErrors: false)
        lenient.emit(warning)
        lenient.emit(Diagnostic(.note, DiagnosticID.pageOrphan, at: nil, "n"))
        #expect(!lenient.hasFailures)
        var strict = DiagnosticEngine(treatWarningsAsErrors: true)
        strict.emit(warning)
        #expect(strict.hasFailures && strict.failsOnWarningsOnly)
        strict.emit(.error(DiagnosticID.idDuplicate, at: nil, "e"))
        #expect(strict.hasFailures && !strict.failsOnWarningsOnly)
    }
}
