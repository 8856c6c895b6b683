"""``make bench-workshop``: a morning's training on this machine, measured.

N participants join the same training within a few seconds, visit every module, type into
an exercise in each, and leave. Most are simulated at the protocol level (the page's HTTP
request, the kernel websocket and the widget messages that Voilà's front end sends), each
from its own loopback address (127.0.1.x) so the server treats them as separate devices; a
few are real headless Chromium pages (Playwright) for what a person sees. The load generator
itself stays light (one asyncio process), because in a real room every browser runs on its
own device and the server keeps its two cores.

Reported: join time and module-switch time (median, p95, max), live kernels and their total
RSS over time, the RSS of one participant's kernel against a bare ipywidgets kernel measured
in the same run, kernels left 60 s after everyone left, and answers saved versus typed.

    python -m benchmarks.workshop --participants 30 --browsers 2

Only loopback addresses are used; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

from jupyter_server.services.kernels.connection.base import (  # the server's own format
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS, FACILITATOR_KEY, free_port  # noqa: E402

CODE = "BENCH"
WS_PROTOCOL = "v1.kernel.websocket.jupyter.org"  # the kernel websocket protocol of Voilà's front end
TIMEOUT = 120.0  # seconds for any single step before it counts as failed
ARTIFACTS: Path | None = None  # where a failing Chromium participant leaves a screenshot (set by main)


# --- measuring processes ----------------------------------------------------------------


def _children(pid: int) -> list[int]:
    """All descendants of a process (kernels are children of the server)."""
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in kids.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time of these processes so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def kernel_pids(server_pid: int) -> list[int]:
    pids = []
    for pid in _children(server_pid):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"ipykernel" in cmd or b"workbook.kernel" in cmd:
            pids.append(pid)
    return pids


def bare_ipywidgets_kernel_rss() -> float:
    """RSS of a kernel that only imported ipywidgets (and showed one button), measured now."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        kc.execute_interactive("import ipywidgets as w\nb = w.Button(description='x')\nb", timeout=60)
        time.sleep(0.5)
        return rss_mb(km.provisioner.process.pid)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


class Sampler(threading.Thread):
    """Samples live kernels and their total RSS every second, and the CPU time used from the start."""

    def __init__(self, server_pid: int):
        super().__init__(daemon=True)
        self.server_pid = server_pid
        self.samples: list[tuple[float, int, float]] = []
        self.stop = threading.Event()
        self.t0 = time.monotonic()
        self.cpu: dict[int, tuple[float, float]] = {}  # pid -> (CPU seconds at start, last seen)

    def run(self) -> None:
        while not self.stop.wait(1.0):
            pids = kernel_pids(self.server_pid)
            self.samples.append((time.monotonic() - self.t0, len(pids), sum(rss_mb(p) for p in pids)))
            for pid in [self.server_pid, *pids]:
                used = cpu_seconds([pid])
                first = self.cpu.get(pid, (used, used))[0]
                self.cpu[pid] = (first, max(used, self.cpu.get(pid, (0.0, 0.0))[1]))

    def cpu_used(self) -> tuple[float, float]:
        """CPU seconds used while sampling: by the server process, and by all kernels together."""
        used = {pid: last - first for pid, (first, last) in self.cpu.items()}
        server = used.pop(self.server_pid, 0.0)
        return server, sum(used.values())


# --- one simulated participant ----------------------------------------------------------


@dataclass
class Result:
    name: str
    join: float | None = None
    switches: list[float] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    kernel: str = ""
    kernel_rss: float = 0.0
    page: float | None = None  # seconds until the page's HTML arrived
    ready: float | None = None  # seconds until the widgets could be used
    error: str = ""


class ProtocolParticipant:
    """Speaks to the server as Voilà's page does: HTTP, then widget messages on the kernel websocket."""

    def __init__(self, base: str, name: str, source_ip: str, modules: list[tuple[str, str]], think: float = 0.0):
        self.think = think
        self.base = base
        self.name = name
        self.source_ip = source_ip
        self.modules = modules
        self.models: dict[str, dict] = {}  # model id -> {"model_name":..., "state": {...}}
        self.session = uuid.uuid4().hex
        self.ws = None
        self.waiting: dict[str, asyncio.Future] = {}
        self.control_comm = uuid.uuid4().hex
        self.states_ready = asyncio.Event()
        self.result = Result(name)

    async def run(self, delay: float, server_pid: int) -> Result:
        from tornado.httpclient import AsyncHTTPClient, HTTPRequest
        from tornado.websocket import websocket_connect

        await asyncio.sleep(delay)
        started = time.monotonic()
        try:
            http = AsyncHTTPClient()
            request = HTTPRequest(
                f"{self.base}/voila/render/00_start.ipynb",
                network_interface=self.source_ip,
                request_timeout=TIMEOUT,
            )
            resp = await http.fetch(request)
            self.result.page = time.monotonic() - started
            page = resp.body.decode("utf-8", "replace")
            self.result.kernel = re.search(r'"kernelId": *"([^"]+)"', page).group(1)
            cookies = "; ".join(c.split(";", 1)[0] for c in resp.headers.get_list("Set-Cookie"))
            xsrf = re.search(r"_xsrf=([^;]+)", cookies)
            ws_url = (
                self.base.replace("http", "ws")
                + f"/api/kernels/{self.result.kernel}/channels?session_id={self.session}"
            )
            self.ws = await websocket_connect(
                HTTPRequest(ws_url, network_interface=self.source_ip, headers={"Cookie": cookies}),
                max_message_size=64 * 1024 * 1024,
                subprotocols=[WS_PROTOCOL],  # as Voilà's page: the server passes messages on unparsed
            )
            reader = asyncio.ensure_future(self._read())
            await self._send(
                "comm_open",
                {"comm_id": self.control_comm, "target_name": "jupyter.widget.control", "data": {}},
                metadata={"version": "1.0.0"},  # ipywidgets' control protocol
            )
            await self._send("comm_msg", {"comm_id": self.control_comm, "data": {"method": "request_states"}})
            await asyncio.wait_for(self.states_ready.wait(), TIMEOUT)
            self.result.ready = time.monotonic() - started
            # interactive: join with code and name
            await self._set(self._find("wb-join-code"), value=CODE)
            await self._set(self._find("wb-join-alias"), value=self.name)
            await self._click(self._find("wb-join"))
            if not self._find("wb-joined", required=False):
                raise RuntimeError("join was not accepted")
            self.result.join = time.monotonic() - started
            await asyncio.sleep(self.think)  # reading the start page, as a person does after joining
            # every module in turn, with the next button; type into its first text field
            for module_id, title in self.modules:
                t = time.monotonic()
                await self._click(self._find("wb-nav-next"))
                heading = self.models[self._find("wb-nav-heading")]["state"].get("value", "")
                if title not in heading:
                    raise RuntimeError(f"module {module_id} did not open (heading {heading!r})")
                self.result.switches.append(time.monotonic() - t)
                # the module's own widgets may exist already (the app prepares the next module)
                field = self._first_text_field(self._descendants(self._find("wb-app-content")))
                if field:
                    text = f"Bank {self.name} {module_id}: dat lijkt me lastig."
                    for i in range(6, len(text) + 1, 8):  # typing, a few keystrokes per message
                        await self._set(field, value=text[:i])
                    await self._set(field, value=text)
                    self.result.typed.append(text)
                await asyncio.sleep(self.think)  # reading and thinking, as a person does
            await asyncio.sleep(1.5)  # the debounced save (0.6 s) happens while the page is open
            pids = kernel_pids(server_pid)
            self.result.kernel_rss = max((rss_mb(p) for p in pids if self._is_my_kernel(p)), default=0.0)
            # leave as the page does: the shutdown beacon with the XSRF cookie, then close
            body = urlencode({"_xsrf": xsrf.group(1) if xsrf else ""})
            await http.fetch(
                HTTPRequest(
                    f"{self.base}/voila/api/shutdown/{self.result.kernel}",
                    method="POST",
                    body=body,
                    headers={"Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"},
                    network_interface=self.source_ip,
                    request_timeout=TIMEOUT,
                ),
                raise_error=False,
            )
            self.ws.close()
            reader.cancel()
        except Exception as exc:  # noqa: BLE001 - report, never hang the benchmark
            self.result.error = f"{type(exc).__name__}: {exc}"
            if self.ws is not None:
                self.ws.close()
        return self.result

    def _is_my_kernel(self, pid: int) -> bool:
        try:
            return self.result.kernel.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return False

    # --- messages ----------------------------------------------------------------------

    async def _send(self, msg_type: str, content: dict, metadata: dict | None = None) -> str:
        msg_id = uuid.uuid4().hex
        msg = {
            "header": {
                "msg_id": msg_id,
                "username": "bench",
                "session": self.session,
                "msg_type": msg_type,
                "version": "5.3",
                "date": datetime.now(timezone.utc).isoformat(),
            },
            "parent_header": {},
            "metadata": metadata or {},
            "content": content,
        }
        self.waiting[msg_id] = asyncio.get_running_loop().create_future()
        parts = [json.dumps(msg[k]).encode() for k in ("header", "parent_header", "metadata", "content")]
        await self.ws.write_message(serialize_msg_to_ws_v1(parts, "shell"), binary=True)
        return msg_id

    async def _request(self, msg_type: str, content: dict) -> None:
        msg_id = await self._send(msg_type, content)
        await asyncio.wait_for(self.waiting[msg_id], TIMEOUT)

    async def _read(self) -> None:
        while True:
            raw = await self.ws.read_message()
            if raw is None:
                return
            if not isinstance(raw, bytes):
                continue
            _channel, parts = deserialize_msg_from_ws_v1(raw)
            keys = ("header", "parent_header", "metadata", "content")
            msg = {k: json.loads(v) for k, v in zip(keys, parts[:4], strict=True)}
            kind = msg["header"].get("msg_type")
            content = msg.get("content", {})
            parent = msg.get("parent_header", {}).get("msg_id")
            if kind == "status" and content.get("execution_state") == "idle" and parent in self.waiting:
                if not self.waiting[parent].done():
                    self.waiting[parent].set_result(True)
            elif kind == "comm_open" and content.get("target_name") == "jupyter.widget":
                data = content.get("data", {})
                self.models[content["comm_id"]] = {"state": dict(data.get("state", {}))}
            elif kind == "comm_msg":
                data = content.get("data", {})
                if data.get("method") == "update_states":
                    for model_id, model in data.get("states", {}).items():
                        self.models[model_id] = {"state": dict(model.get("state", {}))}
                    self.states_ready.set()
                elif data.get("method") in ("update", "echo_update") and content.get("comm_id") in self.models:
                    self.models[content["comm_id"]]["state"].update(data.get("state", {}))
            elif kind == "comm_close":
                self.models.pop(content.get("comm_id"), None)

    def _find(self, css: str, required: bool = True) -> str | None:
        for model_id, model in self.models.items():
            if css in (model["state"].get("_dom_classes") or ()):
                return model_id
        if required:
            raise RuntimeError(f"no widget with class {css}")
        return None

    def _descendants(self, model_id: str) -> list[str]:
        """The widgets shown inside this one, in display order (depth first)."""
        out, todo, seen = [], [model_id], set()
        while todo:
            current = todo.pop(0)
            if current in seen or current not in self.models:
                continue
            seen.add(current)
            out.append(current)
            children = self.models[current]["state"].get("children") or []
            todo[:0] = [c.removeprefix("IPY_MODEL_") for c in children if isinstance(c, str)]
        return out

    def _first_text_field(self, candidates: list[str]) -> str | None:
        for model_id in candidates:
            state = self.models.get(model_id, {}).get("state", {})
            # a field of a shared role-play round only takes text inside a group of three (module 05)
            shared = "wb-shared" in state.get("_dom_classes", [])
            if state.get("_model_name") == "TextareaModel" and not state.get("disabled") and not shared:
                return model_id
        return None

    async def _set(self, model_id: str, **state) -> None:
        await self._request(
            "comm_msg", {"comm_id": model_id, "data": {"method": "update", "state": state, "buffer_paths": []}}
        )
        self.models[model_id]["state"].update(state)

    async def _click(self, model_id: str) -> None:
        await self._request(
            "comm_msg", {"comm_id": model_id, "data": {"method": "custom", "content": {"event": "click"}}}
        )


# --- participants in a real browser -----------------------------------------------------


def browser_participant(base: str, name: str, delay: float, modules, result: Result, think: float = 0.0) -> None:
    """A real Chromium page: join, every module with the next button, type, close the tab."""
    from playwright.sync_api import sync_playwright

    time.sleep(delay)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        # An explicit context: a page from browser.new_page() takes its context down when closed,
        # before its shutdown beacon is out (a Playwright detail; a person's browser sends it).
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(TIMEOUT * 1000)
        console: list[str] = []
        page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"[:300]))
        page.on("pageerror", lambda err: console.append(f"pageerror: {err}"[:300]))
        try:
            started = time.monotonic()
            page.goto(f"{base}/voila/render/00_start.ipynb")
            page.fill(".wb-join-code input", CODE)
            page.fill(".wb-join-alias input", name)
            page.click("button.wb-join")
            page.wait_for_selector(".wb-joined", state="visible")
            result.join = time.monotonic() - started
            result.kernel = page.evaluate(
                "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
            )
            page.wait_for_timeout(think * 1000)  # reading the start page after joining
            for module_id, title in modules:
                t = time.monotonic()
                page.click("button.wb-nav-next")
                page.locator(".wb-module-title", has_text=title).wait_for()
                result.switches.append(time.monotonic() - t)
                area = page.locator(".wb-app-content textarea:visible").first
                if area.count():
                    text = f"Browser {name} {module_id}: fijn dat je het vertelt."
                    area.fill(text)
                    result.typed.append(text)
                page.wait_for_timeout(think * 1000)  # reading and thinking (a person, not a test)
        except Exception as exc:  # noqa: BLE001
            result.error = f"{type(exc).__name__}: {exc}".split("\n", 1)[0]
            if ARTIFACTS is not None:  # what the person saw, for the report
                shot = ARTIFACTS / f"{name}.png"
                page.screenshot(path=str(shot))
                (ARTIFACTS / f"{name}.console.txt").write_text("\n".join(console), encoding="utf-8")
                result.error += f" (screenshot: {shot})"
        finally:
            page.close(run_before_unload=True)
            # the browser stays open a moment, as a person's does, so the page's shutdown request goes out
            deadline = time.monotonic() + 15
            while result.kernel and _kernel_alive(base, result.kernel) and time.monotonic() < deadline:
                time.sleep(0.5)
            context.close()
            browser.close()


# --- the run ------------------------------------------------------------------------------


def _kernel_alive(base: str, kernel_id: str) -> bool:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"{base}/api/kernels/{kernel_id}", timeout=10) as resp:
            return resp.status == 200
    except urllib.error.HTTPError:
        return False


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summary(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"median {statistics.median(values):.2f} s, p95 {pct(values, 0.95):.2f} s, max {max(values):.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", "-n", type=int, default=30)
    parser.add_argument("--browsers", type=int, default=2, help="how many of them are real Chromium pages")
    parser.add_argument("--arrival", type=float, default=8.0, help="everybody joins within this many seconds")
    parser.add_argument("--pool", type=int, default=None, help="warm start-page kernels (default: participants)")
    parser.add_argument("--linger", type=float, default=60.0, help="seconds to wait after everyone left")
    parser.add_argument("--think", type=float, default=3.0, help="seconds a participant spends in a module")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    from workbook import registry
    from workbook.store import Store

    n = max(1, args.participants)
    n_browsers = min(max(0, args.browsers), n)
    pool = n if args.pool is None else args.pool
    data = Path(tempfile.mkdtemp(prefix="werkboek-bench-"))
    global ARTIFACTS
    ARTIFACTS = data
    env = os.environ.copy()
    env.update(
        WERKBOEK_DATA=str(data),
        WERKBOEK_DB=f"sqlite:///{data / 'werkboek.sqlite'}",
        WERKBOEK_BEGELEIDER_KEY=FACILITATOR_KEY,
    )
    env.pop("WERKBOEK_MODUS", None)
    store = Store(env["WERKBOEK_DB"])
    store.create_training(CODE)
    titles = registry.titles()
    modules = [(m.id, titles[m.number][0]) for m in registry.MODULES]

    print("Measuring a bare ipywidgets kernel ...", flush=True)
    bare = bare_ipywidgets_kernel_rss()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(data / "server.log", "w")  # noqa: SIM115 - closed at the end
    server = subprocess.Popen(
        [sys.executable, "-m", "workbook.serve", "--quiet", "--host", "127.0.0.1", f"--port={port}", f"--pool={pool}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    sampler = Sampler(server.pid)
    # In a room every browser runs on its own device: this load generator (and the Chromium it
    # starts) only gets the CPU the server leaves over, so it does not slow the server down.
    os.nice(10)
    try:
        deadline = time.monotonic() + 300
        print(f"Starting the server with a pool of {pool} warm kernels ...", flush=True)
        while len(kernel_pids(server.pid)) < pool and time.monotonic() < deadline:
            time.sleep(0.5)
        # Warm means: every pool kernel has run the start page up to the point where it waits
        # for a participant. Wait until the server and its kernels are (almost) idle, as a
        # facilitator who starts the workbook a few minutes before the room arrives.
        while time.monotonic() < deadline:
            before = cpu_seconds([server.pid, *kernel_pids(server.pid)])
            time.sleep(2.0)
            if cpu_seconds([server.pid, *kernel_pids(server.pid)]) - before < 0.2:
                break
        warm_after = time.monotonic() - (deadline - 300)
        print(f"Pool warm after {warm_after:.0f} s.", flush=True)
        idle_pool = kernel_pids(server.pid)
        pool_rss = sum(rss_mb(p) for p in idle_pool)
        sampler.start()
        names = [f"Deelnemer{i + 1:02d}" for i in range(n)]
        delays = [args.arrival * i / max(1, n - 1) for i in range(n)]
        browser_idx = set(range(0, n, max(1, n // max(1, n_browsers)))[:n_browsers]) if n_browsers else set()
        results: list[Result] = []
        threads = []
        for i in sorted(browser_idx):
            result = Result(names[i] + " (Chromium)")
            results.append(result)
            threads.append(
                threading.Thread(
                    target=browser_participant, args=(base, names[i], delays[i], modules, result, args.think)
                )
            )
        t_start = time.monotonic()
        for thread in threads:
            thread.start()

        async def protocol() -> list[Result]:
            tasks = []
            for i in range(n):
                if i in browser_idx:
                    continue
                who = ProtocolParticipant(base, names[i], f"127.0.1.{10 + i}", modules, args.think)
                tasks.append(who.run(delays[i], server.pid))
            return await asyncio.gather(*tasks)

        results += asyncio.run(protocol())
        for thread in threads:
            thread.join(timeout=TIMEOUT * 20)
        everyone_left = time.monotonic()
        print(f"Everyone left after {everyone_left - t_start:.0f} s; waiting {args.linger:.0f} s ...", flush=True)
        time.sleep(args.linger)
        sampler.stop.set()
        time.sleep(1.1)
        left = kernel_pids(server.pid)
        still_alive = [r.name for r in results if r.kernel and _kernel_alive(base, r.kernel)]
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()

    # answers saved versus typed
    frame = store.frame(CODE, include_private=True)  # typed texts include the gesprekskaart of module 11
    saved_text: dict[str, str] = {}
    for row in frame.itertuples():
        saved_text.setdefault(row.participant, "")
        saved_text[row.participant] += json.dumps(row.answer, ensure_ascii=False)
    typed = sum(len(r.typed) for r in results)
    found = sum(1 for r in results for t in r.typed if t in saved_text.get(r.name.replace(" (Chromium)", ""), ""))
    errors = [r for r in results if r.error]
    joins = [r.join for r in results if r.join is not None]
    switches = [s for r in results for s in r.switches]
    peak_kernels = max((s[1] for s in sampler.samples), default=0)
    peak_rss = max((s[2] for s in sampler.samples), default=0.0)
    participant_rss = [r.kernel_rss for r in results if r.kernel_rss]
    median_rss = statistics.median(participant_rss) if participant_rss else float("nan")
    # kernels still alive 60 s after: the pool refilled itself (warm kernels waiting for the next
    # participant) and should be all that is left
    figures = {
        "participants": n,
        "browsers": n_browsers,
        "pool": pool,
        "pool_warm_after_s": round(warm_after),
        "arrival_s": args.arrival,
        "joined": len(joins),
        "join_median_s": statistics.median(joins) if joins else None,
        "join_p95_s": pct(joins, 0.95),
        "join_max_s": max(joins) if joins else None,
        "switch_median_s": statistics.median(switches) if switches else None,
        "switch_p95_s": pct(switches, 0.95),
        "switch_max_s": max(switches) if switches else None,
        "first_switch_p95_s": pct([r.switches[0] for r in results if r.switches], 0.95),
        "bare_ipywidgets_kernel_mb": round(bare, 1),
        "participant_kernel_mb_median": round(median_rss, 1),
        "ratio_to_bare": round(median_rss / bare, 2) if bare else None,
        "idle_pool_total_mb": round(pool_rss, 1),
        "peak_live_kernels": peak_kernels,
        "peak_kernel_rss_mb": round(peak_rss, 1),
        "cpu_server_s": round(sampler.cpu_used()[0], 1),
        "cpu_kernels_s": round(sampler.cpu_used()[1], 1),
        "run_s": round(everyone_left - t_start),
        "kernels_left_after_linger": len(left),
        "participant_kernels_left": len(still_alive),
        "participant_kernels_left_names": still_alive,
        "typed": typed,
        "saved": found,
        "errors": [f"{r.name}: {r.error}" for r in errors],
    }
    print()
    print(f"Workshop benchmark: {n} participants ({n_browsers} in Chromium), joining within {args.arrival:.0f} s")
    print(f"  joined:                {len(joins)} of {n}")
    print(f"  join time:             {summary(joins)}")
    print(f"    of which page HTML:  {summary([r.page for r in results if r.page is not None])}")
    print(f"    widgets usable:      {summary([r.ready for r in results if r.ready is not None])}")
    print(f"  module switch:         {summary(switches)} ({len(switches)} switches)")
    print(f"    first after joining: p95 {figures['first_switch_p95_s']:.2f} s")
    print(
        f"  bare ipywidgets kernel {bare:.0f} MB; participant kernel median {median_rss:.0f} MB "
        f"({figures['ratio_to_bare']}x)"
    )
    print(f"  idle pool:             {len(idle_pool)} kernels, {pool_rss:.0f} MB")
    print(
        f"  live kernels:          peak {peak_kernels} (participants + pool = {n + pool}), peak RSS {peak_rss:.0f} MB"
    )
    print(
        f"  {args.linger:.0f} s after all left:   {len(still_alive)} participant kernels left; "
        f"{len(left)} kernels running in all (the warm standby pool)"
        + (f"; still open: {', '.join(still_alive)}" if still_alive else "")
    )
    print(
        f"  CPU while joining and working ({figures['run_s']} s, 2 cores): server {figures['cpu_server_s']} s, "
        f"kernels {figures['cpu_kernels_s']} s"
    )
    print(f"  answers:               {found} of {typed} typed texts saved")
    for line in figures["errors"][:10]:
        print("  error:", line)
    print("  kernels over time (s, live, MB):", [(round(t), k, round(m)) for t, k, m in sampler.samples[::5]])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if not errors and found == typed else 1


if __name__ == "__main__":
    raise SystemExit(main())
