/// Collects a run's diagnostics and decides, in one place, whether they fail
/// it: any error does, and under `--strict` (and for `handbook check`) any
/// warning does too (as swift-docc's `treatWarningsAsErrors`).
public struct DiagnosticEngine: Sendable {
    public let treatWarningsAsErrors: Bool
    public private(set) var diagnostics: [Diagnostic] = []

    public init(treatWarningsAsErrors: Bool) {
        self.treatWarningsAsErrors = treatWarningsAsErrors
    }

    public mutating func emit(_ more: some Sequence<Diagnostic>) { diagnostics.append(contentsOf: more) }

    public mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// True once something emitted fails the run.
    public var hasFailures: Bool {
        diagnostics.contains { $0.severity == .error || (treatWarningsAsErrors && $0.severity == .warning) }
    }

    /// True when only warnings fail it (for the "warnings are errors" message).
    public var failsOnWarningsOnly: Bool { hasFailures && !diagnostics.hasErrors }
}
