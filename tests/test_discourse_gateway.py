"""The gateway over real HTTP against the sandbox forum."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FakeClock
from bot.discourse import (
    CircuitBreaker,
    DiscourseGateway,
    ForumForbiddenError,
    ForumNotFoundError,
    ForumRateLimitedError,
    ForumUnavailableError,
    Post,
    Topic,
    reply_marker,
)
from bot.sandbox import SEED_TOPIC_ID, SandboxForum, run_sandbox
from tests.sandbox_support import SleepRecorder, forum, gateway, make_gateway, sleeps  # noqa: F401


async def test_latest_posts_are_typed_newest_first(gateway: DiscourseGateway):
    posts = await gateway.latest_posts()
    assert all(isinstance(p, Post) for p in posts)
    assert [p.id for p in posts] == sorted((p.id for p in posts), reverse=True)
    opening = posts[-1]
    assert opening.username == "AthertonJohn" and opening.post_number == 1
    assert opening.topic_title == "Want to join a working group?" and opening.category_id == 5
    assert opening.created_at.tzinfo is not None and "Mobilising Group" in opening.raw


async def test_posts_after_idle_cycle_is_one_request(forum: SandboxForum, gateway: DiscourseGateway):
    newest = max(p.id for p in await gateway.latest_posts())
    before = gateway.requests_sent
    assert await gateway.posts_after(newest) == []
    assert gateway.requests_sent - before == 1


async def test_posts_after_pages_back_only_while_needed(forum: SandboxForum, gateway: DiscourseGateway):
    cursor = max(p.id for p in await gateway.latest_posts())
    new_ids = [forum.add_post(SEED_TOPIC_ID, f"reply {i}", "keen_newcomer") for i in range(120)]
    before = gateway.requests_sent
    posts = await gateway.posts_after(cursor)
    assert [p.id for p in posts] == new_ids  # all of them, oldest first
    assert gateway.requests_sent - before == 3  # 50 + 50 + 20 (that page reaches the cursor)
    cursor = new_ids[-1]
    few = [forum.add_post(SEED_TOPIC_ID, f"more {i}", "Alison") for i in range(3)]
    before = gateway.requests_sent
    assert [p.id for p in await gateway.posts_after(cursor)] == few
    assert gateway.requests_sent - before == 1


async def test_posts_after_never_polled_reads_one_page(forum: SandboxForum, gateway: DiscourseGateway):
    for i in range(80):
        forum.add_post(SEED_TOPIC_ID, f"backlog {i}", "Alison")
    before = gateway.requests_sent
    posts = await gateway.posts_after(0)
    assert len(posts) == 50 and gateway.requests_sent - before == 1
    assert [p.id for p in posts] == sorted(p.id for p in posts)


async def test_private_messages_never_in_latest_posts(forum: SandboxForum, gateway: DiscourseGateway):
    pm = await gateway.send_private_message(["Alison"], "Welcome to the Policy Group", "Hello Alison")
    assert pm.archetype == "private_message"
    assert forum.sent_private_messages[-1].recipients == ("Alison",)
    listed = await gateway.latest_posts()
    assert pm.id not in {p.id for p in listed}
    assert pm.id not in {p.id for p in await gateway.posts_after(pm.id - 1)}


async def test_topic_and_posts_by_ids(gateway: DiscourseGateway):
    topic = await gateway.topic(SEED_TOPIC_ID)
    assert isinstance(topic, Topic) and topic.stream is not None and len(topic.stream) == 6
    assert topic.first_post_id == topic.stream[0]
    posts = await gateway.posts_by_ids(SEED_TOPIC_ID, list(topic.stream))
    assert [p.username for p in posts] == [
        "AthertonJohn", "glasgow_designer", "AthertonJohn", "keen_newcomer", "Alison", "AthertonJohn"]
    assert posts[4].raw.endswith("Thanks, Al")


async def test_backfill_5000_posts_within_30_requests_and_resume(forum: SandboxForum, gateway: DiscourseGateway):
    topic_id = forum.bulk_topic(5_000)
    before = gateway.requests_sent
    seen: list[int] = []
    async for batch in gateway.iter_topic_posts(topic_id):
        seen.extend(p.id for p in batch)
        if len(seen) >= 2_000:
            break  # interrupted after committing max(seen)
    first_run = gateway.requests_sent - before
    resumed: list[int] = []
    async for batch in gateway.iter_topic_posts(topic_id, after_post_id=max(seen)):
        assert all(p.topic_title == "A thread with 5000 posts" and p.raw for p in batch)
        resumed.extend(p.id for p in batch)
    assert seen + resumed == forum.topic_post_ids(topic_id)
    assert gateway.requests_sent - before <= 30 + 1
    assert first_run < gateway.requests_sent - before
    assert max(r.url_bytes for r in forum.requests.records) <= 6_000


async def test_backfill_whole_topic_request_count(forum: SandboxForum, gateway: DiscourseGateway):
    topic_id = forum.bulk_topic(5_000)
    before = gateway.requests_sent
    total = sum([len(b) async for b in gateway.iter_topic_posts(topic_id)])
    assert total == 5_000 and gateway.requests_sent - before <= 30


async def test_mega_topic_has_no_stream_but_all_ids(forum: SandboxForum, gateway: DiscourseGateway):
    topic_id = forum.bulk_topic(10_001)
    topic = await gateway.topic(topic_id)
    assert topic.stream is None and topic.posts_count == 10_001
    before = gateway.requests_sent
    assert await gateway.topic_post_ids(topic_id) == forum.topic_post_ids(topic_id)
    assert gateway.requests_sent - before == 2
    tail = [p async for b in gateway.iter_topic_posts(topic_id, after_post_id=forum.topic_post_ids(topic_id)[-30])
            for p in b]
    assert [p.id for p in tail] == forum.topic_post_ids(topic_id)[-29:]


async def test_mega_topic_paging_when_server_caps_post_ids(forum: SandboxForum, gateway: DiscourseGateway):
    topic_id = forum.bulk_topic(10_000)
    forum.post_ids_limit = 4_000
    assert await gateway.topic_post_ids(topic_id) == forum.topic_post_ids(topic_id)


async def test_missing_and_private_topics_map_to_our_errors(forum: SandboxForum, gateway: DiscourseGateway):
    with pytest.raises(ForumNotFoundError):
        await gateway.topic(999_999)
    forum.set_topic_deleted(SEED_TOPIC_ID)
    with pytest.raises(ForumNotFoundError):
        await gateway.topic(SEED_TOPIC_ID)
    forum.set_topic_deleted(SEED_TOPIC_ID, False)
    forum.set_topic_private(SEED_TOPIC_ID)
    with pytest.raises(ForumForbiddenError):
        await gateway.topic(SEED_TOPIC_ID)
    assert gateway.breaker.state.value == "closed"


async def test_bad_api_key_is_forbidden(forum: SandboxForum, sleeps: SleepRecorder):
    gw = DiscourseGateway(base_url=forum.url, api_username="coopbot", api_key="wrong", sleep=sleeps)
    with pytest.raises(ForumForbiddenError):
        await gw.latest_posts()


async def test_rate_limit_waits_within_budget_then_gives_up(sleeps: SleepRecorder):
    clock = FakeClock()
    async with run_sandbox(clock=clock, rate_limit_per_minute=3) as forum:
        async def advancing_sleep(seconds: float) -> None:
            await sleeps(seconds)
            clock.advance(timedelta(seconds=seconds))

        gw = make_gateway(forum, sleeps, sleep=advancing_sleep, max_rate_limit_wait=90)
        for _ in range(3):
            await gw.latest_posts()
        clock.advance(timedelta(seconds=20))
        assert len(await gw.latest_posts()) == 6  # waited for the bucket, then succeeded
        assert sleeps.calls == [40]
        await gw.latest_posts()
        await gw.latest_posts()  # the bucket is full again for the next 60 s
        strict = make_gateway(forum, sleeps, max_rate_limit_wait=30)
        with pytest.raises(ForumRateLimitedError) as info:
            await strict.latest_posts()
        assert 0 < info.value.wait_seconds <= 60
        assert sleeps.calls == [40]  # gave up without sleeping past the budget


@pytest.mark.parametrize("fault", ["fail", "reset", "truncate"])
async def test_transient_faults_are_retried_with_backoff(
    forum: SandboxForum, gateway: DiscourseGateway, sleeps: SleepRecorder, fault: str
):
    getattr(forum.faults, f"{fault}_next")(2, path_prefix="/posts.json")
    posts = await gateway.latest_posts()
    assert len(posts) == 6
    assert gateway.requests_sent == 3
    assert sleeps.calls == [0.25, 0.5]  # full jitter with rng()=0.5: 0.5·[0.5, 1.0]


async def test_slow_answer_times_out_and_is_retried(forum: SandboxForum, sleeps: SleepRecorder):
    gw = make_gateway(forum, sleeps, timeout=0.2)
    forum.faults.slow_next(1, delay=1.0)
    assert len(await gw.latest_posts()) == 6
    assert gw.requests_sent == 2


async def test_gives_up_after_max_attempts(forum: SandboxForum, gateway: DiscourseGateway):
    forum.faults.fail_next(10, status=503)
    with pytest.raises(ForumUnavailableError):
        await gateway.latest_posts()
    assert gateway.requests_sent == 4


async def test_breaker_opens_fails_fast_then_closes_after_probe(forum: SandboxForum, sleeps: SleepRecorder):
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=3, cooldown=30, clock=clock)
    gw = make_gateway(forum, sleeps, breaker=breaker, max_attempts=2)
    forum.faults.fail_next(3)
    with pytest.raises(ForumUnavailableError):
        await gw.latest_posts()
    with pytest.raises(ForumUnavailableError):
        await gw.latest_posts()
    assert breaker.state.value == "open" and gw.requests_sent == 3
    with pytest.raises(ForumUnavailableError):
        await gw.latest_posts()
    assert gw.requests_sent == 3  # failed fast, nothing sent
    clock.advance(timedelta(seconds=30))
    assert len(await gw.latest_posts()) == 6  # the probe succeeds
    assert breaker.state.value == "closed" and gw.requests_sent == 4


async def test_writes_reply_topic_and_memoized_retry(forum: SandboxForum, gateway: DiscourseGateway):
    reply = await gateway.create_reply(SEED_TOPIC_ID, "Welcome aboard!", reply_to_post_number=4)
    assert reply.topic_id == SEED_TOPIC_ID and reply.username == "coopbot" and reply.reply_to_post_number == 4
    again = await gateway.create_reply(SEED_TOPIC_ID, "Welcome aboard!", reply_to_post_number=4)
    assert again.id == reply.id
    first = await gateway.create_topic("Communications Group meeting notes", "Notes here", category_id=5)
    assert first.post_number == 1 and first.topic_title == "Communications Group meeting notes"
    assert (await gateway.post(first.id)).raw == "Notes here"


async def test_write_lost_answer_is_not_duplicated(forum: SandboxForum, gateway: DiscourseGateway):
    forum.faults.truncate_next(1, path_prefix="/posts")
    reply = await gateway.create_reply(SEED_TOPIC_ID, "Only once please")
    bodies = [forum.post(i).raw for i in forum.topic_post_ids(SEED_TOPIC_ID)]
    assert bodies.count("Only once please") == 1 and reply.raw == "Only once please"


async def test_find_recent_reply_by_marker(forum: SandboxForum, gateway: DiscourseGateway):
    marker = reply_marker("signup:42")
    assert await gateway.find_recent_reply(SEED_TOPIC_ID, marker) is None
    forum.add_post(SEED_TOPIC_ID, f"Impostor {marker}", "Alison")
    assert await gateway.find_recent_reply(SEED_TOPIC_ID, marker) is None
    posted = await gateway.create_reply(SEED_TOPIC_ID, f"Thanks, noted!\n\n{marker}")
    found = await gateway.find_recent_reply(SEED_TOPIC_ID, marker)
    assert found is not None and found.id == posted.id and "coopbot" not in found.cooked
    with pytest.raises(ValueError):
        reply_marker("x --> y")


async def test_find_recent_reply_in_mega_topic(forum: SandboxForum, gateway: DiscourseGateway):
    topic_id = forum.bulk_topic(10_000)
    marker = reply_marker("k1")
    posted = await gateway.create_reply(topic_id, f"Done {marker}")
    found = await gateway.find_recent_reply(topic_id, marker)
    assert found is not None and found.id == posted.id


async def test_user_lookup(gateway: DiscourseGateway):
    user = await gateway.user("Alison")
    assert user is not None and user.username == "Alison"
    assert await gateway.user("nobody-here") is None


async def test_logs_never_contain_the_api_key(forum: SandboxForum, gateway: DiscourseGateway, caplog):
    forum.faults.fail_next(10)
    with caplog.at_level("DEBUG"), pytest.raises(ForumUnavailableError) as info:
        await gateway.latest_posts()
    assert caplog.records and forum.api_key not in caplog.text and forum.api_key not in str(info.value)
