"""The one helper through which every exercise saves and restores its state.

``Autosaver.change(state)`` saves after a short pause (debounced), so typing does not
write a row per keystroke (and when the kernel exits, because the tab was closed or
reloaded, whatever is still pending is saved then); ``immediate=True`` (a click) or :meth:`Autosaver.flush` saves
now. The status callback always tells the truth, in Dutch: "pending" as soon as there is
something unsaved, "ok" only after the store confirmed the save, "error" when it failed.
A save gives up within a few seconds (the store's busy timeout), so a locked or missing
database is reported at once instead of after a minute. A failed save keeps the state and
is retried on a timer (3 s, then longer, up to 30 s) until it succeeds, also when nothing
more is typed. Without a session nothing is written.

Nothing here imports ipywidgets.
"""

from __future__ import annotations

import atexit
import logging
import threading
import weakref
from collections.abc import Callable
from datetime import datetime
from typing import Any

from workbook.session import Session
from workbook.store import Store, StoreError

__all__ = ["Autosaver"]

log = logging.getLogger(__name__)
RETRY_FIRST = 3.0  # seconds before the first retry of a failed save
RETRY_MAX = 30.0
StatusCallback = Callable[[str, str], None]  # (kind: "ok" | "error" | "off" | "pending", Dutch text)


_LIVE: weakref.WeakSet[Autosaver] = weakref.WeakSet()


def flush_all() -> None:
    """Save every pending state now. Runs when the kernel exits (a closed or reloaded tab)."""
    for saver in list(_LIVE):
        try:
            saver.flush()
        except Exception:  # noqa: BLE001 - at exit, save what can be saved
            log.exception("flushing %s at exit failed", saver.exercise)


atexit.register(flush_all)


class Autosaver:
    """Debounced saving of one exercise's state for one participant.

    Parameters
    ----------
    store : Store or None
        Where to save; ``None`` (storage unavailable) disables saving.
    session : Session or None
        Who is working; ``None`` (not logged in) disables saving.
    exercise : str
        Exercise id, e.g. ``"01_elementen.quiz"``.
    delay : float
        Seconds of quiet before a debounced save.
    on_status : callable, optional
        Receives ``(kind, text)`` after every attempt.
    """

    def __init__(
        self,
        store: Store | None,
        session: Session | None,
        exercise: str,
        delay: float = 0.6,
        on_status: StatusCallback | None = None,
    ) -> None:
        self.store = store
        self.session = session
        self.exercise = exercise
        self.delay = delay
        self.on_status = on_status
        self._lock = threading.Lock()
        self._pending: dict[str, Any] | None = None
        self._handle: threading.Timer | None = None
        self._retry_handle: threading.Timer | None = None
        self._retry_delay = RETRY_FIRST
        self.saves = 0
        self.failures = 0
        _LIVE.add(self)
        if not self.enabled:
            self._status("off", "Je bent niet aangemeld: wat je hier doet, wordt niet bewaard.")

    @property
    def enabled(self) -> bool:
        """Whether saving is on: there is a store and a participant to save for."""
        return self.store is not None and self.session is not None

    def load(self) -> dict[str, Any] | None:
        """Return the latest saved state of this exercise.

        Returns
        -------
        dict or None
            The state last passed to :meth:`change` and saved; ``None`` when nothing was
            saved yet, when saving is off, or when the store could not be read (the status
            callback then reports an error).
        """
        store, session = self.store, self.session
        if store is None or session is None:
            return None
        try:
            return store.load(session.workshop, session.participant, self.exercise)
        except Exception:  # a broken database must not break the page
            log.exception("loading %s failed", self.exercise)
            self._status("error", "Je eerder bewaarde antwoorden konden niet worden geladen.")
            return None

    def change(self, state: dict[str, Any], immediate: bool = False) -> None:
        """Note a new state; save it now or after :attr:`delay` seconds of quiet."""
        if not self.enabled:
            return
        with self._lock:
            self._pending = state
            self._cancel()
            if not immediate and self.delay > 0:
                self._handle = self._schedule(self.delay)
                self._status("pending", "Nog niet bewaard…")
                return
        self.flush()

    @property
    def unsaved(self) -> bool:
        """Whether a state is waiting to be saved (typed, or after a failed save)."""
        return self._pending is not None

    def _schedule(self, delay: float) -> threading.Timer:
        # A timer thread, not the kernel's event loop: it works the same in a Voila kernel,
        # in JupyterLab and in tests, whoever owns the current thread's loop.
        timer = threading.Timer(delay, self.flush)
        timer.daemon = True
        timer.start()
        return timer

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def flush(self) -> bool:
        """Save the pending state now. Returns whether everything is saved."""
        with self._lock:
            self._cancel()
            if self._retry_handle is not None:
                self._retry_handle.cancel()
                self._retry_handle = None
            state, self._pending = self._pending, None
        store, session = self.store, self.session
        if state is None or store is None or session is None:
            return True
        try:
            store.save(session.workshop, session.participant, self.exercise, state)
        except StoreError as exc:
            self._status("error", str(exc))
            return False
        except Exception:
            log.exception("saving %s failed", self.exercise)
            self.failures += 1
            with self._lock:
                if self._pending is None:
                    self._pending = state  # keep it: retried on a timer and with the next change
                delay = self._retry_delay
                self._retry_delay = min(RETRY_MAX, self._retry_delay * 2)
                self._retry_handle = self._schedule(delay)
            self._status(
                "error",
                "Niet bewaard: de opslag is even niet bereikbaar. Je werk staat nog op je scherm; we "
                f"proberen het over {int(delay)} seconden opnieuw. Laat deze pagina open.",
            )
            return False
        self.saves += 1
        self._retry_delay = RETRY_FIRST
        with self._lock:
            waiting = self._pending is not None
        if not waiting:
            self._status("ok", f"Bewaard om {datetime.now():%H:%M:%S}")
        return True

    def discard(self, text: str = "") -> None:
        """Forget what is pending and stop the timers: the answer was deleted and must not come back."""
        with self._lock:
            self._pending = None
        self.close()
        self._status("ok", text)

    def close(self) -> None:
        """Stop the timers (after a final flush by the caller, if wanted)."""
        with self._lock:
            self._cancel()
            if self._retry_handle is not None:
                self._retry_handle.cancel()
                self._retry_handle = None

    def _status(self, kind: str, text: str) -> None:
        if self.on_status is not None:
            self.on_status(kind, text)
