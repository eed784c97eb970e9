"""One benchmark table, every figure measured in this run (a report: nothing is asserted).

    make bench        (or: .venv/bin/python benchmarks/report.py [--quick])

Figures:
- build time with and without the drift checks (the verify hook; CHECKER_VERIFY=0 turns it off),
  median of interleaved builds, and their ratio;
- total site size and search index size, with and without the 188 court pages (a scratch copy of
  the project whose mkdocs.yml lacks the courts hook);
- each page type's transfer size in Chromium (gzip, a fresh cache) next to a stock Material page
  (a tiny site built in a temporary directory with Material's defaults, web fonts off);
- the widget's gzip size (benchmarks/widget.py) and check latency in Python and in Chromium;
- Lighthouse 12 (npx, Debian chromium) for the start page, a guide, the rules page and one court
  page, mobile preset, pages served with gzip from 127.0.0.1; the median of three runs by
  performance score, since one run on a shared machine swings by several hundredths.
Budgets are printed beside the figures, never asserted (a shared 2-core machine is noisy).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE), str(ROOT / "tests")]

import checker_speed  # noqa: E402
import widget as widget_bench  # noqa: E402
from builds import mkdocs_build  # noqa: E402
from gzip_server import serve_gzip  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"]
LIGHTHOUSE = "lighthouse@12"  # Lighthouse 13 needs Node >= 22.19; Node here is 20
LIGHTHOUSE_FLAGS = "--headless=new --no-sandbox --disable-dev-shm-usage"
VERIFY_HOOK = "overrides/hooks/verify.py"
COURTS_HOOK = "overrides/hooks/courts.py"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "checker", "seeds")

PAGE_TYPES = {
    "start page": "/",
    "guide": "/upgrade/",
    "rules page": "/rules/",
    "court page": "/courts/mnd/",
}

STOCK_PAGE = """# A stock page

This page uses Material for MkDocs with its default settings, for comparison.

## Steps

1. Go to the website.
2. Select **Log in**.
3. Enter your username and password.

!!! note "Good to know"

    Admonitions, lists and tables are styled by the theme.

| Column | Value |
| ------ | ----- |
| One    | 1     |
| Two    | 2     |

```python
print("hello")
```
"""


# --- builds ---------------------------------------------------------------------------------


def scratch_project(destination: Path) -> Path:
    """A copy of what a build reads, so config variants never touch the working tree."""
    destination.mkdir(parents=True, exist_ok=True)
    skip = shutil.ignore_patterns("__pycache__")
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=skip)
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


def config_without(project: Path, hook: str, name: str) -> Path:
    """A copy of mkdocs.yml without one hook line (and not strict: links into what the hook
    generated no longer resolve)."""
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.strip() != f"- {hook}"]
    kept = [("strict: false\n" if line.startswith("strict:") else line) for line in kept]
    config = project / name
    config.write_text("".join(kept), encoding="utf-8")
    return config


def build(project: Path, site: Path, config: Path | None = None, env: dict | None = None) -> float:
    """Seconds for one ``mkdocs build`` (a failed build stops the report)."""
    if site.exists():
        shutil.rmtree(site)
    start = time.perf_counter()
    result = mkdocs_build(site, config=config, env=env, cwd=project)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed ({project}):\n{result.stdout}\n{result.stderr}")
    return elapsed


def drift_variant(project: Path) -> tuple[dict | None, Path | None, str]:
    """How to build without the drift checks: the hook's switch, or a config without the hook."""
    hook = project / VERIFY_HOOK
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if hook.exists() and "CHECKER_VERIFY" in hook.read_text(encoding="utf-8"):
        return {"CHECKER_VERIFY": "0"}, None, "CHECKER_VERIFY=0"
    if VERIFY_HOOK in config_text:
        return None, config_without(project, VERIFY_HOOK, "mkdocs-noverify.yml"), "no hook line"
    return None, None, "no verify hook in mkdocs.yml (both builds identical)"


def site_bytes(site: Path) -> tuple[int, int]:
    """(bytes of every file, bytes without source maps) in a built site."""
    files = [f for f in site.rglob("*") if f.is_file()]
    total = sum(f.stat().st_size for f in files)
    return total, total - sum(f.stat().st_size for f in files if f.suffix == ".map")


def gzip_bytes(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def stock_material_site(work: Path) -> Path:
    """A tiny site with Material's defaults (fonts off: no other host is reachable here)."""
    project = work / "stock"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(STOCK_PAGE, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Stock Material\n"
        "theme:\n  name: material\n  font: false\n"
        "markdown_extensions:\n  - admonition\n  - tables\n  - pymdownx.highlight\n"
        "  - pymdownx.superfences\n",
        encoding="utf-8",
    )
    site = project / "site"
    build(project, site)
    return site


# --- browser --------------------------------------------------------------------------------


def transfer(browser, url: str) -> dict:
    """Bytes over the wire (gzip, cold cache) and request count for one page load."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(500)  # the search worker fetches its index after load
        total = 0
        html = 0
        for request in requests:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            total += size
            if request.resource_type == "document":
                html = size
        return {"requests": len(requests), "bytes": total, "html": html}
    finally:
        context.close()


def lighthouse(url: str, out: Path) -> dict[str, float | None]:
    """Lighthouse category scores (mobile preset) for one URL, or {} when it could not run."""
    command = [
        "npx", "--yes", LIGHTHOUSE, url,
        f"--chrome-flags={LIGHTHOUSE_FLAGS}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--output=json", f"--output-path={out}", "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"  lighthouse failed for {url}: {error}", file=sys.stderr)
        return {}
    if result.returncode != 0 or not out.exists():
        print(f"  lighthouse failed for {url}: {result.stderr[-500:]}", file=sys.stderr)
        return {}
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: c.get("score") for name, c in report["categories"].items()}
    failing = [
        audit_id for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    scores["_failing"] = failing  # type: ignore[assignment]
    metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
               "cumulative-layout-shift", "speed-index")
    scores["_metrics"] = ", ".join(  # type: ignore[assignment]
        f"{name.replace('-', ' ')} {report['audits'][name].get('displayValue', '?')}"
        for name in metrics if name in report["audits"]
    )
    scores["_version"] = report.get("lighthouseVersion")  # type: ignore[assignment]
    return scores


# --- report ---------------------------------------------------------------------------------


def kb(size: float) -> str:
    return f"{size / 1024:,.1f} KiB"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISSED")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per variant (median)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per page; the run with the median performance"
                             " score is reported (Lighthouse's own advice for noisy machines)")
    args = parser.parse_args()

    rows: list[tuple[str, str, str, str]] = []  # figure, value, budget, verdict
    notes: list[str] = []

    def row(figure: str, value: str, budget: str = "", ok: bool | None = None) -> None:
        rows.append((figure, value, budget, verdict(ok)))
        print(f"  measured: {figure}: {value}", file=sys.stderr)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="pacer-bench-") as scratch:
        work = Path(scratch)
        project = scratch_project(work / "project")
        site = work / "site"

        # Builds: interleaved so that load from other processes hits both variants alike.
        env_off, config_off, how = drift_variant(project)
        with_checks, without_checks = [], []
        for _ in range(args.runs):
            with_checks.append(build(project, work / "site-drift", None))
            without_checks.append(build(project, work / "site-nodrift", config_off, env_off))
        shutil.move(str(work / "site-drift"), site)
        t_with, t_without = statistics.median(with_checks), statistics.median(without_checks)
        ratio = t_with / t_without
        row(f"build, drift checks on (median of {args.runs})", f"{t_with:.2f} s")
        row(f"build, drift checks off ({how})", f"{t_without:.2f} s")
        row("drift checks cost (ratio)", f"{ratio:.3f}x", "<= 1.25x", ratio <= 1.25)

        nocourts = work / "site-nocourts"
        build(project, nocourts, config_without(project, COURTS_HOOK, "mkdocs-nocourts.yml"))
        index = Path("search") / "search_index.json"
        for label, directory in (("with court pages", site), ("without court pages", nocourts)):
            total, no_maps = site_bytes(directory)
            pages = sum(1 for _ in directory.rglob("*.html"))
            row(f"site size, {label} ({pages} pages)",
                f"{kb(total)} ({kb(no_maps)} without source maps)")
            index_size = (directory / index).stat().st_size
            row(f"search index, {label}",
                f"{kb(index_size)} ({kb(gzip_bytes(directory / index))} gzip)")

        stock = stock_material_site(work)
        sizes = widget_bench.sizes()
        row("widget: script + rules JSON, gzip", kb(sizes["bundle_gzip_bytes"]), "<= 4.0 KiB",
            sizes["bundle_gzip_bytes"] <= widget_bench.GZIP_BUDGET)
        row("  of which rules JSON / widget.js, gzip",
            f"{kb(sizes['rules_json_gzip_bytes'])} / {kb(sizes['widget_js_gzip_bytes'])}")

        python = checker_speed.measure()
        for name, figures in python.items():
            row(f"check latency, Python, {name}, typical input",
                f"{1e6 / figures['checks_per_second']:.1f} us")
            row(f"check latency, Python, {name}, worst case at the field bound",
                f"{figures['worst_ms']:.2f} ms", "<= 10 ms", figures["worst_ms"] <= 10)

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                with serve_gzip(site) as url, serve_gzip(stock) as stock_url:
                    base = transfer(browser, stock_url + "/")
                    row("transfer, stock Material page (gzip, cold)",
                        f"{kb(base['bytes'])} in {base['requests']} requests"
                        f" (HTML {kb(base['html'])})")
                    for label, path in PAGE_TYPES.items():
                        if not (site / path.lstrip("/") / "index.html").exists():
                            row(f"transfer, {label} {path}", "page not in this build")
                            continue
                        got = transfer(browser, url + path)
                        times = got["bytes"] / base["bytes"]
                        row(f"transfer, {label} {path}",
                            f"{kb(got['bytes'])} in {got['requests']} requests"
                            f" (HTML {kb(got['html'])}; {times:.2f}x stock)")
                    widget = widget_bench.measure(browser, url)
                    row(f"check latency, Chromium {widget['chromium']}, 45 characters",
                        f"{widget['check_45_chars_ms'] * 1000:.1f} us")
                    row("check latency, Chromium, adversarial fields at the bound",
                        f"{widget['check_bound_ms']:.1f} ms"
                        f" (page update {widget['page_update_bound_ms']:.1f} ms)")
                    if not args.no_lighthouse:
                        for label, path in PAGE_TYPES.items():
                            runs = [lighthouse(url + path, work / "lighthouse.json")
                                    for _ in range(args.lighthouse_runs)]
                            runs = [run for run in runs if run]
                            runs.sort(key=lambda run: run.get("performance") or 0)
                            scores = runs[len(runs) // 2] if runs else {}
                            if runs:
                                notes.append(f"Lighthouse performance on {path}, all runs: "
                                             + ", ".join(str(r.get("performance")) for r in runs))
                            if not scores:
                                row(f"Lighthouse, {label}", "did not run (see stderr)")
                                continue
                            perf = scores.get("performance")
                            others = [scores.get(c) for c in
                                      ("accessibility", "best-practices", "seo")]
                            row(f"Lighthouse {scores['_version']} mobile (median of {len(runs)}),"
                                f" {label} {path}",
                                "perf {} / a11y {} / best practices {} / SEO {}".format(
                                    perf, *others),
                                ">= 0.95 / 1 / 1 / 1",
                                perf is not None and perf >= 0.95
                                and all(o == 1 for o in others))
                            notes.append(f"Lighthouse metrics on {path}: {scores['_metrics']}")
                            if scores["_failing"]:
                                notes.append(f"Lighthouse audits under 0.9 on {path}: "
                                             + ", ".join(scores["_failing"]))
            finally:
                browser.close()

    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"\nPACER Help benchmark report ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())},"
          f" {os.cpu_count()} cores; budgets reported, not asserted)\n")
    print(f"{'figure':<{width}}  {'value':<{value_width}}  {'budget':<20}  verdict")
    print(f"{'-' * width}  {'-' * value_width}  {'-' * 20}  -------")
    for figure, value, budget, ok in rows:
        print(f"{figure:<{width}}  {value:<{value_width}}  {budget:<20}  {ok}".rstrip())
    for note in notes:
        print(f"\n{note}")


if __name__ == "__main__":
    main()
