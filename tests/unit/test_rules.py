"""The feedback rules as data: validation, Dutch errors naming file and cue, examples, reason codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from workbook import feedback
from workbook.feedback.rules import (
    RULES_DIR,
    RuleError,
    check_all,
    check_examples,
    element_rules,
    lens_rules,
)


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "regels"
    shutil.copytree(RULES_DIR, folder)
    return folder


def _edit(folder: Path, name: str, change) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_shipped_rules_validate_and_every_example_holds():
    assert check_all() == {"bril.yaml": [], "elementen.yaml": []}


def test_every_cue_has_examples_that_must_and_must_not_match():
    lens = lens_rules()
    cues = [*lens.families, *lens.rood, *lens.groen]
    cues += [c for table in element_rules().elementen.values() for c in table] + list(element_rules().blokkades)
    thin = [c.id for c in cues if len(c.voorbeelden.wel) < 2 or not c.voorbeelden.niet]
    thin += [n for n, p in lens.patronen.items() if len(p.voorbeelden.wel) < 2 or not p.voorbeelden.niet]
    assert thin == []


def test_a_wrong_example_is_reported_with_the_cue(tmp_path):
    folder = _copy(tmp_path)

    def wrong(data):
        data["rood"][0]["voorbeelden"] = {"wel": ["Wat wil je bereiken?"], "niet": []}

    _edit(folder, "bril.yaml", wrong)
    first = lens_rules(folder).rood[0].id
    problems = check_examples(lens_rules(folder))
    assert problems == [f"regel '{first}': het voorbeeld 'Wat wil je bereiken?' hoort te passen, maar past niet."]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["rood"][1].update(gewichtt=1.0), "dit veld is onbekend"),
        (lambda d: d["rood"][1].update(patroon="(niet"), "geen geldige reguliere expressie"),
        (lambda d: d["rood"][1].update(patroon="Waarom"), "kleine letters"),
        (lambda d: d["rood"][1].update(woorden=["waarom"]), "precies één van 'patroon' en 'woorden'"),
        (lambda d: d["rood"][1].update(gewicht=0), "dit getal moet groter zijn dan 0"),
        (lambda d: d["rood"][1].update(id="Oorzaak"), "gebruik alleen kleine letters"),
        (lambda d: d["rood"][1].pop("reden"), "dit veld ontbreekt"),
    ],
)
def test_a_broken_cue_gives_a_dutch_error_naming_file_and_cue(tmp_path, change, expected):
    folder = _copy(tmp_path)
    _edit(folder, "bril.yaml", change)
    cue_id = yaml.safe_load((folder / "bril.yaml").read_text(encoding="utf-8"))["rood"][1]["id"]
    with pytest.raises(RuleError) as err:
        lens_rules(folder)
    message = str(err.value)
    assert "bril.yaml" in message and f"regel '{cue_id}'" in message and expected in message


def test_a_duplicate_id_a_missing_element_and_a_wrong_blocker_code_are_named(tmp_path):
    folder = _copy(tmp_path)

    def duplicate(data):
        data["groen"][0]["id"] = data["rood"][0]["id"]

    _edit(folder, "bril.yaml", duplicate)
    with pytest.raises(RuleError, match="komt twee keer voor"):
        lens_rules(folder)

    def missing_element(data):
        del data["elementen"]["normaliseren"]
        data["blokkades"][0]["code"] = "preek"

    _edit(folder, "elementen.yaml", missing_element)
    with pytest.raises(RuleError) as err:
        element_rules(folder)
    assert "ontbreekt of leeg: normaliseren" in str(err.value)
    assert "de code moet een van opdracht, advies, dreigement, verwijt, ja_maar zijn" in str(err.value)


def test_broken_yaml_and_a_missing_file_are_dutch_errors(tmp_path):
    folder = _copy(tmp_path)
    (folder / "bril.yaml").write_text("rood: [\n  - id: x\n", encoding="utf-8")
    (folder / "elementen.yaml").unlink()
    problems = check_all(folder)
    assert problems["bril.yaml"][0].startswith("dit is geen geldige YAML")
    assert problems["elementen.yaml"] == ["het bestand ontbreekt of kan niet worden gelezen."]


def test_questions_carry_reason_codes_for_form_and_lens():
    red = feedback.analyse_question("Waarom ben je weer te laat?")
    assert red.lens == "rood" and red.codes[0] == "vraagwoord" and "rode_waarom" in red.codes
    green = feedback.analyse_question("Wanneer speelt het minder?")
    assert green.lens == "groen" and "uitzondering" in green.codes
    closed = feedback.analyse_question("Heb je wel genoeg geleerd?")
    assert closed.codes[0] == "ja_nee" and "verwijt_met_wel" in closed.codes
    assert feedback.analyse_question("Je komt morgen, toch?").codes[0] == "staartje"
    assert feedback.analyse_question("Fijn dat je er bent.").codes[0] == "geen_vraag"
    assert feedback.analyse_question("Hoe laat begint je eerste les?").codes[1:] == ["informatie"]


def test_every_lens_code_of_a_cue_comes_from_the_rules_file():
    lens = lens_rules()
    codes = {c.code or c.id for c in [*lens.families, *lens.rood, *lens.groen]}
    built_in = {"verwijt_met_wel", "waarom_succes", "rode_waarom", "wat_wel_lukt", "wat_lukt", "afwezigheid"}
    for text in ("Wat gaat er goed?", "Waarom ging het mis?", "Wat houdt je tegen?", "Wie kan je helpen?"):
        got = feedback.analyse_question(text).codes[1:]
        assert got and set(got) <= codes | built_in | {"informatie", "twijfel"}


def test_the_shipped_json_schemas_of_the_rules_are_current(tmp_path):
    from workbook.feedback.rules import write_json_schemas

    for fresh in write_json_schemas(tmp_path):
        shipped = RULES_DIR / "schema" / fresh.name
        assert shipped.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), "run: make content-schema"


def test_check_content_also_checks_the_rules(capsys):
    from workbook.content.loader import main

    assert main([]) == 0
    assert "feedbackregels" in capsys.readouterr().out
