import json

import pytest
from sqlmodel import select

from bot.errors import NotFoundError
from bot.models import ForumPost, LinkCode, Membership, Notification, Person, SignUp, SignUpEvent
from bot.outbox import enqueue
from bot.services.permissions import Actor
from bot.services.privacy import PrivacyService
from bot.services.signups import SignUpRequest
from tests.factories import make_app


def setup(db, clock):
    """Kari (forum + Discord) with a membership, an open sign-up, messages to and about her."""
    app = make_app(db, clock)
    now = clock.now()
    with db.session() as session:
        kari = app.people.ensure(session, discourse_username="Kari", discord_id=555, display_name="Kari N")
        [joined] = app.signups.record(session, kari, SignUpRequest(
            intent="join", group_slugs=("comms",), source="forum", source_ref="1", post_id=1,
            evidence="I want to help with comms", note="evenings"))
        [pending] = app.signups.record(session, kari, SignUpRequest(
            intent="join", group_slugs=("policy",), source="forum", source_ref="2", evidence="policy too"))
        enqueue(session, kind="ask", channel="discord_dm", recipient="555", payload={"text": "hi Kari"},
                key="ask:1", now=now)
        enqueue(session, kind="ack", channel="discourse_pm", recipient="someone,kari", payload={"text": "Kari"},
                key="pm:1", now=now)
        enqueue(session, kind="driver", channel="discord_dm", recipient="1001", payload={"text": "Kari N joins"},
                key="drv:1", now=now, signup_id=pending.id)
        enqueue(session, kind="other", channel="discord_dm", recipient="1002", payload={"text": "unrelated"},
                key="other:1", now=now)
        session.add(ForumPost(post_id=1, topic_id=10, username="kari", processed_at=now))
        session.add(LinkCode(discord_id=555, discourse_username="kari", code_hash="sha256$x$y",
                             created_at=now, expires_at=now))
        ids = (kari.id, joined.id, pending.id)
    app.signups.set_status(ids[1], "joined", Actor.operator())
    return app, PrivacyService(app.db, app.clock, app.people), ids


def test_export_holds_everything_about_the_person_and_is_json(db, clock):
    app, privacy, (kari, joined, pending) = setup(db, clock)
    assert privacy.find_person(discord=555) == kari == privacy.find_person(discourse="KARI")
    data = privacy.export(kari)
    json.dumps(data)
    assert data["person"]["discourse_username"] == "Kari" and data["person"]["discord_id"] == 555
    assert {s["id"] for s in data["signups"]} == {joined, pending}
    assert {s["evidence"] for s in data["signups"]} == {"I want to help with comms", "policy too"}
    assert [m["group"] for m in data["memberships"]] == ["comms"]
    assert {e["to_status"] for e in data["signup_events"]} >= {"pending", "joined"}
    assert {n["idempotency_key"] for n in data["notifications"]} == {"ask:1", "pm:1"}
    assert "code_hash" not in data["link_codes"][0] and data["forum_posts"][0]["post_id"] == 1


def test_forget_anonymises_but_keeps_counts(db, clock):
    app, privacy, (kari, joined, pending) = setup(db, clock)
    report = privacy.forget(kari, actor_label="cli")
    assert (report.signups, report.memberships_ended) == (2, 1)
    assert report.notifications_cancelled == 3  # to her (2) and about her (1); the unrelated one stays
    with db.session() as session:
        person = session.get(Person, kari)
        assert (person.display_name, person.discourse_username, person.discourse_key, person.discord_id) == (
            "", None, None, None)
        assert person.erased_at == clock.now()
        signups = session.exec(select(SignUp).where(SignUp.person_id == kari)).all()
        assert len(signups) == 2 and all(s.evidence == "" and s.note == "" for s in signups)
        assert session.get(SignUp, pending).status == "withdrawn"
        assert session.exec(select(Membership).where(Membership.person_id == kari,
                                                     Membership.ended_at.is_(None))).all() == []
        notes = {n.idempotency_key: n for n in session.exec(select(Notification))}
        assert all(notes[k].cancelled_at and notes[k].payload == {"erased": True} for k in ("ask:1", "pm:1", "drv:1"))
        assert notes["ask:1"].recipient == "" and notes["drv:1"].recipient == "1001"
        assert notes["other:1"].cancelled_at is None and notes["other:1"].payload == {"text": "unrelated"}
        assert session.exec(select(ForumPost)).one().username == ""
        assert session.exec(select(LinkCode)).all() == []
        assert session.exec(select(SignUpEvent).where(SignUpEvent.signup_id == pending)).all()[-1].to_status \
            == "withdrawn"
    dump = json.dumps(privacy.export(kari), ensure_ascii=False)
    assert "Kari" not in dump and "kari" not in dump.replace("erased", "") and "555" not in dump
    with pytest.raises(NotFoundError):
        privacy.find_person(discord=555)


def test_unknown_person(db, clock):
    app = make_app(db, clock)
    privacy = PrivacyService(app.db, app.clock, app.people)
    with pytest.raises(NotFoundError):
        privacy.find_person(discourse="nobody")
    with pytest.raises(NotFoundError):
        privacy.export(999)


def test_cli_export_and_forget_need_yes(workdir, capsys):
    from bot.cli import main

    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["privacy", "export", "--discourse", "athertonjohn"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["person"]["discourse_username"] == "AthertonJohn" and data["memberships"]
    assert main(["privacy", "forget", "--discord", "123456789012345678"]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["privacy", "export", "--discourse", "AthertonJohn"]) == 0  # still there
    capsys.readouterr()
    assert main(["privacy", "forget", "--discourse", "AthertonJohn", "--yes"]) == 0
    assert "erased" in capsys.readouterr().out
    assert main(["privacy", "export", "--discourse", "nobody-at-all"]) == 1
    assert "no record" in capsys.readouterr().err
