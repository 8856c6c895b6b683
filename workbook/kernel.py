"""The kernel behind every Voilà page of the workbook: ipykernel without its debugger.

A page in Voilà never debugs, yet ipykernel loads debugpy into every kernel it starts
(about 8 MB per kernel, some 100 modules). :func:`workbook.serve.run_voila` puts the
kernel spec next to this file (``jupyter/kernels/python3``) first on Jupyter's path, so
the server starts its kernels with ``python -m workbook.kernel``; JupyterLab and the tests
keep the normal kernel.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Start an ipykernel kernel with debugpy blocked (the arguments come from ``sys.argv``)."""
    # ipykernel imports debugpy inside a try block and runs without a debugger when that fails.
    sys.modules["debugpy"] = None  # type: ignore[assignment]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
