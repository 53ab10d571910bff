"""The default theme on a phone-sized window (375 px): the page's own text
comes first, and the header's Menu link opens the sections as a drawer (with
JavaScript: focus kept inside, Escape and a tap beside it close it; without:
still opens and closes). A ladder's matrix shows one level at a time. On a
wide window the sidebar stands beside the text and the Menu link is hidden."""
import os

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_search import browser, site  # noqa: F401  (the shared Chromium and the built bundled handbook)


def top(browser, selector):
    return browser.execute_script(
        "return document.querySelector(arguments[0]).getBoundingClientRect().top + window.scrollY;", selector)


def drawer_is_open(browser):
    return browser.execute_script(
        "const nav = document.getElementById('site-nav'); const r = nav.getBoundingClientRect();"
        "return getComputedStyle(nav).display !== 'none' && r.left >= -1 && r.width > 100 && r.top < 10;")


def active_id_or_inside_drawer(browser):
    return browser.execute_script(
        "const a = document.activeElement; return document.getElementById('site-nav').contains(a) ? 'drawer' : a.className;")


def test_phone_shows_the_page_first_and_a_menu_drawer(site, browser):  # noqa: F811
    browser.set_window_size(375, 800)
    try:
        browser.get(site + "roles/engineering-manager/")
        heading = top(browser, "main h1")
        assert heading < 300, f"the page's title starts {heading} px down"
        assert not browser.find_element(By.ID, "site-nav").is_displayed(), "the sections wait behind the Menu link"
        menu = browser.find_element(By.CSS_SELECTOR, "a.menu-link")
        assert menu.is_displayed() and menu.get_attribute("aria-expanded") == "false"
        menu.click()
        WebDriverWait(browser, 5).until(drawer_is_open)
        assert menu.get_attribute("aria-expanded") == "true"
        # Focus moves into the drawer, onto the current page's entry, and stays there.
        WebDriverWait(browser, 5).until(lambda b: active_id_or_inside_drawer(b) == "drawer")
        assert browser.switch_to.active_element.get_attribute("aria-current") == "page"
        links = browser.execute_script("return document.querySelectorAll('#site-nav a[href]').length;")
        for _ in range(links + 2):
            browser.switch_to.active_element.send_keys(Keys.TAB)
            assert active_id_or_inside_drawer(browser) == "drawer", "Tab left the open drawer"
        # Escape closes it and gives focus back to Menu.
        browser.switch_to.active_element.send_keys(Keys.ESCAPE)
        WebDriverWait(browser, 5).until(lambda b: not drawer_is_open(b))
        assert "menu-link" in browser.switch_to.active_element.get_attribute("class")
        assert menu.get_attribute("aria-expanded") == "false"
        # A tap beside the open drawer closes it too.
        menu.click()
        WebDriverWait(browser, 5).until(drawer_is_open)
        browser.execute_script("document.elementFromPoint(document.documentElement.clientWidth - 8, innerHeight / 2).click();")
        WebDriverWait(browser, 5).until(lambda b: not drawer_is_open(b))
    finally:
        browser.set_window_size(1280, 900)


def test_menu_drawer_works_without_javascript(site):  # noqa: F811
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=375,800"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else None
    plain = webdriver.Chrome(options=options, service=service)
    try:
        plain.get(site + "process/estimation/")
        assert not plain.find_element(By.ID, "site-nav").is_displayed()
        plain.find_element(By.CSS_SELECTOR, "a.menu-link").click()
        WebDriverWait(plain, 5).until(drawer_is_open)
        plain.find_element(By.CSS_SELECTOR, "a.menu-close").click()
        WebDriverWait(plain, 5).until(lambda b: not drawer_is_open(b))
    finally:
        plain.quit()


def test_wide_window_keeps_the_sidebar_beside_the_text(site, browser):  # noqa: F811
    browser.set_window_size(1280, 900)
    browser.get(site + "roles/engineering-manager/")
    assert not browser.find_element(By.CSS_SELECTOR, "a.menu-link").is_displayed()
    left_of_main = browser.execute_script(
        "return document.querySelector('nav.sidebar').getBoundingClientRect().right"
        " <= document.querySelector('main').getBoundingClientRect().left + 1;")
    assert left_of_main


def visible_columns(browser):
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('.matrix thead th'))"
        ".filter(th => getComputedStyle(th).display !== 'none').map(th => th.textContent.trim());")


def test_phone_matrix_shows_one_level_at_a_time(site, browser):  # noqa: F811
    browser.set_window_size(375, 800)
    try:
        browser.get(site + "career/ladder/tracks/individual-contributor/")
        columns = visible_columns(browser)
        assert len(columns) == 2 and columns[0] == "Competency", columns
        labels = browser.find_elements(By.CSS_SELECTOR, ".level-picker label")
        assert len(labels) >= 3
        labels[2].click()
        third = visible_columns(browser)
        assert len(third) == 2 and third[1] != columns[1] and third[1].startswith(labels[2].text.strip()), third
        # The picker is a radio group: arrow keys move between levels.
        browser.find_element(By.CSS_SELECTOR, ".level-picker label:nth-of-type(3) input").send_keys(Keys.ARROW_RIGHT)
        assert visible_columns(browser)[1].startswith(labels[3].text.strip())
    finally:
        browser.set_window_size(1280, 900)
    browser.get(site + "career/ladder/tracks/individual-contributor/")
    assert len(visible_columns(browser)) == len(labels) + 1, "a wide window shows every level"
    assert not browser.find_element(By.CSS_SELECTOR, ".level-picker").is_displayed()
