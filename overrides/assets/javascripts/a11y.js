/* Theme-level accessibility fixes that CSS cannot make (issue 7), applied to the elements Material
   creates at run time, also after instant navigation:
   - the copy-button bar Material puts on each code block is a <nav> without a name, so a page with
     two code blocks has two identical landmarks (axe landmark-unique); it is a toolbar, not
     navigation, so it loses the landmark role and the button inside stays as it is;
   - a table wider than the screen (on a phone) scrolls sideways inside a <div> that the keyboard
     cannot reach (axe scrollable-region-focusable, WCAG 2.1.1): while it overflows, it is a
     named region in the tab order. Overflow is read in a ResizeObserver callback, after layout,
     so the check never forces an extra layout (Lighthouse counted that as blocking time). */
(function () {
  "use strict";

  function fixCodeBars() {
    document.querySelectorAll(".md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  function updateTable(wrap) {
    const table = wrap.querySelector("table");
    if (!table) return;
    if (wrap.scrollWidth > wrap.clientWidth) {
      const caption = table.querySelector("caption");
      const index = Array.prototype.indexOf.call(
        document.querySelectorAll(".md-typeset__scrollwrap"), wrap) + 1;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table " + index);
    } else {
      ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
    }
  }

  const sizes = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { updateTable(entry.target); });
  }) : null;

  function watchTables() {
    if (!sizes) return;
    document.querySelectorAll(".md-typeset__scrollwrap:not([data-a11y-watched])")
      .forEach(function (wrap) {
        wrap.setAttribute("data-a11y-watched", "");
        sizes.observe(wrap);
      });
  }

  function start() {
    fixCodeBars();
    watchTables();
    new MutationObserver(function () {
      fixCodeBars();
      watchTables();
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
