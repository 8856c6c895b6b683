"""Benchmarks for ``make bench``: median time per call and memory of the workbook's hot paths.

Run ``python -m workbook.bench``. Figures depend on the machine; compare runs on one machine.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable

from workbook import content


def median_seconds(fn: Callable[[], object], repeat: int = 50) -> float:
    """Median wall time of ``repeat`` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_kib(fn: Callable[[], object]) -> float:
    """Peak Python memory allocated during one call, in KiB."""
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def _cold_load_all() -> None:
    content._CACHE.clear()
    content.load_all()


def cases() -> list[tuple[str, Callable[[], object], int]]:
    """(name, call, repeats) for every measured path."""
    from workbook.quiz import element_quiz
    from workbook.ui import elementen, start

    data = content.load("elementen")
    return [
        ("content.load_all (cold, 11 files)", _cold_load_all, 20),
        ("content.load (cached)", lambda: content.load("elementen"), 200),
        ("quiz.element_quiz (10 questions)", lambda: element_quiz(data, n=10), 200),
        ("ui.start.start_page", start.start_page, 20),
        ("ui.elementen.module", elementen.module, 20),
    ]


def main() -> int:
    rows = []
    for name, fn, repeat in cases():
        rows.append((name, median_seconds(fn, repeat) * 1000, peak_kib(fn)))
    width = max(len(r[0]) for r in rows)
    print(f"{'case':<{width}}  {'median ms':>10}  {'peak KiB':>9}")
    for name, ms, kib in rows:
        print(f"{name:<{width}}  {ms:>10.3f}  {kib:>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
