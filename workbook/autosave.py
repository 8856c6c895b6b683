"""The one helper through which every exercise saves and restores its state.

``Autosaver.change(state)`` saves after a short pause (debounced), so typing does not
write a row per keystroke; ``immediate=True`` (a click) or :meth:`Autosaver.flush` saves
now. A failed save keeps the state and is retried on the next change; the status callback
tells the participant in Dutch. Without a session nothing is written.

Nothing here imports ipywidgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from workbook.session import Session
from workbook.store import Store, StoreError

__all__ = ["Autosaver"]

log = logging.getLogger(__name__)
StatusCallback = Callable[[str, str], None]  # (kind: "ok" | "error" | "off" | "pending", Dutch text)


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
    ):
        self.store = store
        self.session = session
        self.exercise = exercise
        self.delay = delay
        self.on_status = on_status
        self._lock = threading.Lock()
        self._pending: dict[str, Any] | None = None
        self._handle: threading.Timer | None = None
        self.saves = 0
        if not self.enabled:
            self._status("off", "Je bent niet aangemeld: wat je hier doet, wordt niet bewaard.")

    @property
    def enabled(self) -> bool:
        return self.store is not None and self.session is not None

    def load(self) -> dict[str, Any] | None:
        """The latest saved state of this exercise, or ``None``."""
        if not self.enabled:
            return None
        try:
            return self.store.load(self.session.workshop, self.session.participant, self.exercise)
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
                self._handle = self._schedule()
                return
        self.flush()

    def _schedule(self) -> threading.Timer:
        # A timer thread, not the kernel's event loop: it works the same in a Voila kernel,
        # in JupyterLab and in tests, whoever owns the current thread's loop.
        timer = threading.Timer(self.delay, self.flush)
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
            state, self._pending = self._pending, None
        if state is None or not self.enabled:
            return True
        s = self.session
        try:
            self.store.save(s.workshop, s.participant, self.exercise, state)
        except StoreError as exc:
            self._status("error", str(exc))
            return False
        except Exception:
            log.exception("saving %s failed", self.exercise)
            with self._lock:
                if self._pending is None:
                    self._pending = state  # keep it: retried with the next change
            self._status(
                "error",
                "Opslaan lukte even niet. Je werk staat nog op je scherm; bij je volgende "
                "wijziging proberen we het opnieuw.",
            )
            return False
        self.saves += 1
        self._status("ok", f"Bewaard om {datetime.now():%H:%M:%S}")
        return True

    def _status(self, kind: str, text: str) -> None:
        if self.on_status is not None:
            self.on_status(kind, text)
