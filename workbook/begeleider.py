"""The facilitator key that opens the facilitator pages, and the limits on guessing it.

``make workshop`` uses ``WERKBOEK_BEGELEIDER_KEY`` or generates a key, prints it, and keeps
it in ``data/begeleider.key`` (readable only by the owner) for the dashboard's kernels. A
custom key that is easy to guess is refused (:func:`key_problem`).

Wrong keys are counted per client (its network address) in the store, across page loads
and kernels, with a lockout that grows with every further wrong key
(:func:`lockout_seconds`). Facilitator pages open only on the facilitator's own computer
unless ``WERKBOEK_BEGELEIDER_VIA_NETWERK=1`` (``make workshop`` sets it on request).
"""

from __future__ import annotations

import hmac
import os
import secrets
from datetime import datetime, timedelta, timezone
from pathlib import Path

from workbook.store import Store, data_dir

__all__ = [
    "configured_key",
    "ensure_key",
    "check_key",
    "key_problem",
    "WeakKeyError",
    "lockout_seconds",
    "try_key",
    "FREE_ATTEMPTS",
    "network_allowed",
]

MIN_KEY_LENGTH = 12
FREE_ATTEMPTS = 5  # wrong keys before the first lockout
FIRST_LOCKOUT = 30  # seconds; doubles with every further wrong key
MAX_LOCKOUT = 3600
WINDOW = timedelta(hours=24)
KEY_ATTEMPT = "begeleider_sleutel"


class WeakKeyError(ValueError):
    """A custom facilitator key that is too easy to guess; the message is Dutch."""


def _key_file() -> Path:
    return data_dir() / "begeleider.key"


def key_problem(key: str) -> str | None:
    """Explain why a custom key is too weak (Dutch); return ``None`` when it will do."""
    if len(key) < MIN_KEY_LENGTH:
        return f"De begeleiderssleutel is te kort: gebruik minstens {MIN_KEY_LENGTH} tekens."
    if len(set(key.casefold())) < 6:
        return "De begeleiderssleutel is te makkelijk te raden: gebruik meer verschillende tekens."
    return None


def configured_key() -> str | None:
    """Return the key in force: the environment variable, else the key file, else ``None``.

    A weak key from the environment is not used (``None``): the pages then say no key is set.
    """
    env = os.environ.get("WERKBOEK_BEGELEIDER_KEY", "").strip()
    if env:
        return None if key_problem(env) else env
    try:
        key = _key_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return key or None


def ensure_key() -> str:
    """Return the configured key, or generate one and write it to the key file.

    A generated key is readable only by the owner of ``data/begeleider.key``.

    Raises
    ------
    WeakKeyError
        When ``WERKBOEK_BEGELEIDER_KEY`` is set to a key that is easy to guess.
    """
    env = os.environ.get("WERKBOEK_BEGELEIDER_KEY", "").strip()
    if env and key_problem(env):
        raise WeakKeyError(
            f"{key_problem(env)} Pas WERKBOEK_BEGELEIDER_KEY aan, of laat hem weg: dan maakt het "
            "werkboek zelf een sterke sleutel."
        )
    key = configured_key()
    if key:
        return key
    key = secrets.token_urlsafe(12)
    path = _key_file()
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return key


def check_key(typed: object) -> bool:
    """Compare a typed key with the configured one, in constant time."""
    key = configured_key()
    if not key or not isinstance(typed, str):
        return False
    return hmac.compare_digest(typed.strip().encode("utf-8"), key.encode("utf-8"))


def network_allowed() -> bool:
    """Return whether the facilitator pages may be used from another device."""
    return os.environ.get("WERKBOEK_BEGELEIDER_VIA_NETWERK") == "1"


def lockout_seconds(failures: list[datetime], now: datetime) -> int:
    """Seconds a client must still wait, given the times of its recent wrong keys.

    The first :data:`FREE_ATTEMPTS` wrong keys are free; then each further one doubles the
    wait (30 s, 60 s, 120 s, ... up to an hour), counted from the last wrong key.
    """
    if len(failures) < FREE_ATTEMPTS:
        return 0
    wait = min(MAX_LOCKOUT, FIRST_LOCKOUT * 2 ** (len(failures) - FREE_ATTEMPTS))
    last = max(failures)
    if last.tzinfo is None:
        last = last.replace(tzinfo=timezone.utc)
    remaining = wait - (now - last).total_seconds()
    return max(0, int(remaining + 0.999))


def try_key(store: Store | None, client: str, typed: object) -> tuple[bool, str | None]:
    """Check a typed key for ``client``, counting wrong ones in the store.

    Returns
    -------
    tuple
        ``(True, None)`` when the key is right; ``(False, message)`` with a Dutch message
        otherwise (wrong key, or still locked out: then the key is not even compared).
    """
    now = datetime.now(timezone.utc)
    if store is not None:
        wait = lockout_seconds(store.attempts_since(KEY_ATTEMPT, client, now - WINDOW), now)
        if wait:
            return False, (
                f"Te veel verkeerde sleutels vanaf dit apparaat. Probeer het over {_duration(wait)} opnieuw."
            )
    if check_key(typed):
        if store is not None:
            store.clear_attempts(KEY_ATTEMPT, client)
        return True, None
    if store is not None:
        store.record_attempt(KEY_ATTEMPT, client)
        failures = store.attempts_since(KEY_ATTEMPT, client, now - WINDOW)
        left = FREE_ATTEMPTS - len(failures)
        if left <= 0:
            wait = lockout_seconds(failures, datetime.now(timezone.utc))
            return False, f"Deze sleutel klopt niet. Je kunt het over {_duration(wait)} opnieuw proberen."
        return False, f"Deze sleutel klopt niet. Probeer het opnieuw (nog {left} poging(en) voor een pauze)."
    return False, "Deze sleutel klopt niet. Probeer het opnieuw."


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} seconden"
    minutes = (seconds + 59) // 60
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"
