"""Detection speed: typical posts per second with 30 groups, and one 100 KB post.

Usage: .venv/bin/python bench/detect_speed.py [--groups PATH] [--corpus PATH]
Targets (brief): >= 5,000 typical posts/s single-threaded; a 100 KB post < 50 ms.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.detection import Detector, GroupRef  # noqa: E402
from bot.detection.cli import load_groups  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
EXTRA = ["Events", "Finance", "Garden", "Webshop", "Youth Network", "Housing Advice", "Legal",
         "Fundraising", "Translation", "Welcome Team", "Archive", "Training", "Newsletter",
         "Repair Café", "Bike Workshop", "Solar Panels", "Tenants Union"]


def thirty_groups(path: Path) -> list[GroupRef]:
    groups = load_groups(path)
    for name in EXTRA:
        slug = name.lower().replace(" ", "-")
        groups.append(GroupRef(slug, name, (f"{name.lower()} group",), f"{slug}@coop.example"))
    return groups[:30]


def rate(detector: Detector, posts: list[str], seconds: float = 2.0) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for post in posts:
            detector.detect(post)
        done += len(posts)
    return done / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=Path, default=SHARED / "groups.dev.toml")
    parser.add_argument("--corpus", type=Path, default=SHARED / "signups.dev.jsonl")
    args = parser.parse_args()
    groups = thirty_groups(args.groups)
    start = time.perf_counter()
    detector = Detector(groups)
    print(f"groups={len(groups)} build={1000 * (time.perf_counter() - start):.1f} ms")
    texts = [json.loads(line)["text"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    avg = sum(len(t.encode()) for t in texts) / len(texts)
    print(f"corpus posts (avg {avg:.0f} B): {rate(detector, texts):,.0f} posts/s")
    two_kb: list[str] = []
    for i in range(len(texts)):
        post = ""
        j = i
        while len(post.encode()) < 1900:
            post += texts[j % len(texts)] + "\n\n"
            j += 7
        two_kb.append(post)
    print(f"~2 KB posts: {rate(detector, two_kb[:50]):,.0f} posts/s")
    big = ("\n\n".join(texts) * 20)[:100_000]
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        detector.detect(big)
        timings.append(time.perf_counter() - start)
    print(f"100 KB post: best {1000 * min(timings):.1f} ms, worst {1000 * max(timings):.1f} ms")
    hostile = "[quote]" + " " * 50_000 + "[[[" * 10_000 + "I'd like to join " * 1000
    start = time.perf_counter()
    detector.detect(hostile)
    print(f"100 KB hostile post: {1000 * (time.perf_counter() - start):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
