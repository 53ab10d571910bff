import Mustache

// View models of the leadership pages. Like every view, plain values with
// `MustacheParent` lookups; templates only place them.

/// The role panel of a role page.
package struct RoleView: Sendable, Hashable, MustacheParent {
    package var track: String?
    package var responsibilities: [String]
    /// Managers, nearest first.
    package var reportingLine: [LinkView]
    package var directReports: [LinkView]
    package var levels: [LinkView]
    /// Processes with the role's RACI letters (O = owner) in `detail`.
    package var processes: [LinkView]

    package func child(named name: String) -> Any? {
        switch name {
        case "track": track
        case "responsibilities": responsibilities
        case "hasResponsibilities": !responsibilities.isEmpty
        case "reportingLine": reportingLine
        case "hasReportingLine": !reportingLine.isEmpty
        case "directReports": directReports
        case "hasDirectReports": !directReports.isEmpty
        case "levels": levels
        case "hasLevels": !levels.isEmpty
        case "processes": processes
        case "hasProcesses": !processes.isEmpty
        default: nil
        }
    }
}

/// A row of a RACI table: the letter, its meaning, and the roles.
package struct RACIRowView: Sendable, Hashable, MustacheParent {
    package var letter: String
    package var meaning: String
    package var roles: [LinkView]

    package func child(named name: String) -> Any? {
        switch name {
        case "letter": letter
        case "meaning": meaning
        case "roles": roles
        case "hasRoles": !roles.isEmpty
        default: nil
        }
    }
}

package struct ProcessView: Sendable, Hashable, MustacheParent {
    package var owner: LinkView?
    package var raci: [RACIRowView]
    package var triggers: [String]
    package var cadence: String?

    package func child(named name: String) -> Any? {
        switch name {
        case "owner": owner
        case "raci": raci
        case "hasRACI": !raci.isEmpty
        case "triggers": triggers
        case "hasTriggers": !triggers.isEmpty
        case "cadence": cadence
        default: nil
        }
    }
}

/// A cell of a ladder matrix or a level's text, with word-level changes.
package struct TextView: Sendable, Hashable, MustacheParent {
    package var text: String
    package var isNew = false

    package func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "isNew": isNew
        case "isEmpty": text.isEmpty
        default: nil
        }
    }
}

package struct MatrixRowView: Sendable, Hashable, MustacheParent {
    package var competency: LinkView
    package var description: String?
    package var cells: [TextView]

    package func child(named name: String) -> Any? {
        switch name {
        case "competency": competency
        case "description": description
        case "cells": cells
        default: nil
        }
    }
}

/// One track of a ladder as a table: competencies down, levels across.
package struct MatrixView: Sendable, Hashable, MustacheParent {
    package var track: String
    package var levels: [LinkView]
    package var rows: [MatrixRowView]

    package func child(named name: String) -> Any? {
        switch name {
        case "track": track
        case "levels": levels
        case "rows": rows
        default: nil
        }
    }
}

/// One competency on a level page: this level's expectation, the previous
/// level's, and this level's words with what is new marked.
package struct LevelCompetencyView: Sendable, Hashable, MustacheParent {
    package var competency: LinkView
    package var text: String
    package var previousText: String?
    package var changes: [TextView]

    package func child(named name: String) -> Any? {
        switch name {
        case "competency": competency
        case "text": text
        case "isMissing": text.isEmpty
        case "previousText": previousText
        case "changes": changes
        case "unchanged": previousText != nil && !changes.contains { $0.isNew }
        default: nil
        }
    }
}

package struct LevelView: Sendable, Hashable, MustacheParent {
    package var ladder: LinkView
    package var track: LinkView?
    package var summary: String?
    package var previous: LinkView?
    package var nextLevel: LinkView?
    package var equivalents: [LinkView]
    package var roles: [LinkView]
    package var competencies: [LevelCompetencyView]

    package func child(named name: String) -> Any? {
        switch name {
        case "ladder": ladder
        case "track": track
        case "summary": summary
        case "previous": previous
        case "nextLevel": nextLevel
        case "equivalents": equivalents
        case "hasEquivalents": !equivalents.isEmpty
        case "roles": roles
        case "hasRoles": !roles.isEmpty
        case "competencies": competencies
        default: nil
        }
    }
}

/// A ladder's overview: its tracks (each linking to its matrix), the
/// side-by-side page, and every level.
package struct LadderView: Sendable, Hashable, MustacheParent {
    package var tracks: [LinkView]
    package var sideBySide: LinkView
    /// Rows of the side-by-side table: one cell per track (empty when a track
    /// has no level at that rung), equivalent levels on the same row.
    package var rows: [[LinkView]]
    package var trackTitles: [String]

    package func child(named name: String) -> Any? {
        switch name {
        case "tracks": tracks
        case "sideBySide": sideBySide
        case "rows": rows.map { RowView(cells: $0) }
        case "trackTitles": trackTitles
        default: nil
        }
    }

    struct RowView: Sendable, Hashable, MustacheParent {
        var cells: [LinkView]
        func child(named name: String) -> Any? { name == "cells" ? cells : nil }
    }
}

/// A node of the org chart: a role and the roles reporting to it.
package struct OrgNodeView: Sendable, Hashable, MustacheParent {
    package var role: LinkView
    package var track: String?
    /// The HTML of the roles reporting to this one, inserted with `{{{reports}}}`.
    package var reports: String

    package func child(named name: String) -> Any? {
        switch name {
        case "role": role
        case "track": track
        case "reports": reports
        case "hasReports": !reports.isEmpty
        default: nil
        }
    }
}

/// Review status of a page, for the "due for review" badge.
package struct ReviewView: Sendable, Hashable, MustacheParent {
    package var lastReviewed: String
    package var due: String
    package var isStale: Bool

    package func child(named name: String) -> Any? {
        switch name {
        case "lastReviewed": lastReviewed
        case "due": due
        case "isStale": isStale
        default: nil
        }
    }
}

/// A group of the stale-pages report: an owner and their overdue pages.
package struct ReportGroupView: Sendable, Hashable, MustacheParent {
    package var owner: LinkView?
    package var title: String
    package var pages: [LinkView]

    package func child(named name: String) -> Any? {
        switch name {
        case "owner": owner
        case "title": title
        case "pages": pages
        default: nil
        }
    }
}
