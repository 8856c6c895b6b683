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
import logging
import os
import re
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from workbook.store import Store, StoreError, data_dir

CLIENT_ENV = "HTTP_X_WERKBOEK_CLIENT"  # set by workbook.serve from the connection
JOIN_ATTEMPT = "aanmelden"
JOINS_PER_MINUTE = 3

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
    "client_id",
    "from_this_computer",
    "request_query",
    "page_address",
    "code_from_query",
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
        """Whether this is a self-study session rather than a workshop."""
        return self.workshop == SELF_STUDY

    def query(self) -> str:
        """Return the query string that carries this session from page to page."""
        if self.self_study:
            return urlencode({"zelfstudie": "1", "naam": self.participant})
        return urlencode({"training": self.workshop, "naam": self.participant, "sleutel": self.token})

    def describe(self) -> str:
        """Describe the session in plain Dutch: 'Sanne, training ABC12' or 'Sanne, zelfstudie'."""
        where = "zelfstudie" if self.self_study else f"training {self.workshop}"
        return f"{self.participant}, {where}"


def normalise_code(code: object) -> str:
    """Return the workshop code upper-cased and trimmed; raise :class:`SessionError` when it cannot be one."""
    if not isinstance(code, str) or not code.strip():
        raise SessionError("Vul de trainingscode in die je van je begeleider hebt gekregen.")
    value = code.strip().upper()
    if not _CODE_RE.match(value):
        raise SessionError(
            "Deze trainingscode klopt niet. Een code bestaat uit 2 tot 20 letters en cijfers "
            "(een streepje mag ook), bijvoorbeeld MENTOR24."
        )
    return value


_ALIAS_PUNCT = set(" -'.\u2019")


def clean_alias(alias: object) -> str:
    """Return a first name or alias in Unicode normal form (NFKC), with its spaces tidied.

    Raises :class:`SessionError` for an empty or too long name, and for names that could
    pass for somebody else's on the dashboard: invisible or text-direction characters,
    letters from another script that look like Latin ones (Cyrillic 'а' in 'Sаnne'),
    symbols and markup. Full-width and other compatibility forms become plain letters.
    """
    if not isinstance(alias, str):
        raise SessionError("Vul je voornaam of een schuilnaam in.")
    value = " ".join(unicodedata.normalize("NFKC", alias).split())
    if not value:
        raise SessionError("Vul je voornaam of een schuilnaam in.")
    if len(value) > MAX_ALIAS:
        raise SessionError(f"Je naam is te lang: gebruik hoogstens {MAX_ALIAS} tekens.")
    for char in value:
        category = unicodedata.category(char)
        if category in ("Cf", "Cc", "Co", "Cs", "Cn", "Zl", "Zp") or category.startswith("M"):
            raise SessionError(
                "Je naam bevat een onzichtbaar teken of een teken dat de schrijfrichting omdraait. "
                "Typ je naam opnieuw, zonder te plakken."
            )
        if category.startswith("L") and not unicodedata.name(char, "").startswith("LATIN"):
            raise SessionError(
                "Gebruik voor je naam het gewone (Latijnse) alfabet, zodat iedereen in de groep hem "
                "kan lezen en niemand een naam kan namaken."
            )
        if not (category.startswith("L") or char.isdigit() or char in _ALIAS_PUNCT):
            raise SessionError(
                "Gebruik in je naam alleen letters, cijfers, spaties, een streepje, een apostrof of een "
                "punt (dus geen < of > en geen andere tekens)."
            )
    if not any(unicodedata.category(c).startswith("L") for c in value):
        raise SessionError("Een naam moet minstens één letter bevatten.")
    return value


_REQUEST_READY = False


def _wait_for_request() -> None:
    """Wait, in a preheated kernel (Voilà's pool), until a participant's request arrives.

    A pooled kernel starts before anyone asks for the page; Voilà then sends the request's
    details (query string, client address, ...) into the kernel's environment
    (``voila.utils.wait_for_request``). Everything that reads the request goes through here.
    """
    global _REQUEST_READY
    if _REQUEST_READY:
        return
    _REQUEST_READY = True
    if os.environ.get("VOILA_PREHEAT") == "True":
        for key, value in (_receive_request_info() or {}).items():
            os.environ[str(key)] = str(value)


def _receive_request_info(wait: float = 30.0, give_up_after: float = 12 * 3600) -> dict | None:
    """Block until Voilà sends this preheated kernel its request's details.

    The same exchange as ``voila.utils.wait_for_request`` (a websocket to ``voila/query/<kernel>``),
    without importing ``voila.utils``: that import pulls in the whole Jupyter server and adds
    some 40 MB to every participant's kernel. Unlike that function it never waits on a dead
    line: Voilà keeps a request for a kernel that is not connected and sends it when the
    kernel connects, so after ``wait`` seconds of silence the kernel connects anew. (Voilà's
    server can drop a waiting connection from its table when another one closes while the room
    is joining; the page then hung for good.) A pooled kernel may wait hours for its
    participant; after ``give_up_after`` seconds it carries on without a request.
    """
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect  # a Voilà dependency, light on its own

    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    url = f"{protocol}://{host}:{port}{base}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}"
    log = logging.getLogger(__name__)
    deadline = time.monotonic() + give_up_after
    while time.monotonic() < deadline:
        try:
            with connect(url, open_timeout=10, max_size=2**20) as websocket:
                raw = websocket.recv(timeout=wait)
        except TimeoutError:
            continue  # silence (or a slow open while the room joins): connect anew
        except (OSError, WebSocketException) as exc:
            log.warning("no request info from %s yet: %s", url, exc)
            time.sleep(1.0)
            continue
        try:
            info = json.loads(raw)
        except ValueError:
            return None
        return info if isinstance(info, dict) else None
    log.warning("no request info from %s; the page continues without it", url)
    return None


def request_query() -> str:
    """Return the page's query string (in Voilà), after a preheated kernel received its request."""
    _wait_for_request()
    return os.environ.get("QUERY_STRING", "")


def page_address() -> str:
    """Return the page's address without query, for a participant's personal link.

    Built from the request's host and path. (Voilà's ``VOILA_REQUEST_URL`` is not used: in a
    preheated kernel it holds the address of the request that started the kernel, somebody
    else's link.)
    """
    _wait_for_request()
    host = os.environ.get("SERVER_NAME", "")
    port = os.environ.get("SERVER_PORT", "")
    path = os.environ.get("SCRIPT_NAME", "")
    if not host or not path:
        return "00_start.ipynb"
    netloc = f"[{host}]" if ":" in host else host
    return f"http://{netloc}{':' + port if port else ''}{path}"


def client_id() -> str:
    """Return the network address of the device this page was opened on.

    ``make workshop`` hands it to each page's kernel from the connection itself (never from
    anything the browser sends). In JupyterLab, or a server without that guard, it is
    ``"lokaal"``.
    """
    if in_voila():
        _wait_for_request()
    return os.environ.get(CLIENT_ENV, "").strip()[:64] or "lokaal"


def from_this_computer() -> bool:
    """Return whether the page was opened on the computer that runs the workbook."""
    return client_id() in ("lokaal", "127.0.0.1", "::1", "::ffff:127.0.0.1")


def join_workshop(store: Store, code: object, alias: object, client: str | None = None) -> Session:
    """Register ``alias`` in the training ``code``, which a facilitator must have opened.

    A client on the network (``client``, default :func:`client_id`) may register at most
    :data:`JOINS_PER_MINUTE` names a minute, so nobody can reserve the group's names.

    Raises
    ------
    SessionError
        For an invalid or unknown code, an invalid alias, too many joins from one device, or
        an alias somebody else in the training already uses.
    """
    workshop = normalise_code(code)
    name = clean_alias(alias)
    client = client or client_id()
    try:
        if not store.training_exists(workshop):
            raise SessionError(
                f"Er is geen training met de code {workshop}. Controleer de code bij je begeleider "
                "(die maakt de training aan op het dashboard)."
            )
        if not store.training_open(workshop):
            raise SessionError(
                f"De training {workshop} is gesloten voor nieuwe deelnemers. Vraag je begeleider om "
                "hem weer open te zetten. Had je al meegedaan? Gebruik dan je persoonlijke link."
            )
        limited = client not in ("lokaal", "127.0.0.1", "::1")
        if limited:
            since = datetime.now(timezone.utc) - timedelta(minutes=1)
            if len(store.attempts_since(JOIN_ATTEMPT, client, since)) >= JOINS_PER_MINUTE:
                raise SessionError(
                    "Vanaf dit apparaat is de afgelopen minuut al vaak aangemeld. Wacht een minuut en "
                    "probeer het dan opnieuw."
                )
        token = store.claim_alias(workshop, name)
        if limited and token is not None:
            store.record_attempt(JOIN_ATTEMPT, client)
    except StoreError as exc:
        raise SessionError(str(exc)) from None
    if token is None:
        raise SessionError(
            f"De naam '{name}' wordt in deze training al gebruikt door iemand anders. "
            "Kies een andere naam, bijvoorbeeld met de eerste letter van je achternaam erbij. "
            "Was jij het zelf en ben je je link kwijt? Vraag je begeleider je opnieuw toe te laten."
        )
    return Session(workshop, name, token)


def start_self_study(alias: object) -> Session:
    """Start a self-study session; an empty name becomes 'ik'.

    Raises
    ------
    SessionError
        On a training server (``WERKBOEK_MODUS=training``), or for an alias
        :func:`clean_alias` refuses.
    """
    if training_mode():
        raise SessionError("Zelfstudie kan niet op deze trainingsserver. Meld je aan met de trainingscode.")
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
            if training_mode():
                return None, (
                    "Zelfstudie kan niet op deze trainingsserver. Meld je aan met de trainingscode "
                    "die je van je begeleider krijgt."
                )
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


def code_from_query(query: str) -> str:
    """Return the training code a join link carries (``?code=MENTOR-K7Q``, from the QR code), else ``""``."""
    params = parse_qs(query or "")
    try:
        return normalise_code(params["code"][0]) if "code" in params else ""
    except SessionError:
        return ""


def in_voila() -> bool:
    """Return whether this kernel serves a Voilà page (Voilà sets these for every page kernel)."""
    return "VOILA_REQUEST_URL" in os.environ or "VOILA_KERNEL_ID" in os.environ


def training_mode() -> bool:
    """Return whether this is a workshop server on the local network (``make workshop HOST=0.0.0.0``).

    Self-study is refused there: every participant joins a training.
    """
    return os.environ.get("WERKBOEK_MODUS") == "training"


def _lab_file() -> Path:
    return data_dir() / "sessie.json"


def remember(session: Session | None) -> None:
    """Keep the choice on this machine for the other notebooks (outside Voilà; ``None`` forgets it)."""
    if in_voila():
        return
    path = _lab_file()
    if session is None:
        path.unlink(missing_ok=True)
        return
    path.write_text(json.dumps({"query": session.query()}), encoding="utf-8")


def current(store: Store | None) -> tuple[Session | None, str | None]:
    """Return the session of this page: from the query string in Voilà, else from ``data/sessie.json``.

    Returns
    -------
    tuple
        As :func:`from_query`: ``(session, None)``, ``(None, None)`` when nobody is logged
        in, or ``(None, problem)`` with a Dutch explanation.
    """
    if in_voila():
        return from_query(request_query(), store)
    try:
        saved = json.loads(_lab_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    return from_query(str(saved.get("query", "")) if isinstance(saved, dict) else "", store)
