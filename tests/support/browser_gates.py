"""Gate logic shared by the real browser gates and by the tests that prove they can fail.

Each gate is a plain function of a Playwright page (or a built site directory), so
``test_accessibility.py`` / ``test_network.py`` and their mutation tests call the very same code.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0/2.1 A and AA, plus axe's best-practice rules (heading-order, region, landmark-*,
# aria-dialog-name are best-practice only: research content-and-accessibility.md §4.1).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

LOOPBACK_HOSTS = {"127.0.0.1"}

# Widget DOM contract (issue 5): inputs carry data-field; values below satisfy every rule of the
# default rule set (tests/browser/test_accessibility.py checks that with the Python engine).
PASSING_FIELDS = {
    "username": "janedoe2026",
    "password": "Blue-Harbor-Lamp-42",
    "confirm": "Blue-Harbor-Lamp-42",
    "first_name": "Jane",
    "last_name": "Doe",
    "email": "jane.doe@lawfirm.example",
}
FAILING_FIELDS = {"username": "jd", "password": "a", "confirm": "b"}


def findings_by_page(context, base_url: str, paths: Iterable[str], check: Callable) -> dict:
    """``check(page, url)`` on each page in one tab of ``context``: what it found, by path (pages
    where it found nothing are left out). Closes the context, so a failure leaks no browser."""
    page = context.new_page()
    found = {}
    try:
        for path in paths:
            result = check(page, base_url + path)
            if result:
                found[path] = result
    finally:
        context.close()
    return found


def inject_axe(page) -> None:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))


def open_disclosures(page) -> None:
    """Open every <details> (admonitions "???"): axe skips content that is not rendered."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


def tab_count(page) -> int:
    """The largest number of tabs in any content-tab set on the page (0 when there are none)."""
    return page.evaluate(
        """() => Math.max(0, ...Array.from(document.querySelectorAll('.tabbed-set'),
               set => set.querySelectorAll(':scope > input[type=radio]').length))"""
    )


def select_tab(page, index: int) -> None:
    """Select the index-th tab of every content-tab set that has one."""
    page.evaluate(
        """index => document.querySelectorAll('.tabbed-set').forEach(set => {
               const radios = set.querySelectorAll(':scope > input[type=radio]');
               if (radios[index]) radios[index].click();
           })""",
        index,
    )


def run_axe(
    page,
    context: str | None = None,
    rules: Iterable[str] | None = None,
    review: Counter | None = None,
) -> list[dict]:
    """axe-core violations on the current page (or inside the ``context`` selector), for the
    AXE_TAGS rules or only the given rule ids. axe's "incomplete" results (needs a person to
    review) are counted per rule into ``review`` when given; they never fail a gate."""
    inject_axe(page)
    only = {"type": "rule", "values": list(rules)} if rules else {"type": "tag", "values": AXE_TAGS}
    options = {"runOnly": only, "resultTypes": ["violations"]}
    result = page.evaluate(
        """async ([context, options]) => {
               const target = context || document;  // a selector: every match is audited
               const results = await axe.run(target, options);
               return {
                   violations: results.violations.map(v => ({
                       id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                       nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                                                 summary: n.failureSummary})),
                   })),
                   incomplete: results.incomplete.map(v => v.id),
               };
           }""",
        [context, options],
    )
    if review is not None:
        review.update(result["incomplete"])
    return result["violations"]


def audit_page(
    page, url: str, rules: Iterable[str] | None = None, review: Counter | None = None
) -> list[dict]:
    """Load ``url``, open every disclosure, and run axe once per content-tab position."""
    page.goto(url, wait_until="load")
    open_disclosures(page)
    violations = run_axe(page, rules=rules, review=review)
    for index in range(1, tab_count(page)):
        select_tab(page, index)
        more = run_axe(page, rules=rules, review=review)
        violations += [{**violation, "state": f"tab {index + 1}"} for violation in more]
    return violations


def format_violations(findings: dict[str, list[dict]]) -> str:
    """One readable block per page and rule: rule id, impact, help, then each failing element."""
    lines = []
    for where, violations in findings.items():
        for violation in violations:
            state = f" [{violation['state']}]" if violation.get("state") else ""
            lines.append(
                f"{where}{state}: {violation['id']} ({violation['impact']}) {violation['help']}"
                f"\n    {violation['helpUrl']}"
            )
            for node in violation["nodes"][:5]:
                target = " ".join(json.dumps(t) if not isinstance(t, str) else t
                                  for t in node["target"])
                lines.append(f"    - {target}\n      {node['html'][:200]}")
                summary = (node.get("summary") or "").replace("\n", "\n        ")
                if summary:
                    lines.append(f"        {summary[:400]}")
            if len(violation["nodes"]) > 5:
                lines.append(f"    ... and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def fill_widget(page, values: dict[str, str], root: str = "[data-checker]") -> list[str]:
    """Type ``values`` into every widget's fields (emptying the others), firing input events.

    Returns the fields found, so a caller can tell an empty widget from a missing one.
    """
    fields = []
    for field in page.locator(f"{root} input[data-field]").all():
        name = field.get_attribute("data-field") or ""
        fields.append(name)
        field.fill(values.get(name, ""))
    return fields


def wait_for_verdict(page, state: str, root: str = "[data-checker]", timeout_ms: int = 5000
                     ) -> bool:
    """Wait until the widget's verdict shows ``state``; False if it never does."""
    try:
        page.wait_for_selector(
            f"{root} [data-verdict][data-state='{state}']", state="attached", timeout=timeout_ms
        )
    except Exception:  # noqa: BLE001 (a Playwright TimeoutError: reported by the caller)
        return False
    return True


def foreign_requests(page, url: str, settle_ms: int = 300) -> list[str]:
    """Load ``url`` and return every request it made to a host other than 127.0.0.1.

    Requests to other hosts are recorded and then aborted by a route, so nothing leaves the machine
    even when a page (or a mutation test) asks for one.
    """
    seen: list[str] = []

    def record(request) -> None:
        if urlsplit(request.url).hostname not in LOOPBACK_HOSTS and not _local_scheme(request.url):
            seen.append(request.url)

    def guard(route) -> None:
        if urlsplit(route.request.url).hostname in LOOPBACK_HOSTS:
            route.continue_()
        else:
            route.abort()

    page.on("request", record)
    page.route("**/*", guard)
    try:
        page.goto(url, wait_until="load")
        open_disclosures(page)
        # Late requests (search index worker, lazy images) show up shortly after load.
        page.wait_for_timeout(settle_ms)
    finally:
        page.remove_listener("request", record)
        page.unroute("**/*", guard)
    return seen


def _local_scheme(url: str) -> bool:
    return url.startswith(("data:", "blob:", "about:"))


# Any request that escaped the route guard would go to this dead loopback port, never outward;
# the site itself (127.0.0.1) bypasses it.
GUARD_PROXY = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}


# ---- Content-Security-Policy ------------------------------------------------------------------

# Recorded in every frame before any page script runs (an init script is not subject to the
# page's policy): each violation's directive and what was blocked.
_RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
  const where = `${event.sourceFile || location.href}:${event.lineNumber}`;
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${where}`);
});
"""


def record_csp_violations(context) -> list[str]:
    """Collect, for every page and frame of ``context``, the policy violations Chromium logs."""
    logged: list[str] = []
    context.add_init_script(_RECORD_VIOLATIONS)

    def on_console(message) -> None:
        if "Content Security Policy" in message.text:
            logged.append(message.text)

    context.on("console", on_console)
    return logged


def csp_violations(page, logged: list[str]) -> list[str]:
    """The violations the page and its frames reported, and those Chromium logged."""
    found = list(logged)
    for frame in page.frames:
        found += frame.evaluate("() => window.__cspViolations || []")
    return found
