import ArgumentParser
import HandbookContent
import HandbookDiagnostics

// Options several commands share, declared once (as swift-argument-parser's
// `@OptionGroup` examples do).

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder: holds handbook.yml, content/ and templates/, or is itself the content.")
    var site: String = "."
}

struct TodayOptions: ParsableArguments {
    @Option(help: "The date review deadlines are measured against, YYYY-MM-DD (default: today, UTC).")
    var today: CalendarDate?
}

struct BaseURLOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: "Overrides base_url from handbook.yml.")
    var baseURL: String?
}

struct OutputOptions: ParsableArguments {
    @Option(help: "In text format, how many diagnostics to print before a table counting them all (0: every one).")
    var maxDiagnostics = 50

    func validate() throws {
        guard maxDiagnostics >= 0 else { throw ValidationError("--max-diagnostics must be 0 or more") }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    public static var defaultValueDescription: String { "YYYY-MM-DD" }
}

extension DiagnosticFormatter: ExpressibleByArgument {}

extension PageKind: ExpressibleByArgument {}
