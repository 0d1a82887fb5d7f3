"""`coopbot db upgrade|current`: migrations are applied by command, never implicitly."""

from __future__ import annotations

import argparse

from bot.cli.common import EXIT_OK, add_common, load
from bot.config import database_url
from bot.db import Database, redact_url, schema_problem, upgrade


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("db", help="database migrations", description="Manage the database schema.")
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = actions.add_parser("upgrade", help="apply all migrations (creates the SQLite file if needed)")
    add_common(up)
    up.set_defaults(handler=db_upgrade)
    current = actions.add_parser("current", help="say whether the schema matches this coopbot")
    add_common(current)
    current.set_defaults(handler=db_current)


def db_upgrade(args: argparse.Namespace) -> int:
    config, path = load(args)
    url = database_url(config, path)
    upgrade(url)
    print(f"database {redact_url(url)} is up to date")
    return EXIT_OK


def db_current(args: argparse.Namespace) -> int:
    config, path = load(args)
    db = Database(database_url(config, path))
    try:
        problem = schema_problem(db)
    finally:
        db.dispose()
    print(problem or f"database {redact_url(db.url)} is up to date")
    return 1 if problem else EXIT_OK
