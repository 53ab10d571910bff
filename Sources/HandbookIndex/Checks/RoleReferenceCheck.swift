import HandbookContent
import HandbookDiagnostics

/// Front matter naming a role that does not exist: `reports_to`
/// (`role.unknown-reports-to`), a process's `owner` (`process.unknown-owner`)
/// and RACI (`process.unknown-role`), any page's `owner` (`owner.unknown`, a
/// warning); and a role reporting to itself (`org.cycle`). A name that matches
/// a page whose front matter could not be read is not reported: the YAML error
/// is the cause.
enum RoleReferenceCheck {
    static func check(_ index: SiteIndex, _ leadership: LeadershipModel) -> [Diagnostic] {
        leadership.unresolved.map { mention in
            let page = index.pages[mention.page]
            let name = mention.name.value
            let at = SourceLocation(file: page.source.displayPath, line: mention.name.line, column: mention.name.column)
            guard case .missing(let suggestions) = mention.problem else {
                return .error(DiagnosticID.orgCycle, at: at, "role '\(page.id)' reports to itself")
            }
            switch mention.field {
            case .reportsTo:
                return .error(DiagnosticID.roleUnknownReportsTo, at: at, "reports_to names an unknown role '\(name)'", note: suggestions)
            case .processOwner:
                return .error(DiagnosticID.processUnknownOwner, at: at, "owner names an unknown role '\(name)'", note: suggestions)
            case .raci:
                return .error(DiagnosticID.processUnknownRole, at: at, "RACI names an unknown role '\(name)'", note: suggestions)
            case .pageOwner:
                return .warning(DiagnosticID.ownerUnknown, at: at, "owner '\(name)' is not a role of this handbook", note: suggestions)
            }
        }
    }
}
