"""One benchmark table, every figure measured in this run (a report: nothing is asserted).

    make bench        (or: PYTHONPATH=.:tests/support .venv/bin/python benchmarks/report.py
                       [--runs N] [--no-lighthouse]; tests/support holds the helpers it shares)

Figures:
- the build, step by step as ``make build`` runs it (generate, the engine with the plugin's checks
  off, then ``python -m checker.site check``): the drift checks' cost is the whole over the build
  without them, median over the runs; every step of a run meets the same machine load;
- total site size, the court pages' share, and the search index;
- each page type's transfer in Chromium (gzip, a fresh cache) next to the same page built by stock
  Material: the same Markdown and navigation, a stock mkdocs.yml (theme material with web fonts
  off, our Markdown extensions minus our own), no overrides, plugins, extra CSS or JS;
- the widget's gzip size (benchmarks/widget.py) and check latency in Python and in Chromium;
- the court kit (``python -m checker.site kit``): one court's kit, every court's kits and
  ``all/`` with two processes (``--no-all-kits`` skips it), and the PDF size per court;
- the verifier's speed in MB/s on each shape of input that would make a naive reader slow
  (tests/support/verify_shapes.py), and its peak memory on one 20 MB page
  (benchmarks/verify_speed.py);
- the screen drawings' weight on each guide and a court page: gzip bytes and requests they add,
  beside issue 24's budget (15 KiB, one request; benchmarks/drawings.py);
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

import checker_speed
import drawings as drawings_bench
import verify_speed
import widget as widget_bench
from builds import copy_project
from gzip_server import serve_gzip

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"]
LIGHTHOUSE = "lighthouse@12"  # Lighthouse 13 needs Node >= 22.19; Node here is 20
LIGHTHOUSE_FLAGS = "--headless=new --no-sandbox --disable-dev-shm-usage"
OUR_EXTENSION = "pacer"

# Page types for transfer (with the stock page beside each) and, marked True, for Lighthouse.
PAGE_TYPES = {
    "start page": ("/", True),
    "guide, upgrade": ("/upgrade/", True),
    "guide, link": ("/link/", False),
    "rules page (widget)": ("/rules/", True),
    "court page": ("/courts/mnd/", True),
}
WEIGHT_BUDGET, REQUESTS_BUDGET, DRIFT_BUDGET, LIGHTHOUSE_BAR = 1.10, 2, 1.15, 0.99
KIT_BUDGET_S, ALL_KITS_BUDGET_S, PDF_BUDGET_BYTES = 20, 600, 400 * 1024


# --- builds ---------------------------------------------------------------------------------


def timed(command: list[str], project: Path, env: dict | None = None) -> float:
    """Seconds for one step of the build (a failed step stops the report)."""
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def build_steps(project: Path, site: Path) -> dict[str, float]:
    """One build as ``make build`` runs it, each step timed."""
    python = sys.executable
    return {
        "generate": timed([python, "-m", "checker.site", "generate"], project),
        "engine": timed([python, "-m", "mkdocs", "build", "--site-dir", str(site)], project,
                        {"CHECKER_VERIFY": "0"}),  # fmt: skip
        "checks": timed([python, "-m", "checker.site", "check", str(site), "--docs", "docs"],
                        project),  # fmt: skip
    }


def stock_config(project: Path) -> Path:
    """The project's pages under stock Material: same docs and nav, our extension left out."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    ours = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    extensions = [
        ext for ext in ours["markdown_extensions"]
        if (next(iter(ext)) if isinstance(ext, dict) else ext) != OUR_EXTENSION
    ]  # fmt: skip
    stock = {
        "site_name": ours["site_name"],
        "theme": {"name": "material", "font": False},
        "nav": ours["nav"],
        "markdown_extensions": extensions,
    }
    config = project / "mkdocs-stock.yml"
    config.write_text(yaml.safe_dump(stock, sort_keys=False), encoding="utf-8")
    return config


def site_bytes(site: Path, under: str = "") -> int:
    return sum(f.stat().st_size for f in (site / under).rglob("*") if f.is_file())


def gzip_bytes(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


# --- browser --------------------------------------------------------------------------------


def transfer(browser, url: str) -> dict:
    """Bytes over the wire (gzip, cold cache) and request count for one page load."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    try:
        # Until the network is quiet: the search worker fetches its index, and the browser the
        # favicon, after the load event; a fixed wait counted them on some runs only.
        page.goto(url, wait_until="networkidle")
        total = 0
        for request in requests:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        names = [request.url.rsplit("/", 1)[-1] or "(page)" for request in requests]
        return {"requests": len(requests), "bytes": total, "names": names}
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


def lighthouse_row(row, notes, label: str, url: str, path: str, work: Path, runs: int) -> None:
    """The run with the median performance score of ``runs`` Lighthouse runs, as one row."""
    results = [lighthouse(url, work / "lighthouse.json") for _ in range(runs)]
    results = sorted((r for r in results if r), key=lambda r: r.get("performance") or 0)
    if not results:
        row(f"Lighthouse, {label}", "did not run (see stderr)")
        return
    notes.append(f"Lighthouse performance on {path}, all runs: "
                 + ", ".join(str(r.get("performance")) for r in results))  # fmt: skip
    scores = results[len(results) // 2]
    perf = scores.get("performance")
    others = [scores.get(c) for c in ("accessibility", "best-practices", "seo")]
    row(f"Lighthouse {scores['_version']} mobile (median of {len(results)}), {label} {path}",
        "perf {} / a11y {} / best practices {} / SEO {}".format(perf, *others),
        f">= {LIGHTHOUSE_BAR} / 1 / 1 / 1",
        perf is not None and perf >= LIGHTHOUSE_BAR and all(o == 1 for o in others))
    notes.append(f"Lighthouse metrics on {path}: {scores['_metrics']}")
    if scores["_failing"]:
        notes.append(f"Lighthouse audits under 0.9 on {path}: " + ", ".join(scores["_failing"]))


# --- report ---------------------------------------------------------------------------------


def kit_rows(row, project: Path, every: bool) -> None:
    """One court's kit, then (``every``) all of them on two processes, and the PDF sizes."""
    python = sys.executable
    one = timed([python, "-m", "checker.site", "kit", "--court", "mnd", "--jobs", "1"], project)
    row("kit: one court (mnd), PDFs + fragments + checker, verified", f"{one:.1f} s",
        f"<= {KIT_BUDGET_S} s", one <= KIT_BUDGET_S)  # fmt: skip
    if every:
        seconds = timed([python, "-m", "checker.site", "kit", "--jobs", "2"], project)
        count = sum(1 for _ in (project / "build" / "kit").iterdir())
        each = seconds / count
        row(f"kit: all {count} kits, 2 processes", f"{seconds:.0f} s ({each:.2f} s each)",
            f"<= {ALL_KITS_BUDGET_S} s", seconds <= ALL_KITS_BUDGET_S)  # fmt: skip
    pdfs = list((project / "build" / "kit").glob("*/pacer-help-*.pdf"))
    # pacer-help-mnd.pdf holds all the guides; pacer-help-mnd-link.pdf and the like, one each.
    combined = [path for path in pdfs if path.name == f"pacer-help-{path.parent.name}.pdf"]
    for label, group in (("PDF size per court", combined),
                         ("one guide's PDF", sorted(set(pdfs) - set(combined)))):  # fmt: skip
        sizes = sorted(path.stat().st_size for path in group)
        over = sum(1 for size in sizes if size > PDF_BUDGET_BYTES)
        median = kb(statistics.median(sizes))
        row(f"kit: {label} ({len(sizes)} PDFs)",
            f"{kb(sizes[0])} to {kb(sizes[-1])}, median {median}; {over} over",
            f"<= {kb(PDF_BUDGET_BYTES)} each", over == 0)  # fmt: skip


def kb(size: float) -> str:
    return f"{size / 1024:,.1f} KiB"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISSED")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds (median)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--no-all-kits", action="store_true",
                        help="time one court's kit only, not all 189 (several minutes)")
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
        project = copy_project(work / "project")  # config variants never touch the tree
        site = work / "site"

        runs = [build_steps(project, site) for _ in range(args.runs)]
        median = {step: statistics.median(run[step] for run in runs) for step in runs[0]}
        ratios = [sum(run.values()) / (run["generate"] + run["engine"]) for run in runs]
        ratio = statistics.median(ratios)
        row(f"build: generate (median of {args.runs})", f"{median['generate']:.2f} s")
        row("build: engine, mkdocs build (plugin checks off)", f"{median['engine']:.2f} s")
        row("build: drift checks (python -m checker.site check)", f"{median['checks']:.2f} s")
        row("drift checks cost: whole build / build without them", f"{ratio:.3f}x"
            f" (runs {min(ratios):.3f}-{max(ratios):.3f})", f"<= {DRIFT_BUDGET}x",
            ratio <= DRIFT_BUDGET)  # fmt: skip

        pages = sum(1 for _ in site.rglob("*.html"))
        total, courts = site_bytes(site), site_bytes(site, "courts")
        row(f"site size ({pages} pages)",
            f"{kb(total)}, of which court pages {kb(courts)}")  # fmt: skip
        index = site / "search" / "search_index.json"
        row("search index (court pages left out)",
            f"{kb(index.stat().st_size)} ({kb(gzip_bytes(index))} gzip)")  # fmt: skip

        for path in drawings_bench.GUIDES:
            drawn = drawings_bench.weight(site, path)
            row(f"screen drawings, {path}",
                f"{drawn['drawings']} drawings, +{kb(drawn['gzip_bytes'])} gzip,"
                f" +{drawn['requests']} requests",
                f"<= {kb(drawings_bench.BUDGET_BYTES)}, <= +{drawings_bench.REQUESTS_BUDGET}",
                drawn["gzip_bytes"] <= drawings_bench.BUDGET_BYTES
                and drawn["requests"] <= drawings_bench.REQUESTS_BUDGET)  # fmt: skip

        kit_rows(row, project, every=not args.no_all_kits)

        stock = work / "site-stock"
        timed([sys.executable, "-m", "mkdocs", "build", "--config-file",
               str(stock_config(project)), "--site-dir", str(stock)], project)  # fmt: skip

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
        refused, limit = checker_speed.refusal_ms(), checker_speed.REFUSAL_BUDGET_MS
        row("1 MB field refused with FieldError, Python", f"{refused:.3f} ms", f"<= {limit:g} ms",
            refused <= limit)  # fmt: skip

        for name, (cpu, clock) in verify_speed.shape_speeds().items():
            row(f"verify speed, {name} (1 MB)", f"{cpu:.2f} MB/s CPU, {clock:.2f} MB/s clock",
                f">= {verify_speed.SPEED_GOAL:g} MB/s", cpu >= verify_speed.SPEED_GOAL)
        took, budget = verify_speed.dripped_headers()
        row("verify: a server dripping its headers, given up after", f"{took:.1f} s",
            f"<= {budget:g} s + 1", took <= budget + 1)
        for shape in (None, *verify_speed.MEMORY_SHAPES):
            megabytes, peak, goal, _ = verify_speed.peak_memory(shape=shape)
            row(f"verify peak memory, {megabytes:.0f} MB {shape or 'court page'} (resident,"
                " fresh process)", f"{peak:.0f} MB", f"<= {goal:.0f} MB (5x + 50)", peak <= goal)

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                with serve_gzip(site) as url, serve_gzip(stock) as stock_url:
                    for label, (path, _) in PAGE_TYPES.items():
                        ours = transfer(browser, url + path)
                        base = transfer(browser, stock_url + path)
                        times = ours["bytes"] / base["bytes"]
                        extra = ours["requests"] - base["requests"]
                        row(f"transfer, {label} {path}",
                            f"{kb(ours['bytes'])} in {ours['requests']} requests; stock"
                            f" {kb(base['bytes'])} in {base['requests']}: {times:.3f}x, {extra:+d}",
                            f"<= {WEIGHT_BUDGET}x, <= +{REQUESTS_BUDGET}",
                            times <= WEIGHT_BUDGET and extra <= REQUESTS_BUDGET)  # fmt: skip
                        notes.append(f"Requests for {path}: " + ", ".join(ours["names"]))
                    widget = widget_bench.measure(browser, url)
                    row(f"check latency, Chromium {widget['chromium']}, 45 characters",
                        f"{widget['check_45_chars_ms'] * 1000:.1f} us")
                    row("check latency, Chromium, adversarial fields at the bound",
                        f"{widget['check_bound_ms']:.1f} ms"
                        f" (page update {widget['page_update_bound_ms']:.1f} ms)")
                    if not args.no_lighthouse:
                        for label, (path, audited) in PAGE_TYPES.items():
                            if audited:
                                lighthouse_row(row, notes, label, url + path, path, work,
                                               args.lighthouse_runs)  # fmt: skip
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
