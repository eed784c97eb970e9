/* An accessibility fix for pages with code blocks (overrides/main.html loads it only there): the
   copy-button bar Material adds to each code block is a <nav> without a name, so two code blocks
   make two identical landmarks (axe landmark-unique). It is a toolbar, so it loses the landmark
   role. Material adds the bars after this script runs, hence the observer. A file, not an inline
   script: a Content-Security-Policy of script-src 'self' blocks inline scripts. */
(function () {
  "use strict";
  function unlandmark() {
    document.querySelectorAll(".md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }
  unlandmark();
  new MutationObserver(unlandmark).observe(document.body, { childList: true, subtree: true });
})();
