"""Score sign-up detection against a labelled corpus, next to a naive baseline.

Usage: .venv/bin/python bench/detect_eval.py [--groups PATH] [--corpus PATH] [--errors]
       .venv/bin/python bench/detect_eval.py --heldout   (one line per bench/data*/ corpus)
       add --rules-only to leave the word model out: the shipped model was trained on
       every corpus here, so only the rules' figures are unseen-text figures; for the
       model's honest figures, hold sets out with bench/train_word_model.py --holdout

Prints precision/recall/F1 for join and leave, exact group-set accuracy on
correctly classified join/leave posts, join F1 per language, for coopbot and
for the naive baseline ("a group name or alias appears => join"). Reports the
whole corpus and a deterministic split (sha256 of the id: 'tune' 60 %,
'held' 40 %), so tuning on one part can be checked on the other.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.detection import Decision, Detector, GroupRef  # noqa: E402
from bot.detection.cli import load_groups  # noqa: E402
from bot.detection.folding import fold  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


def split_of(post_id: str) -> str:
    return "tune" if hashlib.sha256(post_id.encode()).digest()[0] < 154 else "held"


def naive(groups: list[GroupRef]) -> Callable[[str], tuple[str, tuple[str, ...]]]:
    forms = [(g.slug, re.compile(r"\b" + re.escape(fold(f)) + r"\b"))
             for g in groups for f in (g.name, *g.aliases)]

    def guess(text: str) -> tuple[str, tuple[str, ...]]:
        low = fold(text)
        found = tuple(dict.fromkeys(slug for slug, rx in forms if rx.search(low)))
        return ("join", found) if found else ("none", ())
    return guess


def prf(rows: list[dict], intent: str) -> tuple[float, float, float]:
    tp = sum(r["intent"] == intent and r["pred"] == intent for r in rows)
    fp = sum(r["intent"] != intent and r["pred"] == intent for r in rows)
    fn = sum(r["intent"] == intent and r["pred"] != intent for r in rows)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(label: str, rows: list[dict]) -> None:
    parts = [f"{label:<22} n={len(rows):<4}"]
    for intent in ("join", "leave"):
        p, r, f = prf(rows, intent)
        parts.append(f"{intent} P={p:.3f} R={r:.3f} F1={f:.3f}")
    ok = [r for r in rows if r["intent"] == r["pred"] and r["intent"] != "none"]
    exact = sum(set(r["groups"]) == set(r["pgroups"]) for r in ok) / len(ok) if ok else 1.0
    parts.append(f"groups-exact={exact:.3f}")
    print("  ".join(parts))
    langs = sorted({r["lang"] for r in rows})
    print(" " * 24 + "join F1 by language: " + "  ".join(
        f"{lang}={prf([r for r in rows if r['lang'] == lang], 'join')[2]:.3f}" for lang in langs))


def heldout_sets() -> list[tuple[str, Path, Path]]:
    """The independently written corpora under bench/ (each a groups file and a JSONL file)."""
    found = []
    for folder in sorted(ROOT.glob("bench/data*"), key=lambda p: int(re.sub(r"\D", "", p.name) or 1)):
        groups = next(iter(sorted(folder.glob("groups*.toml"))), None)
        corpus = next(iter(sorted(folder.glob("signups*.jsonl"))), None)
        if groups and corpus:
            found.append((folder.name, groups, corpus))
    return found


RULES_ONLY = False  # set by --rules-only


def decide(groups_path: Path, corpus_path: Path) -> list[dict]:
    detector = Detector(load_groups(groups_path), word_model=not RULES_ONLY)
    corpus = [json.loads(line) for line in corpus_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{**item, "pred": (d := detector.detect(item["text"])).intent, "pgroups": list(d.groups)}
            for item in corpus]


def heldout() -> int:
    """One line per held-out corpus, and the totals over all of them."""
    everything: list[dict] = []
    for name, groups, corpus in heldout_sets():
        rows = decide(groups, corpus)
        everything.extend(rows)
        report(name, rows)
    report("all held-out", everything)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=Path, default=SHARED / "groups.dev.toml")
    parser.add_argument("--corpus", type=Path, default=SHARED / "signups.dev.jsonl")
    parser.add_argument("--errors", action="store_true", help="list coopbot's mistakes")
    parser.add_argument("--heldout", action="store_true", help="score every bench/data*/ corpus")
    parser.add_argument("--rules-only", action="store_true", help="without the word model")
    args = parser.parse_args()
    global RULES_ONLY
    RULES_ONLY = args.rules_only
    if args.heldout:
        return heldout()
    groups = load_groups(args.groups)
    detector = Detector(groups, word_model=not RULES_ONLY)
    baseline = naive(groups)
    corpus = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours: list[dict] = []
    base: list[dict] = []
    low = 0
    for item in corpus:
        decision: Decision = detector.detect(item["text"])
        low += decision.is_low_confidence
        ours.append({**item, "pred": decision.intent, "pgroups": list(decision.groups),
                     "conf": decision.confidence, "evidence": decision.evidence})
        b_intent, b_groups = baseline(item["text"])
        base.append({**item, "pred": b_intent, "pgroups": list(b_groups)})
    for name, rows in (("coopbot", ours), ("naive baseline", base)):
        print(f"== {name}")
        report("all", rows)
        for part in ("tune", "held"):
            report(f"split={part}", [r for r in rows if split_of(r["id"]) == part])
    print(f"low-confidence join/leave decisions: {low}/{sum(r['pred'] != 'none' for r in ours)}")
    if args.errors:
        for r in ours:
            if r["pred"] != r["intent"] or (r["intent"] != "none" and set(r["groups"]) != set(r["pgroups"])):
                print(f"{r['id']} [{r['lang']}] want {r['intent']} {r['groups']} got {r['pred']} "
                      f"{r['pgroups']} ({r['conf']}) :: {r['text'][:110]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
