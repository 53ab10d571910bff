import HandbookContent

/// When each page is due for review: `last_reviewed` plus `review_every`
/// (the page's own, else the site's default), compared with "today".
package struct ReviewSchedule: Sendable {
    package struct Status: Sendable {
        package var lastReviewed: CalendarDate
        package var due: CalendarDate
        package var isStale: Bool
    }

    package let today: CalendarDate
    /// Page index → status, for pages with a `last_reviewed` date.
    package let status: [Int: Status]

    package init(index: SiteIndex, today: CalendarDate, defaultInterval: ReviewInterval?) {
        self.today = today
        var status: [Int: Status] = [:]
        for (i, page) in index.pages.enumerated() {
            guard let last = page.frontMatter.lastReviewed.flatMap(CalendarDate.init) else { continue }
            guard let interval = page.frontMatter.reviewEvery.flatMap(ReviewInterval.init) ?? defaultInterval else { continue }
            let due = last.adding(interval)
            status[i] = Status(lastReviewed: last, due: due, isStale: today > due)
        }
        self.status = status
    }

    package var stalePages: [Int] { status.filter { $0.value.isStale }.map(\.key).sorted() }
}
