"""axe-core (4.12, the copy the axe-playwright-python package ships) over
every page type of the bundled handbook and of a small site with tags, wide
tables and a long table of contents: at 1280 and 375 px, in light and dark
mode, and with search results open. Any violation fails, with the rule, the
page and the first offending elements."""
import functools
import http.server
import importlib.util
import json
import os
import pathlib
import subprocess
import tempfile
import textwrap
import threading

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_search import HANDBOOK, ROOT, browser, site  # noqa: F401  (the shared Chromium and the built bundled handbook)


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("axe-core not found: python3 -m pip install --no-deps axe-playwright-python (make test-deps does)")
    return (pathlib.Path(spec.submodule_search_locations[0]) / "axe.min.js").read_text()


BUNDLED_PAGES = [
    "", "roles/", "roles/engineering-manager/", "process/estimation/", "career/ladder/",
    "career/ladder/tracks/individual-contributor/", "career/ladder/levels/e3/", "career/ladder/side-by-side/",
    "org-chart/", "reports/processes/", "reports/stale/", "reports/unowned/", "career/feedback/", "404.html",
]

TAGGED_SITE = {
    "handbook.yml": "title: Platform group\n",
    "content/index.md": """\
        # Platform group

        How the platform teams work. See [hiring](hiring.md) and [tools](tools/).
        """,
    "content/hiring.md": textwrap.dedent("""\
        ---
        title: Hiring
        tags: [people, process]
        ---
        Each stage of hiring, with who runs it.

        | Stage | Owner | Length | Output | Who decides | Where it is written | When it ends | Notes |
        |---|---|---|---|---|---|---|---|
        | Screen | Recruiter | 30 minutes | A yes or no | The hiring manager | The applicant tracker | After the call | Kept short on purpose |
        | Technical | Two engineers | 90 minutes | Written scores | The panel | The applicant tracker | The same day | Scores before discussion |

        ```
        a long line of code that is wider than a phone's screen, so that its block scrolls sideways: make build && make test
        ```

        """) + "".join(f"## Step {n}\n\nWhat happens in step {n}.\n\n" for n in range(1, 14)),
    "content/tools/index.md": """\
        ---
        title: Tools
        tags: [process]
        ---
        The tools we use, and why. Back to [hiring](../hiring.md).
        """,
    "content/guides/first-week.md": """\
        ---
        title: Your first week
        tags: [people]
        ---
        What to read first. The [hiring](../hiring.md) page explains how you got here.
        """,
    "content/tools/ci.md": """\
        ---
        title: Continuous integration
        tags: [tools]
        ---
        Every merge is built and checked. See the [tools](index.md).
        """,
}

def ladder(version, previous, delivery):
    header = f"previous: {previous}\n" if previous else "status: superseded\nsuperseded_by: ladder.md\n"
    return (f"---\ntitle: Engineering ladder\nkind: ladder\nversion: {version}\n{header}"
            "tracks:\n  - id: ic\n    title: Individual contributor\n    levels: [E1, E2]\n"
            "levels:\n  - id: E1\n    title: Engineer\n  - id: E2\n    title: Senior Engineer\n"
            f"competencies:\n  - id: delivery\n    title: Delivery\n    expectations:\n      E1: Ships with help.\n      E2: {delivery}\n"
            "---\n# Engineering ladder\n")


# Statuses, versions and git history: banners, the footer's version line, a
# ladder's "what changed" page and the site's /changes/.
TAGGED_SITE.update({
    "content/old-hiring.md": "---\ntitle: Hiring (2024)\nstatus: superseded\nsuperseded_by: hiring.md\neffective: 2026-01-05\n---\nHow we hired.\n",
    "content/pairing.md": "---\ntitle: Pairing on reviews\nstatus: proposed\n---\nA proposal.\n",
    "content/career/ladder-v1.md": ladder(1, None, "Ships features on time."),
    "content/career/ladder.md": ladder(2, "ladder-v1.md", "Ships whole features, predictably."),
})

# Home, a page with a wide table and code, a folder's own index page, a
# generated section page (guides/ has no index.md), the tag index and a tag,
# then the pages of statuses, versions and history.
TAGGED_PAGES = [
    "", "hiring/", "tools/", "tools/ci/", "guides/", "guides/first-week/", "tags/", "tags/process/",
    "old-hiring/", "pairing/", "career/ladder/", "career/ladder/changes/", "reports/processes/", "changes/",
]


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def tagged_site():
    with tempfile.TemporaryDirectory() as root, tempfile.TemporaryDirectory() as out:
        for path, text in TAGGED_SITE.items():
            target = pathlib.Path(root) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text))
        # A repository with two commits, for the last-changed lines and /changes/.
        env = {**os.environ, "GIT_AUTHOR_NAME": "Ana", "GIT_AUTHOR_EMAIL": "ana@example.com", "GIT_COMMITTER_NAME": "Ana",
               "GIT_COMMITTER_EMAIL": "ana@example.com", "GIT_AUTHOR_DATE": "2026-10-12T10:00:00Z", "GIT_COMMITTER_DATE": "2026-10-12T10:00:00Z"}
        subprocess.run(["git", "init", "-q", "-b", "main", root], check=True, env=env)
        subprocess.run(["git", "-C", root, "add", "."], check=True, env=env)
        subprocess.run(["git", "-C", root, "commit", "-q", "-m", "Start the handbook"], check=True, env=env)
        (pathlib.Path(root) / "content/pairing.md").write_text("---\ntitle: Pairing on reviews\nstatus: proposed\n---\nA proposal, longer.\n")
        subprocess.run(["git", "-C", root, "commit", "-q", "-am", "Say more about pairing"], check=True,
                       env={**env, "GIT_AUTHOR_DATE": "2026-10-20T10:00:00Z", "GIT_COMMITTER_DATE": "2026-10-20T10:00:00Z"})
        subprocess.run([HANDBOOK, "build", "--site", root, "--output", out, "--quiet"], check=True)
        missing = [page for page in TAGGED_PAGES if not (pathlib.Path(out) / page / "index.html").exists()]
        assert not missing, f"not built: {missing}"
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=out))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()


def set_scheme(browser, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def violations(browser, source, within=None):
    """axe's violations on the page (or within one element), one line each."""
    browser.execute_script(source)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(arguments[0] ? document.querySelector(arguments[0]) : document).then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));",
        within)
    return [
        f"{v['id']}: {v['help']} — " + "; ".join(n.get("target", [""])[0] if isinstance(n.get("target", [""])[0], str) else str(n.get("target"))
                                                  for n in v["nodes"][:3])
        for v in json.loads(result)
    ]


def audit(browser, base, pages, source):
    problems = []
    for width in (1280, 375):
        browser.set_window_size(width, 900)
        for scheme in ("light", "dark"):
            set_scheme(browser, scheme)
            for page in pages:
                browser.get(base + page)
                problems += [f"{page or '/'} at {width} px, {scheme}: {v}" for v in violations(browser, source)]
    browser.set_window_size(1280, 900)
    set_scheme(browser, "light")
    return problems


def test_bundled_handbook_has_no_violations(site, browser):  # noqa: F811
    problems = audit(browser, site, BUNDLED_PAGES, axe_source())
    assert not problems, "\n".join(problems)


def test_site_with_tags_and_wide_tables_has_no_violations(tagged_site, browser):  # noqa: F811
    problems = audit(browser, tagged_site, TAGGED_PAGES, axe_source())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_results_have_no_violations(site, browser, scheme):  # noqa: F811
    set_scheme(browser, scheme)
    try:
        browser.get(site + "roles/")
        box = browser.find_element(By.ID, "search-input")
        box.send_keys("review")
        WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results [role=option] mark"))
        box.send_keys(Keys.ARROW_DOWN)  # an active option, with its outline
        assert browser.find_elements(By.CSS_SELECTOR, "#search-filters select"), "the filters are shown"
        problems = violations(browser, axe_source())
        assert not problems, "\n".join(problems)
    finally:
        set_scheme(browser, "light")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focused_skip_link_is_readable(site, browser, scheme):  # noqa: F811
    """The skip link is off screen until the first Tab; axe only sees it then."""
    set_scheme(browser, scheme)
    try:
        browser.get(site + "process/estimation/")
        browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        assert "skip-link" in browser.switch_to.active_element.get_attribute("class")
        problems = violations(browser, axe_source(), ".skip-link")
        assert not problems, "\n".join(problems)
    finally:
        set_scheme(browser, "light")
