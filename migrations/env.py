"""Alembic environment: metadata from the models, URL from coopbot's config.

`coopbot db upgrade` passes the URL in `config.attributes["url"]`; nothing
here reads files or the environment at import time.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

import bot.models  # noqa: F401  (registers the tables)
from bot.db import make_engine
from bot.models import UTCDateTime

target_metadata = SQLModel.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Write our UTC type as the plain column type it stores, so revisions
    stay readable and independent of application code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String(length={obj.length})" if obj.length else "sa.String()"
    return False


def run_migrations() -> None:
    url = context.config.attributes.get("url")
    if not url:
        raise RuntimeError("coopbot migrations need a database URL; run them with `coopbot db upgrade`")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        engine.dispose()


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
