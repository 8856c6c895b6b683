"""Role-play scenarios and practice conversations: schema, tally, branching, authoring, views."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.helpers import widget_html as _html
from workbook import authoring, content
from workbook.content import ELEMENT_IDS, THEMES, ContentError
from workbook.roleplay import Tally
from workbook.session import Session
from workbook.store import Store
from workbook.ui import oefengesprek, rollenspel, scenario_form
from workbook.ui.common import PageContext

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def copy(tmp_path, monkeypatch) -> Path:
    target = tmp_path / "exercises"
    shutil.copytree(EXERCISES, target)
    monkeypatch.setenv("WERKBOEK_EXERCISES", str(target))
    return target


@pytest.fixture
def ctx(tmp_path) -> PageContext:
    return PageContext(Store(f"sqlite:///{tmp_path / 'r.sqlite'}"), Session("ABC", "Sanne", "t"))


# --- content ------------------------------------------------------------------------------


def test_every_scenario_file_is_valid_and_the_themes_are_covered():
    plays, errors = content.load_folder("rollenspellen")
    assert errors == [] and len(plays) >= 10
    assert {p.thema for p in plays} == set(THEMES)
    for p in plays:
        assert (EXERCISES / "rollenspellen" / f"{p.id}.yaml").exists()
        assert all(p.formuleringen[e] for e in ELEMENT_IDS)
    talks, errors = content.load_folder("oefengesprekken")
    assert errors == [] and len(talks) >= 6
    for t in talks:
        assert all(len(lines) >= 2 for lines in t.antwoorden.values())


def test_a_broken_scenario_gives_a_precise_error_and_the_others_stay(copy):
    path = copy / "rollenspellen" / "moe.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["leerling"]["gevoel"]
    data["thema"] = "iets anders"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    other = copy / "rollenspellen" / "concentratie.yaml"
    data = yaml.safe_load(other.read_text(encoding="utf-8"))
    data["formuleringen"].pop("vastleggen")
    other.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (copy / "rollenspellen" / "kapot.yaml").write_text("id: kapot\ntitel: [\n", encoding="utf-8")
    plays, errors = content.load_folder("rollenspellen")
    assert len(plays) == 8
    text = "\n".join(e.message for e in errors)
    assert "rollenspellen/moe.yaml" in text and "'leerling', veld 'gevoel': dit veld ontbreekt" in text
    assert "veld 'thema': deze waarde is niet toegestaan" in text
    assert "rollenspellen/concentratie.yaml" in text and "ontbreken voorbeeldzinnen voor: vastleggen" in text
    assert "rollenspellen/kapot.yaml" in text and "regel" in text
    box = rollenspel.module(PageContext(None, None))
    assert "rollenspellen/moe.yaml" in _html(box) and box["ronde"].scenario_choice.options


def test_duplicate_ids_are_reported(copy):
    shutil.copy(copy / "rollenspellen" / "moe.yaml", copy / "rollenspellen" / "moe_kopie.yaml")
    _plays, errors = content.load_folder("rollenspellen")
    assert any("meer dan één bestand" in e.message for e in errors)


# --- tally --------------------------------------------------------------------------------


def test_tally_counts_order_time_and_roundtrip():
    t = Tally()
    t.mark("erkennen", 12)
    t.mark("zichtbaar_maken", 95)
    t.mark("erkennen", 130)
    t.count("groen")
    t.count("open")
    t.undo()
    assert t.timeline() == [("00:12", "erkennen"), ("01:35", "zichtbaar_maken")]
    assert t.per_element()["erkennen"] == 1 and t.counters["groen"] == 1
    with pytest.raises(ValueError):
        t.mark("<b>", 1)
    with pytest.raises(ValueError):
        t.count("paars")
    t.listening, t.notes, t.agreement = 3, XSS, True
    again = Tally.from_state(t.state())
    assert again == t
    junk = Tally.from_state({"events": [{"element": "x", "t": 1}, "y"], "counters": {"rood": -3}, "listening": 9})
    assert junk.events == [] and junk.counters["rood"] == 0 and junk.listening is None


# --- authoring ----------------------------------------------------------------------------


def _form_fields(scenario_id: str = "nieuw_scenario") -> dict:
    plays, _ = content.load_folder("rollenspellen")
    base = plays[0].model_dump()
    fields = {key: base.get(key) for key in ("titel", "thema", "minuten")}
    fields["id"] = scenario_id
    for section in ("leerling", "mentor", "observator"):
        for key, value in base[section].items():
            fields[f"{section}.{key}"] = "\n".join(value) if isinstance(value, list) else value
    for e in ELEMENT_IDS:
        fields[f"formuleringen.{e}"] = "\n".join(base["formuleringen"][e])
    fields["nabespreking"] = "\n".join(base["nabespreking"])
    return fields


def test_save_scenario_writes_a_valid_file(copy):
    path = authoring.save_scenario(_form_fields(), copy)
    assert path == copy / "rollenspellen" / "nieuw_scenario.yaml"
    plays, errors = content.load_folder("rollenspellen", copy)
    assert errors == [] and "nieuw_scenario" in {p.id for p in plays}
    written = path.read_text(encoding="utf-8").splitlines()
    assert written[:2] == ["# yaml-language-server: $schema=../schema/rollenspellen.schema.json", "schema_version: 1"]
    with pytest.raises(FileExistsError, match="bestaat al"):
        authoring.save_scenario(_form_fields(), copy)
    authoring.save_scenario(_form_fields(), copy, overwrite=True)


def test_invalid_form_gets_dutch_errors_and_writes_nothing(copy):
    fields = _form_fields("Fout ID!")
    fields["mentor.doel"] = ""
    fields["nabespreking"] = "alleen één vraag"
    with pytest.raises(ContentError) as info:
        authoring.save_scenario(fields, copy)
    msg = info.value.message
    assert "het formulier" in msg and "veld 'id'" in msg and "'mentor', veld 'doel'" in msg
    assert "minstens 3" in msg
    assert not list((copy / "rollenspellen").glob("Fout*"))


def test_scenario_form_is_locked_and_saves(copy, monkeypatch):
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", "sleutel-voor-de-test")
    form = scenario_form.scenario_form()
    assert not hasattr(form, "inputs")
    form.lock.key.value = "fout"
    form.lock.unlock()
    assert not hasattr(form, "inputs") and "klopt niet" in form.lock.message.value
    form.lock.key.value = "sleutel-voor-de-test"
    form.lock.unlock()
    for key, value in _form_fields("via_formulier").items():
        if key in form.inputs:
            form.inputs[key].value = value
    form.inputs["titel"].value = "Titel met " + XSS
    form.show_preview()
    assert "Jij bent de observator" in form.preview.value and "<img" not in form.preview.value
    form.save()
    assert "Opgeslagen" in form.message.value and (copy / "rollenspellen" / "via_formulier.yaml").exists()
    form.inputs["mentor.doel"].value = ""
    form.save()
    assert "doel" in form.message.value and "wb-error" in form.message.value


# --- the views ----------------------------------------------------------------------------


def test_practice_conversation_view_plays_saves_and_restores(ctx):
    view = oefengesprek.module(ctx)["gesprek"]
    view.text.value = ""
    view.say()
    assert "Typ eerst" in view.message.value
    for text in (
        "Dat lijkt me echt balen.",
        XSS,
        "Wat ging er bij het vorige hoofdstuk wel goed?",
        "Wat is een kleine stap die je deze week kunt proberen?",
        "Ik schrijf het op en vrijdag kijken we samen hoe het ging.",
    ):
        view.text.value = text
        view.say()
    assert view.conversation.finished and "Terugblik" in view.review.value
    assert "&lt;img" in view.transcript.value and "<img" not in view.transcript.value
    again = oefengesprek.module(ctx)["gesprek"]
    assert len(again.conversation.turns) == 5 and again.conversation.finished
    again.restart.click()
    assert again.conversation.turns == [] and view.input_box.layout.display == "none"


def test_a_turn_being_typed_survives_a_reload(tmp_path):
    """The workshop benchmark found it: a typed but unsent turn was lost on reload."""
    from workbook.session import Session
    from workbook.store import Store
    from workbook.ui import oefengesprek
    from workbook.ui.common import PageContext

    ctx = PageContext(Store(f"sqlite:///{tmp_path / 'c.sqlite'}"), Session("ABC", "Sanne", "t"))
    view = oefengesprek.module(ctx)["gesprek"]
    view.text.value = "Dat klinkt vervelend."
    view.flush()
    again = oefengesprek.module(ctx)["gesprek"]
    assert again.text.value == "Dat klinkt vervelend." and again.conversation.turns == []
    again.say()
    assert again.text.value == "" and len(again.conversation.turns) == 1
    again.flush()
    assert oefengesprek.module(ctx)["gesprek"].text.value == ""


def _practice_fields(script_id: str = "nieuw_gesprek") -> dict:
    talks, _ = content.load_folder("oefengesprekken")
    base = {t.id: t for t in talks}["te_laat_daan"].model_dump()
    fields = {k: base[k] for k in ("titel", "leerling", "thema", "temperament", "situatie", "opening", "max_beurten")}
    fields |= {k: base[k] for k in ("slot_goed", "slot_dicht", "slot_tijd")}
    fields["id"] = script_id
    for kind, lines in base["antwoorden"].items():
        fields[f"antwoorden.{kind}"] = "\n".join(lines)
    return fields


def test_a_practice_conversation_is_written_in_the_form_tried_out_and_saved(copy, monkeypatch):
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", "sleutel-voor-de-test")
    form = scenario_form.scenario_form()
    form.lock.key.value = "sleutel-voor-de-test"
    form.lock.unlock()
    practice = form.practice
    for key, value in _practice_fields("via_formulier").items():
        practice.inputs[key].value = value
    practice.inputs["leerling"].value = "Bo " + XSS
    practice.show_preview()
    shown = practice.preview.value
    assert "Proefgesprek 1" in shown and "vervolgafspraak" in shown and "klapte dicht" in shown
    assert "<img" not in shown and "&lt;img" in shown
    practice.save()
    assert "module 6" in practice.message.value
    talks, errors = content.load_folder("oefengesprekken", copy)
    assert errors == [] and "via_formulier" in {t.id for t in talks}
    written = (copy / "oefengesprekken" / "via_formulier.yaml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schema/oefengesprekken.schema.json")
    # one line for a kind, and a line said twice: Dutch problems, nothing written
    practice.inputs["id"].value = "nog_een"
    practice.inputs["antwoorden.schaal"].value = "Een 4."
    practice.save()
    assert "minstens twee zinnen nodig voor: schaal" in practice.message.value
    practice.inputs["antwoorden.schaal"].value = "Een 4.\nJa."
    practice.save()
    assert "twee keer" in practice.message.value and not (copy / "oefengesprekken" / "nog_een.yaml").exists()


def test_the_observer_card_names_the_elements_in_words_not_ids():
    from workbook.ui.render import role_card

    plays, _ = content.load_folder("rollenspellen")
    card_html = str(role_card(plays[0], "observator"))
    assert "Zichtbaar maken wat werkt:" in card_html and "zichtbaar maken:" not in card_html
