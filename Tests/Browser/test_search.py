"""The default theme's search in a real browser (headless Chromium through
Selenium): the bundled handbook built for a sub-path, served over HTTP, a
query typed into the search box, and the right first result."""
import functools
import http.server
import os
import pathlib
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
HANDBOOK = os.environ.get("HANDBOOK_BIN", str(ROOT / ".build" / "debug" / "handbook"))


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under /handbook/, as a static host would."""

    def translate_path(self, path):
        if not path.startswith("/handbook/"):
            return "/nonexistent"
        return super().translate_path(path[len("/handbook"):])

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [HANDBOOK, "build", "--site", str(ROOT), "--output", out, "--quiet", "--today", "2026-11-26",
             "--base-url", "https://intranet.example.com/handbook/"],
            check=True)
        handler = functools.partial(SubPathHandler, directory=out)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/handbook/"
        server.shutdown()


def chromium():
    """Headless Chromium through Selenium, Debian's binary and driver when
    installed (the tests and scripts/search_bench.py share it)."""
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else None
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def first_result(browser):
    WebDriverWait(browser, 10).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results [role=option] .search-title"))
    return browser.find_element(By.CSS_SELECTOR, "#search-results [role=option] .search-title").text


def titles(browser):
    return [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option] .search-title")]


def test_slash_focuses_search_and_typing_finds_the_page(site, browser):
    browser.get(site + "roles/tech-lead/")
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    box = browser.switch_to.active_element
    assert box.get_attribute("id") == "search-input"
    box.send_keys("estimat")
    assert first_result(browser) == "Estimation"
    excerpt = browser.find_element(By.CSS_SELECTOR, "#search-results [role=option] .search-excerpt mark").text
    assert excerpt.lower().startswith("estimat")


def test_synonyms_and_enter_opens_the_first_result(site, browser):
    browser.get(site)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("EM")
    assert first_result(browser) == "Engineering Manager"
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "/handbook/roles/engineering-manager/" in b.current_url)


def test_phrase_search_and_no_result(site, browser):
    browser.get(site)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys('"change of job"')
    first_result(browser)
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option] .search-title")]
    assert "Switching tracks" in titles
    marks = [e.text.lower() for e in browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option] .search-excerpt mark")]
    assert marks and all(m == "change of job" for m in marks), marks
    box.clear()
    box.send_keys("zzzzqqq")
    WebDriverWait(browser, 10).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .search-empty"))


def test_combobox_arrow_keys_and_the_live_region(site, browser):
    browser.get(site)
    box = browser.find_element(By.ID, "search-input")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    box.send_keys("engineer")
    first_result(browser)
    assert box.get_attribute("aria-expanded") == "true"
    status = browser.find_element(By.ID, "search-status")
    WebDriverWait(browser, 10).until(lambda b: status.get_attribute("textContent").endswith("pages match."))
    count = int(status.get_attribute("textContent").split()[0])
    assert count >= len(titles(browser)) > 1
    assert box.get_attribute("aria-activedescendant") in (None, "")
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ARROW_DOWN)
    options = browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option]")
    assert box.get_attribute("aria-activedescendant") == options[1].get_attribute("id")
    assert options[1].get_attribute("aria-selected") == "true" and options[0].get_attribute("aria-selected") == "false"
    box.send_keys(Keys.ARROW_UP)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false"
    assert browser.find_element(By.ID, "search-panel").get_attribute("hidden") is not None


def test_filters_narrow_the_results(site, browser):
    browser.get(site)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("engineer")
    first_result(browser)
    status = browser.find_element(By.ID, "search-status")
    WebDriverWait(browser, 10).until(lambda b: status.get_attribute("textContent").endswith("match."))
    before = status.get_attribute("textContent")
    kind = browser.find_element(By.CSS_SELECTOR, "#search-filters select[data-filter=kind]")
    kind.find_element(By.CSS_SELECTOR, "option[value=role]").click()
    WebDriverWait(browser, 10).until(lambda b: status.get_attribute("textContent") != before)
    WebDriverWait(browser, 10).until(
        lambda b: all(e.text == "role" for e in b.find_elements(By.CSS_SELECTOR, "#search-results [role=option] .search-kind")))
    badges = browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option] .search-kind")
    assert len(badges) == len(titles(browser)) > 0


def test_q_in_the_address_opens_the_results_at_the_matching_section(site, browser):
    browser.get(site + "?q=blameless")
    assert browser.find_element(By.ID, "search-input").get_attribute("value") == "blameless"
    first_result(browser)
    option = browser.find_element(By.CSS_SELECTOR, "#search-results [role=option]")
    WebDriverWait(browser, 10).until(lambda b: "#" in (option.get_attribute("data-href") or ""))
    assert option.find_element(By.CSS_SELECTOR, ".search-section").text != ""
    option.click()
    WebDriverWait(browser, 10).until(lambda b: "#" in b.current_url)
