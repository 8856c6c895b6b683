"""Content loading, completeness against the seeds, and Dutch validation errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbook import content
from workbook.content import ELEMENT_IDS, ContentError

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    """A writable copy of exercises/ to break on purpose."""
    target = tmp_path / "exercises"
    shutil.copytree(EXERCISES, target)
    return target


def test_every_file_loads():
    results = content.load_all()
    errors = {k: v.message for k, v in results.items() if isinstance(v, ContentError)}
    assert errors == {}
    assert set(results) == set(content.MODELS)


def _filled(*texts: str) -> bool:
    return all(isinstance(t, str) and t.strip() for t in texts)


def test_seven_elements_complete():
    data = content.load("elementen")
    assert tuple(e.id for e in data.elementen) == ELEMENT_IDS
    for e in data.elementen:
        assert _filled(e.naam, e.wat, e.waarom, e.herkennen)
        assert len(e.voorbeelden) >= 4 and _filled(*e.voorbeelden)
        assert len(e.valkuilen) >= 2 and _filled(*e.valkuilen)


def test_listening_levels_complete():
    data = content.load("luisteren")
    assert [n.niveau for n in data.niveaus] == [1, 2, 3, 4]
    for n in data.niveaus:
        assert _filled(n.naam, n.beschrijving, n.effect)
        assert len(n.signalen) >= 2 and _filled(*n.signalen)


def test_lenses_and_question_pairs_complete():
    data = content.load("brillen")
    assert {b.kleur for b in data.brillen} == {"rood", "groen"}
    for b in data.brillen:
        assert _filled(b.kijkt_naar, b.effect, *b.kenmerken)
    assert len(data.paren) >= 12
    for p in data.paren:
        assert _filled(p.rood, p.groen, p.toelichting)
        assert p.rood != p.groen


def test_open_closed_pairs_complete():
    data = content.load("open_gesloten")
    assert _filled(data.open_uitleg, data.gesloten_uitleg)
    assert len(data.paren) >= 10
    for p in data.paren:
        assert _filled(p.gesloten, p.open, p.toelichting)


def test_smarti_complete():
    data = content.load("smarti")
    assert "".join(c.letter for c in data.criteria) == "SMARTI"
    for c in data.criteria:
        assert _filled(c.uitleg, c.controlevraag)
    judged_by_people = {c.id for c in data.criteria if c.beoordeeld_door_mensen}
    assert judged_by_people == {"acceptabel", "realistisch", "inspirerend"}
    assert len(data.voorbeelden) >= 2
    for v in data.voorbeelden:
        assert _filled(v.hulpvraag, v.fout_doel, v.waarom_fout, v.goed_doel, v.waarom_goed)
    assert data.doelenkaart.vage_opdracht.lower().startswith("doe normaal")
    assert len(data.doelenkaart.doelen) >= 3


def test_conversation_forms_complete():
    data = content.load("formulieren")
    forms = {f.id: f for f in data.formulieren}
    assert set(forms) == {"voorbereiding", "gesprek"}
    for f in forms.values():
        assert len(f.onderdelen) >= 4
        for part in f.onderdelen:
            assert _filled(part.titel, *part.vragen) and part.vragen
    titles = [p.titel.lower() for p in forms["gesprek"].onderdelen]
    assert any("afspraken" in t for t in titles) and any("evaluatie" in t for t in titles)


def test_leerlingbespreking_complete():
    data = content.load("leerlingbespreking")
    assert len(data.kenmerken) == 5 and len(data.onderdelen) == 3
    assert [o.naam for o in data.onderdelen] == ["Voorbereiding", "Bespreking", "Afspraken"]
    assert len(data.vraagparen) >= 3
    for p in data.vraagparen:
        assert _filled(p.probleemgericht, p.oplossingsgericht)


def test_parents_complete():
    data = content.load("ouders")
    assert len(data.positieve_gebieden) == 7
    assert len(data.richtlijnen) == 4
    assert _filled(data.metacommunicatie.uitleg) and len(data.metacommunicatie.voorbeelden) >= 2


def test_hgw_and_mentor_role_complete():
    hgw = content.load("hgw")
    assert [p.nummer for p in hgw.principes] == [1, 2, 3, 4, 5, 6, 7]
    role = content.load("mentorrol")
    assert len(role.onderwerpen) >= 5
    assert _filled(role.doorverwijzen, *role.wel_mentortaak, *role.niet_mentortaak)


# --- validation errors -------------------------------------------------------------


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_yaml_syntax_error_names_file_and_line(broken_dir: Path):
    (broken_dir / "luisteren.yaml").write_text("inleiding: [\nniveaus: 3\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        content.load("luisteren", broken_dir)
    msg = info.value.message
    assert "exercises/luisteren.yaml" in msg
    assert "regel" in msg and "geen geldige YAML" in msg


def test_unknown_key_names_file_entry_and_field(broken_dir: Path):
    _replace(
        broken_dir / "elementen.yaml",
        "  - id: normaliseren\n",
        "  - id: normaliseren\n    kleur: blauw\n",
    )
    with pytest.raises(ContentError) as info:
        content.load("elementen", broken_dir)
    msg = info.value.message
    assert "exercises/elementen.yaml" in msg
    assert "nummer 2 (normaliseren)" in msg
    assert "veld 'kleur'" in msg and "onbekend" in msg


def test_missing_field_and_too_few_items(broken_dir: Path):
    path = broken_dir / "brillen.yaml"
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("  - rood: Welke vaardigheden")
    path.write_text(head, encoding="utf-8")  # keeps only the first pair
    with pytest.raises(ContentError) as info:
        content.load("brillen", broken_dir)
    assert "veld 'paren'" in info.value.message
    assert "minstens 12" in info.value.message


def test_wrong_element_order_is_explained(broken_dir: Path):
    _replace(broken_dir / "elementen.yaml", "  - id: erkennen\n", "  - id: vervolggesprek\n")
    with pytest.raises(ContentError) as info:
        content.load("elementen", broken_dir)
    assert "in deze volgorde" in info.value.message


def test_empty_and_missing_files(broken_dir: Path):
    (broken_dir / "hgw.yaml").write_text("", encoding="utf-8")
    (broken_dir / "ouders.yaml").unlink()
    with pytest.raises(ContentError, match="leeg"):
        content.load("hgw", broken_dir)
    with pytest.raises(ContentError, match="bestaat niet"):
        content.load("ouders", broken_dir)


def test_one_broken_file_does_not_take_down_the_others(broken_dir: Path):
    (broken_dir / "smarti.yaml").write_text("criteria: 12\n", encoding="utf-8")
    results = content.load_all(broken_dir)
    assert isinstance(results["smarti"], ContentError)
    ok = [k for k, v in results.items() if not isinstance(v, ContentError)]
    assert set(ok) == set(content.MODELS) - {"smarti"}


def test_check_content_command_reports_errors(broken_dir: Path, monkeypatch, capsys):
    monkeypatch.setenv("WERKBOEK_EXERCISES", str(broken_dir))
    assert content.main() == 0
    (broken_dir / "hgw.yaml").write_text("principes: []\n", encoding="utf-8")
    assert content.main() == 1
    err = capsys.readouterr().err
    assert "exercises/hgw.yaml" in err and "inleiding" in err


def test_a_mapping_with_a_key_left_out_gets_a_dutch_error_not_a_crash(broken_dir: Path):
    """brillen.yaml's 'opdrachten' must name every exercise; one left out used to break the page."""
    text = (broken_dir / "brillen.yaml").read_text(encoding="utf-8")
    start = text.index("\n  lab:")
    end = text.index("\n", start + 1)
    while text[end + 1 : end + 5] == "    ":  # the folded text of 'lab' continues on indented lines
        end = text.index("\n", end + 1)
    (broken_dir / "brillen.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(ContentError) as info:
        content.load("brillen", broken_dir)
    assert "bij 'opdrachten' ontbreken teksten voor: lab" in info.value.message


def test_every_file_states_its_schema_version_and_a_wrong_one_is_explained(broken_dir: Path):
    for path in [*sorted(broken_dir.glob("*.yaml")), *sorted(broken_dir.glob("*/*.yaml"))]:
        assert "\nschema_version: 1\n" in path.read_text(encoding="utf-8"), path.name
    _replace(broken_dir / "ouders.yaml", "schema_version: 1\n", "schema_version: 7\n")
    with pytest.raises(ContentError) as info:
        content.load("ouders", broken_dir)
    assert "veld 'schema_version'" in info.value.message and "niet toegestaan" in info.value.message


def test_the_json_schemas_are_current_and_accept_every_content_file(tmp_path: Path):
    import json

    import jsonschema
    import yaml

    written = content.write_json_schemas(tmp_path)
    shipped = content.exercises_dir() / "schema"
    for path in written:  # `make content-schema` was run after the last model change
        assert json.loads((shipped / path.name).read_text(encoding="utf-8")) == json.loads(path.read_text()), path.name
    schemas = content.json_schemas()
    base = content.exercises_dir()
    for name in content.MODELS:
        data = yaml.safe_load((base / f"{name}.yaml").read_text(encoding="utf-8"))
        jsonschema.validate(data, schemas[name])
        first = (base / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schema/{name}.schema.json"  # editors find it
    for folder in content.FOLDERS:
        for path in sorted((base / folder).glob("*.yaml")):
            jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schemas[folder])
    brillen = yaml.safe_load((base / "brillen.yaml").read_text(encoding="utf-8"))
    del brillen["opdrachten"]["lab"]
    with pytest.raises(jsonschema.ValidationError):  # the editor also flags a key left out
        jsonschema.validate(brillen, schemas["brillen"])


def test_the_element_ids_have_one_source():
    from typing import get_args

    from workbook.content.models import ElementId

    assert ELEMENT_IDS == get_args(ElementId)
    assert [e.id for e in content.load("elementen").elementen] == list(ELEMENT_IDS)


def test_a_text_fills_its_named_values_and_a_wrong_field_gets_a_dutch_error(broken_dir: Path, monkeypatch):
    from workbook.ui.html import Markup, html
    from workbook.ui.texts import tekst, tekst_html

    monkeypatch.setenv("WERKBOEK_EXERCISES", str(broken_dir))
    path = broken_dir / "teksten.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '  proef.vol: "Je tekst is te lang (hoogstens {max} tekens), {naam}."\n'
        + '  proef.open_accolade: "Hoogstens {max tekens."\n'
        + '  proef.attribuut: "Hoogstens {max.real} tekens."\n',
        encoding="utf-8",
    )
    filled_text = tekst("proef.vol", max=400, naam="<b>Sanne</b>")
    assert filled_text == "Je tekst is te lang (hoogstens 400 tekens), <b>Sanne</b>."  # not escaped: plain text
    assert tekst("proef.vol") == "Je tekst is te lang (hoogstens {max} tekens), {naam}."  # no values: as stored
    assert tekst("sessie.niet_aangemeld").startswith("Je bent niet aangemeld")
    # the HTML variant escapes the text and plain values, and puts Markup values in as they are
    filled = tekst_html("proef.vol", max=html("<strong>{}</strong>", 400), naam="<b>")
    assert filled == Markup("Je tekst is te lang (hoogstens <strong>400</strong> tekens), &lt;b&gt;.")

    with pytest.raises(ContentError) as info:  # a field the code does not fill: no KeyError, a Dutch message
        tekst("proef.vol", max=400)
    msg = info.value.message
    assert "exercises/teksten.yaml" in msg and "'proef.vol'" in msg
    assert "het veld {naam}" in msg and "Gebruik alleen {max}" in msg
    with pytest.raises(ContentError, match="accolades die niet kloppen"):
        tekst("proef.open_accolade", max=400)
    with pytest.raises(ContentError, match=r"het veld \{max\.real\}"):  # a text cannot reach into a value
        tekst("proef.attribuut", max=400)
    with pytest.raises(ContentError, match="'proef.bestaat_niet' ontbreekt"):
        tekst("proef.bestaat_niet", max=400)


def test_every_text_the_interface_asks_for_exists_with_the_fields_it_fills():
    """Each ``tekst("key", ...)`` in workbook/ui names a text in teksten.yaml and fills each of its fields."""
    import ast
    from string import Formatter

    from workbook.ui.scenario_form import FIELDS, PRACTICE_FIELDS, field_label

    texts = content.load("teksten").teksten
    problems, asked = [], 0
    for path in sorted((EXERCISES.parent / "workbook" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in {"tekst", "tekst_html"} or not node.args:
                continue
            key = node.args[0].value if isinstance(node.args[0], ast.Constant) else None
            if key is None:  # a key built in code (the scenario form's field labels): checked below
                continue
            asked += 1
            where = f"{path.name}:{node.lineno} '{key}'"
            if key not in texts:
                problems.append(f"{where}: not in teksten.yaml")
                continue
            fields = {name for _text, name, _spec, _conv in Formatter().parse(texts[key]) if name is not None}
            given = {k.arg for k in node.keywords}
            if not fields <= given:  # without values a field would show as it is, braces and all
                problems.append(f"{where}: the text has {sorted(fields)}, the code fills {sorted(given)}")
    assert problems == []
    assert asked > 100
    assert all(field_label(key) for key, _kind in FIELDS)
    assert all(field_label(key, "oefengesprek_maken") for key, _kind in PRACTICE_FIELDS)


def test_the_texts_in_exercises_pass_the_spelling_and_style_check():
    from workbook.content.spelling import check_spelling, dictionary_path

    assert dictionary_path() is not None, "install the Dutch dictionary: sudo apt-get install hunspell-nl"
    assert [str(f) for f in check_spelling()] == []


def test_the_spelling_check_finds_typos_and_style_slips(tmp_path):
    from workbook.content.spelling import check_spelling

    (tmp_path / "woordenlijst.txt").write_text("Smartie\n", encoding="utf-8")
    (tmp_path / "x.yaml").write_text(
        "id: geen_tekst_maar_een_sleutel\n"
        "tekst: De leeerling ziet dat het cijfer omhoog gaat  , «mooi» zegt de de mentor.\n"
        "goed: Waarom voel je je zo? Smartie is een naam uit de woordenlijst.\n",
        encoding="utf-8",
    )
    found = [str(f) for f in check_spelling(tmp_path)]
    text = "\n".join(found)
    assert "‘leeerling’" in text and "omhooggaan" in text and "twee spaties" in text
    assert "spatie vóór een leesteken" in text and "Franse aanhalingstekens" in text and "‘de de’" in text
    assert all("(goed)" not in f and "(id)" not in f for f in found)  # 'je je' is Dutch; ids are skipped
