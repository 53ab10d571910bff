import Synchronization

/// What a run is doing, for a progress line on a terminal: the stage and,
/// while pages are parsed or rendered, how many of how many are done. The
/// stages write it; another thread reads it.
public final class BuildProgress: Sendable {
    private let state = Mutex<(stage: String, total: Int)>(("configure", 0))
    private let done = Atomic<Int>(0)

    public init() {}

    func begin(_ stage: String, total: Int = 0) {
        done.store(0, ordering: .relaxed)
        state.withLock { $0 = (stage, total) }
    }

    func step() { done.add(1, ordering: .relaxed) }

    /// "parse: 4,000 of 12,381 pages", or the stage's name alone.
    public var line: String {
        let (stage, total) = state.withLock { $0 }
        guard total > 0 else { return stage }
        return "\(stage): \(min(done.load(ordering: .relaxed), total)) of \(total) \(stage == "render" ? "files" : "pages")"
    }
}
