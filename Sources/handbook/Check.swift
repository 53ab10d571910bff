import ArgumentParser
import Foundation
import HandbookBuild
import HandbookContent
import HandbookDiagnostics
import HandbookIndex

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

    @Option(
        help: ArgumentHelp(
            "Compare with the site at this git ref (a pull request's base): name the move, deletion or heading rename behind each broken link, and warn about moved pages whose old address nothing keeps.",
            valueName: "ref"))
    var since: String?

    @Flag(help: "With --since: add the aliases that keep moved pages' old addresses to their front matter.")
    var fix = false

    @OptionGroup var dates: TodayOptions

    @OptionGroup var display: OutputOptions

    func validate() throws {
        if fix && since == nil { throw ValidationError("--fix needs --since <ref>: it writes the aliases of pages moved since then") }
    }

    func run() throws {
        var options = BuildOptions(site: location.site, strict: true, write: false)
        options.today = dates.today
        options.reportOverdueReviews = stale
        options.readsHistory = false
        options.returnsModel = since != nil
        let line = ProgressLine.start()
        let session = BuildSession(options: options, progress: line?.progress)
        let run = session.run()
        line?.stop()
        var result = run.result
        var lines = ""
        if let ref = since {
            guard let model = run.model, let root = session.layout?.root else {
                FileHandle.standardError.write(Data("error: --since: the site could not be indexed\n".utf8))
                throw ExitCode(2)
            }
            switch SinceCheck.run(root: root, ref: ref, current: model) {
            case .failure(let failure):
                FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
                throw ExitCode(2)
            case .success(let comparison):
                let fixed = fix ? comparison.fix(site: model, root: root) : []
                result.diagnostics = comparison.annotate(result.diagnostics, site: model, fixed: fixed).sorted {
                    ($0.location ?? SourceLocation(file: ""), $0.identifier) < ($1.location ?? SourceLocation(file: ""), $1.identifier)
                }
                if result.diagnostics.contains(where: { $0.severity != .note }), result.outcome == .built { result.outcome = .failed }
                lines += comparison.summary + "\n"
                if !fixed.isEmpty { lines += "added aliases to \(fixed.count) moved page\(fixed.count == 1 ? "" : "s")\n" }
            }
        }
        SiteBuilder.release((consume session, consume run))
        let shown = notes ? result.diagnostics : result.diagnostics.filter { $0.severity != .note }
        var output = shown.isEmpty && format == .json ? "[]\n" : format.format(shown, limit: display.maxDiagnostics)
        if format == .github { StepSummary.write(shown) }
        if format == .text {
            output += (Console.unsupportedSummary(result.diagnostics) ?? "") + lines
                + "\(DiagnosticFormatter.summary(result.diagnostics)) in \(result.sourcePageCount) pages\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
