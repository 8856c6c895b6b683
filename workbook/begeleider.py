"""The facilitator key that opens the dashboard.

``make workshop`` uses ``WERKBOEK_BEGELEIDER_KEY`` or generates a key, prints it, and keeps
it in ``data/begeleider.key`` (readable only by the owner) for the dashboard's kernels.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from workbook.store import data_dir

__all__ = ["configured_key", "ensure_key", "check_key"]


def _key_file() -> Path:
    return data_dir() / "begeleider.key"


def configured_key() -> str | None:
    """The key in force: the environment variable, else the key file, else ``None``."""
    env = os.environ.get("WERKBOEK_BEGELEIDER_KEY", "").strip()
    if env:
        return env
    try:
        key = _key_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return key or None


def ensure_key() -> str:
    """The configured key, or a newly generated one written to the key file."""
    key = configured_key()
    if key:
        return key
    key = secrets.token_urlsafe(9)
    path = _key_file()
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return key


def check_key(typed: object) -> bool:
    """Constant-time comparison of a typed key with the configured one."""
    key = configured_key()
    if not key or not isinstance(typed, str):
        return False
    return hmac.compare_digest(typed.strip().encode("utf-8"), key.encode("utf-8"))
