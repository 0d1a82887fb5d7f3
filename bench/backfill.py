"""Backfill a 5,000-post topic from the sandbox: requests and wall time, ours vs naive paging.

Run: .venv/bin/python bench/backfill.py [n_posts]
"Naive" reads the topic 20 posts at a time (GET /t/{id}/posts.json?post_number=N&asc=true),
as a client following Discourse's own infinite scroll would.
"""

from __future__ import annotations

import asyncio
import sys
import time

from pydiscourse import DiscourseClient

from bot.discourse import CircuitBreaker, DiscourseGateway
from bot.sandbox import run_sandbox


async def ours(forum, topic_id: int) -> tuple[int, int, float]:
    gateway = DiscourseGateway(
        base_url=forum.url, api_username=forum.api_username, api_key=forum.api_key,
        breaker=CircuitBreaker(),
    )
    start = time.perf_counter()
    total = 0
    async for batch in gateway.iter_topic_posts(topic_id):
        total += len(batch)
    return total, gateway.requests_sent, time.perf_counter() - start


def naive(forum, topic_id: int) -> tuple[int, int, float]:
    client = DiscourseClient(forum.url, forum.api_username, forum.api_key, timeout=10)
    start = time.perf_counter()
    first = client._get(f"/t/{topic_id}.json")["post_stream"]["posts"]  # noqa: SLF001
    seen = {p["id"] for p in first}
    last_number, requests = first[-1]["post_number"], 1
    while True:
        page = client.topic_posts(topic_id, post_number=last_number, asc="true")["post_stream"]["posts"]
        requests += 1
        if not page:
            break
        seen.update(p["id"] for p in page)
        last_number = page[-1]["post_number"]
    return len(seen), requests, time.perf_counter() - start


async def main(n_posts: int) -> None:
    async with run_sandbox(seed=False, rate_limit_per_minute=None) as forum:
        topic_id = forum.bulk_topic(n_posts)
        total, sent, seconds = await ours(forum, topic_id)
        naive_total, naive_sent, naive_seconds = await asyncio.to_thread(naive, forum, topic_id)
    print(f"topic with {n_posts} posts")
    print(f"gateway.iter_topic_posts: {total} posts, {sent} requests, {seconds:.2f} s")
    print(f"naive 20-post paging:     {naive_total} posts, {naive_sent} requests, {naive_seconds:.2f} s")
    print(f"at Discourse's 60 admin requests/min: {sent / 60:.1f} min vs {naive_sent / 60:.1f} min")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000))
