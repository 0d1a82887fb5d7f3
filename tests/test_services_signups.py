import pytest
from sqlmodel import select

from bot.errors import PermissionDeniedError, UserFacingError
from bot.models import Membership, SignUp, SignUpEvent
from bot.services.permissions import Actor
from bot.services.signups import SignUpRequest
from tests.factories import make_app


def forum_join(post_id: int, *groups: str, intent: str = "join") -> SignUpRequest:
    return SignUpRequest(intent=intent, group_slugs=groups, source="forum", source_ref=str(post_id),
                         evidence="I'd love to help", post_id=post_id, topic_id=10, post_version=1)


def record(app, username: str, request: SignUpRequest) -> list[SignUp]:
    with app.db.session() as session:
        person = app.people.ensure(session, discourse_username=username)
        return app.signups.record(session, person, request)


def actor_for(app, username: str) -> Actor:
    with app.db.session() as session:
        return Actor(person_id=app.people.by_discourse(session, username).id, label=username)


def test_join_rules_by_group_status(db, clock):
    app = make_app(db, clock)
    made = record(app, "kari", forum_join(1, "comms", "board", "moderation"))
    assert [(s.status, s.status_reason) for s in made] == [
        ("pending", None), ("declined", "group_closed"), ("waitlisted", "group_planned")]


def test_recording_is_idempotent_by_source(db, clock):
    app = make_app(db, clock)
    assert len(record(app, "kari", forum_join(1, "comms"))) == 1
    assert record(app, "kari", forum_join(1, "comms")) == []
    # a second post for the same group does not sign up twice either
    assert record(app, "kari", forum_join(2, "comms")) == []
    assert len(app.listings.signups()) == 1


def test_no_group_join_is_recorded_for_the_coordinator(db, clock):
    app = make_app(db, clock)
    [signup] = record(app, "kari", forum_join(1))
    assert signup.group_id is None and signup.status == "pending"


def test_driver_moves_a_signup_and_joined_creates_membership(db, clock):
    app = make_app(db, clock)
    [signup] = record(app, "kari", forum_join(1, "comms"))
    john = actor_for(app, "AthertonJohn")
    app.signups.set_status(signup.id, "contacted", john)
    app.signups.set_status(signup.id, "joined", john)
    roster = app.listings.roster("comms", Actor.operator())
    assert [(e.discourse_username, e.role) for e in roster.entries] == [("AthertonJohn", "driver"), ("kari", "member")]
    with db.session() as session:
        events = session.exec(select(SignUpEvent).where(SignUpEvent.signup_id == signup.id)).all()
        assert [e.to_status for e in events] == ["pending", "contacted", "joined"]
        assert events[-1].actor_id == john.person_id


def test_member_of_another_group_cannot_act_on_a_signup(db, clock):
    app = make_app(db, clock)
    [signup] = record(app, "kari", forum_join(1, "comms"))
    caleb = actor_for(app, "Caleb")  # drives Policy, not Comms
    with pytest.raises(PermissionDeniedError):
        app.signups.set_status(signup.id, "joined", caleb)
    with pytest.raises(PermissionDeniedError):
        app.signups.confirm_review(signup.id, caleb, is_signup=False)
    assert app.listings.signups()[0].status == "pending"
    app.signups.set_status(signup.id, "declined", Actor.operator())
    assert app.listings.signups()[0].status == "declined"


def test_impossible_transition_is_a_clear_error(db, clock):
    app = make_app(db, clock)
    [signup] = record(app, "kari", forum_join(1, "comms"))
    app.signups.set_status(signup.id, "joined", Actor.operator())
    with pytest.raises(UserFacingError) as caught:
        app.signups.set_status(signup.id, "pending", Actor.operator())
    assert caught.value.key == "error.bad_transition"


def test_leave_ends_membership_and_pending_joins(db, clock):
    app = make_app(db, clock)
    [comms] = record(app, "kari", forum_join(1, "comms"))
    app.signups.set_status(comms.id, "joined", Actor.operator())
    record(app, "kari", forum_join(2, "policy"))
    [leave] = record(app, "kari", forum_join(3, intent="leave"))
    assert leave.status == "left" and leave.group_id is None
    with db.session() as session:
        active = session.exec(select(Membership).where(Membership.ended_at.is_(None), Membership.role == "member"))
        assert active.all() == []
    assert {v.status for v in app.listings.signups() if v.intent == "join"} == {"joined", "withdrawn"}


def test_withdraw_post_keeps_what_the_edit_still_says(db, clock):
    app = make_app(db, clock)
    made = record(app, "kari", forum_join(1, "comms", "policy"))
    keep = {made[0].source_key}
    with db.session() as session:
        assert app.signups.withdraw_post(session, 1, reason="edited", keep=keep) == 1
    statuses = {v.group: v.status for v in app.listings.signups()}
    assert statuses == {"comms": "pending", "policy": "withdrawn"}


def test_low_confidence_review(db, clock):
    app = make_app(db, clock)
    request = SignUpRequest(intent="join", group_slugs=("comms",), source="forum", source_ref="9",
                            confidence=0.4, needs_review=True, post_id=9)
    [signup] = record(app, "kari", request)
    john = actor_for(app, "AthertonJohn")
    result = app.signups.confirm_review(signup.id, john, is_signup=False)
    assert result.status == "withdrawn" and result.status_reason == "not_a_signup" and not result.needs_review
