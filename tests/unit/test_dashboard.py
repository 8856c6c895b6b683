"""Dashboard (locked by key), aggregates and CSV export, without a browser."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.helpers import widget_html as _html
from workbook import aggregates, export
from workbook.store import Store
from workbook.ui import dashboard as dash

XSS = "<img src=x onerror=alert(1)>"


def quiz_state(score: int, total: int = 3, finished: bool = True, wrong: str = "erkennen"):
    questions = [
        {"text": "Ik snap het.", "answer": "erkennen"},
        {"text": "Hoe ga je dat concreet aanpakken?", "answer": "kleine_stap"},
        {"text": "Hoe is het aan het lukken?", "answer": "vervolggesprek"},
    ]
    answers = {str(i): (q["answer"] if i < score else wrong) for i, q in enumerate(questions)}
    return {"questions": questions, "answers": answers, "score": score, "total": total, "finished": finished}


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'd.sqlite'}")
    for name in ("Sanne", "Ali", XSS):
        s.claim_alias("ABC", name)
    s.save("ABC", "Sanne", "01_elementen.quiz", quiz_state(3))
    s.save("ABC", "Ali", "01_elementen.quiz", quiz_state(1))
    s.save("ABC", XSS, "01_elementen.quiz", quiz_state(1, finished=False))
    s.save("ABC", "Sanne", "03_brillen.sorteren", {"finished": False, "tekst": '=HYPERLINK("x")'})
    return s


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", "geheim-123")
    return "geheim-123"


def test_progress_scores_and_mistakes(store):
    frame = store.frame("ABC")
    progress = aggregates.progress(frame)
    row = progress[progress["Module"].str.startswith("1.")].iloc[0]
    assert (row["Gestart"], row["Afgerond"]) == (3, 2)
    assert "De zeven gesprekselementen" in row["Module"]
    scores = aggregates.quiz_scores(frame)
    assert sorted(scores["Score"]) == [1, 3]
    mistakes = aggregates.quiz_mistakes(frame)
    top = mistakes.iloc[0]
    assert top["Aantal fout"] == 2  # each score-1 quiz (two of them) missed both phrasings
    assert set(mistakes["Juist element"]) <= {"Kleine stap kiezen", "Vervolggesprek"}
    assert aggregates.module_of("01_elementen.quiz") == 1 and aggregates.module_of("x") is None
    assert aggregates.progress(frame.iloc[0:0]).empty
    people = aggregates.per_participant(frame, ["Sanne", "Stil"]).set_index("Deelnemer")
    assert people.loc["Sanne", "Modules"] == "1, 3" and people.loc["Sanne", "Afgerond"] == 1
    assert people.loc["Stil", "Modules"] == "" and people.loc[XSS, "Afgerond"] == 0


def test_excel_csv_has_bom_semicolons_and_defused_formulas(store):
    data = export.answers_csv(store.frame("ABC"), excel=True)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "training;deelnemer;oefening;opgeslagen_op;antwoord"
    table = pd.read_csv(io.StringIO(text), sep=";")
    assert len(table) == 4 and set(table["deelnemer"]) == {"Sanne", "Ali", XSS}
    plain = pd.read_csv(io.BytesIO(export.answers_csv(store.frame("ABC"))))
    assert list(plain.columns) == list(table.columns) and len(plain) == 4
    assert not export.answers_csv(store.frame("ABC")).startswith(b"\xef\xbb\xbf")


def test_formula_cells_are_defused_only_for_excel():
    frame = pd.DataFrame(
        {
            "workshop": ["A"],
            "participant": ["=1+1"],
            "exercise": ["x"],
            "saved_at": [pd.Timestamp.now()],
            "answer": [{"v": 1}],
        }
    )
    assert "'=1+1" in export.answers_csv(frame, excel=True).decode("utf-8-sig")
    assert ",=1+1," in export.answers_csv(frame).decode("utf-8")


def test_dashboard_is_locked_without_the_right_key(store, key):
    board = dash.dashboard(store).board
    assert "wb-overview" not in _html(board.widget)
    board.key.value = "fout"
    board.unlock()
    assert "klopt niet" in board.message.value
    assert not hasattr(board, "out")
    for _ in range(dash.MAX_ATTEMPTS):
        board.key.value = "fout"
        board.unlock()
    board.key.value = key
    board.unlock()
    assert "Te veel pogingen" in board.message.value and not hasattr(board, "out")


def test_dashboard_without_configured_key_says_how_to_start(store, monkeypatch):
    monkeypatch.delenv("WERKBOEK_BEGELEIDER_KEY", raising=False)
    board = dash.dashboard(store).board
    assert "make workshop" in board.message.value
    board.key.value = ""
    board.unlock()
    assert not hasattr(board, "out")


def test_dashboard_shows_the_workshop_escaped(store, key):
    board = dash.dashboard(store).board
    board.key.value = key
    board.unlock()
    assert board.workshop.value == "ABC"
    html = _html(board.out)
    assert "Training ABC" in html and "3</strong> deelnemer(s)" in html
    assert "Voortgang per module" in html and "zinnen die vaak fout gingen" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert XSS not in html
    assert 'download="antwoorden_ABC_excel.csv"' in html
    plots = [
        c
        for c in board.out.children
        if hasattr(c, "children") and any(getattr(g, "format", None) == "png" for g in c.children)
    ]
    assert plots, "score plot missing"


def test_dashboard_refresh_and_delete(store, key):
    board = dash.dashboard(store).board
    board.key.value = key
    board.unlock()
    store.claim_alias("ABC", "Nieuw")
    board.refresh_button.click()
    assert "4</strong> deelnemer(s)" in _html(board.out)
    delete_box = board.out.children[-1]
    confirm, button = delete_box.children[-1].children
    assert button.disabled
    confirm.value = True
    button.click()
    assert store.frame("ABC").empty and store.aliases("ABC") == []
    assert "is verwijderd" in _html(board.out)
