"""environment.yml and pyproject.toml list the same dependencies; notebooks are thin and clean."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _norm(spec: str) -> str:
    """'psycopg[binary] >= 3.1' and 'psycopg>=3.1' both become 'psycopg>=3.1'."""
    name, rest = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)$", spec.strip()).groups()
    return name.lower().replace("_", "-") + rest.replace(" ", "")


def test_environment_and_pyproject_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_norm(d) for d in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_norm(d) for d in extra}
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            # the package itself, and test tools that conda-forge does not carry (axe-core for Playwright)
            pip = dep.get("pip", [])
            assert pip[-1] == "-e ." and all(not p.startswith("-") for p in pip[:-1])
            conda |= {_norm(p) for p in pip[:-1]}
            continue
        if dep.split("=")[0] in {"python", "pip"}:
            continue
        conda.add(_norm(dep))
    assert conda == wanted


NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebooks_are_thin_and_without_outputs(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "markdown"
    assert "".join(cells[0]["source"]).startswith("# ")
    code = [c for c in cells if c["cell_type"] == "code"]
    assert len(code) == 1, "one code cell: the import and the call into workbook.ui"
    assert code[0]["outputs"] == [] and code[0]["execution_count"] is None
    source = "".join(code[0]["source"])
    assert source.startswith("from workbook.ui")
    assert len([line for line in source.splitlines() if line.strip()]) <= 3
    for cell in cells:
        if cell["cell_type"] == "markdown":
            assert len("".join(cell["source"])) < 400, "long text belongs in exercises/"


def test_code_is_ruff_clean():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "workbook", "tests", "benchmarks", "conftest.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_workbook_type_checks():
    """mypy with the settings in pyproject.toml ([tool.mypy]: files, plugin, overrides)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


def test_only_the_ui_layer_imports_ipywidgets():
    """The layering of DESIGN.md: content, feedback, store and the rest work without a frontend."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "workbook"
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "ui" not in path.relative_to(package).parts
        and re.search(r"^\s*(import|from) ipywidgets\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


# Words that mark a run of text as Dutch (none of them is an English word the code uses).
_DUTCH_WORDS = {
    "de", "het", "een", "je", "jij", "jouw", "en", "van", "op", "niet", "naar", "voor", "met", "wat",
    "hoe", "er", "dit", "die", "deze", "of", "te", "om", "bij", "zijn", "wordt", "kan", "ik", "mijn",
    "nog", "al", "als", "aan", "zich", "ze", "hem", "wel", "geen", "ook", "dan", "maar", "uit", "hier",
    "nu", "eerst", "klik", "typ", "welk", "welke",
}  # fmt: skip
# Dutch that stays in Python on purpose: what the page says when content (teksten.yaml too) is what
# failed, and tab titles (short labels may stay; these happen to have three words).
_DUTCH_IN_PYTHON = (
    "Deze module kan nu niet worden geopend",  # app.py: a module failed to build
    "Het werkboek kon deze pagina nu niet opbouwen",  # app.py: the app failed to build
    "Herlaad de pagina",
    "Dit onderdeel kan nu niet worden getoond",  # common.error_box: a content file is broken
    "Wel of niet?",  # tab titles
    "Gesprek op school",
)


def test_the_interface_has_no_dutch_sentences_in_python():
    """Dutch interface text is in exercises/teksten.yaml (``tekst("key")``); labels of one or two words may stay."""
    import ast

    offenders = []
    for path in sorted((ROOT / "workbook" / "ui").rglob("*.py")):
        if path.name == "texts.py":  # its errors are about teksten.yaml itself
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in docstrings:
                continue
            if any(allowed in node.value for allowed in _DUTCH_IN_PYTHON):
                continue
            for run in re.split(r"<[^>]*>|\{[^}]*\}", node.value):  # the text between tags and fields
                # words have letters (a symbol like ✔ is none); a key such as "a.b_c" is one word
                words = [w.strip(".,:;!?()'\"").lower() for w in run.split() if re.search(r"[^\W\d_]", w)]
                if len(words) >= 3 and any(w in _DUTCH_WORDS for w in words):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {run.strip()!r}")
    assert offenders == [], "Dutch text belongs in exercises/teksten.yaml:\n" + "\n".join(offenders)
