"""Engine factory, the one session context manager, and schema checks.

Services own transactions: they open `db.session()` once per unit of work;
helpers they call only add and flush. SQLite runs in WAL mode with foreign
keys on; PostgreSQL needs no code change, only a different URL.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import Session

import bot.models  # noqa: F401  (registers the tables on the metadata)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def normalise_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whichever spelling the operator wrote."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def redact_url(url: str) -> str:
    return sa.engine.make_url(normalise_url(url)).render_as_string(hide_password=True)


def make_engine(url: str) -> sa.Engine:
    url = normalise_url(os.environ.get("COOPBOT_DATABASE_URL") or url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """The engine plus a session factory; built once by the composition root."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"


def alembic_config(url: str) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["url"] = normalise_url(os.environ.get("COOPBOT_DATABASE_URL") or url)
    return config


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def schema_problem(db: Database) -> str | None:
    """None when the database is at the code's migration head, else a one-line reason."""
    script = ScriptDirectory.from_config(alembic_config(db.url))
    head = script.get_current_head()
    with db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return None
    if current is None:
        return "the database has no coopbot schema yet; run `coopbot db upgrade` first"
    if not _known_revision(script, current):
        return (
            f"the database is at revision {current}, newer than this coopbot knows; "
            "upgrade coopbot (or restore a matching backup)"
        )
    return f"the database is at revision {current} but coopbot needs {head}; run `coopbot db upgrade`"


def _known_revision(script: ScriptDirectory, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False
