"""The rule boxes a drawing shows (the Security tab's note, the password-change requirements),
written from the rule set in force, so the drawing follows a parameter change and never holds a
typed number.

PACER's note reads "Password: 8-45 characters with at least:" over a list. Here each line is a
statement of its own ("Password: at least one special character."), because a drawing's words also
sit in the PDF's text layer right before the step's numbered actions: a lead-in ending in a colon
would lead those actions too, and the drift check would read "1. Enter a new username" as a rule.
"""

from __future__ import annotations

from checker.rulesets import FIELD_LABELS, RuleSet

# A "must not" rule's sentence, and how its item reads in the box.
_MUST_NOT = ("Your password must not have ", "Your password must not contain ")
_ANY_PART = "any part of "


def lines(rules: RuleSet, box: str) -> tuple[str, ...]:
    """The box's lines: ``note`` (username and password, as on the Security tab) or
    ``password`` (the password alone, as on the password-change screen)."""
    out = ["Note"] if box == "note" else []  # no colon: nothing here leads what follows
    for rule in rules.rules:
        if rule.kind == "length":
            field = rule.fields[0]
            if box == "note" or field == "password":
                label = FIELD_LABELS[field].capitalize()
                out.append(f"{label}: {rule.params['min']}-{rule.params['max']} characters.")
        elif rule.kind == "contains_class" and "password" in rule.fields:
            out.append(f"Password: at least one {rule.params['label']}.")
        else:
            text = rule.text()
            prefix = next((p for p in _MUST_NOT if text.startswith(p)), None)
            if prefix is None:
                continue  # confirm password: a field, not a note
            rest = text.removeprefix(prefix).rstrip(".")
            if rest.startswith(_ANY_PART):
                out.append(f"Password: no part of {rest.removeprefix(_ANY_PART)}.")
            else:
                out.append(f"Password: not {rest}.")
    return tuple(out)
