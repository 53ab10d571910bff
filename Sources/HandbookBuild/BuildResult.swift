import HandbookDiagnostics

/// What a build did, for the CLI to print and turn into an exit code.
public struct BuildResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The site was written (or, for a check, would have been).
        case built
        /// Content errors (or warnings under `--strict`): nothing was written.
        case failed
        /// The site's configuration or the command's options are unusable.
        case unusable
    }

    public var outcome: Outcome
    public var diagnostics: [Diagnostic]
    /// HTML pages written (Markdown pages and generated section pages).
    public var pageCount: Int
    /// Markdown pages published (drafts and duplicates left out), known once indexed.
    public var sourcePageCount: Int
    /// Seconds per named stage, in the order they ran, and the process's
    /// resident memory when it ended (where the system tells).
    public var stageTimes: [(stage: String, seconds: Double, residentBytes: Int?)]
    public var totalSeconds: Double
    /// The output folder, as given or defaulted.
    public var output: String

    /// 0 built, 1 content errors, 2 usage or configuration error.
    public var exitCode: Int32 {
        switch outcome {
        case .built: 0
        case .failed: 1
        case .unusable: 2
        }
    }
}
