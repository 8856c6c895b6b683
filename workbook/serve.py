"""Start the workbook in Voilà for a training session or for self-study (``make workshop``).

Prints the links to hand out, then runs Voilà on ``notebooks/`` with the settings in
``voila.json``, inside this process, with a guard in front of every page
(:class:`GuardedVoilaHandler`):

- the page sets the XSRF cookie that Voilà's own "close the kernel when the tab closes"
  request needs (without it that request is refused, voila-dashboards/voila#1458, and every
  page load would leave its kernel running);
- facilitator pages (``begeleider/``) are served only to this computer unless the
  facilitator explicitly allows the network (``--begeleider-via-netwerk``);
- one client (an IP address on the network) keeps at most ``--max-per-client`` live
  kernels: a further page load first closes that client's oldest kernel (answers are saved
  as they are typed, so nothing is lost); the whole server keeps at most ``--max-kernels``;
- the kernel learns the client's address from the connection itself (never from anything
  the browser sends), for the per-client limits on joining and on facilitator key attempts.

Binds to localhost unless ``--host 0.0.0.0`` is given explicitly.
"""

from __future__ import annotations

import argparse
import html
import ipaddress
import logging
import os
import re
import socket
import sys
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.begeleider import WeakKeyError, ensure_key
from workbook.store import Store, default_url

if TYPE_CHECKING:  # the server's classes load only in the server process
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

ROOT = Path(__file__).resolve().parent.parent
CLIENT_HEADER = "X-Werkboek-Client"
CLIENT_ENV = "HTTP_X_WERKBOEK_CLIENT"  # how Voilà names the header in the kernel's environment
FACILITATOR_PREFIX = "begeleider/"
DEFAULT_MAX_PER_CLIENT = 4
DEFAULT_MAX_KERNELS = 90

log = logging.getLogger("werkboek.serve")


def lan_addresses() -> list[str]:
    """Return the IPv4 addresses of this machine other than loopback (no traffic is sent)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    addresses = {str(info[4][0]) for info in infos}  # (host, port) for AF_INET
    return sorted(a for a in addresses if not a.startswith("127."))


def is_this_computer(ip: str) -> bool:
    """Return whether a request comes from the facilitator's own laptop (127.0.0.1 or ::1).

    Other loopback addresses (127.0.0.2, ...) count as network clients, so tests and the
    workshop benchmark can play participants on other devices.
    """
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return str(addr) in ("127.0.0.1", "::1")


class RoomGuard:
    """Who may open which page, and how many kernels one client may hold.

    Pure bookkeeping (no Tornado), so it is tested without a server. Thread-safe.

    Parameters
    ----------
    facilitator_from_network : bool
        Serve facilitator pages to other devices too (default: only this computer).
    max_per_client : int
        Live kernels one network client may hold (at least 1); this computer has no limit.
    max_kernels : int
        Live kernels the whole server may hold (at least 1).
    """

    def __init__(
        self,
        facilitator_from_network: bool = False,
        max_per_client: int = DEFAULT_MAX_PER_CLIENT,
        max_kernels: int = DEFAULT_MAX_KERNELS,
    ) -> None:
        self.facilitator_from_network = facilitator_from_network
        self.max_per_client = max(1, int(max_per_client))
        self.max_kernels = max(1, int(max_kernels))
        self._lock = threading.Lock()
        self._kernels: OrderedDict[str, str] = OrderedDict()  # kernel id -> client, oldest first

    def page_problem(self, path: str | None, client: str, live_kernels: int) -> tuple[int, str] | None:
        """Check whether ``client`` may open the page at ``path`` now.

        Returns
        -------
        tuple of (int, str) or None
            ``None`` when the page may be served, else an HTTP status (403 for a facilitator
            page from the network, 503 when the server is full) and a Dutch explanation.
        """
        if (path or "").lstrip("/").startswith(FACILITATOR_PREFIX) and not (
            self.facilitator_from_network or is_this_computer(client)
        ):
            return 403, (
                "Deze pagina is alleen voor de begeleider en opent alleen op de computer waarop het "
                "werkboek draait. Ben je deelnemer? Ga terug naar de startpagina."
            )
        if live_kernels >= self.max_kernels:
            return 503, (
                "Het werkboek is op dit moment te druk: er zijn al te veel pagina's open. Sluit "
                "pagina's die je niet gebruikt en probeer het over een minuut opnieuw."
            )
        return None

    def make_room(self, client: str, live: set[str]) -> list[str]:
        """Return the kernel ids of ``client`` to close so that one more page stays within the limit.

        Kernels no longer in ``live`` are forgotten first; the ids returned are the client's
        oldest. This computer never has to close any.
        """
        with self._lock:
            for kid in [k for k in self._kernels if k not in live]:
                del self._kernels[kid]
            if is_this_computer(client):
                return []
            mine = [k for k, c in self._kernels.items() if c == client]
            excess = len(mine) - self.max_per_client + 1
            return mine[: max(0, excess)]

    def register(self, kernel_id: str, client: str) -> None:
        """Note that ``kernel_id`` serves a page of ``client`` (it counts as the newest)."""
        with self._lock:
            self._kernels[kernel_id] = client

    def forget(self, kernel_id: str) -> None:
        """Stop counting a kernel (closed); an unknown id is ignored."""
        with self._lock:
            self._kernels.pop(kernel_id, None)

    def kernels_of(self, client: str) -> list[str]:
        """Return the kernel ids counted for ``client``, oldest first."""
        with self._lock:
            return [k for k, c in self._kernels.items() if c == client]


def _error_page(status: int, text: str) -> str:
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Mentorgesprekken-werkboek</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:3em auto;padding:0 1em;"
        "color:#1f2328;line-height:1.5}p{font-size:1.1em}</style></head><body>"
        f"<h1>Deze pagina kan niet worden geopend</h1><p class='wb-refused'>{html.escape(text)}</p>"
        "<p><a href='/voila/render/00_start.ipynb'>Naar de startpagina</a></p></body></html>"
    )


async def _close_excess_kernels(manager: MappingKernelManager, guard: RoomGuard, client: str, live: set[str]) -> None:
    """Close the kernels ``client`` holds beyond its limit (oldest first), to make room for one more page."""
    from jupyter_core.utils import ensure_async

    for kernel_id in guard.make_room(client, live):
        log.info("closing kernel %s: client %s opened more pages than allowed", kernel_id, client)
        try:
            await ensure_async(manager.shutdown_kernel(kernel_id))
        except KeyError:
            pass
        guard.forget(kernel_id)


def pool_ready(manager: Any, notebook: str, allowed: bool = True) -> bool:  # noqa: ANN401 - Voilà's manager
    """Tell whether the next warm kernel for ``notebook`` can serve a page now.

    Voilà hands out the first kernel of the pool even when it has only just started and has
    not begun running the notebook. Now and then such a kernel never starts rendering, and the
    page waits for it for ever (seen twice in about 120 page loads under load). A warm kernel
    that is ready is either done rendering or busy running the page's cell, which waits for
    the request; anything else is left in the pool, and this page gets a kernel of its own.
    """
    pool = getattr(manager, "_pools", {}).get(notebook) or []
    if not allowed or not pool:
        return False
    first = pool[0]
    if not first.done() or first.cancelled() or first.exception() is not None:
        return False
    content = first.result()
    if content["task"].done():
        return True
    try:
        kernel = manager.get_kernel(content["kernel_id"])
    except KeyError:
        return False
    return getattr(kernel, "execution_state", "") == "busy"


class _RecordingKernels:
    """The kernel manager as the page handler sees it: notes which kernel served the page.

    Every other attribute is the wrapped manager's own.
    """

    # Any: a transparent proxy for Voilà's kernel manager (which has no type information);
    # arguments are passed on unchanged.
    def __init__(self, manager: Any, handler: Any) -> None:  # noqa: ANN401
        self._manager = manager
        self._handler = handler

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401
        return getattr(self._manager, name)

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # noqa: ANN401
        from jupyter_core.utils import ensure_async

        kernel_id: str = await ensure_async(self._manager.start_kernel(*args, **kwargs))
        self._handler.guard.register(kernel_id, self._handler.client)
        return kernel_id

    async def get_rendered_notebook(self, *args: Any, **kwargs: Any) -> tuple[Any, ...]:  # noqa: ANN401
        result = await self._manager.get_rendered_notebook(*args, **kwargs)
        self._handler.guard.register(result[2], self._handler.client)
        return result


def _handler_classes() -> type[Any]:
    """Build the guarded page handler on Voilà's own (imported only in the server process).

    Returns
    -------
    type
        ``GuardedVoilaHandler``, a subclass of Voilà's ``TornadoVoilaHandler`` that takes the
        :class:`RoomGuard` as its ``guard`` argument.
    """
    from voila.tornado.handler import TornadoVoilaHandler

    class GuardedVoilaHandler(TornadoVoilaHandler):
        """Voilà's page handler with the room's rules in front of it (see the module docstring)."""

        def should_use_rendered_notebook(self, *args: Any, **kwargs: Any) -> bool:  # noqa: ANN401 - Voilà's own
            """Use a warm kernel only when it is really waiting for a page (see :func:`pool_ready`)."""
            allowed = bool(super().should_use_rendered_notebook(*args, **kwargs))
            notebook = "".join(self.path_args[:1])  # the page's notebook, from the URL pattern
            return pool_ready(self.settings["kernel_manager"], notebook, allowed)

        def initialize(self, guard: RoomGuard, **kwargs: Any) -> None:  # noqa: ANN401 - Voilà's own settings
            self.guard = guard
            super().initialize(**kwargs)

        @property
        def client(self) -> str:
            return self.request.remote_ip or ""

        @property
        def kernel_manager(self) -> _RecordingKernels:
            return _RecordingKernels(self.settings["kernel_manager"], self)

        async def get(self, path: str | None = None) -> None:
            manager = self.settings["kernel_manager"]
            live = set(manager.list_kernel_ids())
            problem = self.guard.page_problem(path, self.client, len(live))
            if problem is not None:
                status, text = problem
                self.set_status(status)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(_error_page(status, text))
                return
            await _close_excess_kernels(manager, self.guard, self.client, live)
            # Voilà's page sends this cookie back when the tab closes, so its shutdown request
            # passes the XSRF check (voila-dashboards/voila#1458).
            _ = self.xsrf_token
            # The kernel learns the client's address from the connection, never from the browser.
            self.request.headers[CLIENT_HEADER] = self.client
            await super().get(path)

    return GuardedVoilaHandler


REQUEST_CACHE_MAX = 2000  # requests kept for preheated kernels (a few hundred bytes each)


def make_request_handover_reliable() -> None:
    """Make Voilà's hand-over of a page request to its preheated kernel (``voila/query/<kernel>``) reliable.

    Voilà's ``RequestInfoSocketHandler`` keeps a request only while the kernel is not
    connected, so a request written to a connection that is just closing is lost, and its
    ``on_close`` deletes the *last* waiting kernel when the closing connection is not in its
    table. Either way a participant's page waited for ever ("Executing 1 of 2"). Here every
    request is also kept, so a kernel that connects (again, see
    :func:`workbook.session._receive_request_info`) always gets it, and a closing connection
    only removes itself.
    """
    from voila.request_info_handler import RequestInfoSocketHandler as handler

    if getattr(handler, "_werkboek_reliable", False):
        return

    def send_updates(cls: type[Any], msg: dict[str, Any]) -> None:
        kernel_id, payload = msg["kernel_id"], msg["payload"]
        cls._cache[kernel_id] = payload
        while len(cls._cache) > REQUEST_CACHE_MAX:
            del cls._cache[next(iter(cls._cache))]
        waiter = cls._waiters.get(kernel_id)
        if waiter is not None:
            try:
                waiter.write_message(payload)
            except Exception:  # noqa: BLE001 - the kernel gets it from the cache when it reconnects
                log.warning("request for kernel %s not delivered yet; kept for its next connection", kernel_id)

    def on_close(self: object) -> None:
        for kernel_id, waiter in list(handler._waiters.items()):
            if waiter is self:
                del handler._waiters[kernel_id]

    handler.send_updates = classmethod(send_updates)
    handler.on_close = on_close
    handler._werkboek_reliable = True


def voila_app_class() -> type[Any]:
    """Build Voilà's application class with the guarded page handler and the client header passed on.

    Returns
    -------
    type
        ``WerkboekVoila``, a subclass of ``voila.app.Voila``; set its ``guard`` (a
        :class:`RoomGuard`) and ``pool_standby`` before creating it.
    """
    from voila.app import Voila
    from voila.tornado.handler import TornadoVoilaHandler

    guarded = _handler_classes()
    make_request_handover_reliable()

    class WerkboekVoila(Voila):
        guard = RoomGuard()

        pool_standby = POOL_STANDBY

        def init_settings(self) -> dict[str, Any]:
            headers = list(self.voila_configuration.http_header_envs)
            if CLIENT_HEADER not in headers:
                self.voila_configuration.http_header_envs = [*headers, CLIENT_HEADER]
            settings = super().init_settings()
            # The pool was filled for the room at start; from now on keep only a few warm kernels
            # standing by (late joiners, reloads), so refilling never competes with the room.
            manager = self.kernel_manager
            pools = getattr(manager, "kernel_pools_config", None)
            if isinstance(pools, dict) and ENTRY in pools:
                standby = min(self.pool_standby, pools[ENTRY].get("pool_size", 0))
                manager.kernel_pools_config = {**pools, ENTRY: {**pools[ENTRY], "pool_size": standby}}
            return settings

        def init_handlers(self) -> list[tuple[Any, ...]]:
            handlers = []
            for spec in super().init_handlers():
                if len(spec) >= 2 and spec[1] is TornadoVoilaHandler:
                    kwargs = dict(spec[2]) if len(spec) > 2 else {}
                    kwargs["guard"] = self.guard
                    spec = (spec[0], guarded, kwargs)
                handlers.append(spec)
            return handlers

    return WerkboekVoila


# Put first on Jupyter's path: voila/templates/werkboek (the page) and kernels/python3 (see workbook.kernel)
TEMPLATES = Path(__file__).resolve().parent / "jupyter"


ENTRY = "00_start.ipynb"  # the participants' app: the only page with a pool of warm kernels
DEFAULT_POOL = 10
POOL_STANDBY = 2  # after the start, the pool is topped up to this many warm kernels only
POOL_REFILL_DELAY = 10.0  # seconds: top up after a burst of joins, not during it


def voila_argv(host: str, port: int, pool: int = 0, cull_after: int | None = None) -> list[str]:
    """Return Voilà's command-line arguments for the participants' server (see :func:`pool_config`).

    ``cull_after`` overrides ``voila.json``'s culling: it must be an argument, since Voilà
    reads ``voila.json`` after the constructor's config and only the command line wins.
    """
    argv = ["notebooks", f"--Voila.ip={host}", f"--port={port}", "--no-browser", "--template=werkboek"]
    if pool > 0:
        argv.append("--preheat_kernel=True")
    if cull_after is not None:
        seconds = max(1, int(cull_after))
        argv += [
            f"--MappingKernelManager.cull_idle_timeout={seconds}",
            f"--MappingKernelManager.cull_interval={max(1, min(60, seconds // 2))}",
        ]
    return argv


def pool_config(pool: int) -> dict[str, Any]:
    """Return Voilà's settings for a pool of ``pool`` warm kernels for the start page only.

    Those kernels start in advance ("preheated"); the page then waits in the kernel for the
    participant's request (:func:`workbook.session.request_query`). Other pages start a kernel
    when opened. The pool is filled once for the room; after that it is topped up to
    :data:`POOL_STANDBY` kernels only, :data:`POOL_REFILL_DELAY` seconds after a kernel is
    used, so refilling never competes with a room that is joining.
    """
    if pool <= 0:
        return {}
    return {
        "VoilaConfiguration": {"default_pool_size": 0},
        "VoilaKernelManager": {
            "kernel_pools_config": {"default": {"pool_size": 0}, ENTRY: {"pool_size": int(pool)}},
            # Voilà matches these against the notebook's full path: deny all but the start page.
            "preheat_denylist": [f"^(?!(.*/)?{re.escape(ENTRY)}$)"],
            "fill_delay": POOL_REFILL_DELAY,
        },
    }


def run_voila(
    host: str, port: int, guard: RoomGuard, pool: int = 0, cull_after: int | None = None, standby: int = POOL_STANDBY
) -> None:
    """Run the guarded Voilà server in this process until it is stopped."""
    os.chdir(ROOT)
    # The workbook's page template (a connection notice on top of Voilà's "lab" template).
    paths = [str(TEMPLATES), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    app_class = voila_app_class()
    app_class.guard = guard
    app_class.pool_standby = max(0, int(standby))
    from traitlets.config import Config

    config = Config(pool_config(pool))
    # Kernels talk to the server over local sockets, not TCP ports: no port collisions when a
    # pool of kernels starts at once (a collision left a participant's page hanging), and
    # nothing of a kernel's traffic on the network.
    config.KernelManager.transport = "ipc"
    # The time on every line, so a facilitator (or a test) can tell when a page or kernel waited.
    config.Voila.log_format = "%(asctime)s [%(name)s] %(levelname)s | %(message)s"
    config.Voila.log_datefmt = "%H:%M:%S"
    app = app_class(config=config)
    app.initialize(voila_argv(host, port, pool, cull_after))
    app.start()


def main(argv: list[str] | None = None) -> int:
    """Run ``make workshop``: ensure the facilitator key, print the links, serve until stopped.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default: ``sys.argv[1:]``); ``--help`` lists them, in Dutch.

    Returns
    -------
    int
        The exit status: 0 after the server stopped, 2 for a facilitator key that is too
        easy to guess (explained on stderr).
    """
    parser = argparse.ArgumentParser(description="Start het werkboek in Voilà.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument(
        "--begeleider-via-netwerk",
        action="store_true",
        default=os.environ.get("WERKBOEK_BEGELEIDER_VIA_NETWERK") == "1",
        help="begeleiderspagina's ook via het netwerk openen (standaard alleen op deze computer)",
    )
    parser.add_argument("--max-per-client", type=int, default=DEFAULT_MAX_PER_CLIENT)
    parser.add_argument("--max-kernels", type=int, default=DEFAULT_MAX_KERNELS)
    parser.add_argument(
        "--pool",
        type=int,
        default=DEFAULT_POOL,
        help="zoveel startpagina's staan vooraf klaar (warme kernels); 0 = uit",
    )
    parser.add_argument(
        "--pool-standby",
        type=int,
        default=POOL_STANDBY,
        help="na de start blijven er zoveel warme startpagina's klaarstaan",
    )
    parser.add_argument(
        "--cull-idle-timeout",
        type=int,
        default=None,
        help="kernels zonder verbinding na zoveel seconden opruimen (standaard: voila.json)",
    )
    parser.add_argument("--quiet", action="store_true", help="geen welkomsttekst (voor tests)")
    parser.add_argument(
        "--geen-aanmeldscherm",
        action="store_true",
        help="bij een training het aanmeldscherm met de QR-code niet zelf openen in je browser",
    )
    args = parser.parse_args(argv)

    try:
        key = ensure_key()
    except WeakKeyError as exc:
        print(f"\n{exc}\n", file=sys.stderr)
        return 2
    os.environ["WERKBOEK_BEGELEIDER_KEY"] = key
    if args.begeleider_via_netwerk:
        os.environ["WERKBOEK_BEGELEIDER_VIA_NETWERK"] = "1"
    training = args.host not in ("127.0.0.1", "localhost", "::1")
    if training:
        os.environ["WERKBOEK_MODUS"] = "training"
    removed = _apply_retention()
    if not args.quiet:
        _banner(args, key, training)
        if removed:
            print(removed, flush=True)
    if training and not args.quiet and not args.geen_aanmeldscherm:
        show_join_screen(args.port)
    guard = RoomGuard(args.begeleider_via_netwerk, args.max_per_client, args.max_kernels)
    run_voila(args.host, args.port, guard, max(0, args.pool), args.cull_idle_timeout, args.pool_standby)
    return 0


def _apply_retention() -> str | None:
    """Remove trainings and gesprekskaarten older than ``WERKBOEK_BEWAARTERMIJN_DAGEN`` (when set)."""
    from workbook import cards

    try:
        return cards.apply_retention(Store())
    except Exception:  # noqa: BLE001 - the server starts anyway; the next start tries again
        logging.getLogger(__name__).exception("applying the retention period failed")
        return "Let op: de bewaartermijn kon niet worden toegepast; zie het logbestand."


JOIN_SCREEN = "voila/render/begeleider/aanmelden.ipynb"


def show_join_screen(port: int, delay: float = 3.0) -> threading.Timer:
    """Open the join screen (QR code for the participants) in the facilitator's own browser, once the server runs."""
    import webbrowser

    timer = threading.Timer(delay, webbrowser.open, args=(f"http://localhost:{port}/{JOIN_SCREEN}",))
    timer.daemon = True
    timer.start()
    return timer


def _banner(args: argparse.Namespace, key: str, training: bool) -> None:
    start = "voila/render/00_start.ipynb"
    dashboard = "voila/render/begeleider/dashboard.ipynb"
    print("\n=== Mentorgesprekken-werkboek ===")
    print(f"Startpagina:           http://localhost:{args.port}/{start}")
    if training:
        for ip in lan_addresses():
            print(f"Link voor deelnemers:  http://{ip}:{args.port}/{start}")
        try:
            codes = Store().trainings()
        except Exception:  # noqa: BLE001 - the banner must not stop the server
            codes = []
        if codes:
            print(f"Trainingen:            {', '.join(codes)} (nieuwe maak je op het dashboard)")
        else:
            print("Trainingen:            nog geen; maak er een op het dashboard")
    else:
        print("Alleen bereikbaar op deze computer. Voor een training: make workshop HOST=0.0.0.0")
    print(f"Begeleidersdashboard:  http://localhost:{args.port}/{dashboard}")
    print(f"Aanmeldscherm (beamer, met QR-code): http://localhost:{args.port}/{JOIN_SCREEN}")
    if args.begeleider_via_netwerk:
        print("Let op: het dashboard is ook via het netwerk te openen (--begeleider-via-netwerk).")
    print(f"Begeleiderssleutel:    {key}")
    print(f"Antwoorden worden bewaard in: {default_url()}")
    print("Stoppen: Ctrl+C\n", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
