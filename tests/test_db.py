from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel, select

from bot.db import Database, downgrade, normalise_url, schema_problem, upgrade
from bot.models import Group, Person


def test_upgrade_downgrade_upgrade_and_models_agree_with_migrations(any_empty_db_url):
    upgrade(any_empty_db_url)
    downgrade(any_empty_db_url, "base")
    upgrade(any_empty_db_url)
    db = Database(any_empty_db_url)
    try:
        assert schema_problem(db) is None
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, SQLModel.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        db.dispose()


def test_schema_problem_explains_what_to_run(empty_db_url):
    db = Database(empty_db_url)
    try:
        assert "coopbot db upgrade" in schema_problem(db)
        upgrade(empty_db_url)
        assert schema_problem(db) is None
        with db.engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = 'fffffffffff'"))
        assert "newer than this coopbot" in schema_problem(db)
    finally:
        db.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_datetimes_round_trip_as_aware_utc_and_naive_ones_are_refused(db):
    when = datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)
    with db.session() as session:
        session.add(Person(display_name="Kari", created_at=when))
    with db.session() as session:
        person = session.exec(select(Person)).one()
        assert person.created_at == when and person.created_at.tzinfo is not None
    with pytest.raises(Exception, match="naive datetime"):
        with db.session() as session:
            session.add(Person(display_name="Naive", created_at=datetime(2026, 1, 1)))
    with db.session() as session:
        assert len(session.exec(select(Person)).all()) == 1


def test_discord_ids_fit_in_the_column(db):
    now = datetime.now(timezone.utc)
    with db.session() as session:
        session.add(Person(discord_id=987654321098765432, created_at=now))
    with db.session() as session:
        assert session.exec(select(Person.discord_id)).one() == 987654321098765432


def test_session_rolls_back_on_error(db):
    now = datetime.now(timezone.utc)
    with pytest.raises(RuntimeError):
        with db.session() as session:
            session.add(Group(slug="a", name="A", created_at=now, updated_at=now))
            session.flush()
            raise RuntimeError("boom")
    with db.session() as session:
        assert session.exec(select(Group)).all() == []


def test_postgres_urls_use_psycopg3():
    assert normalise_url("postgresql://h/db") == "postgresql+psycopg://h/db"
    assert normalise_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"
