from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.errors import PermissionDeniedError, UserFacingError
from bot.services.directory import DirectoryService
from bot.services.permissions import Actor
from bot.services.signups import SignUpRequest
from tests.factories import make_app, make_config

MEETING = datetime(2026, 3, 9, 18, 0, tzinfo=timezone.utc)


def setup(db, clock, **config):
    app = make_app(db, clock, config=make_config(**config) if config else None)
    directory = DirectoryService(app.db, app.clock, app.groups, app.listings, public_url="https://bot.example/",
                                 forum_url="https://forum.example",
                                 next_meeting=lambda slug: MEETING if slug == "comms" else None)
    return app, directory


def person(app, username):
    with app.db.session() as session:
        return app.people.ensure(session, discourse_username=username).id


def join(app, username, group, ref):
    with app.db.session() as session:
        who = app.people.ensure(session, discourse_username=username)
        return app.signups.record(session, who, SignUpRequest(intent="join", group_slugs=(group,),
                                                               source="forum", source_ref=ref))[0].id


def test_overview_lists_status_drivers_members_and_next_meeting(db, clock):
    app, directory = setup(db, clock)
    app.signups.set_status(join(app, "kari", "comms", "1"), "joined", Actor.operator())
    by_slug = {s.slug: s for s in directory.overview()}
    assert set(by_slug) == {"comms", "policy", "board", "moderation", "events"}
    comms = by_slug["comms"]
    assert (comms.status, comms.drivers, comms.member_count, comms.next_meeting) == ("open", ("John",), 1, MEETING)
    assert by_slug["board"].closed_reason == "Elections next year."
    assert by_slug["events"].drivers == () and by_slug["policy"].next_meeting is None


def test_details_show_the_roster_only_to_those_allowed(db, clock):
    app, directory = setup(db, clock)
    outsider = Actor(person_id=person(app, "stranger"))
    details = directory.details("Communications", outsider)
    assert details.roster is None
    assert details.calendar_url == "https://bot.example/calendar/comms.ics"
    assert details.commitment == "members commit to one year" and details.discord_channel_id == 5001
    assert directory.details("policy", outsider).roster is not None  # public roster
    john = Actor(person_id=person(app, "AthertonJohn"))
    assert [e.role for e in directory.details("comms", john).roster.entries] == ["driver"]
    with pytest.raises(PermissionDeniedError):
        directory.roster("events", outsider)


def test_my_groups_lists_memberships_then_sign_ups(db, clock):
    app, directory = setup(db, clock)
    app.signups.set_status(join(app, "kari", "comms", "1"), "joined", Actor.operator())
    join(app, "kari", "policy", "2")
    places = directory.my_groups(person(app, "kari"))
    assert [(p.group_slug, p.state) for p in places] == [("comms", "member"), ("policy", "pending")]


def test_open_signups_are_limited_to_the_groups_a_driver_drives(db, clock):
    app, directory = setup(db, clock)
    join(app, "kari", "comms", "1")
    join(app, "ola", "policy", "2")
    john, caleb = Actor(person_id=person(app, "AthertonJohn")), Actor(person_id=person(app, "Caleb"))
    assert [v.group for v in directory.open_signups(john)] == ["comms"]
    assert [v.group for v in directory.open_signups(caleb)] == ["policy"]
    assert len(directory.open_signups(Actor.operator())) == 2
    with pytest.raises(PermissionDeniedError):
        directory.open_signups(caleb, "comms")  # a driver of another group
    with pytest.raises(PermissionDeniedError):
        directory.open_signups(Actor(person_id=person(app, "kari")))  # not a driver at all


def test_reload_groups_is_for_admins_and_reports_config_problems(db, clock, tmp_path: Path):
    app, directory = setup(db, clock)
    config = tmp_path / "config.toml"
    config.write_text('[organisation]\nname = "X"\n\n[[groups]]\nslug = "comms"\nname = "Comms"\n',
                      encoding="utf-8")
    with pytest.raises(PermissionDeniedError):
        directory.reload_groups(Actor(person_id=person(app, "kari")), config)
    report = directory.reload_groups(Actor.operator(), config)
    assert report.updated == ["comms"] and sorted(report.retired) == ["board", "events", "moderation", "policy"]
    config.write_text("[organisation]\nname = 3\n", encoding="utf-8")
    with pytest.raises(UserFacingError) as invalid:
        directory.reload_groups(Actor.operator(), config)
    assert invalid.value.key == "admin.config_invalid" and invalid.value.params["problems"]
    assert [g.slug for g in directory.active_groups()] == ["comms"]
