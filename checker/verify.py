"""Find every statement of a PACER username or password rule in HTML and compare it with the rules.

Works on any folder of HTML (a built MkDocs site, or a court's own pages). A passage is the text of
one block element (paragraph, list item, table cell, heading...). It is checked against the rule
set named by the nearest ``data-ruleset`` attribute around it, else the site default; so a page can
quote the old rules on purpose inside ``<div data-ruleset="pacer-2021">``.

What counts as a statement (per sentence, case-insensitive):
- a length: "N-M characters", "between N and M characters", "N to M characters",
  "at least N characters", "N or more characters", "minimum N-character", "at most M characters",
  "no more than M characters", "up to M characters" (N and M in digits or words); about the
  username when the sentence names the username (or user name) nearest the number, else about
  the password when it names it;
- a required character class: "at least one number" (no rule set requires a digit), and the lower
  case, upper case and special classes;
- the repeat rule: "the same character N times in a row" or "more than N identical characters";
- the personal-data rule: "must not contain [any part of] your name / username / email";
- the password change interval: "every N days".
Code listings (``<pre>``), scripts and styles are not prose and are skipped: page examples are
checked by running them instead (checker.examples).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from .rulesets import DEFAULT_RULESET, RuleSet, UnknownRuleSet, get_ruleset

EXIT_OK, EXIT_MISMATCH, EXIT_USAGE = 0, 1, 2

BLOCKS = {
    "p",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "caption",
    "figcaption",
    "blockquote",
    "summary",
    "label",
    "legend",
    "title",
    "div",
    "section",
    "article",
    "main",
    "body",
    "header",
    "footer",
    "nav",
    "aside",
    "details",
    "form",
    "ol",
    "ul",
    "table",
    "tr",
    "tbody",
    "thead",
    "figure",
    "fieldset",
}
SKIPPED = {"script", "style", "pre", "template", "textarea", "svg"}
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_NUM = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"
_CHARS = r"(?:-|\s)?char(?:acter)?s?\b"

LENGTH_FORMS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"\bbetween {_NUM} and {_NUM}{_CHARS}"), "range"),
    (re.compile(rf"\b{_NUM}\s*(?:-|–|—|to)\s*{_NUM}{_CHARS}"), "range"),
    (re.compile(rf"\b(?:at least|a minimum of|minimum of|minimum|min\.?) {_NUM}{_CHARS}"), "min"),
    (re.compile(rf"\b{_NUM}{_CHARS} or (?:more|longer)\b"), "min"),
    (re.compile(rf"\b{_NUM} or more{_CHARS}"), "min"),
    (re.compile(rf"\b(?:at most|no more than|up to|maximum of|maximum) {_NUM}{_CHARS}"), "max"),
    (re.compile(rf"\b{_NUM}{_CHARS} or (?:fewer|less|shorter)\b"), "max"),
]
SUBJECTS = re.compile(r"\b(user ?names?|passwords?)\b")
NEGATION = re.compile(r"\b(?:not|no|never|cannot|can't|don't|doesn't|without|nor|neither)\b")
DIGIT_REQUIRED = re.compile(r"\b(?:at least one|one|a)\s+(?:number|digit|numeral)s?\b")
CLASS_WORDS = {
    "password.lowercase": re.compile(r"\blower ?case\b"),
    "password.uppercase": re.compile(r"\b(?:upper ?case|capital)\b"),
    "password.special": re.compile(r"\b(?:special character|symbol)s?\b"),
}
REPEAT = re.compile(rf"\bsame character {_NUM}(?: or more)? times in a row\b")
REPEAT_MORE_THAN = re.compile(
    rf"\bmore than {_NUM} (?:identical|repeated|of the same) characters?\b"
)
PERSONAL = {
    "password.name": re.compile(
        r"\b(?:first (?:name )?or last name|first name|last name|your name)\b"
    ),
    "password.username": re.compile(r"\byour user ?name\b"),
    "password.email": re.compile(r"\byour e-?mail(?: address)?\b"),
}
# "password ... must not ... contain ... <personal data>", in that order, in one sentence.
FORBIDS = re.compile(
    r"\bpasswords?\b[^.!?;]*?\b(?:not|never|cannot|can't|mustn't)\b[^.!?;]*?"
    r"\b(?:contain|include|have|use)s?\b"
)
PART = re.compile(r"\b(?:any part|part of|parts of)\b")
DAYS = re.compile(rf"\bevery {_NUM} days\b")


@dataclass(frozen=True)
class Mismatch:
    page: str
    excerpt: str
    says: str
    expected: str

    def __str__(self) -> str:
        return f"{self.page}: {self.excerpt}: says {self.says}, rule set says {self.expected}"


def verify_site(site_dir: Path | str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    """Every mismatch between rule statements in ``site_dir``'s HTML and the rule sets."""
    root = Path(site_dir)
    found: list[Mismatch] = []
    for path in sorted(root.rglob("*.html")):
        page = path.relative_to(root).as_posix()
        found.extend(verify_html(path.read_text(encoding="utf-8", errors="replace"), page, ruleset))
    return found


def verify_html(html: str, page: str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    default = get_ruleset(ruleset)
    if not may_state_rules(html):
        return []
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for text, name in passages(soup):
        rules = get_ruleset(name) if name else default
        for sentence in sentences(text):
            found.extend(
                Mismatch(page, excerpt(sentence), says, expected)
                for says, expected in check_sentence(sentence, rules)
            )
    return found


def may_state_rules(html: str) -> bool:
    """A cheap pre-scan: False only when no sentence of the page could be a rule statement.

    Every check in :func:`check_sentence` needs one of these patterns to match, and matching them
    over the whole tag-stripped page finds a superset of what per-sentence matching finds; so
    skipping the parse when none matches changes no result. Each pattern runs only when a word it
    cannot match without is present: substring tests are far cheaper than regular expressions, and
    this keeps the check within the build's time budget for hundreds of court pages.
    """
    text = " ".join(unescape(re.sub(r"<[^>]*>", "", html)).lower().split())
    return any(
        any(word in text for word in words) and pattern.search(text) for pattern, words in _PRESCAN
    )


_PRESCAN: list[tuple[re.Pattern, tuple[str, ...]]] = [
    *((pattern, ("char",)) for pattern, _ in LENGTH_FORMS),
    (REPEAT, ("in a row",)),
    (REPEAT_MORE_THAN, ("more than",)),
    (DAYS, ("days",)),
    (DIGIT_REQUIRED, ("number", "digit", "numeral")),
    (FORBIDS, ("password",)),
    *(
        (pattern, ("lower", "upper", "capital", "special", "symbol"))
        for pattern in CLASS_WORDS.values()
    ),
]


def passages(soup: BeautifulSoup) -> Iterator[tuple[str, str | None]]:
    """(text, rule set name) for each run of prose under one block and one rule-set marker."""
    groups: dict[tuple[int, str | None], list[str]] = {}
    order: list[tuple[int, str | None]] = []
    for node in soup.find_all(string=True):
        if not isinstance(node, NavigableString) or type(node) is not NavigableString:
            continue  # comments, doctypes, CDATA
        if any(parent.name in SKIPPED for parent in node.parents if isinstance(parent, Tag)):
            continue
        block = next((p for p in node.parents if p.name in BLOCKS), soup)
        marked = next((p for p in node.parents if p.has_attr("data-ruleset")), None)
        key = (id(block), marked["data-ruleset"] if marked else None)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(str(node))
    for key in order:
        text = " ".join("".join(groups[key]).split())
        if text:
            yield text, key[1]


SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"'(])")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_BREAK.split(text) if s]


def excerpt(sentence: str, width: int = 120) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


def check_sentence(sentence: str, rules: RuleSet) -> Iterator[tuple[str, str]]:
    """(what the sentence says, what the rule set says) for each disagreement in one sentence."""
    low = sentence.lower()
    yield from _lengths(low, rules)
    yield from _classes(low, rules)
    yield from _repeat(low, rules)
    yield from _personal(low, rules)
    yield from _days(low, rules)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def _subject(low: str, position: int) -> str | None:
    """The field a number at ``position`` is about: the nearest subject before it, else after."""
    before = [m for m in SUBJECTS.finditer(low) if m.start() < position]
    after = [m for m in SUBJECTS.finditer(low) if m.start() >= position]
    match = before[-1] if before else (after[0] if after else None)
    if match is None:
        return None
    return "username" if match.group(1).startswith("user") else "password"


def _lengths(low: str, rules: RuleSet) -> Iterator[tuple[str, str]]:
    seen: set[int] = set()
    for pattern, form in LENGTH_FORMS:
        for match in pattern.finditer(low):
            if any(match.start() <= s < match.end() for s in seen):
                continue
            seen.add(match.start())
            subject = _subject(low, match.start())
            if subject is None:
                continue
            rule = rules.rule(f"{subject}.length")
            low_, high = rule.params["min"], rule.params["max"]
            stated = "-".join(match.groups())
            if form == "range":
                said = tuple(_number(g) for g in match.groups())
                if said != (low_, high):
                    yield (
                        f"{subject} {said[0]}-{said[1]} characters",
                        f"{subject} {low_}-{high} characters",
                    )
            elif form == "min" and _number(match.group(1)) != low_:
                yield (
                    f"{subject} at least {stated} characters",
                    f"{subject} at least {low_} characters",
                )
            elif form == "max" and _number(match.group(1)) != high:
                yield (
                    f"{subject} at most {stated} characters",
                    f"{subject} at most {high} characters",
                )


def _states_requirement(low: str, match: re.Match) -> bool:
    """A password sentence that requires the thing matched (no negation before it)."""
    return "password" in low and not NEGATION.search(low[: match.start()])


def _classes(low: str, rules: RuleSet) -> Iterator[tuple[str, str]]:
    match = DIGIT_REQUIRED.search(low)
    if match and _states_requirement(low, match) and "password.digit" not in rules.rule_ids:
        yield "a number is required", "no number is required"
    for rule_id, pattern in CLASS_WORDS.items():
        match = pattern.search(low)
        required = match and ("at least one" in low or "must" in low or "contain" in low)
        if required and _states_requirement(low, match) and rule_id not in rules.rule_ids:
            yield f"a {match.group(0)} is required", f"no {match.group(0)} is required"


def _repeat(low: str, rules: RuleSet) -> Iterator[tuple[str, str]]:
    match = REPEAT.search(low)
    said = _number(match.group(1)) if match else None
    more_than = REPEAT_MORE_THAN.search(low)
    if more_than:
        said = _number(more_than.group(1)) + 1
    if said is None:
        return
    if "password.repeat" not in rules.rule_ids:
        yield "a repeat limit", "no repeat limit"
        return
    run = rules.rule("password.repeat").params["run"]
    if said != run:
        yield f"{said} times in a row is not allowed", f"{run} times in a row is not allowed"


def _personal(low: str, rules: RuleSet) -> Iterator[tuple[str, str]]:
    forbids = FORBIDS.search(low)
    if not forbids:
        return
    for rule_id, pattern in PERSONAL.items():
        if not pattern.search(low, forbids.end()) or rule_id not in rules.rule_ids:
            continue
        what = rule_id.split(".")[1]
        says_parts = bool(PART.search(low))
        rule_parts = rules.rule(rule_id).kind == "excludes_parts"
        if says_parts != rule_parts:
            form = {
                True: f"no part of your {what} may appear",
                False: f"only your whole {what} is barred",
            }
            yield form[says_parts], form[rule_parts]


def _days(low: str, rules: RuleSet) -> Iterator[tuple[str, str]]:
    match = DAYS.search(low)
    if not match or "password" not in low:
        return
    facts = {fact.id: fact for fact in rules.facts}
    if "password-change" not in facts:
        return
    days = facts["password-change"].params["days"]
    if _number(match.group(1)) != days:
        yield f"change every {match.group(1)} days", f"change every {days} days"


def main(site_dir: str, ruleset: str = DEFAULT_RULESET, out=None) -> int:
    """The CLI's ``verify``: print each mismatch; exit 0 clean, 1 mismatch, 2 usage error."""
    out = out or sys.stdout
    root = Path(site_dir)
    try:
        get_ruleset(ruleset)
    except UnknownRuleSet as error:
        print(f"checker: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not root.is_dir():
        print(f"checker: error: {site_dir}: not a folder", file=sys.stderr)
        return EXIT_USAGE
    if not any(root.rglob("*.html")):
        print(f"checker: error: {site_dir}: no .html files (build first?)", file=sys.stderr)
        return EXIT_USAGE
    mismatches = verify_site(root, ruleset)
    for mismatch in mismatches:
        print(mismatch, file=out)
    pages = len(list(root.rglob("*.html")))
    summary = (
        f"{len(mismatches)} mismatch(es) in {pages} pages"
        if mismatches
        else (f"{pages} pages agree with {ruleset}")
    )
    print(summary, file=sys.stderr)
    return EXIT_MISMATCH if mismatches else EXIT_OK


def format_mismatches(mismatches: Iterable[Mismatch]) -> str:
    return "\n".join(str(m) for m in mismatches)
