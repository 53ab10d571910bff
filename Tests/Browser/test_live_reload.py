"""`handbook serve` in a real browser: open a page, edit its Markdown, and
the page reloads by itself with the change; break the front matter and an
overlay names the file and line; fix it and the overlay goes away; break a
link and a bar lists the warning until it is dismissed or fixed."""
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_a11y import axe_source, set_scheme, violations
from test_search import HANDBOOK, browser  # noqa: F401  (the shared headless Chromium)


def main_text(browser):
    """The page's main text, or "" while the page is being replaced by a reload.

    Read in one script call: finding `main` and then asking for its text is two
    round trips, and a reload between them leaves a node that no longer belongs
    to the document (Chromium then answers with an inspector error, not a stale
    element)."""
    try:
        return browser.execute_script(
            "const main = document.querySelector('main'); return main ? main.innerText : '';") or ""
    except WebDriverException:
        return ""


def element_text(browser, element_id):
    """The text of the element with this id, or None while it is absent or the page reloads."""
    try:
        return browser.execute_script(
            "const e = document.getElementById(arguments[0]); return e ? e.innerText : null;", element_id)
    except WebDriverException:
        return None


def wait_for_text(browser, text, timeout=10):
    WebDriverWait(browser, timeout, poll_frequency=0.01).until(lambda b: text in main_text(b))


@pytest.fixture()
def served():
    site = pathlib.Path(tempfile.mkdtemp())
    (site / "content" / "roles").mkdir(parents=True)
    (site / "handbook.yml").write_text("title: Live\n")
    (site / "content" / "index.md").write_text("# Home\n")
    page = site / "content" / "roles" / "em.md"
    page.write_text("# Engineering Manager\n\nFirst version.\n")
    process = subprocess.Popen([HANDBOOK, "serve", "--site", str(site), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.time() + 30
    while time.time() < deadline and url is None:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if match:
            url = match.group(1)
    assert url, "serve did not start"
    yield url, page
    process.send_signal(signal.SIGINT)
    process.wait(timeout=5)
    shutil.rmtree(site)


def assert_readable_in_both_schemes(browser, page_url, element_id):
    """axe-core (as in test_a11y) finds no violation in the element, in light and dark mode."""
    try:
        for scheme in ("light", "dark"):
            set_scheme(browser, scheme)
            browser.get(page_url)
            WebDriverWait(browser, 10).until(lambda b: element_text(b, element_id))
            problems = violations(browser, axe_source(), "#" + element_id)
            assert not problems, f"{scheme}: {problems}"
    finally:
        set_scheme(browser, "light")


def test_edit_reloads_the_page(served, browser):  # noqa: F811
    url, page = served
    browser.get(url + "roles/em/")
    wait_for_text(browser, "First version.")
    started = time.time()
    page.write_text("# Engineering Manager\n\nSecond version.\n")
    wait_for_text(browser, "Second version.")
    elapsed = time.time() - started
    print(f"edit to reload: {elapsed * 1000:.0f} ms")
    assert elapsed < 3


def test_broken_front_matter_shows_an_overlay_until_fixed(served, browser):  # noqa: F811
    url, page = served
    browser.get(url + "roles/em/")
    wait_for_text(browser, "First version.")
    page.write_text("---\ntitle: [unclosed\n---\n# EM\n")
    overlay_text = WebDriverWait(browser, 10, poll_frequency=0.01).until(lambda b: element_text(b, "handbook-overlay"))
    assert "content/roles/em.md:3:1: error: invalid YAML" in overlay_text
    page.write_text("# Engineering Manager\n\nFixed.\n")
    wait_for_text(browser, "Fixed.")
    assert element_text(browser, "handbook-overlay") is None


def test_warnings_show_in_a_bar_that_can_be_dismissed(served, browser):  # noqa: F811
    url, page = served
    page.write_text("# Engineering Manager\n\nSee [the missing page](nope.md).\n")
    browser.get(url + "roles/em/")
    bar = WebDriverWait(browser, 10, poll_frequency=0.02).until(lambda b: element_text(b, "handbook-warnings"))
    assert "1 warning in this build" in bar
    browser.find_element(By.CSS_SELECTOR, "#handbook-warnings summary").click()
    assert "content/roles/em.md:3:5: warning: link target 'nope.md' does not exist" in element_text(browser, "handbook-warnings")
    # Contrast and names of the bar, in both colour schemes.
    assert_readable_in_both_schemes(browser, url + "roles/em/", "handbook-warnings")
    # Dismissed, it stays away while the same warnings come back…
    browser.find_element(By.CSS_SELECTOR, "#handbook-warnings button").click()
    assert element_text(browser, "handbook-warnings") is None
    page.write_text("# Engineering Manager\n\nSee [the missing page](nope.md).\n\nMore text.\n")
    wait_for_text(browser, "More text.")
    time.sleep(0.3)
    assert element_text(browser, "handbook-warnings") is None
    # … and goes when they are fixed.
    page.write_text("# Engineering Manager\n\nSee [home](../index.md).\n\nAnother link [again](../nowhere.md).\n")
    bar = WebDriverWait(browser, 10, poll_frequency=0.02).until(lambda b: element_text(b, "handbook-warnings"))
    assert "1 warning" in bar
    page.write_text("# Engineering Manager\n\nAll fixed.\n")
    wait_for_text(browser, "All fixed.")
    time.sleep(0.3)
    assert element_text(browser, "handbook-warnings") is None


def test_overlay_is_readable_in_both_schemes(served, browser):  # noqa: F811
    url, page = served
    page.write_text("---\ntitle: [unclosed\n---\n# EM\n")
    assert_readable_in_both_schemes(browser, url + "roles/em/", "handbook-overlay")
