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
        release(session)
        return result
    }

    /// Lets a finished session go on a background thread (see `build`).
    public static func release(_ session: consuming BuildSession) { releaseInBackground(session) }
}
