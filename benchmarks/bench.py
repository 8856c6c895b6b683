"""Benchmarks for ``make bench``: median time per call and memory of the workbook's hot paths.

Run ``python -m benchmarks.bench``. Figures depend on the machine; compare runs on one machine.
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
        ("plenary refresh, 40 participants x 5 rewrites", _plenary_refresh(), 10),
    ]


def _plenary_refresh() -> Callable[[], object]:
    """Return one refresh of the plenary debrief view over a training of 40 participants (issue 14)."""
    import tempfile

    from workbook import plenary, registry
    from workbook.answers import RewriteAnswer
    from workbook.store import Store

    store = Store(f"sqlite:///{tempfile.mkdtemp(prefix='werkboek-bench-')}/p.sqlite")
    texts = ["Wanneer lukt het wel?", "Waarom was je te laat?", "Wat wil je bereiken?", "Wie helpt je?", "Klopt dat?"]
    exercise = registry.exercise_id("brillen", "rood_groen")
    for n in range(40):
        entries = {str(i): {"text": f"{t} ({n})", "original": "x"} for i, t in enumerate(texts)}
        store.save("BENCH", f"Deelnemer {n}", exercise, RewriteAnswer(answers=entries).dump())

    def refresh() -> object:
        frame = store.frame("BENCH")
        frame.attrs["rounds"] = store.rounds("BENCH")
        return plenary.grouped(plenary.collect(frame, "rood_groen"))

    return refresh


def feedback_cases() -> list[tuple[str, Callable[[], object], int, float]]:
    """(name, call over a batch of inputs, calls in the batch, target ms per call) for workbook.feedback."""
    from workbook import feedback

    questions = [p.rood for p in content.load("brillen").paren] + [p.groen for p in content.load("brillen").paren]
    questions += [p.gesloten for p in content.load("open_gesloten").paren]
    utterances = [v for e in content.load("elementen").elementen for v in e.voorbeelden]
    goals = [v.fout_doel for v in content.load("smarti").voorbeelden] + [
        v.goed_doel for v in content.load("smarti").voorbeelden
    ]
    long_text = ("Wat wil je bereiken met dit vak, en waarom lukt het niet? " * 2000)[:100_000]
    return [
        (
            f"feedback.analyse_question ({len(questions)} questions)",
            lambda: [feedback.analyse_question(q) for q in questions],
            len(questions),
            1.0,
        ),
        (
            f"feedback.check_goal ({len(goals)} goals)",
            lambda: [feedback.check_goal(g) for g in goals],
            len(goals),
            1.0,
        ),
        (
            f"feedback.detect_elements ({len(utterances)} utterances)",
            lambda: [feedback.detect_elements(u) for u in utterances],
            len(utterances),
            1.0,
        ),
        (
            "feedback.analyse_question (100 000 characters)",
            lambda: feedback.analyse_question(long_text),
            1,
            50.0,
        ),
        ("feedback.check_goal (100 000 characters)", lambda: feedback.check_goal(long_text), 1, 50.0),
        (
            "feedback.detect_elements (100 000 characters)",
            lambda: feedback.detect_elements(long_text),
            1,
            50.0,
        ),
    ]


def import_cost_kib(in_kernel: bool = True) -> float:
    """Memory importing workbook.feedback and its first calls add (peak traced, KiB).

    ``in_kernel``: measured on top of what every page's kernel has already imported
    (``workbook.content``, with pydantic and PyYAML); otherwise in a bare interpreter.
    """
    import subprocess
    import sys

    before = "import workbook.content; " if in_kernel else ""
    code = (
        f"{before}import tracemalloc; tracemalloc.start(); import workbook.feedback as f; "
        "f.detect_elements('Dat lijkt me lastig.'); f.analyse_question('Wat helpt je?'); "
        "print(tracemalloc.get_traced_memory()[1] / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


_PAGE_PROBE = """
import json, os, resource, sys, time
t0 = time.perf_counter()
import ipykernel.ipkernel  # what every Voilà kernel loads before the page's own code
import ipywidgets
t1 = time.perf_counter()
page = sys.argv[1]
if page != "bare":
    from workbook.session import Session
    from workbook.store import Store
    from workbook.ui.common import PageContext
    ctx = PageContext(Store(os.environ["WERKBOEK_DB"]), Session("BENCH", "Bank", "t"))
    if page == "app":
        from workbook.ui.app import WorkbookApp
        WorkbookApp(ctx)
    elif page == "app+all":
        from workbook import registry
        from workbook.ui.app import WorkbookApp
        app = WorkbookApp(ctx)
        for spec in registry.MODULES:
            app.show(spec.id)
    elif page == "dashboard":
        from workbook.ui.dashboard import dashboard
        dashboard(ctx.store)
    else:
        from workbook import registry
        spec = registry.by_id(page)
        registry.builder(spec)(ctx)
t2 = time.perf_counter()
rss = 0
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        rss = int(line.split()[1]) / 1024
heavy = [m for m in ("pandas", "matplotlib", "docx", "sqlalchemy", "pydantic") if m in sys.modules]
print(json.dumps({"kernel_import_s": t1 - t0, "page_s": t2 - t1, "rss_mb": rss, "heavy": heavy}))
"""


def page_costs() -> list[tuple[str, dict]]:
    """Import time and RSS of a fresh process that builds each page, as a participant's kernel does.

    ``bare`` is ipykernel + ipywidgets only: the floor of every Voilà kernel.
    """
    import json
    import os
    import subprocess
    import sys
    import tempfile

    from workbook import registry

    env = dict(os.environ)
    env["WERKBOEK_DB"] = f"sqlite:///{tempfile.mkdtemp(prefix='werkboek-bench-')}/b.sqlite"
    pages = ["bare", "app", *(m.id for m in registry.MODULES), "app+all", "dashboard"]
    rows = []
    for page in pages:
        out = subprocess.run(
            [sys.executable, "-c", _PAGE_PROBE, page], capture_output=True, text=True, check=True, env=env
        )
        rows.append((page, json.loads(out.stdout.strip().splitlines()[-1])))
    return rows


def main() -> int:
    print("Pages (a fresh process per page, like a participant's kernel)")
    costs = page_costs()
    bare = costs[0][1]["rss_mb"]
    print(f"{'page':<20} {'page build s':>12} {'RSS MB':>8} {'x bare':>7}  heavy libraries loaded")
    for page, c in costs:
        print(
            f"{page:<20} {c['page_s']:>12.2f} {c['rss_mb']:>8.1f} {c['rss_mb'] / bare:>7.2f}  "
            f"{', '.join(c['heavy']) or '-'}"
        )
    print()
    rows = []
    for name, fn, repeat in cases():
        rows.append((name, median_seconds(fn, repeat) * 1000, peak_kib(fn)))
    width = 64
    print(f"{'case':<{width}}  {'median ms':>10}  {'peak KiB':>9}")
    for name, ms, kib in rows:
        print(f"{name:<{width}}  {ms:>10.3f}  {kib:>9.1f}")
    print()
    failed = False
    print(f"{'feedback (median time per call)':<{width}}  {'ms':>10}  {'target':>9}")
    for name, fn, calls, target in feedback_cases():
        ms = median_seconds(fn, 30) * 1000 / calls  # median batch time, per call
        verdict = "ok" if ms <= target else "TOO SLOW"
        failed |= ms > target
        print(f"{name:<{width}}  {ms:>10.3f}  {target:>7.1f}ms {verdict}")
    print(f"{'memory workbook.feedback adds to a kernel':<{width}}  {import_cost_kib():>9.1f} KiB")
    print(f"{'memory workbook.feedback adds to a bare interpreter':<{width}}  {import_cost_kib(False):>9.1f} KiB")
    from tests.feedback_eval import HOLDOUT_SETS, evaluate, evaluate_holdout  # the benchmarks sit beside the tests

    print()
    dev, _misses = evaluate()
    # round 5 is also measured apart; the held-out sets were never tuned or trained on
    columns = ("ontwikkelset_5.yaml", *HOLDOUT_SETS)
    held = [evaluate_holdout(name) for name in columns]
    heads = "".join(f"  {name.removesuffix('.yaml'):>14}" for name in columns)
    print(f"{'accuracy (groen als rood, twijfel: lower is better)':<{width}}  {'dev set':>10}{heads}")
    for key in dev:
        cells = "".join(f"  {h.get(key, float('nan')):>14.1%}" for h in held)
        print(f"{key:<{width}}  {dev[key]:>10.1%}{cells}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
