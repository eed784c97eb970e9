"""Which dated facts are past their review-by date, and which pages state them.

Engine-neutral: reads the Markdown sources, not a built site, so it runs before any build (the
pre-build step calls :func:`stale_facts_report`) and under MkDocs, ProperDocs or Zensical alike.
A page states a fact when it uses ``<!-- pacer:fact|date|checked|sources ID -->``, or the rule-set
shortcodes that render facts (``pacer:facts``, ``pacer:ruleset-status``). Court facts
(checker/site/data/court_facts.json), help contacts among them, are stated on their court's
generated page.

``python -m checker.site facts [DOCS_DIR] [--on YYYY-MM-DD]`` prints one line per stale fact;
exit 0 when none is stale, 1 when some are, 2 on bad usage or bad data. The generate step runs the
same check first, so every build fails on a stale fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.facts import Fact, book, build_date, us_date
from checker.rulesets import DEFAULT_RULESET, UnknownRuleSet, get_ruleset
from checker.site.courts.registry import Registry
from checker.site.markdown.extension import SHORTCODE
from checker.site.markdown.fences import code_lines

FACT_SHORTCODES = frozenset({"fact", "date", "checked", "sources"})


@dataclass(frozen=True)
class StaleFact:
    fact: Fact
    pages: tuple[str, ...]

    def __str__(self) -> str:
        sources = "; ".join(f"{s.title} <{s.url}>" for s in self.fact.sources) or "the site itself"
        pages = ", ".join(self.pages) or "no page"
        return (
            f"{self.fact.id}: review by {us_date(self.fact.review_by)} has passed "
            f"(checked on {us_date(self.fact.checked_on)}); sources: {sources}; pages: {pages}"
        )


def stale_facts_report(
    docs_dir: Path | str, registry: Registry, on: dt.date | None = None
) -> list[StaleFact]:
    """Each fact past its review-by date on ``on`` (the build date by default), with its pages."""
    on = build_date() if on is None else on
    used = fact_pages(Path(docs_dir))
    found = [StaleFact(fact, tuple(sorted(used.get(fact.id, ())))) for fact in book().stale(on)]
    for court in registry:
        found += [
            StaleFact(fact, (f"the court page for {court.id}",))
            for fact in court.facts.all()
            if fact.is_stale(on)
        ]
    return found


def fact_pages(docs_dir: Path) -> dict[str, set[str]]:
    """Fact id -> the pages (paths relative to ``docs_dir``) whose shortcodes state it."""
    pages: dict[str, set[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        page = path.relative_to(docs_dir).as_posix()
        for fact_id in facts_in(path.read_text(encoding="utf-8")):
            pages.setdefault(fact_id, set()).add(page)
    return pages


def facts_in(markdown: str) -> Iterator[str]:
    """The ids of the facts a page's shortcodes state (code fences are examples, not uses)."""
    lines = markdown.split("\n")
    for line, code in zip(lines, code_lines(lines), strict=True):
        if code:
            continue
        for match in SHORTCODE.finditer(line):
            name, tokens = match.group("name"), match.group("args").split()
            args = [t for t in tokens if "=" not in t]
            options = dict(t.split("=", 1) for t in tokens if "=" in t)
            if name in FACT_SHORTCODES and args:
                yield args[0]
            elif name in ("facts", "ruleset-status"):
                yield from _ruleset_facts(name, options.get("ruleset", DEFAULT_RULESET))


def _ruleset_facts(name: str, ruleset: str) -> Iterable[str]:
    try:
        rules = get_ruleset(ruleset)
    except UnknownRuleSet:
        return ()  # the page build reports the bad shortcode itself
    return rules.fact_ids if name == "facts" else (rules.status_id,) if rules.status_id else ()
