/* Theme-level accessibility fixes that CSS cannot make (issue 7), applied to the elements Material
   creates at run time, also after instant navigation:
   - the copy-button bar Material puts on each code block is a <nav> without a name, so a page with
     two code blocks has two identical landmarks (axe landmark-unique); it is a toolbar, not
     navigation, so it loses the landmark role and the button inside stays as it is;
   - a table wider than the screen (on a phone) scrolls sideways inside a <div> that the keyboard
     cannot reach (axe scrollable-region-focusable, WCAG 2.1.1): while it overflows, it is a
     named region in the tab order. */
(function () {
  "use strict";

  function fixCodeBars(root) {
    root.querySelectorAll(".md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  function fixScrollingTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap, index) {
      const table = wrap.querySelector("table");
      if (!table) return;
      if (wrap.scrollWidth > wrap.clientWidth) {
        const caption = table.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table " + (index + 1));
      } else {
        ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  }

  function start() {
    fixCodeBars(document);
    fixScrollingTables();
    let pending = 0;
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) fixCodeBars(node.parentNode || node);
        });
      });
      clearTimeout(pending);
      pending = setTimeout(fixScrollingTables, 50);
    }).observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(fixScrollingTables, 100);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
