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


def pytest_configure(config):
    """Tests (and the kernels nbval starts) never touch the real data/ folder."""
    import os
    import tempfile

    if "WERKBOEK_TEST_DATA" not in os.environ:
        data = tempfile.mkdtemp(prefix="werkboek-test-data-")
        os.environ["WERKBOEK_TEST_DATA"] = data
        os.environ["WERKBOEK_DATA"] = data
        os.environ.pop("WERKBOEK_DB", None)
        os.environ.pop("WERKBOEK_BEGELEIDER_KEY", None)
