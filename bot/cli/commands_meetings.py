"""`coopbot meetings`: upcoming meetings, and scheduling from the terminal.

`coopbot meetings schedule GROUP "PHRASE"` prints the next three dates and
saves only with --yes, the same echo-before-saving as /meeting schedule. The
operator acts as a coopbot admin.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app import App
from bot.cli.common import EXIT_OK, add_common, open_checked_app
from bot.durations import parse_duration
from bot.meetings import AmbiguousScheduleError, ScheduleParseError
from bot.services.meeting_suite import meeting_suite
from bot.services.permissions import Actor

EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction) -> None:
    meetings = sub.add_parser("meetings", help="upcoming meetings; schedule a group's meetings",
                              description="List upcoming meetings, or schedule a group's meetings.")
    meetings.add_argument("--group", help="only this group")
    meetings.add_argument("--days", type=int, default=30, help="how far ahead (default 30)")
    add_common(meetings)
    meetings.set_defaults(handler=list_meetings)
    actions = meetings.add_subparsers(dest="action", metavar="ACTION")
    schedule = actions.add_parser("schedule", help="set a group's meetings from a phrase",
                                  description="Show the next three dates of PHRASE; save them with --yes.")
    schedule.add_argument("group", help="group slug, name or alias")
    schedule.add_argument("phrase", help='e.g. "fortnightly on Monday at 11:00"')
    schedule.add_argument("--duration", help="e.g. 1h30m")
    schedule.add_argument("--place", help="a room or a link")
    schedule.add_argument("--yes", action="store_true", help="save (without it, only show the dates)")
    add_common(schedule)
    schedule.set_defaults(handler=schedule_meetings)


def _local(app: App, when: datetime) -> str:
    return f"{when.astimezone(ZoneInfo(app.config.organisation.timezone)):%a %Y-%m-%d %H:%M}"


def list_meetings(args: argparse.Namespace) -> int:
    app = open_checked_app(args)
    try:
        found = meeting_suite(app).meetings.upcoming(args.days, group=args.group)
        for occ in found:
            extras = [x for x in (occ.place, "moved" if occ.moved else None) if x]
            print(f"{_local(app, occ.start)}  {occ.group_name:<28} {' · '.join(extras)}".rstrip())
    finally:
        app.close()
    if not found:
        print(f"no meetings in the next {args.days} days", file=sys.stderr)
    return EXIT_OK


def schedule_meetings(args: argparse.Namespace) -> int:
    app = open_checked_app(args)
    try:
        return _schedule(app, args)
    finally:
        app.close()


def _schedule(app: App, args: argparse.Namespace) -> int:
    meetings = meeting_suite(app).meetings
    duration = parse_duration(args.duration) if args.duration else None
    try:
        if not args.yes:
            dates = meetings.preview(args.group, args.phrase, duration=duration)
        else:
            dates = list(meetings.schedule(args.group, args.phrase, Actor.operator(), duration=duration,
                                           place=args.place, source="cli").dates)
    except AmbiguousScheduleError as exc:
        print("that phrase can be read more than one way; use one of:", file=sys.stderr)
        for option in exc.options:
            print(f'  "{option}"', file=sys.stderr)
        return EXIT_USAGE
    except ScheduleParseError as exc:
        print(f"could not read the schedule ({exc.key}); phrases that work:", file=sys.stderr)
        for example in exc.examples:
            print(f'  "{example}"', file=sys.stderr)
        return EXIT_USAGE
    print("saved; next meetings:" if args.yes else "next meetings (not saved; add --yes to save):")
    for when in dates:
        print(f"  {_local(app, when)}")
    return EXIT_OK
