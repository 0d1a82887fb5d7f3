from datetime import timedelta

from sqlmodel import select

from bot.models import Group, Membership, Person
from bot.services.groups import match_group, suggest_groups
from tests.factories import GROUPS, make_app, make_config


def test_sync_adds_updates_and_retires_without_deleting_history(db, clock):
    app = make_app(db, clock)
    groups = {g.slug: g for g in app.groups.list_groups()}
    assert set(groups) == {g["slug"] for g in GROUPS}
    clock.advance(timedelta(days=1))
    changed = [dict(g) for g in GROUPS if g["slug"] != "events"]
    changed[1] = {**changed[1], "status": "closed"}
    report = app.groups.sync_from_config(make_config(groups=changed).groups)
    assert report.retired == ["events"] and report.updated == ["policy"] and report.added == []
    with db.session() as session:
        events = session.exec(select(Group).where(Group.slug == "events")).one()
        assert events.retired_at == clock.now()
    assert "events" not in {g.slug for g in app.groups.list_groups()}
    again = app.groups.sync_from_config(make_config().groups)
    assert set(again.updated) == {"policy", "events"}


def test_drivers_become_people_with_driver_memberships(db, clock):
    app = make_app(db, clock)
    with db.session() as session:
        john = session.exec(select(Person).where(Person.discourse_key == "athertonjohn")).one()
        assert john.discord_id == 1001
        roles = session.exec(select(Membership).where(Membership.person_id == john.id)).all()
        assert {r.role for r in roles} == {"driver"} and len(roles) == 2
    without_caleb = [dict(g) for g in GROUPS]
    without_caleb[1] = {**without_caleb[1], "drivers": []}
    report = app.groups.sync_from_config(make_config(groups=without_caleb).groups)
    assert report.drivers_ended == 1
    # syncing twice changes nothing
    assert app.groups.sync_from_config(make_config(groups=without_caleb).groups).drivers_added == 0


def test_group_lookup_forgives_case_aliases_and_typos(db, clock):
    app = make_app(db, clock)
    groups = app.groups.list_groups()
    assert match_group("COMMS GROUP", groups).slug == "comms"
    assert match_group("Comunications Group", groups).slug == "comms"
    assert match_group("policy", groups).slug == "policy"
    assert match_group("gardening", groups) is None
    assert suggest_groups("pol", groups)[0].slug == "policy"
