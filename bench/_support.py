"""Shared set-up for the benchmarks: a temporary database on SQLite or PostgreSQL."""

from __future__ import annotations

import contextlib
import platform
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlmodel import SQLModel  # noqa: E402

from bot.db import Database  # noqa: E402
import logging  # noqa: E402

logging.basicConfig(level=logging.ERROR)  # figures only; the bot's own warnings are not the point here
from tests.pgserver import PostgresServer, find_bin_dir  # noqa: E402


def machine() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


@contextlib.contextmanager
def database(backend: str) -> Iterator[Database | None]:
    """A fresh schema on `backend`; None when PostgreSQL binaries are absent."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
            SQLModel.metadata.create_all(db.engine)
            yield db
            db.dispose()
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("  (PostgreSQL binaries not found: skipping the PostgreSQL figures)")
        yield None
        return
    server = PostgresServer(bin_dir)
    server.start()
    try:
        db = Database(server.create_database("bench"))
        SQLModel.metadata.create_all(db.engine)
        yield db
        db.dispose()
    finally:
        server.stop()


def offline_watcher(db: Database, clock, **observer):  # noqa: ANN001, ANN201 - bench glue
    """An app with the real notification planner and a watcher that never calls the forum
    (posts are handed to it), watching topic 1234."""
    from bot.i18n import load_catalogs
    from bot.notifications.planner import NotificationPlanner
    from bot.watcher.poller import Watcher
    from bot.watcher.topics import WatchService
    from tests.factories import make_app, make_config

    url = "http://127.0.0.1:9"
    config = make_config(discourse={"url": url, "api_username": "coopbot"}, watch=[{"topic": 1234}])
    planner = NotificationPlanner(config=config, catalogs=load_catalogs(), clock=clock, forum_url=url)
    app = make_app(db, clock, config=config, listener=planner)
    watches = WatchService(db, clock, forum_url=url)
    watches.sync_config(config.watch)

    class NoForum:
        api_username = "coopbot"

    watcher = Watcher(db=db, clock=clock, config=config, gateway=NoForum(), watches=watches,  # type: ignore[arg-type]
                      people=app.people, signups=app.signups, listener=app.listener, **observer)
    return app, watcher, watches.active(config.watch)
