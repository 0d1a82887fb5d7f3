"""The demo's starting point: the real "Want to join a working group?" thread.

The text is a copy of shared/seeds/001 kept as package data, so the sandbox
works without ../shared. Replies are split on the "1 Like" lines the page copy
left behind; the opening post ends where the first reply ("Hi @…") begins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from importlib import resources

from bot.sandbox.forum import SandboxForum

SEED_FILE = "data/want_to_join_a_working_group.txt"
SEED_TOPIC_ID = 1234
SEED_CATEGORY_ID = 5
DRIVER = "AthertonJohn"


@dataclass(frozen=True)
class SeedPost:
    username: str
    days_ago: float
    reply_to_post_number: int | None


PEOPLE = {
    DRIVER: "John Atherton",
    "glasgow_designer": "Glasgow media co-op designer",
    "keen_newcomer": "Keen Newcomer",
    "Alison": "Alison",
}
AUTHORS = (
    SeedPost(DRIVER, 20.0, None),               # the group list
    SeedPost("glasgow_designer", 18.6, 1),      # designer from media co-op Glasgow → Communications
    SeedPost(DRIVER, 18.2, 2),                  # "Great stuff I'll send you the invite…"
    SeedPost("keen_newcomer", 12.4, None),      # Mobilising
    SeedPost("Alison", 9.3, None),              # Policy ("Thanks, Al")
    SeedPost(DRIVER, 8.9, 5),                   # "thx Alison…"
)


def seed_thread() -> tuple[str, list[str]]:
    """The topic title and the raw text of its posts, in order."""
    text = resources.files("bot.sandbox").joinpath(SEED_FILE).read_text("utf-8")
    title, _, body = text.strip().partition("\n")
    chunks: list[list[str]] = [[]]
    for line in body.splitlines():
        if line.strip() == "1 Like":
            chunks.append([])
        else:
            chunks[-1].append(line)
    first = chunks[0]
    split_at = next(i for i, line in enumerate(first) if line.startswith("Hi @"))
    parts = [first[:split_at], first[split_at:], *chunks[1:]]
    posts = ["\n".join(lines).strip() for lines in parts]
    posts = [p for p in posts if p]
    if len(posts) != len(AUTHORS):
        raise ValueError(f"seed thread has {len(posts)} posts, expected {len(AUTHORS)}")
    return title.strip(), posts


def seed_forum(forum: SandboxForum) -> int:
    """Add the people and the seed thread; returns the topic id (1234)."""
    for username, name in PEOPLE.items():
        forum.add_user(username, name)
    title, posts = seed_thread()
    now = forum.clock.now()
    opening = AUTHORS[0]
    topic_id = forum.create_topic(
        title, posts[0], opening.username, SEED_CATEGORY_ID,
        topic_id=SEED_TOPIC_ID, created_at=now - timedelta(days=opening.days_ago),
    )
    for author, raw in zip(AUTHORS[1:], posts[1:]):
        forum.add_post(
            topic_id, raw, author.username,
            created_at=now - timedelta(days=author.days_ago),
            reply_to_post_number=author.reply_to_post_number,
        )
    return topic_id
