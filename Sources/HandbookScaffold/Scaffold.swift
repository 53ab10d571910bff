import Foundation
import HandbookContent

/// `handbook new KIND PATH`: a new page with the kind's front matter filled
/// in and a comment on each key, so that authors need not look keys up.
package enum Scaffold {
    package enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case outsideContent(String)
        case cannotWrite(String, String)

        package var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; not overwriting it"
            case .outsideContent(let path): "\(path) is not inside the content folder"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes the page and returns its path. `path` is relative to the
    /// content folder (`roles/qa-lead` or `roles/qa-lead.md`).
    package static func create(kind: PageKind, path: String, title: String?, layout: SiteLayout) throws -> String {
        var relative = path
        if !relative.lowercased().hasSuffix(".md") { relative += ".md" }
        let absolute = SiteLayout.absolutePath(relative, relativeTo: layout.contentDir)
        guard absolute.hasPrefix(layout.contentDir + "/") else { throw Failure.outsideContent(path) }
        let display = layout.displayPath(absolute)
        if FileManager.default.fileExists(atPath: absolute) { throw Failure.exists(display) }
        let name = ((absolute as NSString).lastPathComponent as NSString).deletingPathExtension
        let text = template(kind: kind, id: name, title: title ?? PagePaths.titleFromName(name), today: CalendarDate.today())
        do {
            try FileManager.default.createDirectory(
                atPath: (absolute as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // `.withoutOverwriting` closes the gap between the check above and the write.
            try Data(text.utf8).write(to: URL(fileURLWithPath: absolute), options: .withoutOverwriting)
        } catch {
            throw Failure.cannotWrite(display, error.localizedDescription)
        }
        return display
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `key: value` padded so that the comments line up.
    static func line(_ keyValue: String, _ comment: String) -> String {
        keyValue.padding(toLength: max(26, keyValue.count + 1), withPad: " ", startingAt: 0) + "# " + comment
    }

    package static func template(kind: PageKind, id: String, title: String, today: CalendarDate) -> String {
        let common = """
            title: \(quoted(title))
            summary: ""               # one sentence, shown under the title and in search
            owner: ""                 # the role id that keeps this page true, e.g. engineering-manager
            \(line("last_reviewed: \(today)", "YYYY-MM-DD of the last review by the owner"))
            # review_every: 6m        # how often to review (90d, 6m, 1y); default in handbook.yml
            # weight: 10              # order in the navigation, lower first
            # tags: []
            """
        switch kind {
        case .page:
            return "---\n\(common)\n---\n\nWrite the page here.\n"
        case .role:
            return """
                ---
                kind: role
                \(line("id: \(id)", "what reports_to, owner and RACI entries use"))
                \(common)
                track: management         # management or individual-contributor (or a ladder track id)
                reports_to: ""            # the role id of this role's manager; leave empty at the top
                levels: []                # ladder level ids this role spans, e.g. [M1, M2]
                responsibilities:         # what this role is accountable for, one line each
                  - ""
                ---

                What this role is for, and how it differs from the roles around it.

                ## What the job is

                ## What the job is not

                """
        case .process:
            return """
                ---
                kind: process
                \(common.replacingOccurrences(of: "owner: \"\"                 # the role id that keeps this page true, e.g. engineering-manager", with: "owner: \"\"                 # required: the role id that owns the process"))
                raci:                     # role ids; exactly one accountable
                  responsible: []         # who does the work
                  accountable: ""         # who answers for the result
                  consulted: []           # whose view is asked for before
                  informed: []            # who is told after
                triggers: []              # what starts the process, e.g. "A release is cut"
                cadence: ""               # how often it runs, e.g. Weekly
                ---

                Why this process exists, and what goes wrong without it.

                ## Steps

                """
        case .ladder:
            return """
                ---
                kind: ladder
                \(common)
                tracks:                   # each track lists its level ids, lowest first
                \(Starter.twoTracks)
                levels:                   # every level: id, title, track, summary
                  - {id: E1, title: Engineer, track: individual-contributor, summary: ""}
                  - {id: E2, title: Senior Engineer, track: individual-contributor, summary: ""}
                  - {id: M1, title: Engineering Manager, track: management, summary: ""}
                competencies:             # what each level is expected to show, per competency
                  - id: delivery
                    title: Delivery
                    description: ""
                    expectations:
                      E1: ""
                      E2: ""
                      M1: ""
                equivalent:               # levels of the same scope on different tracks
                  - [E2, M1]
                ---

                How this ladder is used.

                """
        }
    }
}
