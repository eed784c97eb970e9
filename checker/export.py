"""The rules as JSON: what the widget and other tools read. The numbers come from the records."""

from __future__ import annotations

import json
from typing import Any

from checker.engine import MAX_FIELD_LENGTH
from checker.facts import Fact, Source, build_date
from checker.rulesets import DEFAULT_RULESET, FIELD_LABELS, FIELDS, RULESETS, Rule, RuleSet

SCHEMA_VERSION = 1


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "kind": rule.kind,
        "fields": list(rule.fields),
        "skip_if_empty": list(rule.skip_if_empty),
        "params": dict(rule.params),
        "text": rule.text(),
        "interpretation": rule.explain(),
        "verified": rule.verified,
        "source": source_to_dict(rule.source),
    }


def source_to_dict(source: Source) -> dict[str, str]:
    return {"title": source.title, "url": source.url, "date": source.date, "note": source.note}


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """The fact as stated on the build date (SOURCE_DATE_EPOCH, else today)."""
    return {
        "id": fact.id,
        "text": fact.sentence(build_date()),
        "source": source_to_dict(fact.source),
        "sources": [source_to_dict(source) for source in fact.sources],
    }


def ruleset_to_dict(ruleset: RuleSet) -> dict[str, Any]:
    return {
        "name": ruleset.name,
        "title": ruleset.title,
        "summary": ruleset.summary,
        "status": ruleset.status.sentence(build_date()) if ruleset.status else "",
        "rules": [rule_to_dict(rule) for rule in ruleset.rules],
        "facts": [fact_to_dict(fact) for fact in ruleset.facts],
    }


def export(rulesets: dict[str, RuleSet] | None = None) -> dict[str, Any]:
    """Every rule set, the default, and the field names, as one JSON-ready object."""
    rulesets = dict(RULESETS if rulesets is None else rulesets)
    return {
        "schema": SCHEMA_VERSION,
        "default": DEFAULT_RULESET if DEFAULT_RULESET in rulesets else next(iter(rulesets)),
        "fields": list(FIELDS),
        "max_field_length": MAX_FIELD_LENGTH,
        "field_labels": dict(FIELD_LABELS),
        "rulesets": {name: ruleset_to_dict(rs) for name, rs in rulesets.items()},
    }


# What the widget needs of each rule; the rest (interpretation, source, facts) is for people.
WIDGET_RULE_KEYS = ("id", "kind", "fields", "skip_if_empty", "params", "text")
_WIDGET_KEYS = ("schema", "default", "fields", "field_labels", "max_field_length")


def widget_export(rulesets: dict[str, RuleSet] | None = None) -> dict[str, Any]:
    """The part of :func:`export` the widget reads: the same keys, without what only people read."""
    full = export(rulesets)
    return {
        **{key: full[key] for key in _WIDGET_KEYS},
        "rulesets": {
            name: {
                "name": ruleset["name"],
                "title": ruleset["title"],
                "rules": [
                    {key: rule[key] for key in WIDGET_RULE_KEYS} for rule in ruleset["rules"]
                ],
            }
            for name, ruleset in full["rulesets"].items()
        },
    }


def export_json(rulesets: dict[str, RuleSet] | None = None) -> str:
    return json.dumps(export(rulesets), indent=1, ensure_ascii=False) + "\n"
