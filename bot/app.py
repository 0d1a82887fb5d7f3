"""The composition root's product: config, database and services, wired once.

Entry points (CLI commands, the Discord runtime, the web server) receive an
`App` explicitly; nothing here is global.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.clock import Clock, SystemClock
from bot.config import Config, Secrets, database_url
from bot.db import Database
from bot.i18n import Catalogs, load_catalogs
from bot.notifications.planner import NotificationPlanner
from bot.services.groups import GroupService
from bot.services.listener import SignUpListener
from bot.services.listings import ListingService
from bot.services.people import PeopleService
from bot.services.signups import SignUpService


@dataclass
class App:
    config: Config
    config_path: Path
    secrets: Secrets
    db: Database
    clock: Clock
    catalogs: Catalogs
    people: PeopleService
    groups: GroupService
    signups: SignUpService
    listings: ListingService
    listener: SignUpListener
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def forum_url(self) -> str | None:
        return self.config.discourse.url if self.config.discourse else None

    def close(self) -> None:
        self.db.dispose()


def build_app(
    config: Config,
    config_path: Path,
    *,
    secrets: Secrets | None = None,
    clock: Clock | None = None,
    listener: SignUpListener | None = None,
    db: Database | None = None,
) -> App:
    """Services wired to one database; sign-ups notify people through the outbox
    unless a different listener is given (offline tests, detection runs)."""
    clock = clock or SystemClock()
    db = db or Database(database_url(config, config_path))
    catalogs = load_catalogs()
    people = PeopleService(clock)
    forum_url = config.discourse.url if config.discourse else None
    listener = listener or NotificationPlanner(config=config, catalogs=catalogs, clock=clock, forum_url=forum_url)
    return App(
        config=config,
        config_path=config_path,
        secrets=secrets or Secrets.from_env(),
        db=db,
        clock=clock,
        catalogs=catalogs,
        people=people,
        groups=GroupService(db, clock, people),
        signups=SignUpService(db, clock, listener),
        listings=ListingService(db, clock),
        listener=listener,
    )
