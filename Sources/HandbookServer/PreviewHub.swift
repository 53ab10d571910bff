import Foundation
import HandbookDiagnostics

/// The preview server's shared state: the site being served, the diagnostics
/// of the last failed build (if the last build failed) or the warnings of the
/// last good one, and the browsers listening for reload events.
actor PreviewHub {
    private(set) var site: ServedSite = .empty
    private(set) var failure: [Diagnostic]?
    /// Warnings of the last good build, shown in a bar on every page.
    private(set) var warnings: [Diagnostic] = []
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    var listenerCount: Int { listeners.count }

    /// A good build: serve it, clear any overlay, reload every page (which
    /// then gets the build's warnings when it connects).
    func publish(_ site: ServedSite, warnings: [Diagnostic] = []) {
        self.site = site
        failure = nil
        self.warnings = warnings.filter { $0.severity == .warning }
        broadcast(LiveReload.event("reload", data: "{}"))
    }

    /// A failed build: keep serving the last good site, show the overlay.
    func fail(_ diagnostics: [Diagnostic]) {
        failure = diagnostics
        broadcast(LiveReload.event("failed", data: LiveReload.failure(diagnostics)))
    }

    /// A new browser: its stream starts with the current failure, if any.
    func listen() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.drop(id) }
        }
        listeners[id] = continuation
        continuation.yield(": connected\n\n")
        if let failure {
            continuation.yield(LiveReload.event("failed", data: LiveReload.failure(failure)))
        } else if !warnings.isEmpty {
            continuation.yield(LiveReload.event("warnings", data: LiveReload.lines(warnings)))
        }
        return stream
    }

    private func drop(_ id: UUID) { listeners[id] = nil }

    private func broadcast(_ event: String) {
        for continuation in listeners.values { continuation.yield(event) }
    }

    /// A comment line to every stream: writing it is how a stream learns that
    /// its browser went away without closing the connection.
    func heartbeat() {
        broadcast(": heartbeat\n\n")
    }

    /// Ends every stream (on shutdown).
    func closeAll() {
        for continuation in listeners.values { continuation.finish() }
        listeners.removeAll()
    }
}
