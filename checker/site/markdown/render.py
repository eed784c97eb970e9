"""Rule text for the pages, rendered from the rule records (never typed by hand).

Each statement carries ``data-rule`` and ``data-ruleset`` so the verifier knows which rule set a
sentence was rendered from, and a reader's tools can find it.
"""

from __future__ import annotations

import html

from checker.facts import Source, us_date
from checker.rulesets import DEFAULT_RULESET, RuleSet, differences, get_ruleset
from checker.site.settings import Settings, SettingsError


class ShortcodeError(ValueError):
    """A shortcode in a page names something the checker does not have."""


def shortcode_args(text: str) -> tuple[list[str], dict[str, str]]:
    """A shortcode's arguments (``upgrade-security court_type=district``): the positional ones
    and the ``key=value`` options."""
    args, options = [], {}
    for token in text.split():
        key, eq, value = token.partition("=")
        if eq:
            options[key] = value
        else:
            args.append(token)
    return args, options


def _span(ruleset: RuleSet, rule_id: str, text: str) -> str:
    return (
        f'<span data-rule="{rule_id}" data-ruleset="{ruleset.name}">{html.escape(text)}</span>'
    )


def rule_sentence(rule_id: str, ruleset: str = DEFAULT_RULESET) -> str:
    rules = get_ruleset(ruleset)
    return _span(rules, rule_id, _rule(rules, rule_id).text())


def param(path: str, ruleset: str = DEFAULT_RULESET) -> str:
    """One parameter, by ``rule.id.param`` (for example ``password.length.min``), or of a fact
    that comes with the rule set (``password-change.days``), so no page types the number."""
    rules = get_ruleset(ruleset)
    rule_id, _, name = path.rpartition(".")
    facts = {fact.id: fact for fact in rules.facts}
    record = facts[rule_id] if rule_id in facts else _rule(rules, rule_id)
    if name not in record.params:
        raise ShortcodeError(f"rule {rule_id!r} has no parameter {name!r}")
    return f'<span data-param="{path}" data-ruleset="{rules.name}">{record.params[name]}</span>'


def rules_list(ruleset: str = DEFAULT_RULESET) -> str:
    """The rules as a bulleted list of sentences, marked with their rule set."""
    rules = get_ruleset(ruleset)
    items = "".join(f"<li>{_span(rules, r.id, r.text())}</li>" for r in rules.rules)
    return f'<ul class="rule-list" data-ruleset="{rules.name}">{items}</ul>'


def rules_table(ruleset: str = DEFAULT_RULESET) -> str:
    """Each rule with how the checker applies it and where it comes from."""
    rules = get_ruleset(ruleset)
    rows = []
    for rule in rules.rules:
        caution = (
            "" if rule.verified else "<br><strong>Not confirmed</strong> by a current PACER page."
        )
        rows.append(
            "<tr>"
            f"<td>{_span(rules, rule.id, rule.text())}</td>"
            f"<td>{html.escape(rule.explain())}</td>"
            f"<td>{source_link(rule.source, note=True)}{caution}</td>"
            "</tr>"
        )
    return (
        # No class attribute: Material styles only `table:not([class])` as a content table.
        f'<table data-rules-table data-ruleset="{rules.name}">'
        f"<caption>{html.escape(rules.title)}</caption>"
        '<thead><tr><th scope="col">Rule</th><th scope="col">How it is checked</th>'
        '<th scope="col">Source</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def changes_table(old: str = "pacer-2021", new: str = DEFAULT_RULESET) -> str:
    """What differs between two rule sets, computed from the records."""
    before, after = get_ruleset(old), get_ruleset(new)
    rows = "".join(
        "<tr>"
        f'<td data-ruleset="{before.name}">{_span(before, d.rule_id, d.before.text())}</td>'
        f'<td data-ruleset="{after.name}">{_span(after, d.rule_id, d.after.text())}</td>'
        "</tr>"
        for d in differences(before, after)
    )
    return (
        "<table data-rules-changes>"
        # Titles, not rule-set ids: attorneys read this table (the ids stay in data-ruleset).
        "<caption>Rules that changed</caption>"
        f'<thead><tr><th scope="col">Before ({html.escape(before.title)})</th>'
        f'<th scope="col">Now ({html.escape(after.title)})</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _rule(rules: RuleSet, rule_id: str):
    try:
        return rules.rule(rule_id)
    except KeyError:
        valid = ", ".join(rules.rule_ids)
        raise ShortcodeError(f"unknown rule {rule_id!r} in {rules.name}; valid: {valid}") from None


def source_link(source: Source, note: bool = False) -> str:
    """The source's title (linked when it has an address) and its date, US style.

    The date sits in ``<span data-source>`` so the hand-typed date check (checker.site.checks.dates)
    knows it was rendered, not typed; no ISO date is written, not even in an attribute.
    ``note`` adds the source's note as a sentence.
    """
    title = html.escape(source.title)
    if source.url.startswith("http"):
        title = f'<a href="{html.escape(source.url)}">{title}</a>'
    if source.published:
        title += f", <span data-source>{us_date(source.published)}</span>"
    if not note:
        return title
    return f"{title}." + (f" {html.escape(source.note)}" if source.note else "")


def widget_enabled() -> bool:
    """Whether pages get the live widget: a court or other site can build the pages without it
    (``PACER_HELP_WIDGET=off``, docs/webmasters.md). The engine renders pages in its own process,
    so the setting comes from the environment, read by :mod:`checker.site.settings`."""
    try:
        return Settings.from_env().widget
    except SettingsError as error:
        raise ShortcodeError(str(error)) from None


def render_widget(ruleset: str = DEFAULT_RULESET) -> str:
    """The password checker widget before its script runs: the rules of ``ruleset`` as text.

    A root element with ``data-checker`` holding the rules as plain text, which is what a reader
    without JavaScript sees; the script (:func:`checker.widget.bundle`) replaces it with the live
    checklist and the fields (DOM contract: ``checker/widget.js`` and docs/webmasters.md). The
    fallback's sentences carry ``data-rule``/``data-ruleset`` like any rendered statement, so the
    drift verifier reads them; the live widget's items also carry ``data-state``, which rendered
    prose never has. With ``PACER_HELP_WIDGET=off`` only the plain rules list is rendered.
    The fallback stays out of the search index (``data-search-exclude``): every page with the
    widget states the rules in its text too, and search would list them twice on every page load.
    """
    rules = get_ruleset(ruleset)
    if not widget_enabled():
        return rules_list(rules.name)
    return (
        f'<div class="pacer-checker" data-checker data-ruleset="{rules.name}" data-search-exclude>'
        f"<p><strong>{html.escape(rules.title)}</strong></p>"
        f"{rules_list(rules.name)}"
        '<p class="pacer-checker-noscript">To check a password against these rules on this page, '
        "turn on JavaScript in your browser. The check runs only in your browser.</p>"
        "</div>"
    )
