"""The room guard in front of every page (``workbook.serve``), without a server."""

from __future__ import annotations

import json
from pathlib import Path

from workbook import serve
from workbook.serve import RoomGuard, is_this_computer

ROOT = Path(__file__).resolve().parents[2]


def test_only_the_laptop_itself_counts_as_the_facilitators_computer():
    assert is_this_computer("127.0.0.1") and is_this_computer("::1") and is_this_computer("::ffff:127.0.0.1")
    for other in ("127.0.0.2", "10.0.0.5", "192.168.1.20", "fe80::1", "", "onzin"):
        assert not is_this_computer(other)


def test_facilitator_pages_only_for_this_computer_unless_allowed():
    guard = RoomGuard()
    assert guard.page_problem("begeleider/dashboard.ipynb", "127.0.0.1", 0) is None
    status, text = guard.page_problem("begeleider/dashboard.ipynb", "10.0.0.5", 0)
    assert status == 403 and "alleen voor de begeleider" in text
    assert guard.page_problem("/begeleider/scenario_maken.ipynb", "10.0.0.5", 0)[0] == 403
    assert guard.page_problem("02_luisteren.ipynb", "10.0.0.5", 0) is None
    assert RoomGuard(facilitator_from_network=True).page_problem("begeleider/dashboard.ipynb", "10.0.0.5", 0) is None


def test_a_full_server_says_so_in_dutch():
    guard = RoomGuard(max_kernels=3)
    status, text = guard.page_problem("00_start.ipynb", "10.0.0.5", 3)
    assert status == 503 and "te druk" in text


def test_one_client_keeps_at_most_its_share_of_kernels():
    guard = RoomGuard(max_per_client=2)
    for kid in ("a", "b"):
        guard.register(kid, "10.0.0.5")
    guard.register("c", "10.0.0.6")
    assert guard.make_room("10.0.0.5", {"a", "b", "c"}) == ["a"]  # the oldest goes first
    assert guard.make_room("10.0.0.6", {"a", "b", "c"}) == []
    # kernels that already ended (tab closed) no longer count
    assert guard.make_room("10.0.0.5", {"b", "c"}) == []
    assert guard.kernels_of("10.0.0.5") == ["b"]
    # the facilitator's own laptop (tests, the dashboard) is not limited per client
    for kid in "defgh":
        guard.register(kid, "127.0.0.1")
    assert guard.make_room("127.0.0.1", set("bcdefgh")) == []


def test_voila_settings_refuse_url_overrides_and_cull_idle_kernels():
    config = json.loads((ROOT / "voila.json").read_text(encoding="utf-8"))
    assert config["VoilaConfiguration"]["allow_theme_override"] == "NO"
    assert config["VoilaConfiguration"]["allow_template_override"] == "NO"
    culling = config["MappingKernelManager"]
    assert culling["cull_idle_timeout"] > 0 and culling["cull_interval"] > 0 and not culling["cull_connected"]


def test_the_server_uses_the_workbooks_template_and_passes_the_client():
    argv = serve.voila_argv("127.0.0.1", 8866)
    assert "--template=werkboek" in argv and "notebooks" in argv
    assert (serve.TEMPLATES / "voila" / "templates" / "werkboek" / "index.html.j2").exists()
    assert serve.CLIENT_ENV == "HTTP_" + serve.CLIENT_HEADER.upper().replace("-", "_")


def test_a_weak_custom_key_stops_the_server_with_a_dutch_message(monkeypatch, capsys):
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", "1234")
    assert serve.main(["--quiet"]) == 2
    assert "te kort" in capsys.readouterr().err


def test_only_the_start_page_gets_a_pool_of_warm_kernels():
    import re

    config = serve.pool_config(7)
    pools = config["VoilaKernelManager"]["kernel_pools_config"]
    assert pools[serve.ENTRY]["pool_size"] == 7 and pools["default"]["pool_size"] == 0
    [deny] = config["VoilaKernelManager"]["preheat_denylist"]
    # Voilà matches the full path of each notebook
    assert not re.match(deny, str(ROOT / "notebooks" / "00_start.ipynb"))
    assert re.match(deny, str(ROOT / "notebooks" / "01_zeven_gesprekselementen.ipynb"))
    assert re.match(deny, str(ROOT / "notebooks" / "begeleider" / "dashboard.ipynb"))
    assert config["VoilaKernelManager"]["fill_delay"] >= 5  # refill after a burst of joins, not during it
    assert serve.pool_config(0) == {} and "--preheat_kernel=True" not in serve.voila_argv("h", 1, 0)


def test_a_culling_option_wins_over_voila_json(monkeypatch):
    """Voilà reads voila.json after the constructor's config: only the command line wins."""
    import signal

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(signal, "signal", lambda *args: None)
    app = serve.voila_app_class()()
    app.initialize(serve.voila_argv("127.0.0.1", 8866, 0, cull_after=4))
    culling = app.config.MappingKernelManager
    assert int(culling.cull_idle_timeout) == 4 and int(culling.cull_interval) == 2
    assert app.config.VoilaConfiguration.allow_theme_override == "NO"  # voila.json still read
    plain = serve.voila_app_class()()
    plain.initialize(serve.voila_argv("127.0.0.1", 8866, 0))
    assert plain.config.MappingKernelManager.cull_idle_timeout == 300


def test_the_servers_kernels_run_without_the_debugger(monkeypatch):
    """Voilà's kernels come from the workbook's spec (8 MB lighter each); they still run code."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    monkeypatch.setenv("JUPYTER_PATH", str(serve.TEMPLATES))
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert spec.argv[:3] == ["python", "-m", "workbook.kernel"] and spec.metadata["debugger"] is False
    km = KernelManager(kernel_name="python3", kernel_spec_manager=KernelSpecManager())
    km.start_kernel()
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        seen = []
        client.execute_interactive(
            "import sys, ipywidgets\n"
            "print(sys.modules.get('debugpy') is None, hasattr(get_ipython().kernel, 'debugger'))",
            output_hook=lambda msg: seen.append(msg["content"].get("text", "")),
            timeout=60,
        )
        assert "".join(seen).split() == ["True", "False"]
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_request_for_a_preheated_kernel_is_never_lost():
    """Voilà dropped a request written to a closing connection, and its on_close removed another kernel."""
    from voila.request_info_handler import RequestInfoSocketHandler as handler

    serve.make_request_handover_reliable()

    class Waiter:
        def __init__(self, fail: bool = False):
            self.fail, self.got = fail, []

        def write_message(self, payload):
            if self.fail:
                raise RuntimeError("closing")
            self.got.append(payload)

    closing, other = Waiter(fail=True), Waiter()
    handler._waiters.update({"k-a": closing, "k-b": other})
    try:
        handler.send_updates({"kernel_id": "k-a", "payload": "training=ABC"})
        assert handler._cache["k-a"] == "training=ABC"  # kept for the kernel's next connection
        stranger = object.__new__(handler)  # a connection that is not in the table
        handler.on_close(stranger)
        assert handler._waiters == {"k-a": closing, "k-b": other}  # nobody else is removed
        handler.on_close(closing)
        assert "k-a" not in handler._waiters and handler._waiters["k-b"] is other
        handler.send_updates({"kernel_id": "k-b", "payload": "x=1"})
        assert other.got == ["x=1"]
    finally:
        for key in ("k-a", "k-b"):
            handler._waiters.pop(key, None)
            handler._cache.pop(key, None)


def test_a_warm_kernel_serves_a_page_only_when_it_is_really_waiting_for_one():
    """The fault: Voilà handed out a kernel that had just started; its page never loaded."""
    import asyncio
    from types import SimpleNamespace

    from workbook.serve import pool_ready

    async def scenario() -> list[bool]:
        loop = asyncio.get_running_loop()

        def item(task_done: bool, state: str, kid: str) -> asyncio.Future:
            task = loop.create_future()
            if task_done:
                task.set_result(([], None))
            future = loop.create_future()
            future.set_result({"task": task, "renderer": None, "kernel_id": kid})
            kernels[kid] = SimpleNamespace(execution_state=state)
            return future

        kernels: dict = {}
        manager = SimpleNamespace(_pools={}, get_kernel=lambda kid: kernels[kid])
        results = []
        for done, state in ((False, "busy"), (False, "idle"), (False, "starting"), (True, "idle")):
            manager._pools = {"00_start.ipynb": [item(done, state, f"k-{done}-{state}")]}
            results.append(pool_ready(manager, "00_start.ipynb"))
        starting = loop.create_future()  # the kernel is still being started
        manager._pools = {"00_start.ipynb": [starting]}
        results.append(pool_ready(manager, "00_start.ipynb"))
        manager._pools = {"00_start.ipynb": [item(False, "busy", "k")]}
        results.append(pool_ready(manager, "00_start.ipynb", allowed=False))  # Voilà's own rules say no
        results.append(pool_ready(manager, "01_zeven_gesprekselementen.ipynb"))  # no pool
        return results

    # a thread of its own: in the full run another test's event loop may be running in this one
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        results = pool.submit(asyncio.run, scenario()).result()
    assert results == [True, False, False, True, False, False, False]


def test_a_training_server_opens_the_join_screen_in_the_facilitator_s_browser(monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url))
    serve.show_join_screen(8866, delay=0.01).join(timeout=5)
    assert opened == ["http://localhost:8866/voila/render/begeleider/aanmelden.ipynb"]
