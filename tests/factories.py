"""Small builders for tests: an App on a test database, groups from dicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.app import App, build_app
from bot.clock import FakeClock
from bot.config import Config
from bot.config_problems import validate_data
from bot.db import Database
from bot.services.listener import SignUpListener, SilentListener

GROUPS: list[dict[str, Any]] = [
    {"slug": "comms", "name": "Communications Group", "aliases": ["comms group"], "status": "open",
     "drivers": [{"discourse": "AthertonJohn", "discord": 1001, "name": "John"}],
     "commitment": "members commit to one year", "discord_channel": 5001},
    {"slug": "policy", "name": "Policy Group", "status": "open", "roster_visibility": "public",
     "drivers": [{"discourse": "Caleb", "discord": 1002}]},
    {"slug": "board", "name": "Board", "status": "closed", "closed_reason": "Elections next year.",
     "drivers": [{"discourse": "AthertonJohn", "discord": 1001}]},
    {"slug": "moderation", "name": "Forum Moderation", "status": "planned"},
    {"slug": "events", "name": "Events", "status": "open", "roster_visibility": "drivers"},
]


def make_config(**sections: Any) -> Config:
    data: dict[str, Any] = {
        "organisation": {"name": "Test Co-op", "timezone": "Europe/London", "locale": "en"},
        "groups": GROUPS,
    }
    data.update(sections)
    return validate_data(data)


def make_app(db: Database, clock: FakeClock, *, config: Config | None = None,
             listener: SignUpListener | None = None) -> App:
    """An app on the test database; silent unless a listener is given, so tests
    of the sign-up rules do not depend on the notification planner."""
    app = build_app(config or make_config(), Path("config.toml"), clock=clock,
                    listener=listener or SilentListener(), db=db)
    app.groups.sync_from_config(app.config.groups)
    return app
