/*
 * PACER Help password checker: the widget's algorithm and its wiring to the page.
 *
 * This file holds no rule: every number, character set and sentence comes from the rules JSON that
 * checker.widget.bundle() puts in place of RULES below (checker.export.widget_export(): the rules
 * export without sources and interpretations). The algorithm for each rule `kind` mirrors
 * checker/engine.py and checker/matching.py exactly, and tests/browser/test_widget_differential.py
 * compares the two on thousands of generated inputs.
 *
 * The bundle carries this file minified by terser (`npm run widget` writes checker/widget.min.js;
 * tests/test_widget_min.py checks that it is up to date).
 *
 * Pure API (for tests and webmasters):
 *   PacerChecker.check({password: "...", ...}, "pacer-2025")
 *     -> {ruleset: "pacer-2025", ok: true|false, rules: {"password.length": "pass|fail|skip", ...}}
 *   It throws, as checker.check does, for an unknown field or rule set, a value that is not a
 *   string, or a field longer than RULES.max_field_length code points.
 *
 * DOM contract (stable; see docs/webmasters.md):
 *   root [data-checker] (optional data-ruleset="NAME", updated when the reader switches);
 *   input[data-field="username|password|confirm|first_name|last_name|email"];
 *   one [data-rule="ID"][data-state="pass|fail|skip"] per rule of the active rule set;
 *   one [data-verdict][data-state="pass|fail"].
 * Rule sentences rendered elsewhere on a page (checker/site/render.py) also carry data-rule, but
 * never data-state: an element with both is a widget item, one without data-state is prose.
 *
 * Unicode: a character is a code point; iterating a string (for...of, [...text]) yields code points
 * and a lone surrogate as itself, as Python sees it. Lower-casing is String.prototype.toLowerCase
 * and "letters and digits" is /[\p{L}\p{N}]/u. These tables follow the browser's Unicode version,
 * Python's follow its own, so a few code points can differ; the differential test computes them in
 * the browser and prints how many. With Chromium 156 and Python 3.11 (Unicode 14.0): 14,168, of
 * which 14,166 are unassigned in Unicode 14.0 (letters, digits and marks added since) and two
 * changed case properties (U+0295, U+1171E); see docs/webmasters.md. No one types them in a PACER
 * password by accident.
 *
 * Privacy: the script makes no network request, stores nothing, and never logs what is typed.
 */
(function (global) {
  "use strict";

  // Replaced by the rules JSON when checker.widget.bundle() builds the script (a string, so the
  // minifier keeps it as written).
  const RULES = "@@PACER_RULES@@";
  const LABELS = RULES.field_labels;
  const MAX = RULES.max_field_length;
  // The live summary waits for a pause in typing, so a screen reader is not interrupted per key.
  const PAUSE_MS = 500;
  // Icon and words per state: never color alone.
  const STATES = { pass: ["\u2713", "Met"], fail: ["\u2717", "Not met"], skip: ["\u2013", "Not checked"] };
  const has = (object, key) => Object.keys(object).includes(key);
  const quoted = JSON.stringify;

  // ---- the algorithm (mirrors checker/engine.py) ---------------------------------------------

  // Python's str.strip(" \t\r\n"): String.prototype.trim would also remove other spaces.
  function trim(text) {
    let start = 0;
    let end = text.length;
    while (start < end && " \t\r\n".includes(text[start])) start++;
    while (end > start && " \t\r\n".includes(text[end - 1])) end--;
    return text.slice(start, end);
  }

  // Maximal runs of letters and digits (general category L* or N*) of at least `min` code points.
  const parts = (text, min) =>
    (text.match(/[\p{L}\p{N}]+/gu) || []).filter((part) => [...part].length >= min);

  // "jane.doe@lawfirm.com" -> "jane.doe@lawfirm" (cuts at ASCII characters, so code units are safe).
  function withoutLastDomainLabel(email) {
    const at = email.lastIndexOf("@");
    const dot = email.lastIndexOf(".");
    return at < 0 ? email : email.slice(0, dot > at ? dot : at);
  }

  // Aho-Corasick, as checker/matching.py: the needle that ends earliest in the haystack (ties: the
  // longest), or null. One pass over the haystack for all needles.
  function firstMatch(haystack, needles) {
    // Per node: code point -> node; node 0 is the root.
    const edges = [new Map()];
    const fail = [0];
    const output = [null];
    for (const needle of needles) {
      let node = 0;
      for (const c of needle) {
        let next = edges[node].get(c);
        if (next === undefined) {
          next = edges.push(new Map()) - 1;
          edges[node].set(c, next);
          fail.push(0);
          output.push(null);
        }
        node = next;
      }
      if (needle) output[node] = needle;
    }
    // Breadth-first (the loop also visits what it appends), so each failure link points at a node
    // whose own link is final; a node inherits its suffix's output, so a match shows where it ends.
    const queue = [...edges[0].values()];
    for (const node of queue) {
      edges[node].forEach((child, c) => {
        queue.push(child);
        let link = fail[node];
        while (link && !edges[link].has(c)) link = fail[link];
        // The root is nobody's child, so 0 means "no edge"; the child is deeper than any target.
        fail[child] = edges[link].get(c) || 0;
        if (output[child] === null) output[child] = output[fail[child]];
      });
    }
    let node = 0;
    for (const c of haystack) {
      while (node && !edges[node].has(c)) node = fail[node];
      node = edges[node].get(c) || 0;
      if (output[node] !== null) return output[node];
    }
    return null;
  }

  // Each kind returns [state] or [state, detail for the page].
  const KINDS = {
    length(rule, values) {
      const count = [...values[rule.fields[0]]].length;
      const { min, max } = rule.params;
      return [
        count < min || count > max ? "fail" : "pass",
        `Your ${LABELS[rule.fields[0]]} has ${count} character${count === 1 ? "" : "s"}.`,
      ];
    },
    contains_class: (rule, values) => [
      [...rule.params.chars].some((c) => values[rule.fields[0]].includes(c)) ? "pass" : "fail",
    ],
    // A character followed by run - 1 copies of itself; with the u flag, [^] is any code point.
    no_run: (rule, values) => [
      new RegExp(`([^])\\1{${rule.params.run - 1}}`, "u").test(values[rule.fields[0]])
        ? "fail" : "pass",
    ],
    excludes_value: (rule, values) =>
      compare(rule, values, (text) => [trim(text).toLowerCase()], false),
    excludes_parts: (rule, values) =>
      compare(rule, values, (text, field) => {
        if (field === "email" && rule.params.ignore_last_domain_label) {
          text = withoutLastDomainLabel(text);
        }
        return parts(text, rule.params.min_part).map((part) => part.toLowerCase());
      }, true),
    equals: (rule, values) => [values[rule.fields[0]] === values[rule.fields[1]] ? "pass" : "fail"],
  };

  // Does the first field contain a needle taken from the others (`pieces` cuts them)?
  function compare(rule, values, pieces, namePart) {
    const [field, ...others] = rule.fields;
    const needles = new Map();
    for (const other of others) {
      for (const piece of pieces(values[other], other)) {
        if (piece && !needles.has(piece)) needles.set(piece, other);
      }
    }
    const compared = [...new Set(others.map((other) => LABELS[other]))].join(" or ");
    if (!needles.size) return ["skip", `Fill in your ${compared} to check this rule.`];
    const found = firstMatch(values[field].toLowerCase(), [...needles.keys()]);
    if (found === null) return ["pass"];
    const from = namePart ? `\u201c${found}\u201d from your ` : "your ";
    return ["fail", `Contains ${from}${LABELS[needles.get(found)]}.`];
  }

  function evaluate(rule, values) {
    const empty = rule.skip_if_empty.find((field) => values[field] === "");
    if (empty) return ["skip", `Fill in your ${LABELS[empty]} first.`];
    if (!has(KINDS, rule.kind)) throw new Error(`unknown rule kind ${quoted(rule.kind)}`);
    return KINDS[rule.kind](rule, values);
  }

  function ruleset(name) {
    const key = name == null ? RULES.default : name;
    if (!has(RULES.rulesets, key)) {
      throw new RangeError(`unknown rule set ${quoted(key)}; valid names: ` +
        Object.keys(RULES.rulesets).join(", "));
    }
    return RULES.rulesets[key];
  }

  // The same checks, in the same order, as checker.engine: names, types, then the length bound.
  function validated(fields) {
    const given = fields || {};
    for (const [name, value] of Object.entries(given)) {
      if (!RULES.fields.includes(name)) {
        throw new RangeError(`unknown field ${quoted(name)}; valid fields: ${RULES.fields.join(", ")}`);
      }
      if (typeof value !== "string") throw new TypeError(`field ${quoted(name)} must be a string`);
      // A string's length in code units is at least its length in code points.
      const count = value.length > MAX ? [...value].length : 0;
      if (count > MAX) {
        throw new RangeError(`field ${quoted(name)} is ${count.toLocaleString("en-US")} ` +
          `characters long; the limit is ${MAX.toLocaleString("en-US")} characters`);
      }
    }
    return Object.fromEntries(RULES.fields.map((name) => [name, has(given, name) ? given[name] : ""]));
  }

  // The rule set and, per rule, [rule, state, detail].
  function details(fields, name) {
    const set = ruleset(name);
    const values = validated(fields);
    return [set, set.rules.map((rule) => [rule, ...evaluate(rule, values)])];
  }

  // The same JSON as `python -m checker check`.
  function check(fields, name) {
    const [set, results] = details(fields, name);
    const rules = {};
    for (const [rule, state] of results) rules[rule.id] = state;
    return { ruleset: set.name, ok: !results.some((result) => result[1] === "fail"), rules };
  }

  // ---- the page ------------------------------------------------------------------------------

  // [type, autocomplete] per field. This is not PACER's site, so a PACER password must never be
  // saved under it. "new-password" would invite the browser to suggest and save a password for
  // this site; browsers and password managers ignore "off" on password fields, so it is only a
  // hint, as are the ignore attributes of 1Password, LastPass, Bitwarden and Dashlane (NO_SAVE).
  // What keeps a password from being saved is that nothing is ever submitted: no <form>, no name
  // attributes, no submit button, no request. Managers save on a submission, and there is none.
  // The reader's name and email keep their autofill tokens (WCAG 1.3.5, input purpose): a manager
  // only suggests those, and they are not a credential.
  const INPUTS = {
    username: ["text"],
    password: ["password"],
    confirm: ["password"],
    first_name: ["text", "given-name"],
    last_name: ["text", "family-name"],
    email: ["email", "email"],
  };
  const NO_SAVE = {
    autocomplete: "off",
    "data-1p-ignore": "",
    "data-lpignore": "true",
    "data-bwignore": "",
    "data-form-type": "other",
  };
  let counter = 0;

  class Widget {
    constructor(root) {
      const doc = root.ownerDocument;
      const id = `pacer-checker-${++counter}`;
      const names = Object.keys(RULES.rulesets);
      const requested = root.getAttribute("data-ruleset");
      const el = (this.el = (tag, attrs, ...children) => {
        const node = doc.createElement(tag);
        for (const name in attrs) node.setAttribute(name, attrs[name]);
        node.append(...children);
        return node;
      });
      this.root = root;
      this.name = names.includes(requested) ? requested : RULES.default;
      this.timer = null;

      // The page's own markup is the no-JavaScript fallback: the rules as text.
      root.textContent = "";
      root.classList.add("pacer-checker");
      root.setAttribute("data-checker-ready", "");

      const switcher = el("fieldset", { class: "pacer-checker-switch" }, el("legend", {}, "Check against"));
      names.sort((a, b) => (b === RULES.default) - (a === RULES.default));
      for (const name of names) {
        const radio = el("input", { type: "radio", name: `${id}-ruleset`, id: `${id}-set-${name}`, value: name });
        radio.checked = name === this.name;
        const title = RULES.rulesets[name].title + (name === RULES.default ? " (current)" : "");
        switcher.append(el("div", { class: "pacer-checker-option" }, radio, el("label", { for: radio.id }, title)));
      }

      this.list = el("ul", {
        class: "pacer-checker-rules", id: `${id}-rules`, "aria-labelledby": `${id}-rules-heading`,
      });
      const fields = el("div", { class: "pacer-checker-fields" });
      for (const field of RULES.fields) {
        const [type, token] = INPUTS[field] || ["text"];
        const inputId = `${id}-${field}`;
        // maxlength counts code units, so a typed or pasted value never passes the bound.
        const input = el("input", {
          id: inputId, type, "data-field": field, maxlength: MAX, spellcheck: "false",
          autocapitalize: "none", autocorrect: "off", ...(token ? { autocomplete: token } : NO_SAVE),
        });
        let control = input;
        if (field === "password") input.setAttribute("aria-describedby", this.list.id);
        if (type === "password") {
          const button = el("button", {
            type: "button", class: "pacer-checker-toggle", "aria-controls": inputId, "data-toggle": field,
          }, `Show ${LABELS[field]}`);
          button.addEventListener("click", () => {
            const shown = input.type === "text";
            input.type = shown ? "password" : "text";
            button.textContent = `${shown ? "Show" : "Hide"} ${LABELS[field]}`;
          });
          control = el("div", { class: "pacer-checker-password" }, input, button);
        }
        const caption = LABELS[field][0].toUpperCase() + LABELS[field].slice(1);
        fields.append(el("div", { class: "pacer-checker-field" }, el("label", { for: inputId }, caption), control));
      }

      this.verdict = el("p", { class: "pacer-checker-verdict", "data-verdict": "" });
      // In the page from the start, and only its text changes: screen readers announce that reliably.
      this.live = el("div", {
        class: "pacer-checker-live", role: "status", "aria-live": "polite", "aria-atomic": "true",
      });
      root.append(
        switcher,
        el("p", { class: "pacer-checker-heading", id: `${id}-rules-heading` },
          "Your password is checked against these rules:"),
        this.list,
        fields,
        this.verdict,
        el("p", { class: "pacer-checker-privacy" },
          "The check runs only in your browser. Nothing you type is sent or saved."),
        this.live,
      );

      root.addEventListener("input", (event) => {
        if (event.target.hasAttribute("data-field")) this.changed();
      });
      root.addEventListener("change", (event) => {
        if (event.target.type === "radio" && event.target.checked) this.use(event.target.value);
      });
      // Nothing is announced on load: only a reader's own changes are.
      this.use(this.name, true);
    }

    values() {
      const values = {};
      for (const input of this.root.querySelectorAll("input[data-field]")) {
        // A script can set a value past maxlength; cut it as the browser cuts typing.
        if (input.value.length > MAX) input.value = input.value.slice(0, MAX);
        values[input.getAttribute("data-field")] = input.value;
      }
      return values;
    }

    use(name, quiet) {
      const el = this.el;
      this.name = name;
      this.root.setAttribute("data-ruleset", name);
      this.list.textContent = "";
      this.items = {};
      for (const rule of ruleset(name).rules) {
        const view = {
          icon: el("span", { class: "pacer-checker-icon", "aria-hidden": "true" }),
          state: el("span", { class: "pacer-checker-state" }),
          detail: el("span", { class: "pacer-checker-detail" }),
        };
        view.item = el("li", { "data-rule": rule.id, "data-state": "skip" }, view.icon, view.state,
          " ", el("span", { class: "pacer-checker-text" }, rule.text), " ", view.detail);
        this.list.append(view.item);
        this.items[rule.id] = view;
      }
      this.changed(quiet);
    }

    changed(quiet) {
      const results = details(this.values(), this.name)[1];
      const counts = { pass: 0, fail: 0, skip: 0 };
      for (const [rule, state, detail] of results) {
        const view = this.items[rule.id];
        counts[state]++;
        view.item.setAttribute("data-state", state);
        view.icon.textContent = STATES[state][0];
        view.state.textContent = `${STATES[state][1]}:`;
        view.detail.textContent = detail || "";
      }
      const ok = !counts.fail;
      const met = "Meets every rule that could be checked.";
      this.verdict.setAttribute("data-state", ok ? "pass" : "fail");
      this.verdict.textContent = ok ? `${STATES.pass[0]} ${met}` :
        `${STATES.fail[0]} Not yet: ${counts.fail} rule${counts.fail === 1 ? "" : "s"} not met.`;
      this.summary = `${ok ? met + " " : ""}${counts.pass} of ${results.length} rules met, ` +
        `${counts.fail} not met, ${counts.skip} not checked.`;
      global.clearTimeout(this.timer);
      if (!quiet) {
        this.timer = global.setTimeout(() => {
          this.live.textContent = this.summary;
        }, PAUSE_MS);
      }
    }
  }

  const init = (root) => root.__pacerChecker || (root.__pacerChecker = new Widget(root));
  const initAll = (doc) => [...(doc || global.document).querySelectorAll("[data-checker]")].map(init);

  global.PacerChecker = { rules: RULES, pauseMs: PAUSE_MS, check, init, initAll };

  const doc = global.document;
  if (doc) {
    // Material's instant navigation swaps pages without a load event; document$ says when.
    if (global.document$ && global.document$.subscribe) {
      global.document$.subscribe(() => initAll(doc));
    } else if (doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", () => initAll(doc));
    } else {
      initAll(doc);
    }
  }
})(typeof window !== "undefined" ? window : globalThis);
