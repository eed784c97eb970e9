"""The real-world phrasing corpus (tests/data/verify_corpus.yml): loading, validation, scoring.

A plain module so the corpus test and the webmasters page's figures come from one place. The
held-apart set (tests/data/verify_heldout.yml) has the same format and is loaded and scored the
same way; it only measures, so nothing may be tuned on it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from checker import RULESETS
from checker.verify import KIND_OF_RULE, Mismatch, verify_html, verify_text

CORPUS = Path(__file__).resolve().parents[1] / "data" / "verify_corpus.yml"
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "verify_heldout.yml"
KINDS = (*dict.fromkeys(KIND_OF_RULE.values()), "none")
FORMATS = ("html", "text")
FIELDS = {"id", "source", "form", "format", "kinds", "text", "expect"}


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    form: str
    format: str
    kinds: tuple[str, ...]
    text: str
    expect: dict[str, tuple[str, ...]]

    def run(self, ruleset: str) -> list[Mismatch]:
        verify = verify_html if self.format == "html" else verify_text
        return verify(self.text, f"{self.id}.{self.format}", ruleset)


def load(path: Path = CORPUS) -> list[Case]:
    """Every case, each checked field by field; a bad case fails with its id and field."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise CorpusError(f"{path.name}: expected a list of cases")
    cases, seen = [], set()
    for index, entry in enumerate(raw):
        cases.append(_case(entry, f"{path.name} case {index + 1}"))
        if cases[-1].id in seen:
            raise CorpusError(f"{path.name}: id {cases[-1].id!r} appears twice")
        seen.add(cases[-1].id)
    return cases


def _case(entry: object, where: str) -> Case:
    if not isinstance(entry, dict) or set(entry) != FIELDS:
        keys = sorted(entry) if isinstance(entry, dict) else type(entry).__name__
        raise CorpusError(f"{where}: fields must be exactly {sorted(FIELDS)}, not {keys}")
    where = f"{where} ({entry['id']})"
    for name in ("id", "source", "form", "text"):
        if not isinstance(entry[name], str) or not entry[name].strip():
            raise CorpusError(f"{where}: {name} must be a non-empty string")
    if not entry["source"].startswith(("https://", "http://", "seeds/")):
        raise CorpusError(f"{where}: source must be an http(s) address or a seeds/ file")
    if entry["format"] not in FORMATS:
        raise CorpusError(f"{where}: format must be one of {FORMATS}")
    kinds = entry["kinds"]
    if not isinstance(kinds, list) or not kinds or not set(kinds) <= set(KINDS):
        raise CorpusError(f"{where}: kinds must be a list drawn from {KINDS}")
    expect = entry["expect"]
    if not isinstance(expect, dict) or set(expect) != set(RULESETS):
        raise CorpusError(f"{where}: expect must name exactly the rule sets {sorted(RULESETS)}")
    for ruleset, ids in expect.items():
        if not isinstance(ids, list) or not set(ids) <= set(KIND_OF_RULE):
            raise CorpusError(f"{where}: expect.{ruleset} must list rule ids from {KIND_OF_RULE}")
        if not {KIND_OF_RULE[rule_id] for rule_id in ids} <= set(kinds):
            raise CorpusError(f"{where}: expect.{ruleset} names a kind missing from kinds")
    return Case(
        entry["id"], entry["source"], entry["form"], entry["format"], tuple(kinds),
        entry["text"], {name: tuple(ids) for name, ids in expect.items()},
    )  # fmt: skip


@dataclass
class Score:
    """Per rule kind: stale statements caught, and true statements (or non-rules) passed."""

    caught: Counter
    stale: Counter
    passed: Counter
    true: Counter
    wrong: list[str]

    def table(self) -> str:
        lines = [f"{'kind':<18} {'recall':>16} {'precision':>16}"]
        for kind in KINDS:
            recall = _ratio(self.caught[kind], self.stale[kind])
            precision = _ratio(self.passed[kind], self.true[kind])
            lines.append(f"{kind:<18} {recall:>16} {precision:>16}")
        return "\n".join(lines)


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} {100 * part / whole:.0f}%" if whole else "-"


def score(cases: list[Case]) -> Score:
    """Run every case under every rule set and count, kind by kind.

    Recall: each expected (case, rule set, rule id) that was reported. Precision: each (case, rule
    set, kind) the case states truly (nothing of that kind expected) where nothing of that kind
    was reported. Any report that differs from ``expect`` is listed in ``wrong``.
    """
    result = Score(Counter(), Counter(), Counter(), Counter(), [])
    for case in cases:
        for ruleset in RULESETS:
            found = case.run(ruleset)
            ids = sorted(m.rule_id for m in found)
            expected = sorted(case.expect[ruleset])
            if ids != expected:
                result.wrong.append(f"{case.id} under {ruleset}: expected {expected}, got {ids}")
            for rule_id in expected:
                kind = KIND_OF_RULE[rule_id]
                result.stale[kind] += 1
                result.caught[kind] += rule_id in ids
            for kind in case.kinds:
                if any(KIND_OF_RULE[rule_id] == kind for rule_id in expected):
                    continue
                result.true[kind] += 1
                # A non-rule passes when nothing beyond the case's stale statements is reported.
                flagged = [
                    i for i in ids
                    if (i not in expected if kind == "none" else KIND_OF_RULE[i] == kind)
                ]  # fmt: skip
                result.passed[kind] += not flagged
    return result
