"""Assign each test its layer marker from where it lives, so `-m unit` etc. select layers.

nbval's notebook cells (collected with ``--nbval-lax notebooks``) get ``notebooks``.
"""

from pathlib import Path

import pytest

_LAYERS = {"unit": pytest.mark.unit, "browser": pytest.mark.browser, "load": pytest.mark.load}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)
            continue
        for part in path.parts:
            if part in _LAYERS:
                item.add_marker(_LAYERS[part])
                break
