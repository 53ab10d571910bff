import Foundation
import Synchronization
import HandbookBuild

/// A one-line progress indicator on standard error for a run that takes
/// longer than 2 seconds: the stage, and pages done. Only on a terminal:
/// never when standard error is a pipe or a file, in CI (`CI` is set), or on
/// a dumb terminal. The line is cleared when the run ends.
final class ProgressLine: Sendable {
    let progress = BuildProgress()
    private let wake = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)
    private let stopped = Mutex(false)

    static func wanted(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(2) != 0 && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    /// Starts the line's thread; nil (nothing shown) when standard error is
    /// not a terminal.
    static func start() -> ProgressLine? {
        guard wanted() else { return nil }
        let line = ProgressLine()
        // The tests set a shorter delay: they cannot wait for a slow build.
        let delay = ProcessInfo.processInfo.environment["HANDBOOK_PROGRESS_DELAY"].flatMap(Double.init) ?? 2
        let thread = Thread { line.run(after: delay) }
        thread.name = "handbook progress"
        thread.start()
        return line
    }

    private func run(after delay: Double) {
        let start = DispatchTime.now()
        var shown = false
        // Wait out the delay, then redraw ten times a second, until stopped.
        var deadline = start + delay
        repeat {
            guard DispatchTime.now() >= deadline else { continue }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            Console.standardError("\r\u{1B}[2Khandbook: \(progress.line) (\(String(format: "%.1f", seconds)) s)")
            shown = true
            deadline = .now() + 0.1
        } while wake.wait(timeout: deadline) == .timedOut
        if shown { Console.standardError("\r\u{1B}[2K") }
        ended.signal()
    }

    /// Stops the line and clears it, before anything else is printed; once.
    func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        wake.signal()
        ended.wait()
    }
}
