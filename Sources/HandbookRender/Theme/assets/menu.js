/* Handbook's menu on a phone: the sidebar opens as a drawer over the page.
 * Without JavaScript it still works: the Menu link targets the sidebar
 * (`#site-nav`, shown by CSS's :target) and its Close link targets the page.
 * With it, focus moves into the drawer and stays there (Tab and Shift+Tab
 * wrap), Escape or a tap beside it closes it, and focus returns to Menu. */
(function () {
  "use strict";
  var drawer = document.getElementById("site-nav");
  var opener = document.querySelector(".menu-link");
  if (!drawer || !opener) return;

  function isOpen() {
    return location.hash === "#site-nav" && getComputedStyle(drawer).position === "fixed";
  }

  function focusable() {
    return Array.prototype.filter.call(drawer.querySelectorAll("a[href], button, input"), function (el) {
      return el.offsetParent !== null;
    });
  }

  function close() {
    location.hash = "main";  /* the drawer is :target no more */
    opener.focus();
  }

  function sync() {
    var open = isOpen();
    opener.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var current = drawer.querySelector('[aria-current="page"]') || focusable()[0];
      if (current) current.focus();
    }
  }

  drawer.addEventListener("keydown", function (event) {
    if (!isOpen()) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "Tab") return;
    var items = focusable();
    if (items.length === 0) return;
    var first = items[0], last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });

  document.addEventListener("click", function (event) {
    if (isOpen() && !drawer.contains(event.target) && !opener.contains(event.target)) close();
  });

  window.addEventListener("hashchange", sync);
  sync();
})();
