"""The real-world phrasing corpus (tests/data/verify_corpus.yml): loading, validation, scoring.

A plain module so the corpus test and the webmasters page's figures come from one place. The
held-apart set (tests/data/verify_heldout.yml) has the same format and is loaded and scored the
same way; it only measures, so nothing may be tuned on it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from checker import RULESETS
from checker.verify import KIND_OF_RULE, Mismatch, verify_html, verify_text

CORPUS = Path(__file__).resolve().parents[1] / "data" / "verify_corpus.yml"
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "verify_heldout.yml"
HELDOUT2 = Path(__file__).resolve().parents[1] / "data" / "verify_heldout2.yml"
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
    line: int = 0  # where the case starts in its file (1-based), for "file:line" in failures

    def run(self, ruleset: str) -> list[Mismatch]:
        verify = verify_html if self.format == "html" else verify_text
        return verify(self.text, f"{self.id}.{self.format}", ruleset)

    def findings(self, ruleset: str) -> tuple[list[Mismatch], list]:
        """Its mismatches and its reviews under ``ruleset`` (no reviews from a verifier that
        makes none: the held-apart sets' start scores were taken with one)."""
        import checker.verify as verify

        read = getattr(verify, f"findings_{self.format}", None)
        if read is None:
            return self.run(ruleset), []
        found = read(self.text, f"{self.id}.{self.format}", ruleset)
        return [f for f in found if isinstance(f, Mismatch)], [
            f for f in found if not isinstance(f, Mismatch)
        ]


def load(path: Path = CORPUS) -> list[Case]:
    """Every case, each checked field by field; a bad case fails with its id and field."""
    text = path.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    if not isinstance(raw, list):
        raise CorpusError(f"{path.name}: expected a list of cases")
    lines = [node.start_mark.line + 1 for node in yaml.compose(text).value]
    cases, seen = [], set()
    for index, entry in enumerate(raw):
        cases.append(dataclasses.replace(
            _case(entry, f"{path.name} case {index + 1}"), line=lines[index]
        ))
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


@dataclass
class Outcomes:
    """What became of each statement in a set (issue 23's score), counted per rule set.

    A stale statement is one expected rule id of a case under a rule set: caught as a mismatch
    when that id is reported, else caught as a review when the case raised any review, else
    passed silently. A true statement is a kind a case states that is not stale under that rule
    set: flagged when a mismatch of that kind is reported. A non-rule is a case of kind "none":
    reviewed when it raised a review (flagged when it raised a mismatch).
    """

    stale: Counter
    true: Counter
    non_rules: Counter

    def table(self) -> str:
        stale, true, non = self.stale, self.true, self.non_rules
        return "\n".join([
            f"stale statements (case x rule set x rule id): {stale['all']}",
            f"  caught as mismatch   {_ratio(stale['mismatch'], stale['all'])}",
            f"  caught as review     {_ratio(stale['review'], stale['all'])}",
            f"  passed silently      {_ratio(stale['silent'], stale['all'])}",
            f"true statements (case x rule set x kind): {true['all']}",
            f"  flagged (mismatch)   {_ratio(true['flagged'], true['all'])}",
            f"  reviewed             {_ratio(true['reviewed'], true['all'])}",
            f"non-rules (case x rule set): {non['all']}",
            f"  reviewed             {_ratio(non['reviewed'], non['all'])}",
            f"  flagged (mismatch)   {_ratio(non['flagged'], non['all'])}",
        ])  # fmt: skip


def outcomes(cases: list[Case]) -> Outcomes:
    result = Outcomes(Counter(), Counter(), Counter())
    for case in cases:
        for ruleset in RULESETS:
            mismatches, reviews = case.findings(ruleset)
            ids = {m.rule_id for m in mismatches}
            flagged_kinds = {KIND_OF_RULE[i] for i in ids if i not in case.expect[ruleset]}
            for rule_id in case.expect[ruleset]:
                result.stale["all"] += 1
                outcome = "mismatch" if rule_id in ids else "review" if reviews else "silent"
                result.stale[outcome] += 1
            if case.kinds == ("none",):
                result.non_rules["all"] += 1
                result.non_rules["reviewed"] += bool(reviews)
                result.non_rules["flagged"] += bool(mismatches)
                continue
            stale_kinds = {KIND_OF_RULE[i] for i in case.expect[ruleset]}
            for kind in set(case.kinds) - stale_kinds:
                result.true["all"] += 1
                result.true["flagged"] += kind in flagged_kinds
                result.true["reviewed"] += bool(reviews) and kind not in flagged_kinds
    return result


if __name__ == "__main__":  # python tests/support/verify_corpus.py tests/data/verify_heldout2.yml
    import sys

    for name in sys.argv[1:] or [str(HELDOUT2)]:
        cases = load(Path(name))
        result = score(cases)
        wrong = {line.split(" under ")[0] for line in result.wrong}
        print(f"{Path(name).name}: {len(cases)} cases from {len({c.source for c in cases})} pages")
        print(outcomes(cases).table())
        print(result.table())
        print(f"cases read wholly right under both rule sets: {len(cases) - len(wrong)}"
              f" of {len(cases)}")
