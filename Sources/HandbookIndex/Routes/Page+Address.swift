import HandbookContent

extension Page {
    /// The page's address below the site's base: `roles/engineering-manager/`,
    /// `roles/` for a folder's index page, `` for the home page.
    package var urlPath: String { RoutePaths.page(source.path, slug: frontMatter.slug) }
}
