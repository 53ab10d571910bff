import HandbookSystem

/// `handbook build` and `handbook check`: one run of the pipeline.
/// Content problems come back as diagnostics in the result, never as throws.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions, progress: BuildProgress? = nil) -> BuildResult {
        let session = BuildSession(options: options, progress: progress)
        let result = session.run().result
        // The session holds the whole site (pages, index, routes, render
        // cache): freeing it object by object took the last 200–300 ms of a
        // 10,000-page build, which the caller need not wait for.
        release(consume session)
        return result
    }

    /// Lets a finished session, or what its run returned, go on a background
    /// thread (see `build`). Pass it with `consume`: a copy the caller keeps
    /// would do the freeing wherever it is dropped.
    public static func release<T: Sendable>(_ value: consuming T) { releaseInBackground(Optional(consume value)) }
}
