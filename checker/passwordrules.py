"""A rule set in the ``passwordrules`` syntax of Apple's password-manager-resources.

Password managers read strings such as
``minlength: 14; maxlength: 45; required: lower; required: upper; max-consecutive: 2;``
(from an HTML ``passwordrules`` attribute or from that project's ``quirks/password-rules.json``)
and generate passwords that fit. The string is derived from the rule records, so it changes when a
rule does:

- a ``length`` rule on the password gives ``minlength`` and ``maxlength``;
- each ``contains_class`` rule gives one ``required`` class: ``lower``/``upper``/``digit`` when its
  characters are exactly that class, else a custom class ``[...]`` of its characters (the named
  ``special`` class includes the space, which the checker does not count as special);
- a ``no_run`` rule of N gives ``max-consecutive: N-1``.

The rules about the user's name, username and email cannot be written in this syntax; a random
password almost never contains a part of them, and the checker still checks them.

Grammar notes (from that project's ``tools/PasswordRulesParser.js``): properties end with ``;``;
in a custom class a ``-`` is kept only as the first character and ``]`` must be the last one.
"""

from __future__ import annotations

import string

from checker.rulesets import DEFAULT_RULESET, RuleSet, get_ruleset

NAMED_CLASSES = {
    "lower": string.ascii_lowercase,
    "upper": string.ascii_uppercase,
    "digit": string.digits,
}
# No rule bars digits, and a generator limited to the required classes would leave them out for
# no reason; so digits are offered as allowed (not required) characters.
ALLOWED = ("digit",)


def passwordrules(ruleset: str | RuleSet = DEFAULT_RULESET) -> str:
    """The rule set's password rules as one ``passwordrules`` string."""
    rules = get_ruleset(ruleset)
    properties = []
    for rule in rules.rules:
        if rule.fields[:1] != ("password",):
            continue
        if rule.kind == "length":
            properties += [f"minlength: {rule.params['min']}", f"maxlength: {rule.params['max']}"]
        elif rule.kind == "contains_class":
            properties.append(f"required: {character_class(rule.params['chars'])}")
        elif rule.kind == "no_run":
            properties.append(f"max-consecutive: {rule.params['run'] - 1}")
    properties += [f"allowed: {name}" for name in ALLOWED]
    return "".join(f"{prop}; " for prop in properties).rstrip()


def character_class(chars: str) -> str:
    """A named class when ``chars`` is exactly one, else ``[...]`` with '-' first and ']' last."""
    unique = "".join(sorted(set(chars)))
    for name, members in NAMED_CLASSES.items():
        if unique == "".join(sorted(members)):
            return name
    if any(not (" " < c <= "~") for c in unique):
        raise ValueError(f"only printable ASCII fits a custom class: {chars!r}")
    middle = unique.replace("-", "").replace("]", "")
    return "[" + ("-" if "-" in unique else "") + middle + ("]" if "]" in unique else "") + "]"
