import Dispatch
import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown
import HandbookRender

/// The build pipeline: named stages, each a function of the previous stage's
/// value, run in order — scan → parse → index → render → write.
///
/// Parse and render run on all cores; the index is built once between them.
/// Content problems come back as diagnostics in the result, never as throws.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        let session = BuildSession(options: options)
        var output = session.run()
        guard output.result.outcome == .built, options.write else { return output.result }

        // write
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            try OutputWriter.write(output.files, to: session.outputFolder ?? SiteLayout.absolutePath(output.result.output))
        } catch {
            output.result.outcome = .failed
            output.result.diagnostics.append(.error("output.write", at: nil, "\(error)"))
            return output.result
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        output.result.stageTimes.append(("write", seconds))
        output.result.totalSeconds += seconds
        return output.result
    }
}

/// Wall-clock time per stage, for `--verbose` timings and the summary line.
struct StageClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var stages: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((stage, Double(now - last) / 1e9))
        last = now
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
