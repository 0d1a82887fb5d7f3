from datetime import datetime, timedelta, timezone

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlmodel import select

from bot.errors import PermissionDeniedError
from bot.i18n import load_catalogs
from bot.models import Notification, SignUp, SignUpEvent
from bot.notifications.answer_links import add_answer_routes, make_answer_token, make_answer_url
from bot.services.followup import FollowUpService
from bot.services.permissions import Actor
from tests.notifications_support import FORUM, join, outbox, setup

SECRET = b"k" * 32


def followup(app, clock, **kwargs):
    return FollowUpService(app.db, clock, app.config, load_catalogs(), forum_url=FORUM, answer_secret=SECRET,
                           **kwargs)


def kinds(db, since=0):
    return [(r.kind, r.channel, r.recipient) for r in outbox(db)[since:]]


@pytest.fixture
def tuesday(clock):
    clock.set(datetime(2026, 3, 3, 10, 0, tzinfo=timezone.utc))  # not the digest day
    return clock


def test_reminder_then_escalation_each_once(db, tuesday):
    clock = tuesday
    app, _ = setup(db, clock)
    join(app, "kari", 41, "comms")
    service, start = followup(app, clock), len(outbox(db))
    clock.advance(timedelta(days=2, hours=23))
    assert service.tick().reminded == 0
    clock.advance(timedelta(hours=1))
    assert service.tick().reminded == 1 and service.tick().reminded == 0
    assert kinds(db, start) == [("followup_reminder", "discord_dm", "1001")]
    reminder = outbox(db)[start]
    assert "3 days ago" in reminder.payload["text"] and len(reminder.payload["buttons"]) == 3
    clock.advance(timedelta(days=4))
    report = service.tick()
    assert (report.reminded, report.escalated) == (0, 1) and service.tick().escalated == 0
    escalation = outbox(db)[-1]
    assert (escalation.channel, escalation.recipient) == ("discord_channel", "777")
    assert "7 days ago" in escalation.payload["text"] and "John" in escalation.payload["text"]


def test_contacted_or_silent_history_is_not_chased(db, tuesday):
    clock = tuesday
    app, _ = setup(db, clock)
    [contacted] = join(app, "kari", 41, "comms")
    app.signups.set_status(contacted.id, "contacted", Actor.operator())
    join(app, "ola", 42, "comms", notify=False)
    start = len(outbox(db))
    clock.advance(timedelta(days=8))
    report = followup(app, clock).tick()
    assert (report.reminded, report.escalated, report.asked) == (0, 0, 0)
    assert kinds(db, start) == []


def test_weekly_digest_one_per_driver_per_iso_week(db, clock):
    app, _ = setup(db, clock, organisation={"name": "Co-op", "timezone": "Europe/Oslo"})
    join(app, "kari", 41, "comms")
    join(app, "ola", 42, "comms")
    service, start = followup(app, clock), len(outbox(db))
    clock.set(datetime(2026, 3, 9, 7, 30, tzinfo=timezone.utc))  # Monday 08:30 in Oslo: too early
    assert service.tick().digests == 0
    clock.set(datetime(2026, 3, 9, 8, 0, tzinfo=timezone.utc))  # Monday 09:00 in Oslo
    assert service.tick().digests == 1 and service.tick().digests == 0
    digest = [r for r in outbox(db)[start:] if r.kind == "followup_digest"]
    assert [(d.recipient, d.idempotency_key.split(":")[-1]) for d in digest] == [("1001", "2026-W11")]
    assert "You have 2 open sign-ups" in digest[0].payload["text"] and "**ola**" in digest[0].payload["text"]
    clock.set(datetime(2026, 3, 16, 9, 0, tzinfo=timezone.utc))
    assert service.tick().digests == 1  # the next week
    clock.set(datetime(2026, 3, 17, 9, 0, tzinfo=timezone.utc))
    assert service.tick().digests == 0  # Tuesday


def test_ask_the_volunteer_on_discord_with_buttons_or_on_the_forum_with_signed_links(db, tuesday):
    clock = tuesday
    app, _ = setup(db, clock, web={"public_url": "https://bot.example.coop"})
    [on_discord] = join(app, "kari", 41, "comms", discord_id=4242)
    [on_forum] = join(app, "ola", 42, "comms")
    app.signups.set_status(on_discord.id, "contacted", Actor.operator())
    start = len(outbox(db))
    clock.advance(timedelta(days=10))
    service = followup(app, clock)
    assert service.tick().asked == 2 and service.tick().asked == 0
    asks = {r.recipient: r for r in outbox(db)[start:] if r.kind == "followup_ask"}
    assert [b["custom_id"] for b in asks["4242"].payload["buttons"]] == [
        f"coopbot:ask:{on_discord.id}:yes", f"coopbot:ask:{on_discord.id}:no"]
    pm = asks["ola"]
    assert pm.channel == "discourse_pm"
    with db.session() as session:
        ola = session.get(SignUp, on_forum.id).person_id
    assert make_answer_url("https://bot.example.coop", SECRET, on_forum.id, ola, False) in pm.payload["text"]


def test_no_escalates_at_once_and_yes_marks_contacted(db, tuesday):
    clock = tuesday
    app, _ = setup(db, clock)
    [first] = join(app, "kari", 41, "comms")
    [second] = join(app, "ola", 42, "policy")
    service, start = followup(app, clock), len(outbox(db))
    service.volunteer_answer(first.id, False, person_id=first.person_id)
    service.volunteer_answer(first.id, False, person_id=first.person_id)
    assert kinds(db, start) == [("followup_answer_no", "discord_channel", "777")]
    service.volunteer_answer(second.id, True, person_id=None)
    with db.session() as session:
        assert session.get(SignUp, second.id).status == "contacted"
        assert session.get(SignUp, first.id).status == "pending"
        labels = session.exec(select(SignUpEvent.actor_label).where(SignUpEvent.signup_id == second.id)).all()
        assert labels[-1] == "volunteer:yes"
    with pytest.raises(PermissionDeniedError):
        service.volunteer_answer(second.id, False, person_id=first.person_id)


async def test_answer_links_refuse_forged_tokens_and_only_post_records(db, clock):
    app, _ = setup(db, clock)
    [signup] = join(app, "kari", 41, "comms")
    service = followup(app, clock)
    web_app = web.Application()
    add_answer_routes(web_app, service, SECRET)
    good = make_answer_token(SECRET, signup.id, signup.person_id, False)
    forged = make_answer_token(b"x" * 32, signup.id, signup.person_id, False)
    async with TestClient(TestServer(web_app, host="127.0.0.1")) as client:
        page = await client.get(f"/answer/{good}")
        assert page.status == 200 and "<form method=post>" in await page.text()
        assert [r for r in outbox(db) if r.kind == "followup_answer_no"] == []  # a GET changes nothing
        assert (await client.post(f"/answer/{forged}")).status == 403
        assert (await client.post("/answer/not-a-token")).status == 400
        tampered = good.replace(f"{signup.id}.", f"{signup.id + 1}.", 1)
        assert (await client.post(f"/answer/{tampered}")).status == 403
        assert [r for r in outbox(db) if r.kind == "followup_answer_no"] == []
        done = await client.post(f"/answer/{good}")
        assert done.status == 200 and "noted your answer" in await done.text()
    with db.session() as session:
        assert session.exec(select(Notification).where(Notification.kind == "followup_answer_no")).one()
