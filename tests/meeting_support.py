"""Builders shared by the meeting tests (imported, not a conftest)."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot.app import App
from bot.models import Notification
from bot.services.meeting_suite import MeetingSuite, meeting_suite
from bot.services.permissions import Actor
from tests.factories import GROUPS, make_app, make_config

FORUM = {"url": "http://127.0.0.1:9", "api_username": "coopbot"}


def meeting_groups(**changes: dict[str, Any]) -> list[dict[str, Any]]:
    groups = [dict(g) for g in GROUPS]
    for group in groups:
        group.update(changes.get(group["slug"], {}))
    return groups


def meeting_app(db, clock, *, forum: bool = True, **sections: Any) -> tuple[App, MeetingSuite]:
    sections.setdefault("groups", meeting_groups(comms={"discourse_topic": 77, "discourse_category": 7}))
    if forum:
        sections.setdefault("discourse", FORUM)
    app = make_app(db, clock, config=make_config(**sections))
    return app, meeting_suite(app)


def actor(app: App, discord_id: int) -> Actor:
    with app.db.session() as session:
        person = app.people.ensure(session, discord_id=discord_id)
        return Actor(person_id=person.id, label=f"discord:{discord_id}")


def outbox(app: App, *, kind: str | None = None) -> list[Notification]:
    with app.db.session() as session:
        query = select(Notification).order_by(Notification.id)
        if kind:
            query = query.where(Notification.kind == kind)
        return list(session.exec(query))
