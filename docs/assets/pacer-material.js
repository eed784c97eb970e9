/* What Material for MkDocs runs as inline scripts, as a file, so the site works under a
   Content-Security-Policy of script-src 'self' (inline scripts are blocked there):
   - the storage helpers Material's bundle calls (__md_scope, __md_hash, __md_get, __md_set), from
     Material's partials/javascripts/base.html; the scope comes from this script's data-scope;
   - content.html: a link to a content tab (#__tabbed_...) selects the tab;
   - our own accessibility fix: the copy-button bar Material adds to each code block is a <nav>
     without a name, so two code blocks make two identical landmarks (axe landmark-unique); it is
     a toolbar, so it loses the landmark role. Material adds the bars later, hence the observer.
   It must load before Material's bundle, without defer (the overrides put it in <head>). */
(function () {
  "use strict";
  var script = document.currentScript;
  window.__md_scope = new URL(script.getAttribute("data-scope") || ".", location);
  window.__md_hash = function (value) {
    return [].reduce.call(value, function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* full or off */ }
  };

  function selectLinkedTab() {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
  }
  function unlandmarkToolbars() {
    document.querySelectorAll(".md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    selectLinkedTab();
    if (document.querySelector("pre")) {
      unlandmarkToolbars();
      new MutationObserver(unlandmarkToolbars).observe(document.body, { childList: true, subtree: true });
    }
  });
})();
