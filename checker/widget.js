/*
 * PACER Help password checker: the widget's algorithm and its wiring to the page.
 *
 * This file holds no rule: every number, character set and sentence comes from the rules JSON that
 * checker.widget.bundle() puts in place of RULES below (checker.export.export()). The algorithm for
 * each rule `kind` mirrors checker/engine.py and checker/matching.py exactly, and
 * tests/browser/test_widget_differential.py compares the two on thousands of generated inputs.
 *
 * Pure API (for tests and webmasters):
 *   PacerChecker.check({password: "...", ...}, "pacer-2025")
 *     -> {ruleset: "pacer-2025", ok: true|false, rules: {"password.length": "pass|fail|skip", ...}}
 *
 * DOM contract (stable; see docs/webmasters.md):
 *   root [data-checker] (optional data-ruleset="NAME", updated when the reader switches);
 *   input[data-field="username|password|confirm|first_name|last_name|email"];
 *   one [data-rule="ID"][data-state="pass|fail|skip"] per rule of the active rule set;
 *   one [data-verdict][data-state="pass|fail"].
 * Rule sentences rendered elsewhere on a page (checker/render.py) also carry data-rule, but never
 * data-state: an element with both is a widget item, one without data-state is prose.
 *
 * Unicode: a character is a code point (a lone surrogate counts as one). Lower-casing is
 * String.prototype.toLowerCase and "letters and digits" is /[\p{L}\p{N}]/u. These tables follow the
 * browser's Unicode version, Python's follow its own, so a few code points can differ; the
 * differential test computes them in the browser and prints how many. With Chromium 156 and
 * Python 3.11 (Unicode 14.0): 14,168, of which 14,166 are unassigned in Unicode 14.0 (letters,
 * digits and marks added since) and two changed case properties (U+0295, U+1171E); see
 * docs/webmasters.md. No one types them in a PACER password by accident.
 *
 * Privacy: the script makes no network request, stores nothing, and never logs what is typed.
 */
(function (global) {
  "use strict";

  // Replaced by the rules JSON when checker.widget.bundle() builds the script.
  var RULES = /*@rules@*/ null;

  var TRIM = " \t\r\n";
  var LETTERS_AND_DIGITS = /[\p{L}\p{N}]+/gu;
  // The live summary waits for a pause in typing, so a screen reader is not interrupted per key.
  var PAUSE_MS = 500;
  var STATE_WORDS = { pass: "Met", fail: "Not met", skip: "Not checked" };
  var ICONS = { pass: "\u2713", fail: "\u2717", skip: "\u2013" };

  // ---- the algorithm (mirrors checker/engine.py) ---------------------------------------------

  // Strings are UTF-16; a character here is a code point. codePointAt joins a surrogate pair and
  // returns a lone surrogate as itself, as Python sees it.
  function codePoints(text) {
    var out = [];
    for (var i = 0; i < text.length; i += out[out.length - 1] > 0xffff ? 2 : 1) {
      out.push(text.codePointAt(i));
    }
    return out;
  }

  function countCodePoints(text) {
    var count = 0;
    for (var i = 0; i < text.length; i += text.codePointAt(i) > 0xffff ? 2 : 1) count++;
    return count;
  }

  // Python's str.strip(" \t\r\n"): String.prototype.trim would also remove other spaces.
  function trim(text) {
    var start = 0;
    var end = text.length;
    while (start < end && TRIM.indexOf(text.charAt(start)) >= 0) start++;
    while (end > start && TRIM.indexOf(text.charAt(end - 1)) >= 0) end--;
    return text.slice(start, end);
  }

  // Maximal runs of letters and digits (general category L* or N*) of at least `min` code points.
  function parts(text, min) {
    var found = [];
    var match;
    LETTERS_AND_DIGITS.lastIndex = 0;
    while ((match = LETTERS_AND_DIGITS.exec(text)) !== null) {
      if (countCodePoints(match[0]) >= min) found.push(match[0]);
    }
    return found;
  }

  // "jane.doe@lawfirm.com" -> "jane.doe@lawfirm" (cuts at ASCII characters, so code units are safe).
  function withoutLastDomainLabel(email) {
    var at = email.lastIndexOf("@");
    if (at < 0) return email;
    var dot = email.lastIndexOf(".");
    return dot > at ? email.slice(0, dot) : email.slice(0, at);
  }

  // Aho-Corasick, as checker/matching.py: the needle that ends earliest in the haystack (a string;
  // ties: the longest), or null. One pass over the haystack, so a pasted megabyte stays linear.
  function firstMatch(haystack, needles) {
    var edges = [new Map()]; // per node: code point -> node
    var fail = [0];
    var output = [-1];
    var lengths = [];
    var node, i, k, cps, next;

    for (i = 0; i < needles.length; i++) {
      cps = codePoints(needles[i]);
      lengths.push(cps.length);
      node = 0;
      for (k = 0; k < cps.length; k++) {
        next = edges[node].get(cps[k]);
        if (next === undefined) {
          next = edges.length;
          edges[node].set(cps[k], next);
          edges.push(new Map());
          fail.push(0);
          output.push(-1);
        }
        node = next;
      }
      if (cps.length && (output[node] < 0 || cps.length > lengths[output[node]])) output[node] = i;
    }

    // Breadth-first, so each failure link points at a node whose own link is already final.
    var queue = Array.from(edges[0].values());
    for (var head = 0; head < queue.length; head++) {
      node = queue[head];
      edges[node].forEach(function (child, cp) {
        queue.push(child);
        var link = fail[node];
        while (link && !edges[link].has(cp)) link = fail[link];
        var target = edges[link].get(cp);
        if (target === undefined || target === child) target = 0;
        fail[child] = target;
        if (output[child] < 0) output[child] = output[target];
      });
    }

    // Code points read in place: no copy of a pasted megabyte.
    node = 0;
    for (i = 0; i < haystack.length; i += c > 0xffff ? 2 : 1) {
      var c = haystack.codePointAt(i);
      next = edges[node].get(c);
      while (next === undefined && node) {
        node = fail[node];
        next = edges[node].get(c);
      }
      node = next === undefined ? 0 : next;
      if (output[node] >= 0) return needles[output[node]];
    }
    return null;
  }

  function label(field) {
    return RULES.field_labels[field] || field;
  }

  function result(state, detail) {
    return { state: state, detail: detail || "" };
  }

  var KINDS = {
    length: function (rule, values) {
      var count = countCodePoints(values[rule.fields[0]]);
      var state = count < rule.params.min || count > rule.params.max ? "fail" : "pass";
      return result(state, "Your " + label(rule.fields[0]) + " has " + count +
        (count === 1 ? " character." : " characters."));
    },
    contains_class: function (rule, values) {
      var allowed = new Set(codePoints(rule.params.chars));
      var text = values[rule.fields[0]];
      for (var i = 0, c; i < text.length; i += c > 0xffff ? 2 : 1) {
        c = text.codePointAt(i);
        if (allowed.has(c)) return result("pass");
      }
      return result("fail");
    },
    no_run: function (rule, values) {
      var text = values[rule.fields[0]];
      var run = 0;
      var previous = -1;
      for (var i = 0, c; i < text.length; i += c > 0xffff ? 2 : 1) {
        c = text.codePointAt(i);
        run = c === previous ? run + 1 : 1;
        previous = c;
        if (run >= rule.params.run) return result("fail");
      }
      return result("pass");
    },
    excludes_value: function (rule, values) {
      var needles = new Map();
      rule.fields.slice(1).forEach(function (field) {
        var value = trim(values[field]).toLowerCase();
        if (value && !needles.has(value)) needles.set(value, field);
      });
      return compare(rule, values, needles, false);
    },
    excludes_parts: function (rule, values) {
      var needles = new Map();
      rule.fields.slice(1).forEach(function (field) {
        var text = values[field];
        if (field === "email" && rule.params.ignore_last_domain_label) {
          text = withoutLastDomainLabel(text);
        }
        parts(text, rule.params.min_part).forEach(function (part) {
          var lowered = part.toLowerCase();
          if (!needles.has(lowered)) needles.set(lowered, field);
        });
      });
      return compare(rule, values, needles, true);
    },
    equals: function (rule, values) {
      return result(values[rule.fields[0]] === values[rule.fields[1]] ? "pass" : "fail");
    },
  };

  function compare(rule, values, needles, namePart) {
    var compared = [];
    rule.fields.slice(1).forEach(function (field) {
      if (compared.indexOf(label(field)) < 0) compared.push(label(field));
    });
    if (!needles.size) {
      return result("skip", "Fill in your " + compared.join(" or ") + " to check this rule.");
    }
    var password = values[rule.fields[0]].toLowerCase();
    var found = firstMatch(password, Array.from(needles.keys()));
    if (found === null) return result("pass");
    var from = namePart ? "\u201c" + found + "\u201d from your " : "your ";
    return result("fail", "Contains " + from + label(needles.get(found)) + ".");
  }

  function evaluate(rule, values) {
    for (var i = 0; i < rule.skip_if_empty.length; i++) {
      var field = rule.skip_if_empty[i];
      if (values[field] === "") return result("skip", "Fill in your " + label(field) + " first.");
    }
    var kind = KINDS[rule.kind];
    if (!kind) throw new Error("unknown rule kind " + JSON.stringify(rule.kind));
    return kind(rule, values);
  }

  function ruleset(name) {
    var key = name === undefined || name === null ? RULES.default : name;
    if (!Object.prototype.hasOwnProperty.call(RULES.rulesets, key)) {
      throw new RangeError("unknown rule set " + JSON.stringify(key) + "; valid names: " +
        Object.keys(RULES.rulesets).join(", "));
    }
    return RULES.rulesets[key];
  }

  function validated(fields) {
    var values = {};
    var given = fields || {};
    Object.keys(given).forEach(function (name) {
      if (RULES.fields.indexOf(name) < 0) {
        throw new RangeError("unknown field " + JSON.stringify(name) + "; valid fields: " +
          RULES.fields.join(", "));
      }
      if (typeof given[name] !== "string") {
        throw new TypeError("field " + JSON.stringify(name) + " must be a string");
      }
    });
    RULES.fields.forEach(function (name) {
      values[name] = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : "";
    });
    return values;
  }

  // Each rule's state and a short detail for the page, in rule order.
  function details(fields, rulesetName) {
    var set = ruleset(rulesetName);
    var values = validated(fields);
    return {
      ruleset: set,
      results: set.rules.map(function (rule) {
        var r = evaluate(rule, values);
        return { rule: rule, state: r.state, detail: r.detail };
      }),
    };
  }

  // The same JSON as `python -m checker check`.
  function check(fields, rulesetName) {
    var found = details(fields, rulesetName);
    var rules = {};
    var ok = true;
    found.results.forEach(function (r) {
      rules[r.rule.id] = r.state;
      if (r.state === "fail") ok = false;
    });
    return { ruleset: found.ruleset.name, ok: ok, rules: rules };
  }

  // ---- the page ------------------------------------------------------------------------------

  var FIELD_INPUTS = {
    username: { type: "text", autocomplete: "username" },
    password: { type: "password", autocomplete: "new-password", toggle: true, describe: true },
    confirm: { type: "password", autocomplete: "new-password", toggle: true },
    first_name: { type: "text", autocomplete: "given-name" },
    last_name: { type: "text", autocomplete: "family-name" },
    email: { type: "email", autocomplete: "email" },
  };
  var counter = 0;

  function el(doc, tag, attrs, text) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function Widget(root) {
    var doc = root.ownerDocument;
    var id = "pacer-checker-" + ++counter;
    var self = this;
    var requested = root.getAttribute("data-ruleset");
    this.root = root;
    this.doc = doc;
    this.name = requested && RULES.rulesets[requested] ? requested : RULES.default;
    this.timer = null;

    // The page's own markup is the no-JavaScript fallback: the rules as text.
    while (root.firstChild) root.removeChild(root.firstChild);
    root.classList.add("pacer-checker");
    root.setAttribute("data-checker-ready", "");

    var names = Object.keys(RULES.rulesets);
    names.sort(function (a, b) { return (b === RULES.default) - (a === RULES.default); });
    var switcher = el(doc, "fieldset", { class: "pacer-checker-switch" });
    switcher.appendChild(el(doc, "legend", {}, "Check against"));
    names.forEach(function (name) {
      var radioId = id + "-set-" + name;
      var radio = el(doc, "input", { type: "radio", name: id + "-ruleset", id: radioId, value: name });
      radio.checked = name === self.name;
      var caption = el(doc, "label", { for: radioId }, RULES.rulesets[name].title);
      if (name === RULES.default) caption.textContent += " (current)";
      var option = el(doc, "div", { class: "pacer-checker-option" });
      option.appendChild(radio);
      option.appendChild(caption);
      switcher.appendChild(option);
    });
    root.appendChild(switcher);

    root.appendChild(el(doc, "p", { class: "pacer-checker-heading", id: id + "-rules-heading" },
      "Your password is checked against these rules:"));
    this.list = el(doc, "ul", {
      class: "pacer-checker-rules", id: id + "-rules", "aria-labelledby": id + "-rules-heading",
    });
    root.appendChild(this.list);

    var fields = el(doc, "div", { class: "pacer-checker-fields" });
    RULES.fields.forEach(function (field) {
      var spec = FIELD_INPUTS[field] || { type: "text" };
      var inputId = id + "-" + field;
      var wrap = el(doc, "div", { class: "pacer-checker-field" });
      wrap.appendChild(el(doc, "label", { for: inputId }, capitalised(label(field))));
      var input = el(doc, "input", {
        id: inputId, type: spec.type, "data-field": field, autocomplete: spec.autocomplete || "off",
        spellcheck: "false", autocapitalize: "none", autocorrect: "off",
      });
      if (spec.describe) input.setAttribute("aria-describedby", id + "-rules");
      if (spec.toggle) {
        var row = el(doc, "div", { class: "pacer-checker-password" });
        var button = el(doc, "button", {
          type: "button", class: "pacer-checker-toggle", "aria-controls": inputId,
          "data-toggle": field,
        }, "Show " + label(field));
        button.addEventListener("click", function () {
          var shown = input.type === "text";
          input.type = shown ? "password" : "text";
          button.textContent = (shown ? "Show " : "Hide ") + label(field);
        });
        row.appendChild(input);
        row.appendChild(button);
        wrap.appendChild(row);
      } else {
        wrap.appendChild(input);
      }
      fields.appendChild(wrap);
    });
    root.appendChild(fields);

    this.verdict = el(doc, "p", { class: "pacer-checker-verdict", "data-verdict": "" });
    root.appendChild(this.verdict);
    root.appendChild(el(doc, "p", { class: "pacer-checker-privacy" },
      "The check runs only in your browser. Nothing you type is sent or saved."));
    // In the page from the start, and only its text changes: screen readers announce that reliably.
    this.live = el(doc, "div", {
      class: "pacer-checker-live", role: "status", "aria-live": "polite", "aria-atomic": "true",
    });
    root.appendChild(this.live);

    root.addEventListener("input", function (event) {
      if (event.target && event.target.hasAttribute("data-field")) self.changed();
    });
    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target && target.type === "radio" && target.checked) self.use(target.value);
    });
    // Nothing is announced on load: only a reader's own changes are.
    this.use(this.name, true);
  }

  Widget.prototype.values = function () {
    var values = {};
    this.root.querySelectorAll("input[data-field]").forEach(function (input) {
      values[input.getAttribute("data-field")] = input.value;
    });
    return values;
  };

  Widget.prototype.use = function (name, quiet) {
    var doc = this.doc;
    var list = this.list;
    this.name = name;
    this.root.setAttribute("data-ruleset", name);
    while (list.firstChild) list.removeChild(list.firstChild);
    this.items = {};
    var items = this.items;
    ruleset(name).rules.forEach(function (rule) {
      var item = el(doc, "li", { "data-rule": rule.id, "data-state": "skip" });
      var icon = el(doc, "span", { class: "pacer-checker-icon", "aria-hidden": "true" });
      var state = el(doc, "span", { class: "pacer-checker-state" });
      var text = el(doc, "span", { class: "pacer-checker-text" }, rule.text);
      var detail = el(doc, "span", { class: "pacer-checker-detail" });
      item.appendChild(icon);
      item.appendChild(state);
      item.appendChild(doc.createTextNode(" "));
      item.appendChild(text);
      item.appendChild(doc.createTextNode(" "));
      item.appendChild(detail);
      list.appendChild(item);
      items[rule.id] = { item: item, icon: icon, state: state, detail: detail };
    });
    this.changed(quiet);
  };

  Widget.prototype.changed = function (quiet) {
    var found = details(this.values(), this.name);
    var counts = { pass: 0, fail: 0, skip: 0 };
    var items = this.items;
    found.results.forEach(function (r) {
      var view = items[r.rule.id];
      counts[r.state]++;
      view.item.setAttribute("data-state", r.state);
      view.icon.textContent = ICONS[r.state];
      view.state.textContent = STATE_WORDS[r.state] + ":";
      view.detail.textContent = r.detail;
    });
    var ok = counts.fail === 0;
    this.verdict.setAttribute("data-state", ok ? "pass" : "fail");
    this.verdict.textContent = ok
      ? ICONS.pass + " Meets every rule that could be checked."
      : ICONS.fail + " Not yet: " + counts.fail + (counts.fail === 1 ? " rule" : " rules") +
        " not met.";
    this.summary = (ok ? "Meets every rule that could be checked. " : "") +
      counts.pass + " of " + found.results.length + " rules met, " + counts.fail + " not met, " +
      counts.skip + " not checked.";
    var self = this;
    if (this.timer !== null) global.clearTimeout(this.timer);
    if (quiet) return;
    this.timer = global.setTimeout(function () {
      self.timer = null;
      self.live.textContent = self.summary;
    }, PAUSE_MS);
  };

  function init(root) {
    if (!root.__pacerChecker) root.__pacerChecker = new Widget(root);
    return root.__pacerChecker;
  }

  function initAll(doc) {
    var roots = (doc || global.document).querySelectorAll("[data-checker]");
    return Array.prototype.map.call(roots, init);
  }

  global.PacerChecker = {
    rules: RULES,
    pauseMs: PAUSE_MS,
    check: check,
    init: init,
    initAll: initAll,
  };

  if (global.document) {
    // Material's instant navigation swaps pages without a load event; document$ says when.
    if (global.document$ && typeof global.document$.subscribe === "function") {
      global.document$.subscribe(function () { initAll(global.document); });
    } else if (global.document.readyState === "loading") {
      global.document.addEventListener("DOMContentLoaded", function () { initAll(global.document); });
    } else {
      initAll(global.document);
    }
  }
})(typeof window !== "undefined" ? window : globalThis);
