/// `handbook build` and `handbook check`: one run of the pipeline.
/// Content problems come back as diagnostics in the result, never as throws.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions, progress: BuildProgress? = nil) -> BuildResult {
        BuildSession(options: options, progress: progress).run().result
    }
}
