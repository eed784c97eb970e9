"""The rule boxes a drawing shows (the Security tab's note, the password-change requirements),
written from the rule set in force, so the drawing follows a parameter change and never holds a
typed number. The wording follows the note on PACER's upgrade screen ("Password: 8-45 characters
with at least: one lower case letter ..."), filled from the records.
"""

from __future__ import annotations

from checker.rulesets import FIELD_LABELS, RuleSet

# Sentences of the "must not" rules, shortened to the item after "cannot have:".
_MUST_NOT = ("Your password must not have ", "Your password must not contain ")


def lines(rules: RuleSet, box: str) -> tuple[str, ...]:
    """The box's lines: ``note`` (username and password, as on the Security tab) or
    ``password`` (the password alone, as on the password-change screen)."""
    out: list[str] = []
    if box == "note":
        out.append("Note:")
    musts: list[str] = []
    must_nots: list[str] = []
    lengths: dict[str, str] = {}
    for rule in rules.rules:
        if rule.kind == "length":
            field = rule.fields[0]
            label = FIELD_LABELS[field].capitalize()
            lengths[field] = f"{label}: {rule.params['min']}-{rule.params['max']} characters"
        elif rule.kind == "contains_class" and "password" in rule.fields:
            musts.append(f"one {rule.params['label']}")
        else:
            text = rule.text()
            for prefix in _MUST_NOT:
                if text.startswith(prefix):
                    must_nots.append(text.removeprefix(prefix).rstrip("."))
    if box == "note" and "username" in lengths:
        out.append(lengths["username"] + ".")
    if "password" in lengths:
        out.append(lengths["password"] + (" with at least:" if musts else "."))
    out.extend(f"- {item}" for item in musts)
    if must_nots:
        out.append("The password cannot have:")
        out.extend(f"- {item}" for item in must_nots)
    return tuple(out)
