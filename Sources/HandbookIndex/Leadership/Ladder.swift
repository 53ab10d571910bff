import HandbookContent
import HandbookDiagnostics

/// A career ladder checked and put in order: tracks with their levels lowest
/// first, each level's expectation per competency, and equivalences.
package struct Ladder: Sendable {
    package struct Track: Sendable {
        package var id: String
        package var title: String
        package var levels: [String]
    }

    package struct Level: Sendable {
        package var id: String
        package var title: String
        package var track: String?
        package var summary: String?
    }

    package struct Competency: Sendable {
        package var id: String
        package var title: String
        package var description: String?
        package var expectations: [String: String]
    }

    /// The ladder's page index.
    package var page: Int
    package var tracks: [Track]
    package var levels: [Level]
    package var competencies: [Competency]
    /// Level id → equivalent level ids on other tracks.
    package var equivalents: [String: [String]]

    package func level(_ id: String) -> Level? { levels.first { $0.id == id } }

    /// The level below `id` on its track, if any.
    package func previous(of id: String) -> String? {
        for track in tracks {
            if let k = track.levels.firstIndex(of: id) { return k > 0 ? track.levels[k - 1] : nil }
        }
        return nil
    }

    package func track(of id: String) -> Track? { tracks.first { $0.levels.contains(id) } }

    static func build(page: Int, spec: LadderSpec, file: String) -> (Ladder, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func at(_ l: Located<String>) -> SourceLocation { SourceLocation(file: file, line: l.line, column: l.column) }
        var levelIDs: Set<String> = []
        for level in spec.levels where !levelIDs.insert(level.id.value).inserted {
            diagnostics.append(.error(DiagnosticID.ladderDuplicateLevel, at: at(level.id), "level '\(level.id.value)' is defined twice"))
        }
        let trackIDs = Set(spec.tracks.map(\.id.value))
        func unknownLevel(_ l: Located<String>, _ context: String) {
            diagnostics.append(
                .error(
                    DiagnosticID.ladderUnknownLevel, at: at(l), "\(context) names an unknown level '\(l.value)'",
                    note: "levels: \(Diagnostic.names(spec.levels.map(\.id.value)))"))
        }
        var tracks: [Track] = []
        var placed: [String: String] = [:]
        for track in spec.tracks {
            for level in track.levels where !levelIDs.contains(level.value) { unknownLevel(level, "track '\(track.id.value)'") }
            for level in track.levels { placed[level.value] = track.id.value }
            tracks.append(Track(id: track.id.value, title: track.title, levels: track.levels.map(\.value).filter(levelIDs.contains)))
        }
        var levels: [Level] = []
        for level in spec.levels {
            if let track = level.track, !trackIDs.contains(track.value) {
                diagnostics.append(
                    .error(
                        DiagnosticID.ladderUnknownTrack, at: at(track), "level '\(level.id.value)' names an unknown track '\(track.value)'",
                        note: "tracks: \(Diagnostic.names(spec.tracks.map(\.id.value)))"))
            }
            if let track = level.track?.value, let listed = placed[level.id.value], listed != track {
                diagnostics.append(
                    .error(
                        DiagnosticID.ladderTrackMismatch, at: at(level.track!),
                        "level '\(level.id.value)' says track '\(track)' but is listed in track '\(listed)'"))
            }
            levels.append(Level(id: level.id.value, title: level.title, track: level.track?.value ?? placed[level.id.value], summary: level.summary))
        }
        // Levels no track lists still belong somewhere: append them to their own track.
        for level in levels where placed[level.id] == nil {
            if let t = tracks.firstIndex(where: { $0.id == level.track }) { tracks[t].levels.append(level.id) }
        }
        var competencies: [Competency] = []
        for competency in spec.competencies {
            var expectations: [String: String] = [:]
            for (level, text) in competency.expectations {
                if levelIDs.contains(level.value) { expectations[level.value] = text } else {
                    unknownLevel(level, "competency '\(competency.id.value)'")
                }
            }
            for level in spec.levels where expectations[level.id.value] == nil {
                diagnostics.append(
                    .warning(
                        DiagnosticID.ladderMissingExpectation, at: at(competency.id),
                        "competency '\(competency.id.value)' says nothing about level '\(level.id.value)'"))
            }
            competencies.append(Competency(id: competency.id.value, title: competency.title, description: competency.description, expectations: expectations))
        }
        var equivalents: [String: [String]] = [:]
        for (a, b) in spec.equivalents {
            var ok = true
            for l in [a, b] where !levelIDs.contains(l.value) {
                unknownLevel(l, "an equivalence")
                ok = false
            }
            guard ok else { continue }
            let ta = levels.first { $0.id == a.value }?.track
            let tb = levels.first { $0.id == b.value }?.track
            if ta != nil, ta == tb {
                diagnostics.append(
                    .warning(
                        DiagnosticID.ladderEquivalentSameTrack, at: at(b),
                        "'\(a.value)' and '\(b.value)' are on the same track; equivalences pair levels of different tracks"))
            }
            equivalents[a.value, default: []].append(b.value)
            equivalents[b.value, default: []].append(a.value)
        }
        return (Ladder(page: page, tracks: tracks, levels: levels, competencies: competencies, equivalents: equivalents), diagnostics)
    }
}
