"""Detection speed: build time, realistic and dense posts per second, 100 KB worst cases.

Usage: .venv/bin/python bench/detect_speed.py [--groups PATH] [--corpus PATH] [--seconds S]
Targets (brief): >= 5,000 typical posts/s (<= 2 KB, 30 groups) single-threaded;
any 100 KB post < 50 ms. Figures only, no assertions: timing belongs here, not in tests.

The realistic mix is generated from varied sentences (mostly forum chatter in
four languages, some sign-ups and leaves, Discourse quotes/links/mentions),
not only corpus sentences, so speed is not tuned to the 200 dev replies.
"""

from __future__ import annotations

import argparse
import json
import random
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

CHATTER = [
    "Thanks everyone for coming on Tuesday, it was a really good session.",
    "The minutes from last week are on the wiki now, let me know if anything is missing.",
    "I think we should move the meeting to Thursday because half of us are away.",
    "Does anyone know where the spare keys for the shed went?",
    "Great stuff, I'll send you the invite later today.",
    "We had a long discussion about the budget and the events of last year.",
    "Kim said the policy paper needs another round of comments before Friday.",
    "Welcome aboard, glad to have you with us!",
    "The new website looks great, well done to the comms folks.",
    "Could someone remind me what time the call starts?",
    "I can't make it this week, sorry, family stuff.",
    "Here is the link to the shared document: https://docs.example.org/d/abc123 — please comment.",
    "Takk for sist, det var et hyggelig møte på lørdag.",
    "Referatet fra forrige uke ligger i mappen vår nå.",
    "Vi må finne en ny dato for dugnaden i hagen.",
    "Tack för mötet igår, jag skickar anteckningarna i morgon.",
    "Har någon sett nycklarna till förrådet?",
    "Bedankt voor de notulen, ik lees ze vanavond door.",
    "De vergadering is verplaatst naar woensdag om acht uur.",
    "Weet iemand waar de sleutels van de opslag zijn?",
    "@anna can you check the numbers before we publish them?",
    "1 Like",
    "I'm not sure about the proposal, it feels rushed to me.",
    "The bakery supplier raised prices again, we should talk about that.",
]
SIGNUPS = [
    "I'd love to join the {g} group if there's room.",
    "Count me in for {g}!",
    "Sign me up for {g}, I have some free evenings.",
    "Jeg vil gjerne være med i {g}.",
    "Jag vill gärna gå med i {g}.",
    "Ik wil graag meedoen met de werkgroep {g}.",
    "Happy to help wherever needed.",
    "How do I join {g}?",
    "I need to step down from {g}, too much going on at work.",
    "Please take me off the {g} mailing list.",
]
NOISE = [
    '[quote="kim, post:3, topic:42"]\nI would like to join {g} too.\n[/quote]',
    "> Count me in for {g}!",
    "```\nsign me up\n```",
    "See [the group page](https://forum.example.org/t/{g}/12) for details.",
    "<b>Note:</b> the `join` button is broken :smile:",
]


def thirty_groups(path: Path) -> list[GroupRef]:
    groups = load_groups(path)
    for name in EXTRA:
        slug = name.lower().replace(" ", "-")
        groups.append(GroupRef(slug, name, (f"{name.lower()} group",), f"{slug}@coop.example"))
    return groups[:30]


def realistic_posts(groups: list[GroupRef], corpus: list[dict[str, str]], n: int,
                    seed: int = 7) -> list[str]:
    """Forum replies of 100 B - 2 KB: chatter and markup, one in six holding a sign-up."""
    rng = random.Random(seed)
    names = [g.name.split("/")[0].strip() for g in groups]
    chatter = CHATTER + [c["text"] for c in corpus if c["intent"] == "none"]
    signups = SIGNUPS + [c["text"] for c in corpus if c["intent"] != "none"]
    posts = []
    for _ in range(n):
        target = rng.choice([100, 150, 250, 400, 600, 900, 1400, 2000])
        parts: list[str] = []
        while len("\n\n".join(parts).encode()) < target:
            parts.append(rng.choice(NOISE if rng.random() < 0.1 else chatter))
        if rng.random() < 1 / 6:
            parts.insert(rng.randrange(min(len(parts), 3)), rng.choice(signups))
        text = "\n\n".join(p.replace("{g}", rng.choice(names)) for p in parts)
        posts.append(text.encode()[:2048].decode(errors="ignore"))
    return posts


def dense_posts(corpus: list[str], size: int = 2000) -> list[str]:
    """~2 KB posts made only of corpus replies (every sentence a cue candidate)."""
    posts = []
    for i in range(50):
        post, j = "", i
        while len(post.encode()) < size - 100:
            post += corpus[j % len(corpus)] + "\n\n"
            j += 7
        posts.append(post)
    return posts


def big_posts(groups: list[GroupRef], corpus: list[str]) -> dict[str, str]:
    """100 KB posts of several kinds: the worst per-post cost, whatever the content."""
    size = 100_000
    prose = " ".join(CHATTER * 200)[:size]
    signups = " ".join(SIGNUPS[i % len(SIGNUPS)].replace("{g}", groups[i % len(groups)].name)
                       for i in range(2000))[:size]
    return {
        "prose": prose,
        "corpus sentences": ("\n\n".join(corpus) * 20)[:size],
        "sign-up sentences": signups,
        "one long line of cues": ("I'd like to join and help and sign me up, " * 3000)[:size],
        "hostile markup": ("[quote]" + " " * 50_000 + "[[[" * 10_000 + "I'd like to join " * 1000)[:size],
        "no punctuation": ("jeg vil gjerne være med i hagegruppa og " * 3000)[:size],
        "negated cues, one clause": ("I would not like to join the garden group, " * 3000)[:size],
        "third-party wishes, one clause": ("they would love to help with Events and she wants to join "
                                           "Finance and " * 2000)[:size],
        "greetings among group names": ("welcome aboard I would like to join Events and " * 3000)[:size],
        "one long word": "a" * size,
        "sign-up after a 95 KB quote": ("[quote]\n" + "I'd like to join Events. " * 3800 + "\n[/quote]\n"
                                        + "Count me in for Finance!"),
    }


def rate(detector: Detector, posts: list[str], seconds: float) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for post in posts:
            detector.detect(post)
        done += len(posts)
    return done / (time.perf_counter() - start)


def worst_ms(detector: Detector, text: str, runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        detector.detect(text)
        timings.append(time.perf_counter() - start)
    return 1000 * max(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=Path, default=SHARED / "groups.dev.toml")
    parser.add_argument("--corpus", type=Path, default=SHARED / "signups.dev.jsonl")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per throughput figure")
    args = parser.parse_args()
    groups = thirty_groups(args.groups)
    start = time.perf_counter()
    detector = Detector(groups)
    print(f"build: {1000 * (time.perf_counter() - start):.1f} ms ({len(groups)} groups)")
    items = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = [item["text"] for item in items]
    for label, posts in (("corpus replies", corpus),
                         ("realistic mix <= 2 KB", realistic_posts(groups, items, 400)),
                         ("dense 2 KB sign-up posts", dense_posts(corpus))):
        avg = sum(len(p.encode()) for p in posts) / len(posts)
        print(f"{label} (avg {avg:.0f} B): {rate(detector, posts, args.seconds):,.0f} posts/s")
    worst = {label: worst_ms(detector, text) for label, text in big_posts(groups, corpus).items()}
    for label, ms in worst.items():
        print(f"100 KB {label}: worst {ms:.1f} ms")
    print(f"100 KB posts, worst of all kinds: {max(worst.values()):.1f} ms (target < 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
