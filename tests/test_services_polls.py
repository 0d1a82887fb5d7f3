from datetime import datetime, timedelta, timezone

import pytest

from bot.errors import PermissionDeniedError, UserFacingError
from bot.models import Notification
from bot.services.permissions import Actor
from tests.meeting_support import actor, meeting_app, outbox

UTC = timezone.utc
DATES = ["10 March 2026 at 19:00", "Thursday 18:00", "2026-03-20 12:00"]


def make_poll(app, suite, **options):
    return suite.polls.create("comms", DATES, actor(app, 1001), **options)


def test_a_poll_is_posted_with_a_button_per_date_and_mirrored_on_the_forum(db, clock):
    app, suite = meeting_app(db, clock)
    poll = make_poll(app, suite)
    assert poll.candidates == (datetime(2026, 3, 10, 19, tzinfo=UTC), datetime(2026, 3, 5, 18, tzinfo=UTC),
                               datetime(2026, 3, 20, 12, tzinfo=UTC))
    assert poll.deadline == datetime(2026, 3, 5, 18, tzinfo=UTC)  # never after the earliest date
    post, mirror = outbox(app, kind="meeting_poll")
    assert (post.channel, post.recipient, mirror.channel, mirror.recipient) == (
        "discord_channel", "5001", "discourse_reply", "77")
    ids = [b["custom_id"] for b in post.payload["buttons"]]
    assert ids[:3] == [f"coopbot:poll:{poll.id}:{i}" for i in range(3)]
    assert ids[3:] == [f"coopbot:book:{poll.id}:{i}" for i in range(3)]
    assert "Tuesday 10 March 2026, 19:00" in mirror.payload["text"]


def test_candidates_are_checked(db, clock):
    app, suite = meeting_app(db, clock)
    for texts, key in [(["Monday 10:00"], "meetings.poll.count"), (["Monday 10:00"] * 11, "meetings.poll.count"),
                       (["Monday 10:00", "monday at 10:00"], "meetings.poll.repeated"),
                       (["1 January 2020 at 10:00", "Monday 10:00"], "meetings.poll.bad_candidate")]:
        with pytest.raises(UserFacingError) as caught:
            suite.polls.create("comms", texts, actor(app, 1001))
        assert caught.value.key == key
    with pytest.raises(PermissionDeniedError):
        suite.polls.create("comms", DATES, actor(app, 4242))
    with pytest.raises(UserFacingError) as caught:  # policy has no Discord channel
        suite.polls.create("policy", DATES, actor(app, 1002))
    assert caught.value.key == "meetings.poll.no_channel"


def test_one_changeable_vote_set_per_person(db, clock):
    app, suite = meeting_app(db, clock)
    poll = make_poll(app, suite)
    kari, ola = actor(app, 5), actor(app, 6)
    suite.polls.vote(poll.id, 0, kari)
    suite.polls.vote(poll.id, 2, kari)
    view = suite.polls.vote(poll.id, 0, ola)
    assert (view.tally, view.voters) == ((2, 0, 1), 2)
    view = suite.polls.vote(poll.id, 0, kari)  # pressing again takes it back
    assert (view.tally, view.voters) == ((1, 0, 1), 2)
    view = suite.polls.vote(poll.id, 2, kari)
    assert (view.tally, view.voters) == ((1, 0, 0), 1)  # kari has no choices left


def test_votes_after_the_deadline_are_refused_and_the_tick_closes_the_poll(db, clock):
    app, suite = meeting_app(db, clock)
    poll = make_poll(app, suite, deadline=timedelta(days=1))
    post = outbox(app, kind="meeting_poll")[0]
    with app.db.session() as session:
        row = session.get(Notification, post.id)
        row.delivered_at, row.remote_ref = clock.now(), "5001:888"
    clock.advance(timedelta(days=1))
    with pytest.raises(UserFacingError) as caught:
        suite.polls.vote(poll.id, 1, actor(app, 5))
    assert caught.value.key == "meetings.poll.closed"
    assert suite.polls.tick() == 1 and suite.polls.tick() == 0
    edit = outbox(app, kind="meeting_poll")[-1]
    assert edit.payload["edit_ref"] == "5001:888"
    assert all(b["custom_id"].startswith("coopbot:book:") for b in edit.payload["buttons"])  # booking still open


def test_booking_is_for_drivers_and_creates_the_meeting(db, clock):
    app, suite = meeting_app(db, clock)
    poll = make_poll(app, suite)
    with pytest.raises(PermissionDeniedError):
        suite.polls.book(poll.id, 0, actor(app, 5))
    view, booked = suite.polls.book(poll.id, 2, actor(app, 1001))
    assert view.booked == 2 and view.closed
    assert booked.dates == (datetime(2026, 3, 20, 12, tzinfo=UTC),)
    assert [o.start for o in suite.meetings.upcoming(30, group="comms")] == [datetime(2026, 3, 20, 12, tzinfo=UTC)]
    with pytest.raises(UserFacingError):
        suite.polls.book(poll.id, 1, Actor.operator())
    with pytest.raises(UserFacingError):
        suite.polls.vote(poll.id, 1, actor(app, 5))
