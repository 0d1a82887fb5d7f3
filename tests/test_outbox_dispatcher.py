import asyncio
from datetime import timedelta

import pytest

from bot.config import OutboxConfig
from bot.delivery import PermanentDeliveryError, RecipientUnreachableError, RecordingSender
from bot.delivery import TransientDeliveryError
from bot.outbox import enqueue, requeue, status_of
from tests.outbox_support import ClockSleep, drain, make_dispatcher, queue, rows


async def test_delivers_each_due_message_once_and_records_where_it_went(db, clock):
    queue(db, clock, 3)
    sender = RecordingSender()
    dispatcher = make_dispatcher(db, clock, sender)
    report = await dispatcher.run_once()
    assert (report.claimed, report.delivered) == (3, 3)
    assert (await dispatcher.run_once()).claimed == 0
    assert sender.delivered_keys() == ["k0", "k1", "k2"]
    assert all(r.delivered_at == clock.now() and r.remote_ref.startswith("discord_dm:") for r in rows(db))
    assert [m.attempt for m in sender.calls] == [1, 1, 1]


async def test_transient_failure_backs_off_but_never_sooner_than_retry_after(db, clock):
    queue(db, clock)
    sender = RecordingSender(failures=[TransientDeliveryError("429", retry_after=30.0)])
    dispatcher = make_dispatcher(db, clock, sender, config=OutboxConfig(base_delay=timedelta(seconds=5)))
    start = clock.now()
    assert (await dispatcher.run_once()).retried == 1
    [row] = rows(db)
    assert row.next_attempt_at == start + timedelta(seconds=30) and "429" in row.last_error
    clock.advance(timedelta(seconds=29))
    assert (await dispatcher.run_once()).claimed == 0
    clock.advance(timedelta(seconds=1))
    assert (await dispatcher.run_once()).delivered == 1
    assert [m.attempt for m in sender.calls] == [1, 2]


def test_backoff_is_exponential_with_full_jitter_and_capped(db, clock):
    config = OutboxConfig(base_delay=timedelta(seconds=5), max_delay=timedelta(seconds=60))
    top = make_dispatcher(db, clock, RecordingSender(), config=config, rng=lambda: 1.0)
    assert [top.backoff(a, None) for a in (1, 2, 3, 4, 5, 6)] == [5, 10, 20, 40, 60, 60]
    low = make_dispatcher(db, clock, RecordingSender(), config=config, rng=lambda: 0.0)
    assert low.backoff(3, None) == 0 and low.backoff(3, 7.5) == 7.5


async def test_dead_letter_after_max_attempts_then_operator_retry(db, clock):
    [row_id] = queue(db, clock)
    sender = RecordingSender(failures=[TransientDeliveryError("502")] * 3)
    dispatcher = make_dispatcher(db, clock, sender, config=OutboxConfig(max_attempts=3))
    for _ in range(3):
        await dispatcher.run_once()
        clock.advance(timedelta(hours=2))
    [row] = rows(db)
    assert status_of(row) == "dead" and "gave up after 3 attempts" in row.last_error
    assert (await dispatcher.run_once()).claimed == 0
    with db.session() as session:
        requeue(session, row_id, now=clock.now())
    assert (await dispatcher.run_once()).delivered == 1
    assert status_of(rows(db)[0]) == "delivered" and len(sender.delivered) == 1


async def test_permanent_failure_is_dead_at_once(db, clock):
    queue(db, clock)
    dispatcher = make_dispatcher(db, clock, RecordingSender(failures=[PermanentDeliveryError("unknown user")]))
    assert (await dispatcher.run_once()).dead == 1
    [row] = rows(db)
    assert row.attempts == 1 and "unknown user" in row.last_error


async def test_burst_of_200_is_delivered_steadily_at_the_configured_rate(db, clock):
    queue(db, clock, 200)
    times = []
    sender = RecordingSender(on_deliver=lambda m: times.append(clock.now()))
    dispatcher = make_dispatcher(db, clock, sender, rate=5.0)
    start = clock.now()
    await drain(dispatcher)
    assert len(sender.delivered) == 200 and len(set(sender.delivered_keys())) == 200
    seconds = [(t - start).total_seconds() for t in times]
    # token bucket (5/s, burst 5): never more than 5 + 5·T messages in any span of T seconds
    for i, first in enumerate(seconds):
        for j in range(i, len(seconds)):
            assert j - i + 1 <= 5 + 5 * (seconds[j] - first) + 1e-6
    assert seconds[-1] >= (200 - 5) / 5 - 1e-6


async def test_closed_dms_fall_back_to_a_discourse_pm_in_the_same_transaction(db, clock):
    fallback = {"channel": "discourse_pm", "recipient": "AthertonJohn",
                "payload": {"title": "New sign-up", "text": "Kari wants to join (via forum)"}}
    queue(db, clock, payload={"text": "Kari wants to join", "buttons": [], "fallback": fallback})
    discord = RecordingSender(channels=frozenset({"discord_dm"}),
                              failures=[RecipientUnreachableError("50007: cannot send messages to this user")])
    forum = RecordingSender(channels=frozenset({"discourse_pm"}))
    dispatcher = make_dispatcher(db, clock, discord, forum)
    report = await dispatcher.run_once()
    assert report.fell_back == 1
    dm, pm = rows(db)
    assert status_of(dm) == "failed_over" and dm.remote_ref == f"fallback:{pm.id}" and "50007" in dm.last_error
    assert (pm.channel, pm.recipient, pm.idempotency_key) == ("discourse_pm", "AthertonJohn", "k0:fallback")
    await dispatcher.run_once()
    assert [m.payload["text"] for m in forum.delivered] == ["Kari wants to join (via forum)"]
    assert discord.delivered == []


async def test_unreachable_without_a_forum_account_is_dead_lettered(db, clock):
    queue(db, clock, recipient="999")
    dispatcher = make_dispatcher(db, clock, RecordingSender(failures=[RecipientUnreachableError("50007")]))
    assert (await dispatcher.run_once()).dead == 1
    assert "no fallback" in rows(db)[0].last_error


async def test_rows_for_channels_without_a_sender_wait(db, clock):
    queue(db, clock, channel="discourse_pm", recipient="kari")
    dispatcher = make_dispatcher(db, clock, RecordingSender(channels=frozenset({"discord_dm"})))
    assert (await dispatcher.run_once()).claimed == 0
    assert status_of(rows(db)[0]) == "pending"


async def test_a_claim_holds_a_lease_so_nobody_else_sends_it_meanwhile(db, clock):
    queue(db, clock)
    first = make_dispatcher(db, clock, RecordingSender())
    claimed = first._claim(10)
    assert len(claimed) == 1
    other = make_dispatcher(db, clock, RecordingSender())
    assert (await other.run_once()).claimed == 0
    clock.advance(timedelta(seconds=61))
    assert (await other.run_once()).delivered == 1


async def test_run_loop_delivers_and_stops(db, clock):
    queue(db, clock, 2)
    stop = asyncio.Event()
    sender = RecordingSender(on_deliver=lambda m: stop.set() if len(sender.delivered) == 2 else None)
    dispatcher = make_dispatcher(db, clock, sender, sleep=ClockSleep(clock))
    await asyncio.wait_for(dispatcher.run(stop, idle_wait=0.01), timeout=10)
    assert len(sender.delivered) == 2


@pytest.mark.parametrize("rate", [0, -1])
def test_rate_must_be_positive(db, clock, rate):
    with pytest.raises(ValueError):
        make_dispatcher(db, clock, RecordingSender(), rate=rate)


async def test_one_time_codes_are_not_kept_in_the_outbox_after_delivery(db, clock):
    sender = RecordingSender()
    with db.session() as session:
        enqueue(session, kind="link_code", channel="discourse_pm", recipient="kari",
                payload={"text": "Your code is 7H3K-92QA", "title": "coopbot link code"}, key="link:1",
                now=clock.now())
    await drain(make_dispatcher(db, clock, sender))
    [row] = rows(db)
    assert row.delivered_at is not None and row.payload == {}
    assert "7H3K-92QA" in sender.delivered[0].payload["text"]
