from datetime import timedelta

import pytest
from sqlmodel import select

from bot.errors import UserFacingError
from bot.i18n import load_catalogs
from bot.models import LinkCode, Notification, Person, SignUp
from bot.services.identity import (
    MAX_ATTEMPTS,
    MAX_CODES_PER_WINDOW,
    IdentityService,
    code_matches,
    hash_code,
    normalise_code,
)
from bot.services.signups import SignUpRequest
from tests.factories import make_app


def service(app, codes=("ABCD2345", "WXYZ6789", "QQQQ2222", "RRRR3333")):
    feed = iter(codes)
    return IdentityService(app.db, app.clock, app.people, load_catalogs(), default_locale="nb",
                           code_factory=lambda: next(feed))


def forum_signup(app, username):
    with app.db.session() as session:
        person = app.people.ensure(session, discourse_username=username)
        app.signups.record(session, person, SignUpRequest(intent="join", group_slugs=("comms",), source="forum",
                                                          source_ref="77", post_id=77, evidence="count me in"))
        return person.id


def test_code_goes_to_the_forum_account_through_the_outbox_and_is_hashed_at_rest(db, clock):
    app = make_app(db, clock)
    identity = service(app)
    sent = identity.request_link(555, "Kari <@&1>", "@Kari_N")
    assert sent.username == "Kari_N" and sent.expires_at == clock.now() + timedelta(minutes=15)
    with db.session() as session:
        [note] = session.exec(select(Notification)).all()
        [row] = session.exec(select(LinkCode)).all()
    assert (note.channel, note.recipient, note.kind) == ("discourse_pm", "Kari_N", "link_code")
    assert "ABCD2345" in note.payload["text"] and note.payload["locale"] == "nb"
    assert "<@&1>" not in note.payload["text"]  # the Discord name is escaped
    assert "ABCD2345" not in row.code_hash and code_matches("ABCD2345", row.code_hash)


def test_confirming_merges_the_forum_person_and_their_history(db, clock):
    app = make_app(db, clock)
    forum_id = forum_signup(app, "Kari")
    identity = service(app)
    chat_id = identity.ensure_discord_person(555, "kari#1")
    identity.request_link(555, "kari#1", "kari")
    result = identity.confirm_link(555, " abcd-2345 ")
    assert result.merged and result.person_id == forum_id
    with db.session() as session:
        person = session.get(Person, forum_id)
        assert (person.discord_id, person.discourse_key) == (555, "kari")
        assert session.get(Person, chat_id) is None
        assert session.exec(select(SignUp)).one().person_id == forum_id
        assert session.exec(select(LinkCode)).one().used_at == clock.now()


def test_without_the_code_nothing_is_linked(db, clock):
    app = make_app(db, clock)
    forum_id = forum_signup(app, "kari")
    identity = service(app)
    identity.request_link(666, "mallory", "kari")
    with pytest.raises(UserFacingError) as wrong:
        identity.confirm_link(666, "WRONG123")
    assert wrong.value.key == "link.wrong_code"
    with db.session() as session:
        assert session.get(Person, forum_id).discord_id is None
        assert session.exec(select(LinkCode)).one().attempts == 1  # the failed attempt is kept


def test_attempts_are_limited_per_code(db, clock):
    app = make_app(db, clock)
    identity = service(app)
    identity.request_link(666, "mallory", "kari")
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(UserFacingError):
            identity.confirm_link(666, "NOPE")
    with pytest.raises(UserFacingError) as locked:
        identity.confirm_link(666, "ABCD2345")  # even the right code is refused now
    assert locked.value.key == "link.too_many_attempts"


def test_codes_expire_and_are_single_use(db, clock):
    app = make_app(db, clock)
    identity = service(app)
    identity.request_link(555, "kari", "kari")
    clock.advance(timedelta(minutes=16))
    with pytest.raises(UserFacingError) as expired:
        identity.confirm_link(555, "ABCD2345")
    assert expired.value.key == "link.no_code"
    identity.request_link(555, "kari", "kari")
    identity.confirm_link(555, "WXYZ6789")
    with pytest.raises(UserFacingError) as again:
        identity.confirm_link(555, "WXYZ6789")
    assert again.value.key == "link.no_code"  # used: the code is gone
    with pytest.raises(UserFacingError) as linked:
        identity.request_link(555, "kari", "Kari")
    assert linked.value.key == "link.already_linked"


def test_requests_are_rate_limited_per_user_and_per_username(db, clock):
    app = make_app(db, clock)
    identity = service(app, codes=[f"CODE{i}AAA" for i in range(20)])
    for n in range(MAX_CODES_PER_WINDOW):
        identity.request_link(555, "kari", f"name{n}")
    with pytest.raises(UserFacingError) as per_user:
        identity.request_link(555, "kari", "another")
    assert per_user.value.key == "link.rate_limited"
    for user in range(MAX_CODES_PER_WINDOW):
        identity.request_link(600 + user, "x", "Target")
    with pytest.raises(UserFacingError):
        identity.request_link(700, "x", "target")  # same username, other case
    clock.advance(timedelta(hours=1, minutes=1))
    identity.request_link(555, "kari", "another")


def test_a_forum_account_linked_to_someone_else_cannot_be_claimed(db, clock):
    app = make_app(db, clock)  # AthertonJohn is linked to Discord 1001 by config
    identity = service(app)
    with pytest.raises(UserFacingError) as taken:
        identity.request_link(666, "mallory", "athertonjohn")
    assert taken.value.key == "link.taken"


@pytest.mark.parametrize("name", ["", "a", "x" * 61, "bad name", "a,b", "<@123>", "@everyone!"])
def test_odd_usernames_are_refused(db, clock, name):
    app = make_app(db, clock)
    with pytest.raises(UserFacingError) as refused:
        service(app).request_link(555, "kari", name)
    assert refused.value.key == "link.bad_username"


def test_code_helpers():
    assert normalise_code(" ab-cd 23\u200b45 ") == "ABCD2345"
    stored = hash_code("ABCD2345")
    assert stored.startswith("sha256$") and len(stored) <= 128
    assert code_matches("ABCD2345", stored) and not code_matches("ABCD2346", stored)
    assert hash_code("ABCD2345") != stored  # salted
