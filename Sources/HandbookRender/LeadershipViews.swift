import HandbookIndex
import Foundation
import HandbookContent

// View models of the leadership pages. Like every view, plain values that
// answer templates' lookups with typed values; templates only place them.

/// The role panel of a role page.
package struct RoleView: Sendable, Hashable, TemplateObject {
    package var track: String?
    package var responsibilities: [String]
    /// Managers, nearest first.
    package var reportingLine: [LinkView]
    package var directReports: [LinkView]
    package var levels: [LinkView]
    /// Processes with the role's RACI letters (O = owner) in `detail`.
    package var processes: [LinkView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "track": TemplateValue(track)
        case "responsibilities": TemplateValue(responsibilities)
        case "reportingLine": TemplateValue(reportingLine)
        case "directReports": TemplateValue(directReports)
        case "levels": TemplateValue(levels)
        case "processes": TemplateValue(processes)
        default: .none
        }
    }
}

/// A row of a RACI table: the letter, its meaning, and the roles.
package struct RACIRowView: Sendable, Hashable, TemplateObject {
    package var letter: String
    package var meaning: String
    package var roles: [LinkView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "letter": TemplateValue(letter)
        case "meaning": TemplateValue(meaning)
        case "roles": TemplateValue(roles)
        default: .none
        }
    }
}

package struct ProcessView: Sendable, Hashable, TemplateObject {
    package var owner: LinkView?
    package var raci: [RACIRowView]
    package var triggers: [String]
    package var cadence: String?

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "owner": TemplateValue(owner)
        case "raci": TemplateValue(raci)
        case "hasRACI": TemplateValue(!raci.isEmpty)
        case "triggers": TemplateValue(triggers)
        case "cadence": TemplateValue(cadence)
        default: .none
        }
    }
}

/// A cell of a ladder matrix or a level's text, with word-level changes.
package struct TextView: Sendable, Hashable, TemplateObject {
    package var text: String
    package var isNew = false

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "text": TemplateValue(text)
        case "isNew": TemplateValue(isNew)
        case "isEmpty": TemplateValue(text.isEmpty)
        default: .none
        }
    }
}

package struct MatrixRowView: Sendable, Hashable, TemplateObject {
    package var competency: LinkView
    package var description: String?
    package var cells: [TextView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "competency": TemplateValue(competency)
        case "description": TemplateValue(description)
        case "cells": TemplateValue(cells)
        default: .none
        }
    }
}

/// One track of a ladder as a table: competencies down, levels across.
package struct MatrixView: Sendable, Hashable, TemplateObject {
    package var track: String
    package var levels: [LinkView]
    package var rows: [MatrixRowView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "track": TemplateValue(track)
        case "levels": TemplateValue(levels)
        // The phone's level picker: one level's column at a time, the lowest first.
        case "choices": TemplateValue(levels.indices.map { ChoiceView(title: levels[$0].title, isChecked: $0 == 0) })
        case "rows": TemplateValue(rows)
        default: .none
        }
    }

    struct ChoiceView: Sendable, Hashable, TemplateObject {
        var title: String
        var isChecked: Bool

        func value(_ name: String) -> TemplateValue {
            switch name {
            case "title": TemplateValue(title)
            case "isChecked": TemplateValue(isChecked)
            default: .none
            }
        }
    }
}

/// One competency on a level page: this level's expectation, the previous
/// level's, and this level's words with what is new marked.
package struct LevelCompetencyView: Sendable, Hashable, TemplateObject {
    package var competency: LinkView
    package var text: String
    package var previousText: String?
    package var changes: [TextView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "competency": TemplateValue(competency)
        case "text": TemplateValue(text)
        case "isMissing": TemplateValue(text.isEmpty)
        case "previousText": TemplateValue(previousText)
        case "changes": TemplateValue(changes)
        case "unchanged": TemplateValue(previousText != nil && !changes.contains { $0.isNew })
        default: .none
        }
    }
}

package struct LevelView: Sendable, Hashable, TemplateObject {
    package var ladder: LinkView
    package var track: LinkView?
    package var summary: String?
    package var previous: LinkView?
    package var nextLevel: LinkView?
    package var equivalents: [LinkView]
    package var roles: [LinkView]
    package var competencies: [LevelCompetencyView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "ladder": TemplateValue(ladder)
        case "track": TemplateValue(track)
        case "summary": TemplateValue(summary)
        case "previous": TemplateValue(previous)
        case "nextLevel": TemplateValue(nextLevel)
        case "equivalents": TemplateValue(equivalents)
        case "roles": TemplateValue(roles)
        case "competencies": TemplateValue(competencies)
        default: .none
        }
    }
}

/// A ladder's overview: its tracks (each linking to its matrix), the
/// side-by-side page, and every level.
package struct LadderView: Sendable, Hashable, TemplateObject {
    package var tracks: [LinkView]
    package var sideBySide: LinkView
    /// Rows of the side-by-side table: one cell per track (empty when a track
    /// has no level at that rung), equivalent levels on the same row.
    package var rows: [[LinkView]]
    package var trackTitles: [String]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "tracks": TemplateValue(tracks)
        case "sideBySide": TemplateValue(sideBySide)
        case "rows": TemplateValue(rows.map { RowView(cells: $0) })
        case "trackTitles": TemplateValue(trackTitles)
        default: .none
        }
    }

    struct RowView: Sendable, Hashable, TemplateObject {
        var cells: [LinkView]
        func value(_ name: String) -> TemplateValue { name == "cells" ? TemplateValue(cells) : .none }
    }
}

/// A node of the org chart: a role and the roles reporting to it.
package struct OrgNodeView: Sendable, Hashable, TemplateObject {
    package var role: LinkView
    package var track: String?
    /// The HTML of the roles reporting to this one, inserted with `{{{reports}}}`.
    package var reports: String

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "role": TemplateValue(role)
        case "track": TemplateValue(track)
        case "reports": TemplateValue(reports)
        default: .none
        }
    }
}

/// Who keeps a page true: the role its front matter names, and the people
/// or teams CODEOWNERS gives its file.
package struct OwnershipView: Sendable, Hashable, TemplateObject {
    package var owner: LinkView?
    package var maintainers: [String]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "owner": TemplateValue(owner)
        case "maintainers": TemplateValue(maintainers)
        // "@org/leads and @ana", for a sentence.
        case "maintainersText": TemplateValue(ListFormatting.sentence(maintainers))
        default: .none
        }
    }
}

/// A page's last change, from git: "Last changed 12 Oct 2026 by Ana and Bo".
package struct HistoryView: Sendable, Hashable, TemplateObject {
    /// `2026-10-12`, for `<time datetime>`.
    package var datetime: String
    /// `12 Oct 2026`.
    package var date: String
    package var authors: [String]
    package var commits: Int

    init(_ file: GitHistory.File) {
        let day = CalendarDate(dayNumber: HistoryDates.dayNumber(file.lastChanged))
        datetime = day.description
        date = HistoryDates.text(day)
        authors = file.authors
        commits = file.commits
    }

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "datetime": TemplateValue(datetime)
        case "date": TemplateValue(date)
        case "authors": TemplateValue(authors)
        // At most three names, then "and N others".
        case "authorsText":
            TemplateValue(
                authors.count > 3
                    ? authors.prefix(3).joined(separator: ", ") + " and \(authors.count - 3) other\(authors.count == 4 ? "" : "s")"
                    : ListFormatting.sentence(authors))
        case "commits": TemplateValue(String(commits))
        default: .none
        }
    }
}

enum ListFormatting {
    static func sentence(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}

/// Review status of a page, for the "due for review" badge.
package struct ReviewView: Sendable, Hashable, TemplateObject {
    package var lastReviewed: String
    package var due: String
    package var isStale: Bool

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "lastReviewed": TemplateValue(lastReviewed)
        case "due": TemplateValue(due)
        case "isStale": TemplateValue(isStale)
        default: .none
        }
    }
}

/// A group of the stale-pages report: an owner and their overdue pages.
package struct ReportGroupView: Sendable, Hashable, TemplateObject {
    package var owner: LinkView?
    package var title: String
    package var pages: [LinkView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "owner": TemplateValue(owner)
        case "title": TemplateValue(title)
        case "pages": TemplateValue(pages)
        default: .none
        }
    }
}

/// The "what changed" page: weeks, newest first.
package struct ChangeWeekView: Sendable, Hashable, TemplateObject {
    /// The week's Monday: `2026-10-12` and `12 Oct 2026`.
    package var datetime: String
    package var date: String
    package var sections: [ChangeSectionView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "datetime": TemplateValue(datetime)
        case "date": TemplateValue(date)
        case "sections": TemplateValue(sections)
        default: .none
        }
    }
}

/// A top-level folder's changes in a week, by owner role.
package struct ChangeSectionView: Sendable, Hashable, TemplateObject {
    package var title: String
    package var url: String?
    /// The folder's Atom feed.
    package var feed: String?
    package var groups: [ChangeOwnerView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        // Not `url`: a missing one would find the page's.
        case "sectionURL": TemplateValue(url)
        case "feed": TemplateValue(feed)
        case "groups": TemplateValue(groups)
        default: .none
        }
    }
}

package struct ChangeOwnerView: Sendable, Hashable, TemplateObject {
    package var owner: LinkView?
    package var title: String
    package var entries: [ChangeEntryView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "owner": TemplateValue(owner)
        case "title": TemplateValue(title)
        case "entries": TemplateValue(entries)
        default: .none
        }
    }
}

/// One page's changes in a week: its commits' subjects (three at most), the
/// lines added and removed, who made them. A page that is gone has no URL.
package struct ChangeEntryView: Sendable, Hashable, TemplateObject {
    package var title: String
    package var url: String?
    package var path: String
    /// Subjects, linked to the commit when `repo_url` is set.
    package var commits: [LinkView]
    package var more: Int
    package var added: Int
    package var removed: Int
    package var authors: [String]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "pageURL": TemplateValue(url)
        case "path": TemplateValue(path)
        case "commits": TemplateValue(commits)
        case "moreCommits": TemplateValue(more > 0 ? "and \(more) more commit\(more == 1 ? "" : "s")" : nil)
        case "changedLines": TemplateValue(added + removed > 0)
        case "added": TemplateValue(String(added))
        case "removed": TemplateValue(String(removed))
        case "authorsText": TemplateValue(ListFormatting.sentence(authors))
        default: .none
        }
    }
}

/// Where a page is in its life: the banner of a draft, proposed, superseded
/// or retired page (or one accepted but not in effect yet), the footer line
/// of one in effect, and its versions.
package struct LifecycleView: Sendable, Hashable, TemplateObject {
    /// Nil for a page in use without a status (it has versions, or replaces pages).
    package var status: PageStatus?
    /// `effective:`, as `1 Jan 2026`, and whether it is still to come.
    package var effective: String?
    package var effectiveDatetime: String?
    package var isPending: Bool
    package var successor: LinkView?
    package var predecessors: [LinkView]
    package var version: Int?
    package var previousVersion: LinkView?
    package var nextVersion: LinkView?
    /// The page of what changed since the previous version (ladders).
    package var changesURL: String?

    /// What the banner says before the successor's link.
    var message: String {
        let since = effective.map { isPending ? " from \($0)" : " since \($0)" } ?? ""
        switch status {
        case .draft: return "Still being written: this is not how we work yet."
        case .proposed: return "Under discussion: this is not how we work yet" + (effective.map { " (proposed to take effect on \($0))" } ?? "") + "."
        case .superseded: return successor == nil ? "Replaced\(since): read what replaced it instead." : "Replaced\(since) by"
        case .retired: return "No longer how we work\(since)."
        case .accepted?, nil: return isPending ? "Takes effect on \(effective ?? "")." : ""
        }
    }

    private var inUse: Bool { (status == nil || status == .accepted) && !isPending }

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "status": TemplateValue(status?.rawValue ?? "accepted")
        case "label": TemplateValue((status ?? .accepted).rawValue.prefix(1).uppercased() + (status ?? .accepted).rawValue.dropFirst())
        case "banner": TemplateValue(!inUse)
        case "message": TemplateValue(message)
        case "effective": TemplateValue(effective)
        case "effectiveDatetime": TemplateValue(effectiveDatetime)
        // A page in use: "In effect since 1 Jan 2026 · replaces …".
        case "inEffect": TemplateValue(inUse && (effective != nil || !predecessors.isEmpty))
        case "successor": TemplateValue(successor)
        case "predecessors": TemplateValue(predecessors)
        // "Version 3 · previous version: … (what changed) · newer version: …".
        case "versions": TemplateValue(version != nil || previousVersion != nil || nextVersion != nil)
        case "version": TemplateValue(version.map(String.init))
        case "previousVersion": TemplateValue(previousVersion)
        case "nextVersion": TemplateValue(nextVersion)
        case "changesURL": TemplateValue(changesURL)
        default: .none
        }
    }
}

/// A ladder against its previous version.
package struct LadderChangesView: Sendable, Hashable, TemplateObject {
    package var previous: LinkView
    package var levels: [LevelChangesView]
    package var addedLevels: [LinkView]
    package var removedLevels: [LinkView]
    package var addedCompetencies: [String]
    package var removedCompetencies: [String]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "previous": TemplateValue(previous)
        case "levels": TemplateValue(levels)
        case "addedLevels": TemplateValue(addedLevels)
        case "removedLevels": TemplateValue(removedLevels)
        case "addedCompetencies": TemplateValue(addedCompetencies)
        case "removedCompetencies": TemplateValue(removedCompetencies)
        default: .none
        }
    }
}

/// One level's changed expectations (and its former title, if it changed).
package struct LevelChangesView: Sendable, Hashable, TemplateObject {
    package var level: LinkView
    package var formerTitle: String?
    package var competencies: [CompetencyChangeView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "level": TemplateValue(level)
        case "formerTitle": TemplateValue(formerTitle)
        case "competencies": TemplateValue(competencies)
        default: .none
        }
    }
}

package struct CompetencyChangeView: Sendable, Hashable, TemplateObject {
    package var title: String
    package var segments: [DiffSegmentView]

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "segments": TemplateValue(segments)
        default: .none
        }
    }
}

/// A run of words that stayed, came or went.
package struct DiffSegmentView: Sendable, Hashable, TemplateObject {
    package var text: String
    package var change: WordDiff.Change

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "text": TemplateValue(text)
        case "isAdded": TemplateValue(change == .added)
        case "isRemoved": TemplateValue(change == .removed)
        default: .none
        }
    }
}
