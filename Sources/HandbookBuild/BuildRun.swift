import Dispatch
import HandbookContent
import HandbookDiagnostics
import HandbookSystem

/// One run of the stages: their times and the diagnostics they emit, and
/// the result the caller turns into output and an exit status.
struct BuildRun {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var stageTimes: [(stage: String, seconds: Double, residentBytes: Int?)] = []
    var engine: DiagnosticEngine
    let output: String
    /// A one-shot build gives malloc's free memory back after each stage (its
    /// peak is what counts); the preview server keeps it for the next rebuild.
    private let returnsMemory: Bool

    init(options: BuildOptions) {
        engine = DiagnosticEngine(treatWarningsAsErrors: options.strict)
        returnsMemory = options.write
        output = options.output ?? SiteLayout.absolutePath("public", relativeTo: SiteLayout.absolutePath(options.site))
    }

    /// Closes the current stage's time.
    mutating func lap(_ stage: String) {
        if returnsMemory { Platform.returnFreeMemory() }
        let now = DispatchTime.now().uptimeNanoseconds
        stageTimes.append((stage, Double(now - last) / 1e9, Platform.residentBytes()))
        last = now
    }

    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    func result(_ outcome: BuildResult.Outcome, pages: Int = 0, sourcePages: Int = 0) -> BuildResult {
        BuildResult(
            outcome: outcome, diagnostics: engine.diagnostics.sortedForOutput(), pageCount: pages, sourcePageCount: sourcePages,
            stageTimes: stageTimes, totalSeconds: seconds, output: output)
    }
}
