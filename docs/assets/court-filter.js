// Court picker filter (docs/courts/): progressive enhancement of a plain list.
// Without this script the page is a complete list of courts by state; with it, a search box
// narrows the list as you type and a status line announces how many courts match.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function setUp() {
    var box = document.querySelector("[data-court-filter]");
    if (!box || box.dataset.ready) return;
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    var sections = Array.prototype.slice.call(document.querySelectorAll(".court-state"));
    var entries = [];
    sections.forEach(function (section) {
      var heading = section.querySelector("h2");
      var state = heading ? heading.textContent : "";
      section.querySelectorAll("li").forEach(function (item) {
        var link = item.querySelector("[data-court]");
        var id = link ? link.getAttribute("data-court") : "";
        entries.push({ item: item, section: section, text: normalise(state + " " + item.textContent + " " + id) });
      });
    });

    var timer = null;
    function apply() {
      var words = normalise(input.value).split(" ").filter(Boolean);
      var shown = 0;
      var visible = new Set();
      entries.forEach(function (entry) {
        var match = words.every(function (word) { return entry.text.indexOf(word) !== -1; });
        entry.item.hidden = !match;
        if (match) {
          shown += 1;
          visible.add(entry.section);
        }
      });
      sections.forEach(function (section) { section.hidden = !visible.has(section); });
      // Announce after typing pauses, so screen readers are not flooded with counts.
      clearTimeout(timer);
      timer = setTimeout(function () {
        status.textContent = words.length
          ? (shown === 1 ? "1 court matches." : shown + " courts match.")
          : "";
      }, 400);
    }

    input.addEventListener("input", apply);
    box.hidden = false;
    box.dataset.ready = "1";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
