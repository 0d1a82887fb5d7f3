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
