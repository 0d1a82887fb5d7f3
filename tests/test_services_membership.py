import pytest
from sqlmodel import select

from bot.errors import NotFoundError, UserFacingError
from bot.models import Membership, SignUp
from bot.services.listener import SilentListener
from bot.services.membership import MembershipService
from bot.services.permissions import Actor
from tests.factories import make_app


class RecordingListener(SilentListener):
    def __init__(self):
        self.recorded, self.ended = [], []

    def signup_recorded(self, session, signup, *, notify):
        self.recorded.append((signup.intent, signup.source, signup.status))

    def membership_ended(self, session, membership, *, signup, notify=True):
        self.ended.append(membership.group_id)


def setup(db, clock):
    listener = RecordingListener()
    app = make_app(db, clock, listener=listener)
    with db.session() as session:
        person = app.people.ensure(session, discord_id=555, display_name="Kari")
    return app, MembershipService(app.db, app.clock, app.signups), person.id, listener


def test_join_is_the_same_signup_as_from_the_forum(db, clock):
    app, membership, kari, listener = setup(db, clock)
    outcome = membership.join(kari, "comms group", note="I can do **Tuesdays**", ref="int-1")
    assert (outcome.group_slug, outcome.status) == ("comms", "pending")
    assert listener.recorded == [("join", "discord", "pending")]
    [view] = app.listings.signups()
    assert view.source == "discord" and view.group == "comms"
    with db.session() as session:
        assert session.get(SignUp, outcome.signup_id).note == "I can do **Tuesdays**"


def test_join_twice_or_as_member_explains(db, clock):
    app, membership, kari, _ = setup(db, clock)
    membership.join(kari, "comms", ref="int-1")
    with pytest.raises(UserFacingError) as twice:
        membership.join(kari, "comms", ref="int-2")
    assert twice.value.key == "join.already_pending"
    app.signups.set_status(app.listings.signups()[0].id, "joined", Actor.operator())
    with pytest.raises(UserFacingError) as member:
        membership.join(kari, "comms", ref="int-3")
    assert member.value.key == "join.already_member"
    assert len(app.listings.signups()) == 1


def test_closed_group_explains_with_its_reason_and_records_nothing(db, clock):
    app, membership, kari, _ = setup(db, clock)
    with pytest.raises(UserFacingError) as closed:
        membership.join(kari, "board", ref="int-1")
    assert closed.value.key == "join.closed" and closed.value.params["reason"] == "Elections next year."
    assert app.listings.signups() == []


def test_planned_group_waitlists(db, clock):
    _, membership, kari, _ = setup(db, clock)
    assert membership.join(kari, "moderation", ref="int-1").status == "waitlisted"
    with pytest.raises(UserFacingError) as again:
        membership.join(kari, "moderation", ref="int-2")
    assert again.value.key == "join.already_waitlisted"


@pytest.mark.parametrize("text", ["nonexistent", "@everyone", "\u200b", "x" * 101])
def test_unknown_or_odd_group_names_are_clear_errors(db, clock, text):
    _, membership, kari, _ = setup(db, clock)
    with pytest.raises(UserFacingError) as error:
        membership.join(kari, text, ref="int-1")
    assert error.value.key in {"error.unknown_group", "join.name_too_long"}


def test_long_note_is_refused(db, clock):
    _, membership, kari, _ = setup(db, clock)
    with pytest.raises(UserFacingError) as error:
        membership.join(kari, "comms", note="x" * 501, ref="int-1")
    assert error.value.key == "join.note_too_long"


def test_leave_ends_membership_and_tells_the_listener(db, clock):
    app, membership, kari, listener = setup(db, clock)
    joined = membership.join(kari, "comms", ref="int-1")
    app.signups.set_status(joined.signup_id, "joined", Actor.operator())
    outcome = membership.leave(kari, "comms", ref="int-2")
    assert outcome.group_slug == "comms"
    assert listener.ended and listener.recorded[-1] == ("leave", "discord", "left")
    with db.session() as session:
        assert session.exec(select(Membership).where(Membership.person_id == kari,
                                                     Membership.ended_at.is_(None))).all() == []


def test_leave_withdraws_a_pending_join(db, clock):
    app, membership, kari, _ = setup(db, clock)
    membership.join(kari, "policy", ref="int-1")
    membership.leave(kari, "policy", ref="int-2")
    assert [v.status for v in app.listings.signups(group="policy")] == ["withdrawn", "left"]


def test_leave_without_membership_or_as_driver_explains(db, clock):
    app, membership, kari, _ = setup(db, clock)
    with pytest.raises(UserFacingError) as none:
        membership.leave(kari, "comms", ref="int-1")
    assert none.value.key == "leave.not_member"
    with db.session() as session:
        john = app.people.by_discourse(session, "AthertonJohn").id
    with pytest.raises(UserFacingError) as driver:
        membership.leave(john, "comms", ref="int-2")
    assert driver.value.key == "leave.driver"


def test_unknown_person_is_refused(db, clock):
    _, membership, _, _ = setup(db, clock)
    with pytest.raises(NotFoundError):
        membership.join(424242, "comms", ref="int-1")
