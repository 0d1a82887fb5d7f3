"""Train the detector's word model (bot/detection/model/words.tsv) from the labelled corpora.

Usage: .venv/bin/python bench/train_word_model.py             (all corpora -> the shipped model)
       .venv/bin/python bench/train_word_model.py --holdout data65,data66,data67,data68
            (train without those sets, write nothing, and score rules alone against rules
             plus the model on them: the honest estimate of what the model adds)
       .venv/bin/python bench/train_word_model.py --folds 4   (every batch of 4 sets held out in turn)
       .venv/bin/python bench/train_word_model.py --exclude data81,data82   (all but fresh, unscored sets)

Multinomial logistic regression (none / join / leave) over the distinct folded words of
each post's own text, fitted by plain stochastic gradient descent in a fixed order: pure
Python, no dependencies, the same file from the same corpora on every machine.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.detection import Detector  # noqa: E402
from bot.detection.cli import load_groups  # noqa: E402
from bot.detection.detector import read_words  # noqa: E402
from bot.detection.wordmodel import DEFAULT_MODEL, WordModel, write_word_model  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
CLASSES = ("none", "join", "leave")
MIN_POSTS = 3  # a word seen in fewer posts is a name or a typo, not how sign-ups are written
EPOCHS = 15
RATE = 0.5
L2 = 1e-4
SEED = 7
MIN_WEIGHT = 0.3  # smaller weights hardly move a verdict; each word kept costs a lookup per reply


def corpora() -> list[tuple[str, Path, Path]]:
    found = [("dev", SHARED / "groups.dev.toml", SHARED / "signups.dev.jsonl")]
    for folder in sorted((ROOT / "bench").glob("data*"), key=lambda p: (len(p.name), p.name)):
        if (folder / "signups.jsonl").is_file():
            found.append((folder.name, folder / "groups.toml", folder / "signups.jsonl"))
    return found


def posts_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def features(text: str) -> list[str]:
    _texts, _folded, words = read_words(text)
    return sorted({w for sentence in words for w in sentence})


def train(samples: list[tuple[list[str], int]]) -> WordModel:
    """SGD on the softmax loss; weights kept as logit differences against "none"."""
    seen = Counter(w for words, _ in samples for w in words)
    vocabulary = {w for w, n in seen.items() if n >= MIN_POSTS}
    docs = [([w for w in words if w in vocabulary], label) for words, label in samples]
    weights = {w: [0.0, 0.0, 0.0] for w in sorted(vocabulary)}
    bias = [0.0, 0.0, 0.0]
    order = list(range(len(docs)))
    rng = random.Random(SEED)
    step = 0
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            step += 1
            rate = RATE / (1 + 1e-4 * step)
            words, label = docs[k]
            scores = [bias[c] + sum(weights[w][c] for w in words) for c in range(3)]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            grad = [exps[c] / total - (c == label) for c in range(3)]
            scale = rate / math.sqrt(max(1, len(words)))  # long posts do not dominate
            for c in range(3):
                bias[c] -= rate * grad[c]
            for w in words:
                row = weights[w]
                for c in range(3):
                    row[c] -= scale * (grad[c] + L2 * row[c])
    kept = {w: (r[1] - r[0], r[2] - r[0]) for w, r in weights.items()
            if max(abs(r[1] - r[0]), abs(r[2] - r[0])) >= MIN_WEIGHT}
    return WordModel({w: j for w, (j, _) in kept.items()}, {w: l for w, (_, l) in kept.items()},
                     (bias[1] - bias[0], bias[2] - bias[0]))


def samples_of(names: set[str] | None, *, exclude: set[str] = frozenset()) -> list[tuple[list[str], int]]:
    out = []
    for name, _groups, path in corpora():
        if name in exclude or (names is not None and name not in names):
            continue
        out.extend((features(p["text"]), CLASSES.index(p["intent"])) for p in posts_of(path))
    return out


def f1(pairs: list[tuple[str, str]], intent: str) -> float:
    tp = sum(p == intent == g for p, g in pairs)
    fp = sum(p == intent != g for p, g in pairs)
    fn = sum(g == intent != p for p, g in pairs)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(held: set[str], model: WordModel) -> dict[str, list[tuple[str, str]]]:
    """Rules alone and rules plus `model` on the held-out sets: (predicted, gold) pairs."""
    pairs: dict[str, list[tuple[str, str]]] = {"rules": [], "rules+words": []}
    for name, groups_path, path in corpora():
        if name not in held:
            continue
        groups = load_groups(groups_path)
        rules, both = Detector(groups, word_model=False), Detector(groups, word_model=model)
        for post in posts_of(path):
            pairs["rules"].append((rules.detect(post["text"]).intent, post["intent"]))
            pairs["rules+words"].append((both.detect(post["text"]).intent, post["intent"]))
    return pairs


def report(label: str, pairs: dict[str, list[tuple[str, str]]]) -> None:
    print(f"{label:<28}" + "   ".join(f"{kind}: join F1 {f1(p, 'join'):.3f} leave F1 {f1(p, 'leave'):.3f}"
                                      for kind, p in pairs.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", help="comma-separated sets to leave out and score on")
    parser.add_argument("--folds", type=int, help="hold out every batch of this many bench sets in turn")
    parser.add_argument("--output", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--exclude", default="", help="comma-separated sets never to train on (fresh corpora not yet scored)")
    args = parser.parse_args()
    if args.holdout or args.folds:
        names = [name for name, _, _ in corpora() if name.startswith("data")]
        batches = ([set(args.holdout.split(","))] if args.holdout else
                   [set(names[i:i + args.folds]) for i in range(0, len(names), args.folds)])
        total: dict[str, list[tuple[str, str]]] = {"rules": [], "rules+words": []}
        for held in batches:
            pairs = score(held, train(samples_of(None, exclude=held)))
            report(",".join(sorted(held, key=lambda n: (len(n), n))), pairs)
            for kind in total:
                total[kind].extend(pairs[kind])
        if len(batches) > 1:
            report("all held-out batches", total)
        return 0
    start = time.perf_counter()
    excluded = set(filter(None, args.exclude.split(",")))
    samples = samples_of(None, exclude=excluded)
    model = train(samples)
    counts = Counter(CLASSES[label] for _, label in samples)
    comment = (f"Word model of coopbot's sign-up detector: written by bench/train_word_model.py, do not edit.\n"
               f"Trained on {len(samples)} labelled posts ({', '.join(f'{n} {c}' for c, n in sorted(counts.items()))}) "
               f"from {sum(name not in excluded for name, _, _ in corpora())} corpora; {len(model.join)} words kept (seen in >= {MIN_POSTS} posts, "
               f"a weight of at least {MIN_WEIGHT}).\n"
               f"Columns: word, weight towards join, weight towards leave (logit differences against none).")
    write_word_model(args.output, model, comment)
    print(f"wrote {args.output} ({len(model.join)} words) in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
