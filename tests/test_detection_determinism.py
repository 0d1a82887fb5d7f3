"""Decisions must not depend on the process: the same post gets the same groups
whatever PYTHONHASHSEED is (set iteration order must never leak into a decision)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "bench" / "data7", ROOT / "bench" / "data16"]  # Norwegian/Swedish/Dutch inflections

SCRIPT = """
import json, sys
from pathlib import Path
from bot.detection import Detector
from bot.detection.cli import load_groups
out = []
for folder in sys.argv[1:]:
    folder = Path(folder)
    detector = Detector(load_groups(folder / "groups.toml"))
    for line in (folder / "signups.jsonl").read_text(encoding="utf-8").splitlines():
        d = detector.detect(json.loads(line)["text"])
        out.append([d.intent, list(d.groups), d.confidence])
print(json.dumps(out))
"""


def _decisions(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, *map(str, CORPORA)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_decisions_do_not_depend_on_the_hash_seed() -> None:
    first = _decisions("0")
    assert len(first) == 320
    for seed in ("1", "2", "3"):
        assert _decisions(seed) == first, f"PYTHONHASHSEED={seed} changed a decision"
