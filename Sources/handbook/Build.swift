import ArgumentParser
import Foundation
import HandbookBuild
import HandbookContent
import HandbookDiagnostics

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
            Diagnostics go to standard error as path:line:col: severity: message. \
            Exit status: 0 built, 1 content errors (or warnings with --strict), 2 usage or configuration error.
            """
    )

    @OptionGroup var location: SiteOptions

    @Option(name: .long, help: "The output folder (default: public/ inside the site). Replaced as a whole.")
    var output: String?

    @OptionGroup var publishing: BaseURLOptions

    @Flag(help: "Treat warnings as errors: fail the build and leave the output folder as it was.")
    var strict = false

    @OptionGroup var dates: TodayOptions

    @Flag(name: .shortAndLong, help: "Print only diagnostics, no summary line.")
    var quiet = false

    @Flag(help: "Print the time of each build stage, and notes (such as pages no other page links to).")
    var verbose = false

    @Option(help: "Diagnostics format: text, json or github.")
    var format: DiagnosticFormatter = .text

    @OptionGroup var display: OutputOptions

    func run() throws {
        var options = BuildOptions(site: location.site, output: output, baseURL: publishing.baseURL, strict: strict)
        options.today = dates.today
        let line = ProgressLine.start()
        let result = SiteBuilder.build(options, progress: line?.progress)
        line?.stop()
        Console.printDiagnostics(result.diagnostics, format: format, notes: verbose, limit: display.maxDiagnostics)
        if verbose {
            for (stage, seconds, resident) in result.stageTimes {
                let memory = resident.map { ", \($0 / 1_048_576) MB resident" } ?? ""
                Console.standardError("  \(stage): \(Console.milliseconds(seconds)) ms\(memory)\n")
            }
        }
        if format == .text, !quiet, let summary = Console.unsupportedSummary(result.diagnostics) { Console.standardError(summary) }
        if result.outcome == .built, !quiet {
            let warnings = result.diagnostics.filter { $0.severity == .warning }.count
            let tail = warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"
            print("Built \(result.pageCount) page\(result.pageCount == 1 ? "" : "s") in \(Console.milliseconds(result.totalSeconds)) ms → \(Console.relative(result.output))\(tail)")
        } else if result.outcome == .failed, strict, !result.diagnostics.hasErrors {
            Console.standardError("handbook: warnings are errors with --strict; nothing was written\n")
        } else if result.outcome == .failed {
            Console.standardError("handbook: build failed; nothing was written\n")
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
