import HandbookContent

/// What `handbook build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder (holding `handbook.yml`, `content/`, `templates/`).
    public var site: String
    /// The output folder; default `public` inside the site.
    public var output: String?
    /// Overrides `base_url` from `handbook.yml`.
    public var baseURL: String?
    /// Warnings fail the build, as errors do.
    public var strict: Bool
    /// False for `handbook check`: every stage runs but nothing is written.
    public var write: Bool
    /// "Today" for review dates (`--today`); nil means the system clock.
    public var today: CalendarDate?
    /// Report pages past their review date as `review.overdue` warnings.
    public var reportOverdueReviews = false
    /// Read the site's git history for last-changed dates (`check` does not
    /// need them, so a shallow clone in CI is no reason to warn there).
    public var readsHistory = true
    /// Stop after the index and validate stages (nothing rendered): what
    /// `check --since` needs of the site as it was.
    package var indexOnly = false
    /// Hand the indexed site back in the run's output (`check --since`). Off
    /// otherwise: the preview server keeps its last output, and a model kept
    /// there would keep a whole old site alive through the next full rebuild.
    package var returnsModel = false

    public init(site: String = ".", output: String? = nil, baseURL: String? = nil, strict: Bool = false, write: Bool = true) {
        self.site = site
        self.output = output
        self.baseURL = baseURL
        self.strict = strict
        self.write = write
    }
}
