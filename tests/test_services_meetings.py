from datetime import datetime, timedelta, timezone

import pytest

from bot.errors import NotFoundError, PermissionDeniedError, UserFacingError
from bot.meetings import AmbiguousScheduleError, ScheduleParseError
from bot.services.permissions import Actor
from tests.meeting_support import actor, meeting_app, meeting_groups

UTC = timezone.utc
OP = Actor.operator()


def test_preview_echoes_three_dates_and_schedule_saves_exactly_them(db, clock):
    app, suite = meeting_app(db, clock)
    shown = suite.meetings.preview("comms", "fortnightly on Thursday at 14:00")
    assert shown == [datetime(2026, 3, 5, 14, tzinfo=UTC), datetime(2026, 3, 19, 14, tzinfo=UTC),
                     datetime(2026, 4, 2, 13, tzinfo=UTC)]  # 14:00 London, summer time from 29 March
    assert suite.meetings.upcoming(60) == []  # a preview saves nothing
    saved = suite.meetings.schedule("comms", "fortnightly on Thursday at 14:00", actor(app, 1001), place="Zoom")
    assert list(saved.dates) == shown
    assert [o.start for o in suite.meetings.upcoming(40, group="comms")] == shown
    assert suite.meetings.next_meeting("comms") == shown[0]
    assert suite.meetings.next_meeting("policy") is None
    assert suite.meetings.next_meeting("no-such-group") is None
    clock.advance(timedelta(days=3, hours=6))  # after the first meeting
    assert suite.meetings.next_meeting("comms") == shown[1]


def test_ambiguous_phrase_offers_options_that_parse(db, clock):
    app, suite = meeting_app(db, clock)
    with pytest.raises(AmbiguousScheduleError) as caught:
        suite.meetings.preview("comms", "every second Tuesday at 19:00")
    assert len(caught.value.options) == 2
    for option in caught.value.options:
        assert len(suite.meetings.preview("comms", option)) == 3
    with pytest.raises(ScheduleParseError) as bad:
        suite.meetings.preview("comms", "whenever the moon is full")
    assert bad.value.examples


def test_only_drivers_and_admins_change_schedules(db, clock):
    app, suite = meeting_app(db, clock)
    with pytest.raises(PermissionDeniedError):
        suite.meetings.schedule("comms", "every Monday at 10:00", actor(app, 4242))
    with pytest.raises(PermissionDeniedError):  # a driver of another group
        suite.meetings.schedule("comms", "every Monday at 10:00", actor(app, 1002))
    assert suite.meetings.upcoming(30) == []
    suite.meetings.schedule("comms", "every Monday at 10:00", actor(app, 1001))
    with pytest.raises(PermissionDeniedError):
        suite.meetings.cancel("comms", actor(app, 4242), when="2026-03-09")
    with pytest.raises(PermissionDeniedError):
        suite.meetings.move("comms", "2026-03-09", "2026-03-10 10:00", actor(app, 4242))


def test_a_new_regular_schedule_replaces_the_old_one_and_one_offs_are_added(db, clock):
    app, suite = meeting_app(db, clock)
    first = suite.meetings.schedule("comms", "every Monday at 10:00", OP)
    second = suite.meetings.schedule("comms", "every Wednesday at 18:00", OP)
    assert second.replaced == (first.series_id,)
    suite.meetings.schedule("comms", "on 20 March 2026 at 12:00", OP)
    starts = [o.start for o in suite.meetings.upcoming(19, group="comms")]
    assert starts == [datetime(2026, 3, 4, 18, tzinfo=UTC), datetime(2026, 3, 11, 18, tzinfo=UTC),
                      datetime(2026, 3, 18, 18, tzinfo=UTC), datetime(2026, 3, 20, 12, tzinfo=UTC)]


def test_relative_rules_follow_the_anchor_groups_effective_meetings(db, clock):
    app, suite = meeting_app(db, clock)
    with pytest.raises(UserFacingError) as caught:
        suite.meetings.preview("comms", "3 weeks before the next Board meeting at 14:00")
    assert caught.value.key == "meetings.schedule.anchor_unscheduled"
    suite.meetings.schedule("board", "monthly on the second Tuesday at 19:00", OP)
    dates = suite.meetings.schedule("comms", "3 weeks before the next Board meeting at 14:00", OP).dates
    assert dates[0] == datetime(2026, 3, 24, 14, tzinfo=UTC)  # 21 days before Tuesday 14 April, 14:00 GMT
    suite.meetings.move("board", "2026-04-14", "2026-04-21 19:00", OP)
    comms = [o.start for o in suite.meetings.upcoming(40, group="comms")]
    assert comms[0] == datetime(2026, 3, 31, 13, tzinfo=UTC)  # followed the board meeting a week later (BST)
    with pytest.raises(NotFoundError):
        suite.meetings.preview("comms", "2 weeks after the next Zebra Society meeting")


def test_config_schedules_sync_once_and_respect_later_driver_changes(db, clock):
    groups = meeting_groups(comms={"meetings": {"schedule": "every Monday at 10:00", "place": "Zoom"}},
                            policy={"meetings": {"schedule": "1 week after the next comms meeting at 12:00"}},
                            events={"meetings": {"schedule": "gibberish words here"}})
    app, suite = meeting_app(db, clock, groups=groups)
    assert sorted(suite.meetings.sync_from_config()) == ["comms", "policy"]
    assert suite.meetings.sync_from_config() == []
    assert suite.meetings.next_meeting("policy") == datetime(2026, 3, 9, 12, tzinfo=UTC)  # comms today at 10
    suite.meetings.schedule("comms", "every Tuesday at 09:00", actor(app, 1001))
    assert suite.meetings.sync_from_config() == []  # the driver's change stands
    assert suite.meetings.next_meeting("comms") == datetime(2026, 3, 3, 9, tzinfo=UTC)


def test_cancel_and_move_one_meeting(db, clock):
    app, suite = meeting_app(db, clock)
    suite.meetings.schedule("comms", "every Monday at 10:00", OP)
    cancelled = suite.meetings.cancel("comms", OP, when="2026-03-09")
    assert cancelled.start == datetime(2026, 3, 9, 10, tzinfo=UTC)
    moved = suite.meetings.move("comms", "2026-03-16", "2026-03-17 15:00", OP)
    assert moved.start == datetime(2026, 3, 17, 15, tzinfo=UTC) and moved.moved
    starts = [o.start for o in suite.meetings.upcoming(22, group="comms")]
    assert starts == [datetime(2026, 3, 2, 10, tzinfo=UTC), datetime(2026, 3, 17, 15, tzinfo=UTC),
                      datetime(2026, 3, 23, 10, tzinfo=UTC)]
    with pytest.raises(NotFoundError):
        suite.meetings.cancel("comms", OP, when="2026-03-10")
    with pytest.raises(UserFacingError):
        suite.meetings.move("comms", "2026-03-23", "2026-03-01 10:00", OP)
    suite.meetings.cancel("comms", OP)  # the whole series
    assert suite.meetings.upcoming(60, group="comms") == []


def test_reminder_opt_in_is_for_members(db, clock):
    app, suite = meeting_app(db, clock)
    assert suite.meetings.set_reminders("comms", actor(app, 1001), True) == "Communications Group"
    with pytest.raises(UserFacingError) as caught:
        suite.meetings.set_reminders("comms", actor(app, 4242), True)
    assert caught.value.key == "meetings.remind.not_member"
