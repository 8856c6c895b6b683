"""Start the workbook in Voilà for a training session or for self-study (``make workshop``).

Prints the links to hand out, then runs Voilà on ``notebooks/`` with the settings in
``voila.json``. Binds to localhost unless ``--host 0.0.0.0`` is given explicitly.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

from workbook.begeleider import ensure_key
from workbook.store import default_url

ROOT = Path(__file__).resolve().parent.parent


def lan_addresses() -> list[str]:
    """IPv4 addresses of this machine other than loopback (no traffic is sent)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return sorted({info[4][0] for info in infos if not info[4][0].startswith("127.")})


def voila_command(host: str, port: int) -> list[str]:
    """The Voilà command line for the participants' server."""
    return [
        sys.executable,
        "-m",
        "voila",
        "notebooks",
        f"--Voila.ip={host}",
        f"--port={port}",
        "--no-browser",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start het werkboek in Voilà.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)

    start = "voila/render/00_start.ipynb"
    dashboard = "voila/render/begeleider/dashboard.ipynb"
    key = ensure_key()
    os.environ["WERKBOEK_BEGELEIDER_KEY"] = key
    print("\n=== Mentorgesprekken-werkboek ===")
    print(f"Startpagina:           http://localhost:{args.port}/{start}")
    if args.host == "0.0.0.0":
        os.environ["WERKBOEK_MODUS"] = "training"
        for ip in lan_addresses():
            print(f"Link voor deelnemers:  http://{ip}:{args.port}/{start}")
    else:
        print("Alleen bereikbaar op deze computer. Voor een training: make workshop HOST=0.0.0.0")
    print(f"Begeleidersdashboard:  http://localhost:{args.port}/{dashboard}")
    print(f"Begeleiderssleutel:    {key}")
    print(f"Antwoorden worden bewaard in: {default_url()}")
    print("Stoppen: Ctrl+C\n", flush=True)
    os.chdir(ROOT)
    os.execv(sys.executable, voila_command(args.host, args.port))
    return 0  # pragma: no cover - execv does not return


if __name__ == "__main__":
    raise SystemExit(main())
