import Foundation
import HandbookContent

/// `handbook init`: a new handbook with one page of each kind, the built-in
/// theme, a `.gitignore` and a CI workflow, that builds and checks cleanly.
package enum Starter {
    package struct Result: Sendable {
        package var written: [String]
        /// Files that existed already and were left alone (with `--force`).
        package var kept: [String]
    }

    package enum Failure: Error, CustomStringConvertible {
        case notEmpty(String)
        case cannotWrite(String, String)

        package var description: String {
            switch self {
            case .notEmpty(let dir): "\(dir) is not empty; use --force to add a handbook to it (existing files are kept)"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes the starter into `directory`, creating it if needed.
    package static func create(in directory: String, force: Bool, today: CalendarDate) throws -> Result {
        let fm = FileManager.default
        let root = SiteLayout.absolutePath(directory)
        if let entries = try? fm.contentsOfDirectory(atPath: root), !entries.isEmpty, !force {
            throw Failure.notEmpty(directory)
        }
        var result = Result(written: [], kept: [])
        for (path, text) in files(today: today) {
            let target = root + "/" + path
            if fm.fileExists(atPath: target) {
                result.kept.append(path)
                continue
            }
            do {
                try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
                result.written.append(path)
            } catch {
                throw Failure.cannotWrite(path, error.localizedDescription)
            }
        }
        return result
    }

    /// Path → text of every starter file, in a stable order.
    package static func files(today: CalendarDate) -> [(String, String)] {
        [
            ("handbook.yml", config),
            (".gitignore", "# Built by `handbook build`\npublic/\n.public.prev/\n.public.tmp-*/\n"),
            (".github/workflows/handbook.yml", githubWorkflow),
            ("content/index.md", home(today)),
            ("content/roles/engineering-manager.md", role(today)),
            ("content/processes/code-review.md", process(today)),
            ("content/career/ladder.md", ladder(today)),
        ]
    }

    static let config = """
        # Settings of this handbook; every key is optional.
        title: Our Engineering Handbook
        # Where the site is published; its path is prefixed to every link.
        base_url: /
        # How long a page stays fresh after its last review.
        review_every: 6m
        search:
          synonyms:
            EM: Engineering Manager

        """

    static func home(_ today: CalendarDate) -> String {
        """
        ---
        title: Our Engineering Handbook
        owner: engineering-manager
        last_reviewed: \(today)
        ---

        # Our Engineering Handbook

        This handbook says how engineering works here: what each role is for, how
        work gets done, and how people grow. Every page has an owner who keeps it
        true and reviews it regularly.

        - [Engineering Manager](roles/engineering-manager.md) is an example of a
          role page (`kind: role`).
        - [Code review](processes/code-review.md) is an example of a process page
          (`kind: process`), with who is responsible, accountable, consulted and
          informed.
        - The [career ladder](career/ladder.md) is an example of a ladder
          (`kind: ladder`): Handbook turns it into a matrix per track and a page
          per level.

        Add pages with `handbook new role|process|ladder|page PATH`, and check the
        handbook with `handbook check` before you merge.

        """
    }

    static func role(_ today: CalendarDate) -> String {
        """
        ---
        kind: role
        id: engineering-manager
        title: Engineering Manager
        summary: Leads one team; accountable for its delivery and its people.
        track: management
        levels: [M1]
        responsibilities:
          - Deliver the team's commitments, and say early when one is at risk
          - Run one-to-ones and give timely feedback
        owner: engineering-manager
        last_reviewed: \(today)
        ---

        What this role is for, in a few sentences. Describe what the job is, what
        it is not, and how the people around it can tell it is going well.

        """
    }

    static func process(_ today: CalendarDate) -> String {
        """
        ---
        kind: process
        title: Code review
        summary: How changes are reviewed quickly and well.
        owner: engineering-manager
        raci:
          responsible: [engineering-manager]
          accountable: engineering-manager
        triggers:
          - A pull request is opened
        cadence: Every change
        last_reviewed: \(today)
        ---

        Why this process exists, and its steps. Name more roles in the RACI as
        you add their pages.

        """
    }

    /// A ladder's two tracks, as the starter ladder and `new ladder` write them.
    static let twoTracks = """
          - id: individual-contributor
            title: Individual contributor
            levels: [E1, E2]
          - id: management
            title: Management
            levels: [M1]
        """

    static func ladder(_ today: CalendarDate) -> String {
        """
        ---
        kind: ladder
        title: Career ladder
        owner: engineering-manager
        last_reviewed: \(today)
        tracks:
        \(twoTracks)
        levels:
          - {id: E1, title: Engineer, track: individual-contributor, summary: Delivers well-defined work.}
          - {id: E2, title: Senior Engineer, track: individual-contributor, summary: Owns a part of the team's system.}
          - {id: M1, title: Engineering Manager, track: management, summary: Leads one team.}
        competencies:
          - id: delivery
            title: Delivery
            expectations:
              E1: Finishes well-defined tasks and says early when stuck.
              E2: Delivers features that span the team's system.
              M1: Makes sure the team delivers what it commits to.
        equivalent:
          - [E2, M1]
        ---

        How this ladder is used in growth conversations and promotions.

        """
    }

    /// Both jobs start by getting Handbook (Actions has no YAML anchors): the
    /// release archive when HANDBOOK_VERSION is set, else the binary built
    /// once per ref and kept in the Actions cache. Either way a single
    /// self-contained executable in ~/.handbook/bin, in seconds on later runs.
    private static let installSteps = """
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0  # the whole history: pages show when they last changed
              - name: Find the commit of Handbook ${{ env.HANDBOOK_REF }}
                id: ref
                if: env.HANDBOOK_VERSION == ''
                run: echo "commit=$(git ls-remote "https://github.com/$HANDBOOK_REPOSITORY" "$HANDBOOK_REF" | head -1 | cut -c1-40)" >> "$GITHUB_OUTPUT"
              - name: Restore Handbook
                id: cache
                uses: actions/cache@v4
                with:
                  path: ~/.handbook/bin
                  key: handbook-${{ runner.os }}-${{ runner.arch }}-${{ env.HANDBOOK_VERSION || steps.ref.outputs.commit }}
              - name: Download Handbook ${{ env.HANDBOOK_VERSION }}
                if: env.HANDBOOK_VERSION != '' && steps.cache.outputs.cache-hit != 'true'
                run: |
                  name="handbook-$HANDBOOK_VERSION-linux-$(uname -m)"
                  base="https://github.com/$HANDBOOK_REPOSITORY/releases/download/v$HANDBOOK_VERSION"
                  curl -fsSL -o "$name.tar.gz" "$base/$name.tar.gz" -o "$name.tar.gz.sha256" "$base/$name.tar.gz.sha256"
                  sha256sum -c "$name.tar.gz.sha256"
                  tar -xzf "$name.tar.gz"
                  mkdir -p ~/.handbook/bin && mv "$name/handbook" ~/.handbook/bin/
              - name: Build Handbook ${{ env.HANDBOOK_REF }} (once; cached after)
                if: env.HANDBOOK_VERSION == '' && steps.cache.outputs.cache-hit != 'true'
                run: |
                  git clone --depth 1 --branch "$HANDBOOK_REF" "https://github.com/$HANDBOOK_REPOSITORY" /tmp/handbook
                  docker run --rm -v /tmp/handbook:/src -w /src swift:6.1-noble \\
                    bash -c "apt-get update -qq && apt-get install -y -qq libcmark-dev pkg-config make binutils && make dist"
                  mkdir -p ~/.handbook/bin && tar -xzf /tmp/handbook/dist/handbook-*.tar.gz -C /tmp && mv /tmp/handbook-*/handbook ~/.handbook/bin/
              - run: echo ~/.handbook/bin >> "$GITHUB_PATH"
        """

    /// The GitHub Actions workflow `init` writes; `docs/ci.md` explains it.
    package static let githubWorkflow = """
        # Checks the handbook on every pull request (annotations on the changed
        # lines) and publishes it to GitHub Pages on every merge to main.
        name: Handbook
        on:
          pull_request:
          push:
            branches: [main]
        permissions:
          contents: read
        env:
          # Which Handbook, as repository variables: HANDBOOK_REPOSITORY is its
          # GitHub repository (owner/name); HANDBOOK_VERSION a release to download
          # (0.2.0), or else HANDBOOK_REF a tag or branch built once and cached.
          HANDBOOK_REPOSITORY: ${{ vars.HANDBOOK_REPOSITORY }}
          HANDBOOK_VERSION: ${{ vars.HANDBOOK_VERSION }}
          HANDBOOK_REF: ${{ vars.HANDBOOK_REF || 'main' }}
        jobs:
          check:
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            steps:
        \(installSteps)
              - name: Check links, front matter and ladders, and what this change breaks
                # --since names the move, deletion or heading rename behind each broken link.
                run: handbook check --format github --since "origin/${{ github.base_ref }}"
          publish:
            if: github.event_name == 'push'
            runs-on: ubuntu-latest
            permissions:
              contents: read
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deploy.outputs.page_url }}
            steps:
        \(installSteps)
              - name: Restore the history Handbook read last time (it then reads only newer commits)
                uses: actions/cache@v4
                with:
                  path: .git/handbook
                  key: handbook-history-${{ github.sha }}
                  restore-keys: handbook-history-
              - id: pages
                uses: actions/configure-pages@v5
              - name: Build (warnings fail the build)
                # A project site lives under /<repository>/: the links must know it.
                run: handbook build --strict --base-url "${{ steps.pages.outputs.base_url }}/"
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public
              - id: deploy
                uses: actions/deploy-pages@v4

        """
}
