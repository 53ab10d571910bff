import ArgumentParser
import Foundation
import HandbookBuild
import HandbookContent
import HandbookDiagnostics

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every build stage without writing, for CI: any error or warning fails.",
        discussion: """
            Prints diagnostics on standard output, sorted by file, line and column. \
            Exit status: 0 clean, 1 any error or warning, 2 usage or configuration error.
            """
    )

    @OptionGroup var location: SiteOptions

    @Option(help: "Diagnostics format: text, json or github (workflow annotations).")
    var format: DiagnosticFormatter = .text

    @Flag(help: "Also warn about pages past their review date (review.overdue).")
    var stale = false

    @Flag(help: "Also list notes, such as pages no other page links to (page.orphan).")
    var notes = false

    @OptionGroup var dates: TodayOptions

    @OptionGroup var display: OutputOptions

    func run() throws {
        var options = BuildOptions(site: location.site, strict: true, write: false)
        options.today = dates.today
        options.reportOverdueReviews = stale
        options.readsHistory = false
        let line = ProgressLine.start()
        let result = SiteBuilder.build(options, progress: line?.progress)
        line?.stop()
        let shown = notes ? result.diagnostics : result.diagnostics.filter { $0.severity != .note }
        var output = shown.isEmpty && format == .json ? "[]\n" : format.format(shown, limit: display.maxDiagnostics)
        if format == .github { StepSummary.write(shown) }
        if format == .text {
            output += "\(DiagnosticFormatter.summary(result.diagnostics)) in \(result.sourcePageCount) pages\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
