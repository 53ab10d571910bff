import Foundation
import HandbookDiagnostics

/// Terminal output of the CLI: diagnostics to standard error (coloured on a
/// terminal), summaries to standard output.
enum Console {
    /// Prints diagnostics to standard error; notes (orphan pages and the
    /// like) only when asked for; in text, at most `limit` and a table.
    static func printDiagnostics(_ diagnostics: [Diagnostic], format: DiagnosticFormatter, notes: Bool = false, limit: Int) {
        let diagnostics = notes ? diagnostics : diagnostics.filter { $0.severity != .note }
        guard !diagnostics.isEmpty else { return }
        let colour = format == .text && isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        standardError(format.format(diagnostics, colour: colour, limit: limit))
        if format == .github { StepSummary.write(diagnostics) }
    }

    /// One line for a whole build of an imported handbook: what it used that
    /// Handbook does not carry over, by name and count, most used first
    /// ("unsupported shortcodes: figure (12), tweet (3)").
    static func unsupportedSummary(_ diagnostics: [Diagnostic]) -> String? {
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics where diagnostic.identifier == DiagnosticID.shortcodeUnsupported {
            let message = diagnostic.message
            guard let open = message.firstIndex(of: "'"), let close = message.range(of: "' is not supported")?.lowerBound, open < close else { continue }
            counts[String(message[message.index(after: open)..<close]), default: 0] += 1
        }
        guard !counts.isEmpty else { return nil }
        let names = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        return "unsupported shortcodes: " + names.joined(separator: ", ") + "\n"
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }

    /// A path as the user would write it: relative to the working folder when inside it.
    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) + "/" }
        return path
    }
}
