import Foundation
import HandbookDiagnostics

/// GitHub Actions shows only the first few annotations of a step; the job
/// summary (`$GITHUB_STEP_SUMMARY`, Markdown) gets all of them: the counts
/// per identifier, then every diagnostic up to the summary's size limit.
enum StepSummary {
    /// GitHub accepts 1 MiB per step summary; stop well before it.
    static let budget = 900_000

    static func write(_ diagnostics: [Diagnostic], environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty, !diagnostics.isEmpty,
            let file = FileHandle(forWritingAtPath: path)
        else { return }
        defer { try? file.close() }
        _ = try? file.seekToEnd()
        file.write(Data(markdown(diagnostics).utf8))
    }

    static func markdown(_ diagnostics: [Diagnostic]) -> String {
        var out = "## Handbook: \(DiagnosticFormatter.summary(diagnostics))\n\n| identifier | count |\n|---|---:|\n"
        for row in DiagnosticFormatter.byIdentifier(diagnostics) { out += "| `\(row.identifier)` | \(row.count) |\n" }
        out += "\n| where | severity | message |\n|---|---|---|\n"
        for (k, d) in diagnostics.enumerated() {
            let row = "| \(cell(d.location.map { "\($0)" } ?? "")) | \(d.severity.rawValue) | \(cell(d.message)) `\(d.identifier)` |\n"
            if out.utf8.count + row.utf8.count > budget {
                out += "\n… and \(diagnostics.count - k) more: run `handbook check --format json` to list them all.\n"
                break
            }
            out += row
        }
        return out + "\n"
    }

    /// Text safe in a Markdown table cell.
    private static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
