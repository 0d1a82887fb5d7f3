"""`coopbot signups` and `coopbot roster`: what the database knows, for people and scripts."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from bot.app import App
from bot.cli.common import EXIT_OK, add_common, open_checked_app
from bot.services.permissions import Actor

STATUSES = ("pending", "contacted", "joined", "declined", "withdrawn", "waitlisted", "left")


def register(sub: argparse._SubParsersAction) -> None:
    signups = sub.add_parser("signups", help="list recorded sign-ups",
                             description="List recorded sign-ups, oldest first.")
    signups.add_argument("--group", help="only this group (slug)")
    signups.add_argument("--status", choices=STATUSES, help="only this status")
    signups.add_argument("--json", action="store_true", help="one JSON object per line")
    add_common(signups)
    signups.set_defaults(handler=list_signups)

    roster = sub.add_parser("roster", help="a group's drivers and members",
                            description="Print a group's current drivers and members with since-dates.")
    roster.add_argument("group", help="group slug, name or alias")
    roster.add_argument("--csv", action="store_true", help="CSV on stdout")
    add_common(roster)
    roster.set_defaults(handler=show_roster)


def list_signups(args: argparse.Namespace) -> int:
    app = open_checked_app(args)
    try:
        views = app.listings.signups(group=args.group, status=args.status)
    finally:
        app.close()
    for view in views:
        if args.json:
            print(json.dumps(view.as_json(), ensure_ascii=False))
        else:
            who = view.discourse_username or view.display_name or f"person {view.person_id}"
            print(f"#{view.id:<5} {view.created_at:%Y-%m-%d} {view.intent:<5} {view.status:<10} "
                  f"{view.group or '(any group)':<24} {who}")
    if not views and not args.json:
        print("no sign-ups recorded", file=sys.stderr)
    return EXIT_OK


def show_roster(args: argparse.Namespace) -> int:
    app = open_checked_app(args)
    try:
        roster = _roster(app, args.group)
    finally:
        app.close()
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["group", "role", "name", "discourse_username", "discord_id", "since"])
        for e in roster.entries:
            writer.writerow([roster.group, e.role, e.display_name, e.discourse_username or "",
                             e.discord_id or "", e.since.date().isoformat()])
        return EXIT_OK
    print(f"{roster.group_name} ({roster.group})")
    for e in roster.entries:
        print(f"  {e.role:<7} {e.display_name:<24} since {e.since:%Y-%m-%d}")
    if not roster.entries:
        print("  (nobody yet)")
    return EXIT_OK


def _roster(app: App, text: str):  # noqa: ANN202 - returns listings.Roster
    group = app.groups.resolve(text)
    return app.listings.roster(group.slug, Actor.operator())
