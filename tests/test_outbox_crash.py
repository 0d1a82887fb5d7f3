"""Kill the dispatcher at each step, restart it, and count what people received."""

from datetime import timedelta

import pytest

from bot.clock import FakeClock
from bot.delivery import DiscourseSender, OutgoingMessage, RecordingSender
from bot.sandbox import run_sandbox
from tests.outbox_support import drain, make_dispatcher, queue, rows
from tests.sandbox_support import SleepRecorder, make_gateway


class SimulatedCrash(BaseException):
    """Like a kill: not an Exception, so nothing in the dispatcher may catch it."""


def crash_on(step: str, key: str):
    def probe(at: str, message: OutgoingMessage) -> None:
        if at == step and message.key == key and message.attempt == 1:
            raise SimulatedCrash(step)
    return probe


STEPS = ["claimed", "sending", "during_send_before_remote", "during_send_after_remote", "sent"]
# sender calls in total: k2's first call happens only once the crash is inside or after the send
CALLS = {"claimed": 5, "sending": 5, "during_send_before_remote": 6, "during_send_after_remote": 6, "sent": 6}


@pytest.mark.parametrize("step", STEPS)
async def test_crash_at_any_step_neither_loses_nor_duplicates(db, clock, step):
    queue(db, clock, 5)
    remote = RecordingSender()  # the remote side outlives our process
    probe = None
    if step.startswith("during_send"):
        remote.raise_after_recording = step.endswith("after_remote")
        remote.fail_next(None, None, SimulatedCrash(step))
    else:
        probe = crash_on(step, "k2")
    with pytest.raises(SimulatedCrash):
        await make_dispatcher(db, clock, remote, probe=probe).run_once()
    remote.raise_after_recording = False
    clock.advance(timedelta(seconds=61))  # the crashed claim's lease runs out
    await drain(make_dispatcher(db, clock, remote))  # "restart"
    assert sorted(remote.delivered_keys()) == ["k0", "k1", "k2", "k3", "k4"]
    assert all(r.delivered_at is not None for r in rows(db))
    # k2 crashed; k3 and k4 were claimed in the same batch but never sent: all three come back as attempt 2
    assert [m.key for m in remote.calls if m.attempt > 1] == ["k2", "k3", "k4"]
    assert len(remote.calls) == CALLS[step]
    assert len({m.nonce for m in remote.calls if m.key == "k2"}) == 1


async def test_without_the_nonce_a_crash_after_sending_would_duplicate(db, clock):
    """The control: what the nonce (Discord's enforce_nonce) is protecting against."""
    queue(db, clock, 1)
    remote = RecordingSender(dedupe_nonces=False)
    with pytest.raises(SimulatedCrash):
        await make_dispatcher(db, clock, remote, probe=crash_on("sent", "k0")).run_once()
    clock.advance(timedelta(seconds=61))
    await drain(make_dispatcher(db, clock, remote))
    assert remote.delivered_keys() == ["k0", "k0"]


@pytest.fixture
async def forum_and_clock():
    clock = FakeClock()
    async with run_sandbox(rate_limit_per_minute=None, clock=clock) as forum:
        yield forum, clock


def _marked(forum, topic_id: int, marker: str) -> int:
    return sum(marker in forum.post(pid).raw for pid in forum.topic_post_ids(topic_id))


async def test_forum_reply_after_a_crash_is_found_by_its_marker_not_posted_twice(db, forum_and_clock):
    forum, forum_clock = forum_and_clock
    clock = forum_clock  # one clock for both sides, so Discourse's 120 s memo can expire
    forum.add_user("kari")
    topic_id = forum.create_topic("Join a working group", "Which group suits you?", "kari")
    queue(db, clock, 1, channel="discourse_reply", recipient=str(topic_id),
          payload={"text": "Thanks @kari — the driver has been told."}, prefix="ack:topic:1:signup:")
    gateway = make_gateway(forum, SleepRecorder())
    sender = DiscourseSender(gateway)
    with pytest.raises(SimulatedCrash):
        await make_dispatcher(db, clock, sender, probe=crash_on("sent", "ack:topic:1:signup:0")).run_once()
    marker = rows(db)[0].idempotency_key
    clock.advance(timedelta(seconds=300))  # well past the lease AND Discourse's memo window
    await drain(make_dispatcher(db, clock, DiscourseSender(gateway)))
    [row] = rows(db)
    assert row.delivered_at is not None and row.attempts == 2
    assert _marked(forum, topic_id, f"coopbot:{marker}") == 1
    assert row.remote_ref == str(forum.topic_post_ids(topic_id)[-1])


async def test_control_without_the_marker_check_the_forum_would_get_two_replies(forum_and_clock):
    forum, clock = forum_and_clock
    forum.add_user("kari")
    topic_id = forum.create_topic("Join a working group", "Which group suits you?", "kari")
    gateway = make_gateway(forum, SleepRecorder())
    await gateway.create_reply(topic_id, "Thanks!")
    clock.advance(timedelta(seconds=300))
    await gateway.create_reply(topic_id, "Thanks!")
    assert len(forum.topic_post_ids(topic_id)) == 3
