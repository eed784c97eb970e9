// The checklist for several courts (docs/courts/checklist/) and the choice of courts for it on the
// court picker (docs/courts/). Progressive enhancement: without this script the picker is a plain
// list and the checklist page says how to use the court pages instead.
//
// The chosen courts live only in the address, after "#" (checklist/#mnd,iasb): nothing is stored
// (no cookies, no web storage) and nothing is loaded. The checklist's sections are already in the
// page, written from the court data; this script only shows the chosen ones, in the order given.
// No inline script, no eval, no HTML strings: it works under a strict Content-Security-Policy.
(function () {
  "use strict";

  // "#mnd, IASB,mnd" -> ["mnd", "iasb"]: lowercase, without repeats, in the order given.
  function courtIds(hash) {
    var text;
    try {
      text = decodeURIComponent(hash.replace(/^#/, ""));
    } catch (error) {
      text = hash.replace(/^#/, "");
    }
    var ids = [];
    text.split(/[\s,;+]+/).forEach(function (part) {
      var id = part.toLowerCase();
      if (id && ids.indexOf(id) === -1) ids.push(id);
    });
    return ids;
  }

  function plural(count, one, many) {
    return count === 1 ? one : count + " " + many;
  }

  function setUpChecklist(root) {
    var list = root.querySelector("[data-checklist-courts]");
    var status = root.querySelector("[data-checklist-status]");
    var sections = {};
    Array.prototype.forEach.call(list.querySelectorAll("section[data-court]"), function (section) {
      sections[section.getAttribute("data-court")] = section;
    });

    function show() {
      var ids = courtIds(window.location.hash);
      var found = ids.filter(function (id) { return sections.hasOwnProperty(id); });
      var unknown = ids.filter(function (id) { return !sections.hasOwnProperty(id); });
      Object.keys(sections).forEach(function (id) { sections[id].hidden = true; });
      found.forEach(function (id) {
        list.appendChild(sections[id]); // in the order of the address
        sections[id].hidden = false;
      });
      var message = found.length
        ? "This checklist has " + plural(found.length, "1 court", "courts") + "."
        : "No courts chosen yet. Choose them on Find your court.";
      if (unknown.length) {
        message += " No court has the id " + unknown.join(", ") + ".";
      }
      status.textContent = message;
    }

    var fallback = document.querySelector("[data-checklist-fallback]");
    if (fallback) fallback.hidden = true;
    root.hidden = false;
    root.querySelector("[data-checklist-print]").addEventListener("click", function () {
      window.print();
    });
    window.addEventListener("hashchange", show);
    show();
  }

  function setUpChooser(box) {
    var bar = document.querySelector("[data-court-choose-bar]");
    var link = bar.querySelector("[data-court-choose-link]");
    var status = bar.querySelector("[role=status]");
    var chosen = [];
    var timer = null;

    function update() {
      link.setAttribute("href", "checklist/" + (chosen.length ? "#" + chosen.join(",") : ""));
      link.textContent = chosen.length
        ? "Open the checklist (" + plural(chosen.length, "1 court", "courts") + ")"
        : "Open the checklist";
      // Announce once the ticking pauses, as the filter does.
      clearTimeout(timer);
      timer = setTimeout(function () {
        status.textContent = chosen.length
          ? plural(chosen.length, "1 court", "courts") + " chosen."
          : "No courts chosen yet.";
      }, 400);
    }

    Array.prototype.forEach.call(document.querySelectorAll(".court-state a[data-court]"),
      function (court) {
        var id = court.getAttribute("data-court");
        var label = document.createElement("label");
        label.className = "court-choose__box";
        var input = document.createElement("input");
        input.type = "checkbox";
        input.value = id;
        var name = document.createElement("span");
        name.className = "court-choose__name";
        name.textContent = " for " + court.textContent;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" Add to checklist"));
        label.appendChild(name);
        court.parentNode.appendChild(label);
        input.addEventListener("change", function () {
          var at = chosen.indexOf(id);
          if (input.checked && at === -1) chosen.push(id);
          if (!input.checked && at !== -1) chosen.splice(at, 1);
          update();
        });
      });
    box.hidden = false;
    bar.hidden = false;
    update();
  }

  function setUp() {
    var checklist = document.querySelector("[data-checklist]");
    if (checklist && !checklist.getAttribute("data-ready")) {
      checklist.setAttribute("data-ready", "1");
      setUpChecklist(checklist);
    }
    var chooser = document.querySelector("[data-court-choose]");
    if (chooser && !chooser.getAttribute("data-ready")) {
      chooser.setAttribute("data-ready", "1");
      setUpChooser(chooser);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
