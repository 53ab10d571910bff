"""The default theme on a phone-sized window (375 px): the page's own text
comes before the navigation, and the header's Menu link leads to the sections.
On a wide window the sidebar stands beside the text and the Menu link is hidden."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_search import browser, site  # noqa: F401  (the shared Chromium and the built bundled handbook)


def top(browser, selector):
    return browser.execute_script(
        "return document.querySelector(arguments[0]).getBoundingClientRect().top + window.scrollY;", selector)


def test_phone_shows_the_page_first_and_a_menu_to_the_sections(site, browser):  # noqa: F811
    browser.set_window_size(375, 800)
    try:
        browser.get(site + "roles/engineering-manager/")
        heading = top(browser, "main h1")
        sidebar = top(browser, "nav.sidebar")
        assert heading < 300, f"the page's title starts {heading} px down"
        assert sidebar > heading, "the navigation comes after the page's text"
        menu = browser.find_element(By.CSS_SELECTOR, "a.menu-link")
        assert menu.is_displayed()
        menu.click()
        WebDriverWait(browser, 5).until(
            lambda b: b.execute_script(
                "const r = document.getElementById('site-nav').getBoundingClientRect();"
                "return r.top >= -1 && r.top < window.innerHeight;"))
    finally:
        browser.set_window_size(1280, 900)


def test_wide_window_keeps_the_sidebar_beside_the_text(site, browser):  # noqa: F811
    browser.set_window_size(1280, 900)
    browser.get(site + "roles/engineering-manager/")
    assert not browser.find_element(By.CSS_SELECTOR, "a.menu-link").is_displayed()
    left_of_main = browser.execute_script(
        "return document.querySelector('nav.sidebar').getBoundingClientRect().right"
        " <= document.querySelector('main').getBoundingClientRect().left + 1;")
    assert left_of_main
