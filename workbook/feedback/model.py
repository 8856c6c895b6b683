"""A small word model that reads what the rules miss: naive Bayes over words and word pairs.

The rules in ``regels/*.yaml`` explain themselves but only know the words written into them.
Where they find nothing (a question with no cue, an utterance with no element cue), this model
compares the words with those of the labelled development sentences and says which lens or
element they resemble, naming the words that weighed most, so the judgement still explains
itself. It is trained by :func:`train` (``make feedback-model``) from the development rounds in
``tests/data/`` only, never from a held-out set, and stored as ``regels/woordmodel.json``
(word -> log-probabilities), so nothing is learned at run time and no library is needed.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from workbook.feedback.text import normalise, words

__all__ = ["WordModel", "Guess", "features", "train", "build", "lens_model", "element_model", "MODEL_PATH"]

MODEL_PATH = Path(__file__).resolve().parent / "regels" / "woordmodel.json"
# Words that carry no direction; leaving them out keeps the named evidence meaningful.
STOPWORDS = frozenset(
    "de het een en of je jij u jou jouw je hij zij ze we wij ik me mij mijn dat dit die er is was ben bent zijn"
    " in op aan van voor met bij naar om te dan nog al ook wel eens even maar zo heel echt".split()
)


def features(text: str) -> list[str]:
    """Return the features of a text: its content words, word pairs, and its first word marked."""
    norm, _cut = normalise(text)
    ws = words(norm)
    content = [w for w in ws if w not in STOPWORDS]
    feats = list(content)
    feats += [f"{a}_{b}" for a, b in zip(ws, ws[1:], strict=False) if a not in STOPWORDS or b not in STOPWORDS]
    if ws:
        feats.append(f"^{ws[0]}")
    return feats


@dataclass(frozen=True)
class Guess:
    """What the model thinks: the label, its probability, and the words that weighed most for it."""

    label: str
    probability: float
    evidence: list[str]


class WordModel:
    """Multinomial naive Bayes with add-one smoothing, stored as log-probabilities."""

    def __init__(
        self, priors: dict[str, float], likelihoods: dict[str, dict[str, float]], unseen: dict[str, float]
    ) -> None:
        self.priors = priors
        self.likelihoods = likelihoods
        self.unseen = unseen

    def guess(self, text: str) -> Guess | None:
        """Return the most probable label for ``text``, or ``None`` when no known word is in it."""
        feats = [f for f in features(text) if f in self.likelihoods]
        if not feats:
            return None
        scores = {
            label: prior + sum(self.likelihoods[f].get(label, self.unseen[label]) for f in feats)
            for label, prior in self.priors.items()
        }
        best = max(scores, key=lambda k: scores[k])
        top = max(scores.values())
        total = sum(math.exp(s - top) for s in scores.values())
        # the words that favour the winner most over the runner-up
        runner = max((k for k in scores if k != best), key=lambda k: scores[k])
        lift = {
            f: self.likelihoods[f].get(best, self.unseen[best]) - self.likelihoods[f].get(runner, self.unseen[runner])
            for f in set(feats)
            if not f.startswith("^")
        }
        evidence = [f.replace("_", " ") for f, v in sorted(lift.items(), key=lambda kv: -kv[1]) if v > 0.5][:3]
        return Guess(best, 1.0 / total, evidence)

    def to_json(self) -> dict[str, object]:
        """Return the model as JSON-able data (rounded, sorted: the file diffs well)."""
        return {
            "priors": {k: round(v, 4) for k, v in sorted(self.priors.items())},
            "unseen": {k: round(v, 4) for k, v in sorted(self.unseen.items())},
            "likelihoods": {
                f: {k: round(v, 4) for k, v in sorted(d.items())} for f, d in sorted(self.likelihoods.items())
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, dict[str, object]]) -> WordModel:
        """Build a model from :meth:`to_json` data."""
        return cls(data["priors"], data["likelihoods"], data["unseen"])  # type: ignore[arg-type]


def train(examples: list[tuple[str, str]], min_count: int = 2) -> WordModel:
    """Train a model on ``(text, label)`` pairs; features seen fewer than ``min_count`` times are dropped."""
    labels = Counter(label for _t, label in examples)
    counts: dict[str, Counter[str]] = {label: Counter() for label in labels}
    seen: Counter[str] = Counter()
    for text, label in examples:
        feats = features(text)
        counts[label].update(feats)
        seen.update(set(feats))
    vocab = sorted(f for f, n in seen.items() if n >= min_count)
    priors = {label: math.log(n / len(examples)) for label, n in labels.items()}
    totals = {label: sum(counts[label][f] for f in vocab) + len(vocab) for label in labels}
    unseen = {label: math.log(1 / totals[label]) for label in labels}
    likelihoods = {
        f: {label: math.log((counts[label][f] + 1) / totals[label]) for label in labels if counts[label][f]}
        for f in vocab
    }
    return WordModel(priors, likelihoods, unseen)


@cache
def _models() -> dict[str, WordModel]:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return {name: WordModel.from_json(d) for name, d in data.items()}


def lens_model() -> WordModel:
    """Return the model of question lenses (rood, groen, neutraal)."""
    return _models()["bril"]


def element_model() -> WordModel:
    """Return the model of conversation elements (the seven ids, and ``geen``)."""
    return _models()["elementen"]


def build(paths: list[Path]) -> dict[str, WordModel]:
    """Train both models from development files (YAML with ``vragen`` and/or ``uitingen``, or a bare list).

    A bare list is read by its file name: ``vragen*`` questions, ``uitingen*`` utterances.
    Questions train the lens model (only real questions with a lens); utterances train the element
    model on their first element, or ``geen``.
    """
    questions: list[tuple[str, str]] = []
    utterances: list[tuple[str, str]] = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, list):
            data = (
                {"vragen" if path.name.startswith("vragen") else "uitingen": data}
                if not path.name.startswith("doelen")
                else {}
            )
        for text, is_question, _open, lens in data.get("vragen", []):
            if is_question and lens:
                questions.append((text, lens))
        for text, gold in data.get("uitingen", []):
            utterances.append((text, gold[0] if gold else "geen"))
    return {"bril": train(questions), "elementen": train(utterances)}


def main(argv: list[str]) -> None:
    """``python -m workbook.feedback.model FILE...``: train on the development files and write the model."""
    models = build([Path(a) for a in argv])
    MODEL_PATH.write_text(
        json.dumps({k: m.to_json() for k, m in models.items()}, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(f"{MODEL_PATH}: " + ", ".join(f"{k} {len(m.likelihoods)} kenmerken" for k, m in models.items()))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
