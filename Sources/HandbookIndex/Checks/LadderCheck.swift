import HandbookContent
import HandbookDiagnostics

/// A ladder page that contradicts itself: a level defined twice
/// (`ladder.duplicate-level`), a track, competency or equivalence naming a
/// level that does not exist (`ladder.unknown-level`), a level naming a track
/// that does not exist (`ladder.unknown-track`) or another track than the one
/// listing it (`ladder.track-mismatch`), a competency silent about a level
/// (`ladder.missing-expectation`), an equivalence within one track
/// (`ladder.equivalent-same-track`).
enum LadderCheck {
    static func check(_ index: SiteIndex, _ leadership: LeadershipModel) -> [Diagnostic] {
        leadership.ladders.flatMap { ladder -> [Diagnostic] in
            let page = index.pages[ladder.page]
            guard case .ladder(let spec) = page.spec else { return [] }
            return check(spec, file: page.source.displayPath)
        }
    }

    static func check(_ spec: LadderSpec, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func at(_ l: Located<String>) -> SourceLocation { SourceLocation(file: file, line: l.line, column: l.column) }
        var levelIDs: Set<String> = []
        for level in spec.levels where !levelIDs.insert(level.id.value).inserted {
            diagnostics.append(.error(DiagnosticID.ladderDuplicateLevel, at: at(level.id), "level '\(level.id.value)' is defined twice"))
        }
        func unknownLevel(_ l: Located<String>, _ context: String) {
            diagnostics.append(
                .error(
                    DiagnosticID.ladderUnknownLevel, at: at(l), "\(context) names an unknown level '\(l.value)'",
                    note: "levels: \(Diagnostic.names(spec.levels.map(\.id.value)))"))
        }
        let trackIDs = Set(spec.tracks.map(\.id.value))
        var placed: [String: String] = [:]
        for track in spec.tracks {
            for level in track.levels where !levelIDs.contains(level.value) { unknownLevel(level, "track '\(track.id.value)'") }
            for level in track.levels { placed[level.value] = track.id.value }
        }
        for level in spec.levels {
            guard let track = level.track else { continue }
            if !trackIDs.contains(track.value) {
                diagnostics.append(
                    .error(
                        DiagnosticID.ladderUnknownTrack, at: at(track), "level '\(level.id.value)' names an unknown track '\(track.value)'",
                        note: "tracks: \(Diagnostic.names(spec.tracks.map(\.id.value)))"))
            }
            if let listed = placed[level.id.value], listed != track.value {
                diagnostics.append(
                    .error(
                        DiagnosticID.ladderTrackMismatch, at: at(track),
                        "level '\(level.id.value)' says track '\(track.value)' but is listed in track '\(listed)'"))
            }
        }
        for competency in spec.competencies {
            var described: Set<String> = []
            for (level, _) in competency.expectations {
                if levelIDs.contains(level.value) { described.insert(level.value) } else { unknownLevel(level, "competency '\(competency.id.value)'") }
            }
            for level in spec.levels where !described.contains(level.id.value) {
                diagnostics.append(
                    .warning(
                        DiagnosticID.ladderMissingExpectation, at: at(competency.id),
                        "competency '\(competency.id.value)' says nothing about level '\(level.id.value)'"))
            }
        }
        let trackOf = Dictionary(spec.levels.map { ($0.id.value, $0.track?.value ?? placed[$0.id.value]) }, uniquingKeysWith: { first, _ in first })
        for (a, b) in spec.equivalents {
            let unknown = [a, b].filter { !levelIDs.contains($0.value) }
            for l in unknown { unknownLevel(l, "an equivalence") }
            guard unknown.isEmpty else { continue }
            if let ta = trackOf[a.value] ?? nil, ta == trackOf[b.value] ?? nil {
                diagnostics.append(
                    .warning(
                        DiagnosticID.ladderEquivalentSameTrack, at: at(b),
                        "'\(a.value)' and '\(b.value)' are on the same track; equivalences pair levels of different tracks"))
            }
        }
        return diagnostics
    }
}
