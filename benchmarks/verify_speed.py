"""Speed and memory of ``checker verify``: on a generated court website, on each shape of input
that would make a naive reader do more than linear work, and on one 20 MB page.

A benchmark, not a test: it prints figures and asserts nothing (shared machines are noisy).
- A site: court-like pages, a header, a menu of 40 links, news paragraphs with dates, phone
  hours, deadlines in days and rule numbers, about 30 KB each like this site's pages; one page in
  ten states a password rule (half of those stale). Memory is the peak traced by tracemalloc
  while verifying, for 200 and for 2000 pages: flat in the number of pages means the two are
  close.
- Shapes (tests/support/verify_shapes.py, the same the step-count test uses): MB/s for 1 MB of each,
  by CPU time and by the clock. Goal: at least 1 MB/s for every shape.
- One 20 MB page, read from a file in a fresh process: its peak resident memory (the process's
  VmHWM, interpreter included). Goal: at most 5 times the file plus 50 MB; read a window at a time
  since issue 26, it stays flat whatever the file's size.
Run: PYTHONPATH=tests/support .venv/bin/python benchmarks/verify_speed.py [PAGES ...]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from verify_shapes import SHAPES, run

from checker.verify import verify_paths

SPEED_GOAL = 1.0  # MB/s, every shape
SHAPE_SIZE = 1_000_000
BIG_PAGE = 20_000_000
MEMORY_GOAL = (5, 50)  # times the file, plus MB

MENU = "".join(f'<li><a href="/page-{i}/">Menu item {i}</a></li>' for i in range(40))
NEWS = (
    "<p>The clerk's office is open 8:30 a.m. to 4:30 p.m., Monday through Friday. Objections "
    "are due within fourteen (14) days; see Fed. R. Civ. P. 5(d)(3) and L.R. 5-4.1. Briefs are "
    "limited to 25 pages. Call (800) 676-6856 for help with your PACER account.</p>\n"
)
RULES = (
    "<p>Your new password must:</p><ul><li>Be {low}-45 characters long.</li>"
    "<li>Contain at least one lowercase letter, one uppercase letter and one special "
    "character.</li></ul>\n"
)


def page(number: int) -> str:
    body = NEWS * 60
    if number % 10 == 0:
        body += RULES.format(low=8 if number % 20 == 0 else 14)
    return (
        f"<!doctype html><html><head><title>Court page {number}</title></head><body>"
        f"<header><nav><ul>{MENU}</ul></nav></header><main><h1>News {number}</h1>\n"
        f"{body}</main><footer>U.S. Courts</footer></body></html>"
    )


def write_site(folder: Path, pages: int) -> None:
    for number in range(pages):
        target = folder / f"page-{number}" / "index.html"
        target.parent.mkdir(parents=True)
        target.write_text(page(number))


def measure(pages: int) -> tuple[float, float, float, int]:
    """(pages/s wall clock, pages/s of CPU time, peak MB, mismatches) for ``pages`` pages.

    CPU time is printed too because the machine is shared: when others load it, wall-clock
    figures fall while the work per page stays the same.
    """
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp)
        write_site(site, pages)
        verify_paths([str(site)])  # warm the file cache and the regex cache
        start, cpu = time.perf_counter(), time.process_time()
        outcome = verify_paths([str(site)])
        rate = pages / (time.perf_counter() - start)
        cpu_rate = pages / (time.process_time() - cpu)
        tracemalloc.start()
        verify_paths([str(site)])
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return rate, cpu_rate, peak, len(outcome.mismatches)


def shape_speeds(
    size: int = SHAPE_SIZE, names: list[str] | None = None
) -> dict[str, tuple[float, float]]:
    """(MB/s by CPU time, MB/s by the clock) for ``size`` characters of each shape."""
    speeds = {}
    for name, make in SHAPES.items():
        if names and name not in names:
            continue
        kind, data = make(size)
        megabytes = len(data.encode()) / 1e6
        start, cpu = time.perf_counter(), time.process_time()
        run(kind, data)
        speeds[name] = (
            megabytes / (time.process_time() - cpu),
            megabytes / (time.perf_counter() - start),
        )
    return speeds


def big_page(size: int = BIG_PAGE) -> str:
    """A court page of about ``size`` characters: news, and a stale rule list every few screens."""
    parts, length, number = [], 0, 0
    while length < size:
        part = NEWS * 20 + (RULES.format(low=8) if number % 3 == 0 else "")
        parts.append(part)
        length += len(part)
        number += 1
    return f"<!doctype html><html><body><nav><ul>{MENU}</ul></nav><main>{''.join(parts)}</main>"


def dripped_headers(timeout: float = 0.3) -> tuple[float, float]:
    """(seconds until the crawler gave up on a server dripping its headers a byte every 0.05 s,
    the request's budget): the budget covers headers, so the first is close to the second."""
    from live_site import Site, drip

    from checker.verify.crawl import REQUEST_BUDGET, FetchError, fetch, user_agent
    from checker.verify.settings import Settings

    site = Site().start()
    site.routes["/drip"] = drip(b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 100_000, 0.05)
    start = time.perf_counter()
    try:
        fetch(f"{site.url}/drip", Settings(timeout=timeout), user_agent())
    except FetchError:
        pass
    finally:
        elapsed = time.perf_counter() - start
        site.stop()
    return elapsed, REQUEST_BUDGET * timeout


# The peak resident memory of the process's own address space (VmHWM): ru_maxrss would also count
# the benchmark's pages, which a forked child shares until it runs Python anew, and Linux keeps
# that maximum across the exec.
_PEAK = """
import sys
from pathlib import Path
from checker import RULESETS
from checker.verify.files import check_file
found = sum(1 for _ in check_file(Path(sys.argv[1]), "page.html", RULESETS["pacer-2025"]))
status = Path("/proc/self/status").read_text()
print(found, next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


# The shapes whose 20 MB use the most memory (a stack of open elements; one sentence whose
# statements are read as it goes), measured beside the court page.
MEMORY_SHAPES = ("unclosed <span>", "one sentence of many statements")


def peak_memory(size: int = BIG_PAGE, shape: str | None = None) -> tuple[float, float, float, int]:
    """(file MB, peak resident MB verifying it, the goal in MB, mismatches) for one big page
    (a court page, or ``shape``), verified in a fresh process."""
    with tempfile.TemporaryDirectory() as temp:
        page = Path(temp, "page.html")
        page.write_text(SHAPES[shape](size)[1] if shape else big_page(size), encoding="utf-8")
        megabytes = page.stat().st_size / 1e6
        result = subprocess.run(
            [sys.executable, "-c", _PEAK, str(page)], capture_output=True, text=True, check=True
        )
    found, kilobytes = map(int, result.stdout.split())
    times, plus = MEMORY_GOAL
    return megabytes, kilobytes / 1024, times * megabytes + plus, found


def main(sizes: list[int]) -> None:
    print(f"{'pages':>6} {'pages/s':>9} {'CPU pages/s':>12} {'peak MB':>8} {'mismatches':>10}")
    for pages in sizes:
        rate, cpu_rate, peak, found = measure(pages)
        print(f"{pages:>6} {rate:>9.0f} {cpu_rate:>12.0f} {peak:>8.1f} {found:>10}")
    print(f"\n{'shape (1 MB)':<30} {'MB/s CPU':>9} {'MB/s clock':>11}  goal >= {SPEED_GOAL} MB/s")
    for name, (cpu, clock) in shape_speeds().items():
        print(f"{name:<30} {cpu:>9.2f} {clock:>11.2f}  {'ok' if cpu >= SPEED_GOAL else 'MISSED'}")
    took, budget = dripped_headers()
    print(f"dripped headers: gave up after {took:.1f} s (budget {budget:g} s)")
    print()
    for shape in (None, *MEMORY_SHAPES):
        megabytes, peak, goal, found = peak_memory(shape=shape)
        verdict = "ok" if peak <= goal else "MISSED"
        print(f"{megabytes:.0f} MB {shape or 'court page'}: peak {peak:.0f} MB resident"
              f" ({found} mismatches); goal <= {goal:.0f} MB: {verdict}")  # fmt: skip


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [200, 2000])
