"""Who is working: a participant in a workshop, or a mentor in self-study.

How the choice travels (documented in the README):

- In Voilà every page carries it in its query string: ``?training=CODE&naam=ALIAS&sleutel=TOKEN``
  for a workshop, ``?zelfstudie=1&naam=ALIAS`` for self-study. The start page puts it in
  every module link and in the address bar, so a reload keeps it. The kernel reads it from
  ``QUERY_STRING``, which Voilà sets for each page.
- A workshop alias is registered in the store with a secret token (``sleutel``); a page
  opened with a wrong or missing token is not logged in, so nobody can open another
  participant's answers by typing their name into a link. Two participants cannot register
  the same alias in one workshop.
- In JupyterLab (no query string) the choice is kept in ``data/sessie.json`` on the machine.

Nothing here imports ipywidgets.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

from workbook.store import Store, StoreError, data_dir

__all__ = [
    "SELF_STUDY",
    "Session",
    "SessionError",
    "normalise_code",
    "clean_alias",
    "join_workshop",
    "start_self_study",
    "from_query",
    "current",
    "in_voila",
    "training_mode",
]

SELF_STUDY = "zelfstudie"  # the workshop value for self-study (codes are upper case)
MAX_ALIAS = 40
_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")


class SessionError(ValueError):
    """A code or alias that cannot be used; the message is Dutch and meant for the participant."""


@dataclass(frozen=True)
class Session:
    """A logged-in participant."""

    workshop: str
    participant: str
    token: str = ""

    @property
    def self_study(self) -> bool:
        return self.workshop == SELF_STUDY

    def query(self) -> str:
        """The query string that carries this session from page to page."""
        if self.self_study:
            return urlencode({"zelfstudie": "1", "naam": self.participant})
        return urlencode({"training": self.workshop, "naam": self.participant, "sleutel": self.token})

    def describe(self) -> str:
        """Dutch, plain text: 'Sanne, training ABC12' or 'Sanne, zelfstudie'."""
        where = "zelfstudie" if self.self_study else f"training {self.workshop}"
        return f"{self.participant}, {where}"


def normalise_code(code: object) -> str:
    """Upper-case, trimmed workshop code; raises :class:`SessionError` when it cannot be one."""
    if not isinstance(code, str) or not code.strip():
        raise SessionError("Vul de trainingscode in die je van je begeleider hebt gekregen.")
    value = code.strip().upper()
    if not _CODE_RE.match(value):
        raise SessionError(
            "Deze trainingscode klopt niet. Een code bestaat uit 2 tot 20 letters en cijfers "
            "(een streepje mag ook), bijvoorbeeld MENTOR24."
        )
    return value


def clean_alias(alias: object) -> str:
    """A trimmed first name or alias; raises :class:`SessionError` when it cannot be one."""
    if not isinstance(alias, str):
        raise SessionError("Vul je voornaam of een schuilnaam in.")
    value = " ".join(alias.split())
    if not value:
        raise SessionError("Vul je voornaam of een schuilnaam in.")
    if len(value) > MAX_ALIAS:
        raise SessionError(f"Je naam is te lang: gebruik hoogstens {MAX_ALIAS} tekens.")
    if any(ord(c) < 32 or c in "<>" for c in value):
        raise SessionError("Gebruik in je naam alleen letters, cijfers, spaties en leestekens (geen < of >).")
    return value


def join_workshop(store: Store, code: object, alias: object) -> Session:
    """Register ``alias`` in workshop ``code``.

    Raises
    ------
    SessionError
        For an invalid code or alias, or an alias somebody else in the workshop already uses.
    """
    workshop = normalise_code(code)
    name = clean_alias(alias)
    try:
        token = store.claim_alias(workshop, name)
    except StoreError as exc:
        raise SessionError(str(exc)) from None
    if token is None:
        raise SessionError(
            f"De naam '{name}' wordt in deze training al gebruikt door iemand anders. "
            "Kies een andere naam, bijvoorbeeld met de eerste letter van je achternaam erbij. "
            "Was jij het zelf? Open dan de link die je na het aanmelden kreeg."
        )
    return Session(workshop, name, token)


def start_self_study(alias: object) -> Session:
    """A self-study session; an empty name becomes 'ik'."""
    if isinstance(alias, str) and not alias.strip():
        alias = "ik"
    return Session(SELF_STUDY, clean_alias(alias))


def from_query(query: str, store: Store | None) -> tuple[Session | None, str | None]:
    """Read a session from a query string.

    Returns
    -------
    tuple
        ``(session, None)``, ``(None, None)`` when the query carries no session, or
        ``(None, problem)`` with a Dutch explanation when it carries an invalid one.
    """
    params = {k: v[0] for k, v in parse_qs(query or "", keep_blank_values=True).items()}
    try:
        if params.get("zelfstudie") == "1":
            return start_self_study(params.get("naam", "")), None
        if "training" in params:
            code = normalise_code(params.get("training"))
            name = clean_alias(params.get("naam"))
            token = params.get("sleutel", "")
            if store is None or not store.verify_alias(code, name, token):
                return None, (
                    "Deze link hoort niet bij een geldige aanmelding. Meld je opnieuw aan op de "
                    "startpagina, of gebruik de link die je na het aanmelden kreeg."
                )
            return Session(code, name, token), None
    except SessionError as exc:
        return None, str(exc)
    return None, None


def in_voila() -> bool:
    """Whether this kernel serves a Voilà page (Voilà sets these for every page kernel)."""
    return "VOILA_REQUEST_URL" in os.environ or "VOILA_KERNEL_ID" in os.environ


def training_mode() -> bool:
    """A workshop server on the local network (``make workshop HOST=0.0.0.0``): no self-study."""
    return os.environ.get("WERKBOEK_MODUS") == "training"


def _lab_file():
    return data_dir() / "sessie.json"


def remember(session: Session | None) -> None:
    """Outside Voilà, keep the choice on this machine for the other notebooks."""
    if in_voila():
        return
    path = _lab_file()
    if session is None:
        path.unlink(missing_ok=True)
        return
    path.write_text(json.dumps({"query": session.query()}), encoding="utf-8")


def current(store: Store | None) -> tuple[Session | None, str | None]:
    """The session of this page: from the query string in Voilà, else from ``data/sessie.json``."""
    if in_voila():
        return from_query(os.environ.get("QUERY_STRING", ""), store)
    try:
        saved = json.loads(_lab_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    return from_query(str(saved.get("query", "")) if isinstance(saved, dict) else "", store)
