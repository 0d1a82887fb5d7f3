"""A second opinion for replies in which no cue spoke: which words sign-ups use.

The cue rules are precise but only know the phrasings someone wrote down; on
corpora written by people they never saw they miss about one join in eight,
mostly indirect offers ("I can take the Saturday shifts at the shop"). This
is a multinomial logistic regression over the distinct folded words of the
author's own text, trained on the labelled corpora (bench/train_word_model.py)
and stored as plain weights in `model/words.tsv`: deterministic, offline, and
explainable by the words that carried it. Its verdicts are always low
confidence, so the driver is asked to check ("possible sign-up") rather than
anyone being added silently.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.errors import ConfigError

DEFAULT_MODEL = Path(__file__).parent / "model" / "words.tsv"
_HEADER = "#bias"


@dataclass(frozen=True, slots=True)
class WordModel:
    """Per-word weights of join and leave against none (logit differences)."""

    join: dict[str, float]
    leave: dict[str, float]
    bias: tuple[float, float]
    words: frozenset[str] = field(init=False, repr=False, compare=False)  # the words with weights

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", frozenset(self.join))

    def probabilities(self, words: Iterable[str]) -> tuple[float, float]:
        """P(join), P(leave) for a text made of these distinct folded words."""
        # one set intersection in C: a reply's hundred words meet a few dozen weights
        known = self.words.intersection(words)
        join = self.bias[0] + sum(map(self.join.__getitem__, known))
        leave = self.bias[1] + sum(map(self.leave.__getitem__, known))
        top = max(0.0, join, leave)
        none, join, leave = math.exp(-top), math.exp(join - top), math.exp(leave - top)
        total = none + join + leave
        return join / total, leave / total

    def weight(self, words: Iterable[str], intent: str) -> float:
        """How far these words lean towards `intent` (to find the sentence that carries it)."""
        weights = self.join if intent == "join" else self.leave
        return sum(map(weights.__getitem__, self.words.intersection(words)))

    def strongest(self, words: Iterable[str], intent: str, n: int = 5) -> list[str]:
        """The words that pushed most towards `intent`: the model's explanation."""
        weights = self.join if intent == "join" else self.leave
        return sorted((w for w in set(words) if weights.get(w, 0.0) > 0), key=lambda w: -weights[w])[:n]


@lru_cache(maxsize=4)
def load_word_model(path: Path = DEFAULT_MODEL) -> WordModel:
    """Read a weights file: a "#bias" line, then one "word<TAB>join<TAB>leave" line per word."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError([f"cannot read word model {path}: {exc}"]) from exc
    join: dict[str, float] = {}
    leave: dict[str, float] = {}
    bias: tuple[float, float] | None = None
    for number, line in enumerate(lines, 1):
        parts = line.split("\t")
        try:
            if parts[0] == _HEADER and len(parts) == 3:
                bias = (float(parts[1]), float(parts[2]))
            elif len(parts) == 3 and parts[0] and not parts[0].startswith("#"):
                join[parts[0]], leave[parts[0]] = float(parts[1]), float(parts[2])
            elif line.strip() and not line.startswith("#"):
                raise ValueError("expected word<TAB>join<TAB>leave")
        except ValueError as exc:
            raise ConfigError([f"{path}:{number}: {exc}"]) from exc
    if bias is None:
        raise ConfigError([f"{path}: no {_HEADER} line"])
    return WordModel(join, leave, bias)


def write_word_model(path: Path, model: WordModel, comment: str = "") -> None:
    """Weights rounded to 4 decimals, words sorted: the file diffs cleanly when retrained."""
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append(f"{_HEADER}\t{model.bias[0]:.4f}\t{model.bias[1]:.4f}")
    for word in sorted(model.join):
        lines.append(f"{word}\t{model.join[word]:.4f}\t{model.leave[word]:.4f}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
