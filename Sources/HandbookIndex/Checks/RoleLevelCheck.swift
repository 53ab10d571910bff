import HandbookContent
import HandbookDiagnostics

/// A role whose `track` is neither a built-in track nor one of a ladder's
/// (`role.unknown-track`), or whose `levels` name a level no ladder defines
/// (`role.unknown-level`; not reported while some page's front matter cannot
/// be read, since the level may be in it).
enum RoleLevelCheck {
    static func check(_ index: SiteIndex, _ leadership: LeadershipModel) -> [Diagnostic] {
        let trackIDs = Set(["management", "individual-contributor"] + leadership.ladders.flatMap { $0.tracks.map(\.id) })
        let levelIDs = Set(leadership.ladders.flatMap { $0.levels.map(\.id) })
        let anyUnreadable = index.pages.contains { $0.frontMatter.unreadable }
        var diagnostics: [Diagnostic] = []
        for r in leadership.roles {
            let page = index.pages[r]
            guard case .role(let spec) = page.spec else { continue }
            func at(_ l: Located<String>) -> SourceLocation { SourceLocation(file: page.source.displayPath, line: l.line, column: l.column) }
            if let track = spec.track, !trackIDs.contains(track.value) {
                diagnostics.append(
                    .error(
                        DiagnosticID.roleUnknownTrack, at: at(track), "unknown track '\(track.value)'",
                        note: "tracks: \(Diagnostic.names(trackIDs.sorted()))"))
            }
            for level in spec.levels where !levelIDs.contains(level.value) && !anyUnreadable {
                diagnostics.append(
                    .error(
                        DiagnosticID.roleUnknownLevel, at: at(level), "unknown ladder level '\(level.value)'",
                        note: levelIDs.isEmpty ? "this handbook has no ladder (kind: ladder)" : "levels: \(Diagnostic.names(levelIDs.sorted()))"))
            }
        }
        return diagnostics
    }
}
