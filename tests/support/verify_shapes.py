"""Shapes of input that make a naive reader do more than linear work, at any size.

Shared by the step-count test (tests/verify/test_verify_scaling.py) and the benchmark
(benchmarks/verify_speed.py). Each shape holds stale rule statements, so the verifier cannot pass
over the whole input with its pre-scan: it has to read every passage and sentence of it.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from checker import RULESETS
from checker.verify import robots
from checker.verify.crawl import sitemap_entries
from checker.verify.readers import check_html, check_text
from checker.verify.settings import Settings

OLD = RULESETS["pacer-2021"].rule("password.length").params
STALE = f"Passwords must be {OLD['min']}-{OLD['max']} characters."
PROSE = (
    "The clerk's office is open 8:30 a.m. to 4:30 p.m., Monday through Friday. Objections are "
    "due within fourteen (14) days; see Fed. R. Civ. P. 5(d)(3). Call (800) 676-6856 for help "
    "with your PACER account. "
)


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _html(body: str) -> tuple[str, str]:
    return "html", f"<html><body><p>{STALE}</p>{body}<p>{STALE}</p></body></html>"


# Each shape: size in characters -> (kind, input). Sizes are approximate, never below ``size``/2.
SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    "unclosed <span>": lambda n: _html(_repeat("<span>A password ", n)),
    "unclosed <font><b>": lambda n: _html(_repeat("<font><b>A password ", n)),
    "nested <div>": lambda n: _html(_repeat("<div>Password. ", n // 2) + _repeat("</div>", n // 2)),
    "tags never closed": lambda n: _html(_repeat('<b a="x" ', n)),
    "stray end tags": lambda n: _html(_repeat("</b></td>passwords ", n)),
    "one huge paragraph": lambda n: _html(f"<p>{_repeat(PROSE + STALE + ' ', n)}</p>"),
    "many tiny sentences": lambda n: _html(f"<p>{_repeat('A. ', n)}{STALE}</p>"),
    "long list under a lead-in": lambda n: _html(
        f"<p>The password must be:</p><ul>{_repeat('<li>between 8 and 45 characters</li>', n)}</ul>"
    ),
    "long table under a lead-in": lambda n: _html(
        "<table><tr><th>Password</th><th>Username</th></tr>"
        + _repeat("<tr><td>8-45 characters</td><td>at least 8 characters</td></tr>", n)
        + "</table>"
    ),
    "lead-in as long as the page": lambda n: _html(
        f"<p>{_repeat('The password ', n // 2)} must be:</p>"
        + _repeat("<li>at least 8 characters</li>", n // 2)
    ),
    "unterminated comment": lambda n: _html("<!-- " + _repeat("<p>x</p> --", n)),
    "many comments": lambda n: _html(_repeat("<!-- a -->password ", n)),
    "legal-style numbers": lambda n: _html(f"<p>{_repeat('eight (8) and (9) characters ', n)}</p>"),
    "one sentence of many statements": lambda n: _html(
        "<p>Your password (see the minimum and maximum) must be "
        f"{_repeat('at least 8 characters, at most 45 characters, ', n)}long.</p>"
    ),
    "many sentences naming the subject": lambda n: _html(
        f"<p>{_repeat('Passwords matter. ', n)}{STALE}</p>"
    ),
    "one-line text file": lambda n: ("text", _repeat(PROSE + STALE + " ", n)),
    "text list under a lead-in": lambda n: (
        "text", "Password requirements:\n" + _repeat("- 8-45 characters\n", n)
    ),
    # Issue 26: what a hostile server can send.
    "wide table": lambda n: _html(
        "<table><tr><th>Password</th>" + _repeat("<th>Until 2020</th>", n // 2) + "</tr><tr>"
        + _repeat("<td>8-45 characters</td>" + "<td>yes</td>" * 19, n // 2) + "</tr></table>"
    ),
    "wide table, headings and cells mixed": lambda n: _html(
        "<table><tr>" + _repeat("<th>Password</th><td>8-45 characters</td>" + "<td>yes</td>" * 9, n)
        + "</tr></table>"
    ),
    "wide Markdown table": lambda n: (
        "text", "| Password " + _repeat("| Until 2020 ", n // 2) + "|\n|---|\n"
        + _repeat("| 8-45 characters " + "| yes " * 9, n // 2) + "|\n"
    ),
    "sitemap with runs of spaces": lambda n: (
        "sitemap", "<urlset>" + _repeat(f"<url><loc>{' ' * 10}https://a/p{' ' * 10}</loc>", n)
        + f"<url><loc>{' ' * (n // 4)}x{' ' * (n // 4)}</url></urlset>"
    ),
    "long sitemap": lambda n: (
        "sitemap", "<urlset>" + _repeat("<url><loc>https://a/p?a=1&amp;b=2</loc></url>", n)
        + "</urlset>"
    ),
    "robots.txt wildcards": lambda n: (
        "robots", "User-agent: *\nDisallow: /" + _repeat("*a", n // 2) + "*b\n"
    ),
    "robots.txt of many wildcard rules": lambda n: (
        "robots", "User-agent: *\n" + _repeat("Disallow: /*a*a*a*a*a*a*a*a*a*a*a*a*b\n", n)
    ),
}


def run(kind: str, data: str) -> int:
    """Verify one input as the CLI reads it; the number of mismatches. A sitemap: the number of
    addresses read from it. A robots.txt: 1 when a link as long as the file, of "a"s, then "b",
    is disallowed (and one without the "b" allowed)."""
    rules = RULESETS["pacer-2025"]
    if kind == "html":
        return sum(1 for _ in check_html(data, "shape.html", rules))
    if kind == "sitemap":
        return len(sitemap_entries(data.encode(), Settings())[1])
    if kind == "robots":
        parsed = robots.parse(data, "pacer-help-checker/1")
        link = "/" + "a" * len(data)
        return int(parsed.allows(link) and not parsed.allows(link + "b"))
    return sum(1 for _ in check_text(io.StringIO(data), "shape.txt", rules))
