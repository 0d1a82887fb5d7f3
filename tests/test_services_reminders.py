import logging
from datetime import datetime, timedelta, timezone

from bot.models import Notification
from bot.services.meeting_suite import build_meeting_suite
from bot.services.permissions import Actor
from tests.meeting_support import actor, meeting_app, outbox

UTC = timezone.utc
OP = Actor.operator()


def weekly_comms(db, clock, **options):
    """Comms meets every Monday at 10:00 (London = UTC in March); John (1001) drives it and wants DMs."""
    app, suite = meeting_app(db, clock, **options)
    suite.meetings.schedule("comms", "every Monday at 10:00", OP)
    suite.meetings.set_reminders("comms", actor(app, 1001), True)
    return app, suite


def reminders(app) -> list[Notification]:
    return outbox(app, kind="meeting_reminder")


def mark_delivered(app, row_id: int, ref: str, when: datetime) -> None:
    with app.db.session() as session:
        row = session.get(Notification, row_id)
        row.delivered_at, row.remote_ref = when, ref


def test_each_reminder_is_queued_once_across_restarts(db, clock):
    app, suite = weekly_comms(db, clock)
    assert suite.reminders.tick().queued == 0  # first run: nothing due at 09:00
    clock.set(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))  # the 7-day reminder of 9 March is due now
    report = suite.reminders.tick()
    assert (report.queued, report.late) == (3, 0)
    rows = reminders(app)
    assert sorted((r.channel, r.recipient) for r in rows) == [
        ("discord_channel", "5001"), ("discord_dm", "1001"), ("discourse_reply", "77")]
    assert all(r.idempotency_key.startswith("reminder:1:20260309T1000Z:604800:") for r in rows)
    assert "(late)" not in rows[0].payload["text"] and "Monday 9 March 2026, 10:00" in rows[0].payload["text"]
    restarted = build_meeting_suite(app)  # new objects on the same database: a restart
    assert restarted.reminders.tick().queued == 0
    clock.advance(timedelta(minutes=1))
    assert restarted.reminders.tick().queued == 0
    assert suite.reminders.tick().queued == 0  # the old process, still running, adds nothing either
    assert len(reminders(app)) == 3


def test_downtime_within_grace_is_sent_late_and_older_is_skipped_once(db, clock, caplog):
    app, suite = weekly_comms(db, clock)
    suite.reminders.tick()  # 09:00 on 2 March, then the bot is down until 11:00 on 8 March
    clock.set(datetime(2026, 3, 8, 11, 0, tzinfo=UTC))
    with caplog.at_level(logging.WARNING, logger="bot.services.reminders"):
        report = build_meeting_suite(app).reminders.tick()
    assert (report.queued, report.late, report.skipped) == (3, 3, 1)
    rows = reminders(app)
    assert {r.idempotency_key.split(":")[3] for r in rows} == {"86400"}  # only the 1-day reminder
    assert all(r.payload["text"].startswith("(late)") for r in rows)
    assert sum("skipped" in r.message for r in caplog.records) == 1
    clock.advance(timedelta(hours=1))
    again = suite.reminders.tick()
    assert (again.queued, again.skipped) == (0, 0)  # the skipped one is never retried


def test_cancelling_withdraws_queued_reminders_and_stops_new_ones(db, clock):
    app, suite = weekly_comms(db, clock)
    clock.set(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    suite.reminders.tick()
    first = reminders(app)
    mark_delivered(app, first[0].id, "5001:1", clock.now())  # one already went out
    suite.meetings.cancel("comms", OP, when="2026-03-09")
    after = {r.id: r for r in reminders(app)}
    assert after[first[0].id].cancelled_at is None
    assert all(after[r.id].cancelled_at == clock.now() for r in first[1:])
    notices = outbox(app, kind="meeting_cancelled")
    assert {n.channel for n in notices} == {"discord_channel", "discourse_reply"}
    assert "cancelled" in notices[0].payload["text"]
    clock.set(datetime(2026, 3, 8, 10, 0, tzinfo=UTC))
    assert suite.reminders.tick().queued == 0  # no 1-day reminder for a cancelled meeting


def test_moving_a_meeting_moves_its_reminders(db, clock):
    app, suite = weekly_comms(db, clock)
    clock.set(datetime(2026, 3, 9, 10, 0, tzinfo=UTC))
    suite.reminders.tick()  # the 7-day reminders of 16 March
    queued = [r for r in reminders(app) if "20260316T1000Z" in r.idempotency_key]
    assert len(queued) == 3
    suite.meetings.move("comms", "2026-03-16", "2026-03-17 15:00", actor(app, 1001))
    assert all(r.cancelled_at is not None for r in reminders(app) if "20260316T1000Z" in r.idempotency_key)
    clock.set(datetime(2026, 3, 15, 10, 0, tzinfo=UTC))
    assert suite.reminders.tick().queued == 0  # nothing at the old time
    clock.set(datetime(2026, 3, 16, 15, 0, tzinfo=UTC))
    assert suite.reminders.tick().queued == 3
    new = [r for r in reminders(app) if "20260317T1500Z:86400" in r.idempotency_key]
    assert len(new) == 3 and "Tuesday 17 March 2026, 15:00" in new[0].payload["text"]


def test_agenda_topic_is_opened_and_linked_from_later_reminders(db, clock):
    app, suite = weekly_comms(db, clock)
    clock.set(datetime(2026, 3, 6, 10, 0, tzinfo=UTC))  # three days before 9 March
    assert suite.reminders.tick().agendas == 1
    agenda = outbox(app, kind="meeting_agenda")[0]
    assert (agenda.channel, agenda.recipient) == ("discourse_topic", "7")
    assert agenda.payload["title"] == "Communications Group — meeting Monday 9 March 2026"
    assert "## 1. Reports" in agenda.payload["text"] and "## 6. Next meeting" in agenda.payload["text"]
    mark_delivered(app, agenda.id, "555", clock.now())
    clock.set(datetime(2026, 3, 8, 10, 0, tzinfo=UTC))
    suite.reminders.tick()
    day_before = [r for r in reminders(app) if r.idempotency_key.endswith(":86400:channel")]
    assert "Agenda: http://127.0.0.1:9/p/555" in day_before[0].payload["text"]


def test_without_a_forum_only_discord_hears(db, clock):
    app, suite = weekly_comms(db, clock, forum=False)
    clock.set(datetime(2026, 3, 6, 10, 0, tzinfo=UTC))
    report = suite.reminders.tick()
    assert report.agendas == 0
    assert {r.channel for r in outbox(app)} <= {"discord_channel", "discord_dm"}


def test_drivers_are_asked_for_minutes_after_the_meeting(db, clock):
    app, suite = weekly_comms(db, clock)
    clock.set(datetime(2026, 3, 2, 11, 5, tzinfo=UTC))  # the 10:00 meeting (one hour) has ended
    assert suite.reminders.tick().minutes_asked == 1
    ask = outbox(app, kind="meeting_minutes")[0]
    assert (ask.channel, ask.recipient) == ("discord_dm", "1001")
    [button] = ask.payload["buttons"]
    meeting_id = int(button["custom_id"].rsplit(":", 1)[1])
    assert button["custom_id"] == f"coopbot:minutes:{meeting_id}"
    suite.minutes.record(meeting_id, "https://forum.example.coop/t/minutes/9", actor(app, 1001))
    view = suite.minutes.minutes("comms")
    assert view.latest_url == "https://forum.example.coop/t/minutes/9"
    assert view.past[0].start == datetime(2026, 3, 2, 10, tzinfo=UTC)
