"""`coopbot outbox`: what is waiting, what went out, what died, and retrying it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.cli.common import EXIT_OK, add_common, open_checked_app
from bot.models import Notification
from bot.outbox import dead_letters, recent, requeue, status_of, undelivered


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "outbox", help="messages waiting, recently sent, or dead-lettered",
        description="Show the outbox: pending and recent messages (default), dead letters with their "
                    "error (--dead), or requeue a dead or failed-over message (--retry ID).")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dead", action="store_true", help="dead-lettered messages with the last error")
    mode.add_argument("--retry", type=int, metavar="ID", help="requeue message ID for delivery")
    parser.add_argument("--limit", type=int, default=50, help="at most this many rows per list (default 50)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    add_common(parser)
    parser.set_defaults(handler=show_outbox)


def show_outbox(args: argparse.Namespace) -> int:
    app = open_checked_app(args)
    try:
        with app.db.session() as session:
            if args.retry is not None:
                row = requeue(session, args.retry, now=app.clock.now())
                _emit([row], args.json, heading=None)
                if not args.json:
                    print(f"requeued #{row.id}; the running bot delivers it on its next round", file=sys.stderr)
                return EXIT_OK
            if args.dead:
                _emit(dead_letters(session, limit=args.limit), args.json, heading="dead letters")
                return EXIT_OK
            _emit(undelivered(session, limit=args.limit), args.json, heading="pending")
            _emit(recent(session, limit=args.limit), args.json, heading="recent")
    finally:
        app.close()
    return EXIT_OK


def as_json(row: Notification) -> dict[str, Any]:
    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": row.id, "status": status_of(row), "kind": row.kind, "channel": row.channel,
        "recipient": row.recipient, "key": row.idempotency_key, "signup_id": row.signup_id,
        "attempts": row.attempts, "created_at": iso(row.created_at), "next_attempt_at": iso(row.next_attempt_at),
        "delivered_at": iso(row.delivered_at), "dead_at": iso(row.dead_at), "cancelled_at": iso(row.cancelled_at),
        "remote_ref": row.remote_ref, "last_error": row.last_error, "title": row.payload.get("title"),
    }


def _emit(rows: list[Notification], as_lines: bool, *, heading: str | None) -> None:
    if as_lines:
        for row in rows:
            print(json.dumps(as_json(row), ensure_ascii=False))
        return
    if heading:
        print(f"{heading} ({len(rows)})")
    for row in rows:
        when = row.delivered_at or row.dead_at or row.cancelled_at or row.next_attempt_at
        print(f"  #{row.id:<6} {status_of(row):<11} {when:%Y-%m-%d %H:%M} {row.kind:<20} "
              f"{row.channel}:{row.recipient}  tries={row.attempts}")
        if row.last_error and status_of(row) != "delivered":
            print(f"          {row.last_error[:300]}")
    if not rows and heading:
        print("  (none)")
