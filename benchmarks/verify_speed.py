"""Speed and memory of ``checker verify`` on a generated court website.

A benchmark, not a test: it prints figures and asserts nothing (shared machines are noisy).
Pages are court-like: a header, a menu of 40 links, news paragraphs with dates, phone hours,
deadlines in days and rule numbers, about 30 KB each like this site's pages; one page in ten
states a password rule (half of those stale). Memory is the peak traced by tracemalloc while
verifying, for 200 and for 2000 pages: flat in the number of pages means the two are close.
Run: .venv/bin/python benchmarks/verify_speed.py [PAGES ...]
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from checker.verify import verify_paths

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


def main(sizes: list[int]) -> None:
    print(f"{'pages':>6} {'pages/s':>9} {'CPU pages/s':>12} {'peak MB':>8} {'mismatches':>10}")
    for pages in sizes:
        rate, cpu_rate, peak, found = measure(pages)
        print(f"{pages:>6} {rate:>9.0f} {cpu_rate:>12.0f} {peak:>8.1f} {found:>10}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [200, 2000])
