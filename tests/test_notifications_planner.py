import pytest
from sqlmodel import select

from bot.models import Notification
from bot.services.permissions import Actor
from tests.factories import GROUPS
from tests.notifications_support import FORUM, join, outbox, setup

def test_join_to_an_open_group_dms_each_driver_with_everything_they_need(db, clock):
    app, _ = setup(db, clock)
    [signup] = join(app, "kari", 41, "comms", discord_id=4242)
    [row] = outbox(db)
    assert (row.kind, row.channel, row.recipient) == ("signup_new", "discord_dm", "1001")
    assert row.idempotency_key.startswith(f"signup:{signup.id}:driver:") and row.signup_id == signup.id
    text = row.payload["text"]
    assert "**kari <@4242>** wants to join **Communications Group**" in text
    assert "> I'd love to help with comms" in text
    assert f"{FORUM}/p/41" in text and "members commit to one year" in text
    assert [b["custom_id"] for b in row.payload["buttons"]] == [
        f"coopbot:signup:{signup.id}:{a}" for a in ("contacted", "joined", "declined")]
    fallback = row.payload["fallback"]
    assert (fallback["channel"], fallback["recipient"]) == ("discourse_pm", "AthertonJohn")
    assert "buttons" not in fallback["payload"] and "<@4242>" not in fallback["payload"]["text"]


def test_volunteer_words_are_escaped(db, clock):
    app, _ = setup(db, clock)
    join(app, "kari", 41, "comms", evidence="@everyone **join** [x](http://evil) <@&55>")
    text = outbox(db)[0].payload["text"]
    assert "@everyone" not in text.replace("@\u200beveryone", "") and "<@&55>" not in text
    assert r"\*\*join\*\* \[x\]\(http://evil\)" in text


def test_replaying_the_cause_sends_nothing_twice(db, clock):
    app, planner = setup(db, clock)
    signups = join(app, "kari", 41, "comms", "policy")
    assert len(signups) == 2 and join(app, "kari", 41, "comms", "policy") == []
    with db.session() as session:
        for signup in signups:
            planner.signup_recorded(session, session.merge(signup), notify=True)
    assert sorted(r.recipient for r in outbox(db)) == ["1001", "1002"]


def test_low_confidence_asks_the_driver_to_check(db, clock):
    app, _ = setup(db, clock)
    [signup] = join(app, "kari", 41, "comms", needs_review=True, confidence=0.55)
    [row] = outbox(db)
    assert row.kind == "signup_review" and "please check" in row.payload["title"]
    assert "55%" in row.payload["text"]
    assert [b["custom_id"].rsplit(":", 1)[1] for b in row.payload["buttons"]] == ["confirm", "dismiss"]


@pytest.mark.parametrize(("groups", "situation"), [((), "no_group"), (("moderation",), "planned"),
                                                   (("events",), "no_driver")])
def test_coordinators_hear_when_no_driver_can_act(db, clock, groups, situation):
    app, _ = setup(db, clock)
    [signup] = join(app, "kari", 41, *groups)
    [row] = outbox(db)
    assert (row.channel, row.recipient, row.kind) == ("discord_channel", "777", "signup_coordinator")
    assert row.idempotency_key == f"signup:{signup.id}:coordinator:{situation}"
    assert ("buttons" in row.payload) == (situation != "planned")


def test_closed_group_sends_no_dm(db, clock):
    app, _ = setup(db, clock)
    [signup] = join(app, "kari", 41, "board")
    assert signup.status == "declined" and outbox(db) == []


def test_driver_without_discord_gets_a_forum_pm_with_a_link_back(db, clock):
    groups = [dict(GROUPS[0], drivers=[{"discourse": "AthertonJohn"}])]
    app, _ = setup(db, clock, groups=groups)
    join(app, "kari", 41, "comms")
    [row] = outbox(db)
    assert (row.channel, row.recipient) == ("discourse_pm", "AthertonJohn")
    assert f"{FORUM}/p/41" in row.payload["text"] and "buttons" not in row.payload
    assert "cannot message you on Discord" in row.payload["text"] and row.payload["title"]


def test_offline_mode_routes_to_forum_pms_and_the_console(db, clock, caplog):
    app, _ = setup(db, clock, discord=None)
    join(app, "kari", 41, "comms")
    join(app, "ola", 42)
    dm, coordinator = outbox(db)
    assert (dm.channel, dm.recipient) == ("discourse_pm", "AthertonJohn")
    assert (coordinator.channel, coordinator.recipient) == ("console", "coordinators")
    assert "offline mode" in caplog.text


def test_backfilled_history_is_recorded_silently_even_a_leave(db, clock):
    app, _ = setup(db, clock)
    [signup] = join(app, "kari", 41, "comms")
    app.signups.set_status(signup.id, "joined", Actor.operator())
    before = len(outbox(db))
    join(app, "kari", 42, "comms", intent="leave", notify=False)
    join(app, "ola", 43, "comms", notify=False)
    assert len(outbox(db)) == before


def test_a_member_leaving_is_told_to_the_drivers_once(db, clock):
    app, _ = setup(db, clock)
    [signup] = join(app, "kari", 41, "comms")
    app.signups.set_status(signup.id, "joined", Actor.operator())
    [leave] = join(app, "kari", 42, "comms", intent="leave", evidence="I have to step down")
    leaves = [r for r in outbox(db) if r.kind == "signup_leave"]
    assert len(leaves) == 1 and leaves[0].recipient == "1001"
    assert leaves[0].idempotency_key.startswith(f"signup:{leave.id}:leave:")
    assert "has left **Communications Group**" in leaves[0].payload["text"]


def test_withdrawal_cancels_an_unsent_dm_or_tells_the_driver(db, clock):
    app, _ = setup(db, clock)
    join(app, "kari", 41, "comms")
    join(app, "ola", 42, "comms")
    with db.session() as session:  # ola's DM already went out
        row = session.exec(select(Notification).where(Notification.idempotency_key.like("signup:2:%"))).one()
        row.delivered_at, row.attempts = clock.now(), 1
    with db.session() as session:
        app.signups.withdraw_post(session, 41, reason="post_deleted")
        app.signups.withdraw_post(session, 42, reason="post_edited")
    rows = {r.idempotency_key: r for r in outbox(db)}
    assert rows[[k for k in rows if k.startswith("signup:1:driver")][0]].cancelled_at is not None
    notes = [r for r in rows.values() if r.kind == "signup_withdrawn"]
    assert [(n.signup_id, n.recipient) for n in notes] == [(2, "1001")]


def test_group_opening_tells_its_drivers_about_the_waiting_list(db, clock):
    groups = [dict(GROUPS[3], drivers=[{"discourse": "Caleb", "discord": 1002}])]
    app, _ = setup(db, clock, groups=groups)
    [signup] = join(app, "kari", 41, "moderation")
    app.signups.set_status(signup.id, "pending", Actor.operator())
    kinds = [(r.kind, r.recipient) for r in outbox(db)]
    assert kinds == [("signup_coordinator", "777"), ("signup_new", "1002")]
