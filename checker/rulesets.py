"""PACER username and password rules, as data.

One record per rule, in the spirit of Django's password validators: the record holds the rule's
id, the fields it reads, its parameters, the sentence that states it and its source. The sentence
is a template filled from the parameters, so every number is written once, here, and everything
else (the engine, the pages, the widget, the verifier) reads it from these records.

``pacer-2025`` is written as the changes PACER announced on 2025-06-27 applied to ``pacer-2021``:
that keeps each shared parameter in one place and makes the difference between the two sets a
fact the code can compute (see :func:`checker.rulesets.differences`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from checker.facts import Fact, Source, get_fact

FIELDS: tuple[str, ...] = ("username", "password", "confirm", "first_name", "last_name", "email")

FIELD_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "username": "username",
        "password": "password",
        "confirm": "confirm password",
        "first_name": "first name",
        "last_name": "last name",
        "email": "email address",
    }
)


@dataclass(frozen=True)
class Rule:
    """One rule: what it reads, how it is checked (``kind``), its parameters and its sentence."""

    id: str
    kind: str
    fields: tuple[str, ...]
    params: Mapping[str, Any]
    sentence: str
    source: Source
    interpretation: str = ""
    verified: bool = True
    # Fields whose emptiness means "not checked" (skip) rather than a failure.
    skip_if_empty: tuple[str, ...] = ()

    def text(self) -> str:
        """The rule stated in plain language, with its parameters filled in."""
        return self.sentence.format(**self.params)

    def explain(self) -> str:
        """How the checker applies the rule where the source leaves a choice open."""
        return self.interpretation.format(**self.params)

    def with_changes(self, **changes: Any) -> Rule:
        params = changes.pop("params", None)
        if params is not None:
            changes["params"] = MappingProxyType({**self.params, **params})
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class RuleSet:
    name: str
    title: str
    summary: str
    rules: tuple[Rule, ...]
    # Ids of dated facts (checker/data/facts.toml) that come with the rule set, and of the fact
    # that says whether the rule set is in force; read through :attr:`facts` and :attr:`status`.
    fact_ids: tuple[str, ...] = ()
    status_id: str = ""

    @property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(get_fact(fact_id) for fact_id in self.fact_ids)

    @property
    def status(self) -> Fact | None:
        return get_fact(self.status_id) if self.status_id else None

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"rule set {self.name!r} has no rule {rule_id!r}")

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)


def _params(**values: Any) -> Mapping[str, Any]:
    return MappingProxyType(values)


UPGRADE_SCREEN = Source(
    title="PACER's upgrade screen (the note on its Security tab), as reproduced in the upgrade "
    "guide of the U.S. Bankruptcy Court for the Southern District of Mississippi",
    url="https://www.mssb.uscourts.gov/RoboHelp/ECF_Docketing_Guide/Pacer/"
    "2-MSSB_Upgrade_Individual_PACER_ACCT_Rev_10-29-2019.htm",
    published=dt.date(2019, 10, 29),
    note="The note is PACER's own text on its screen.",
    seed="000_7f599267b7c4a986.txt",
)

ANNOUNCEMENT_2025 = Source(
    title='PACER announcement "Additional Security Enhancements Coming Soon"',
    url="https://pacer.uscourts.gov/announcements/2025/06/27/additional-security-enhancements-coming-soon",
    published=dt.date(2025, 6, 27),
)

NOT_IN_2025 = (
    "The 2025 announcement does not state this rule; the checker keeps it from the upgrade "
    "screen until PACER says otherwise. No current PACER page confirms it."
)

_WHOLE_VALUE = (
    "Case does not matter. Spaces, tabs and line breaks around the value are ignored; "
    "the rest must not appear anywhere in the password."
)
_ANY_PART = (
    "A part is a run of {min_part} or more letters or digits; other characters split parts. "
    "Case does not matter. PACER does not say how it measures a part; "
    "the checker reads \u201cany part\u201d this way."
)

PACER_2021 = RuleSet(
    name="pacer-2021",
    title="PACER rules on the upgrade screen (before June 2025)",
    summary="The rules printed in the note on PACER's upgrade screen, which the court guides copy.",
    rules=(
        Rule(
            id="username.length",
            kind="length",
            fields=("username",),
            params=_params(min=8, max=40),
            sentence="Your username must be {min}-{max} characters long.",
            source=UPGRADE_SCREEN,
            skip_if_empty=("username",),
            interpretation="Every character counts as one, including spaces and accented letters.",
        ),
        Rule(
            id="password.length",
            kind="length",
            fields=("password",),
            params=_params(min=8, max=45),
            sentence="Your password must be {min}-{max} characters long.",
            source=UPGRADE_SCREEN,
            interpretation="Every character counts as one, including spaces and accented letters.",
        ),
        Rule(
            id="password.lowercase",
            kind="contains_class",
            fields=("password",),
            params=_params(chars="abcdefghijklmnopqrstuvwxyz", label="lower case letter (a-z)"),
            sentence="Your password must contain at least one {label}.",
            source=UPGRADE_SCREEN,
            interpretation="Only the letters a to z count; accented letters do not.",
        ),
        Rule(
            id="password.uppercase",
            kind="contains_class",
            fields=("password",),
            params=_params(chars="ABCDEFGHIJKLMNOPQRSTUVWXYZ", label="upper case letter (A-Z)"),
            sentence="Your password must contain at least one {label}.",
            source=UPGRADE_SCREEN,
            interpretation="Only the letters A to Z count; accented letters do not.",
        ),
        Rule(
            id="password.special",
            kind="contains_class",
            fields=("password",),
            params=_params(chars="!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", label="special character"),
            sentence="Your password must contain at least one {label}, such as ! # $ or %.",
            source=UPGRADE_SCREEN,
            interpretation=(
                "PACER publishes no list of special characters. The checker counts only these: "
                "{chars} A space is not a special character."
            ),
        ),
        Rule(
            id="password.repeat",
            kind="no_run",
            fields=("password",),
            params=_params(run=3),
            sentence="Your password must not have the same character {run} times in a row.",
            source=UPGRADE_SCREEN,
            skip_if_empty=("password",),
            interpretation="Upper and lower case count as different characters (aAa is allowed).",
        ),
        Rule(
            id="password.name",
            kind="excludes_value",
            fields=("password", "first_name", "last_name"),
            params=_params(),
            sentence="Your password must not contain your first name or last name.",
            source=UPGRADE_SCREEN,
            skip_if_empty=("password",),
            interpretation=_WHOLE_VALUE,
        ),
        Rule(
            id="password.username",
            kind="excludes_value",
            fields=("password", "username"),
            params=_params(),
            sentence="Your password must not contain your username.",
            source=UPGRADE_SCREEN,
            skip_if_empty=("password",),
            interpretation=_WHOLE_VALUE,
        ),
        Rule(
            id="password.email",
            kind="excludes_value",
            fields=("password", "email"),
            params=_params(),
            sentence="Your password must not contain your email address.",
            source=UPGRADE_SCREEN,
            skip_if_empty=("password",),
            interpretation=_WHOLE_VALUE,
        ),
        Rule(
            id="password.confirm",
            kind="equals",
            fields=("confirm", "password"),
            params=_params(),
            sentence="Confirm password must be exactly the same as the password.",
            source=UPGRADE_SCREEN,
            skip_if_empty=("confirm",),
            interpretation="Not checked until you type in confirm password.",
        ),
    ),
)


def _revise(base: RuleSet, name: str, changes: Mapping[str, Mapping[str, Any]], **attrs: Any):
    """A rule set that is ``base`` with some rules changed (by id), keeping the rest as they are."""
    unknown = set(changes) - set(base.rule_ids)
    if unknown:
        raise KeyError(f"{name}: changes name rules that {base.name} lacks: {sorted(unknown)}")
    rules = tuple(rule.with_changes(**changes.get(rule.id, {})) for rule in base.rules)
    return RuleSet(name=name, rules=rules, **attrs)


def _any_part_of(what: str, interpretation: str = "", **params: Any) -> dict[str, Any]:
    return {
        "kind": "excludes_parts",
        "params": {"min_part": 3, **params},
        "sentence": f"Your password must not contain any part of your {what}.",
        "source": ANNOUNCEMENT_2025,
        "interpretation": _ANY_PART + interpretation,
    }


_KEPT_FROM_UPGRADE_SCREEN = dataclasses.replace(UPGRADE_SCREEN, note=NOT_IN_2025)

PACER_2025 = _revise(
    PACER_2021,
    "pacer-2025",
    {
        "username.length": {"source": _KEPT_FROM_UPGRADE_SCREEN, "verified": False},
        "password.length": {"params": {"min": 14}, "source": ANNOUNCEMENT_2025},
        "password.lowercase": {"source": ANNOUNCEMENT_2025},
        "password.uppercase": {"source": ANNOUNCEMENT_2025},
        "password.special": {"source": ANNOUNCEMENT_2025},
        "password.repeat": {"source": _KEPT_FROM_UPGRADE_SCREEN, "verified": False},
        "password.name": _any_part_of("first name or last name"),
        "password.username": _any_part_of("username"),
        "password.email": _any_part_of(
            "email address",
            " The last part of the domain (such as com or gov) is not counted.",
            ignore_last_domain_label=True,
        ),
    },
    title="PACER rules announced in June 2025",
    summary="The password standards PACER announced in June 2025.",
    status_id="password-enforcement",
    fact_ids=("password-change", "mfa-deadline"),
)

RULESETS: Mapping[str, RuleSet] = MappingProxyType({rs.name: rs for rs in (PACER_2021, PACER_2025)})
DEFAULT_RULESET = PACER_2025.name


def get_ruleset(name: str | RuleSet) -> RuleSet:
    """The rule set called ``name``; a clear error listing the valid names otherwise."""
    if isinstance(name, RuleSet):
        return name
    try:
        return RULESETS[name]
    except (KeyError, TypeError):
        valid = ", ".join(RULESETS)
        raise UnknownRuleSet(f"unknown rule set {name!r}; valid names: {valid}") from None


class UnknownRuleSet(ValueError):
    pass


@dataclass(frozen=True)
class Difference:
    rule_id: str
    before: Rule
    after: Rule
    changed: tuple[str, ...] = field(default=())


def differences(old: RuleSet, new: RuleSet) -> list[Difference]:
    """Rules whose statement or check differs between two rule sets, in rule order."""
    found = []
    for after in new.rules:
        before = old.rule(after.id)
        changed = tuple(
            name
            for name in ("kind", "params", "sentence")
            if getattr(before, name) != getattr(after, name)
        )
        if changed:
            found.append(Difference(after.id, before, after, changed))
    return found
