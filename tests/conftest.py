"""Fixtures shared by the whole suite.

Services run against real databases: every `db` test runs on SQLite (a temp
file) and on PostgreSQL (a server this suite starts itself), each from a
clean schema. Time is a FakeClock; nothing sleeps.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from bot.clock import FakeClock
from bot.config import Config
from bot.config_problems import read_toml, validate_data
from bot.db import Database
from tests.pgserver import PostgresServer, find_bin_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE_CONFIG = REPO / "config.example.toml"
_names = itertools.count()


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """CLI tests configure logging as the real command does; undo it after each test
    so later tests (and caplog) see the default root logger."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    root.setLevel(level)
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer | None]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing in CI; .ci/run should install them")
        yield None
        return
    server = PostgresServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer | None) -> str | None:
    """One PostgreSQL database with the schema, truncated before each test."""
    if pg_server is None:
        return None
    url = pg_server.create_database("coopbot_test")
    engine = sa.create_engine(url)
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    return url


def _require_pg(server: PostgresServer | None) -> PostgresServer:
    if server is None:
        pytest.skip("SKIPPED LOUDLY: no PostgreSQL server binaries here; install postgresql to run this leg")
    return server


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL with an empty, current schema (models' create_all)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        db = Database(url)
        SQLModel.metadata.create_all(db.engine)
        db.dispose()
        yield url
        return
    _require_pg(request.getfixturevalue("pg_server"))
    url = request.getfixturevalue("pg_template")
    engine = sa.create_engine(url)
    names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()
    yield url


@pytest.fixture
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """For migration tests: a database with nothing in it, on either backend."""
    return _empty_url(request, tmp_path, "sqlite")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _empty_url(request, tmp_path, request.param)


def _empty_url(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    server = _require_pg(request.getfixturevalue("pg_server"))
    return server.create_database(f"empty_{next(_names)}_{os.getpid()}")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory holding a copy of the example config, as a CLI user would have it."""
    monkeypatch.chdir(tmp_path)
    for var in ("COOPBOT_CONFIG", "COOPBOT_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "config.toml").write_text(EXAMPLE_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))


@pytest.fixture
def example_config() -> Config:
    return validate_data(read_toml(EXAMPLE_CONFIG))
