/* Material for MkDocs' storage helpers (its partials/javascripts/base.html), as a file: a
   Content-Security-Policy of script-src 'self' blocks inline scripts. Material's bundle calls them
   only for features this site does not use (a palette, links to content tabs, a dismissable
   announcement, version warnings, repository facts, cookie consent), so
   overrides/partials/javascripts/base.html loads this file only when mkdocs.yml turns one on.
   The scope comes from the script's data-scope, as Material's template writes it. */
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
  // Material's content.html: a link to a content tab (#__tabbed_...) selects the tab.
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
  });
})();
