"""Helpers shared by the notification and follow-up tests (imported, not a conftest)."""

from typing import Any

from sqlmodel import select

from bot.i18n import load_catalogs
from bot.models import Notification
from bot.notifications.planner import NotificationPlanner
from bot.services.signups import SignUpRequest
from tests.factories import make_app, make_config

FORUM = "https://forum.example.coop"
DISCORD = {"guild_id": 1, "coordinator_channel": 777}
DISCOURSE = {"url": FORUM, "api_username": "coopbot"}


def setup(db, clock, **sections: Any):
    sections.setdefault("discord", DISCORD)
    sections.setdefault("discourse", DISCOURSE)
    sections = {k: v for k, v in sections.items() if v is not None}
    config = make_config(**sections)
    planner = NotificationPlanner(config=config, catalogs=load_catalogs(), clock=clock, forum_url=FORUM)
    return make_app(db, clock, config=config, listener=planner), planner


def join(app, username: str, post_id: int, *groups: str, discord_id: int | None = None, **extra: Any):
    request = SignUpRequest(intent=extra.pop("intent", "join"), group_slugs=groups, source="forum",
                            source_ref=str(post_id), evidence=extra.pop("evidence", "I'd love to help with comms"),
                            post_id=post_id, topic_id=10, post_version=1, **extra)
    with app.db.session() as session:
        person = app.people.ensure(session, discourse_username=username, discord_id=discord_id)
        return app.signups.record(session, person, request)


def outbox(db) -> list[Notification]:
    with db.session() as session:
        return list(session.exec(select(Notification).order_by(Notification.id)).all())
