"""`coopbot privacy export|forget`: a person's data, for the operator acting on a request."""

from __future__ import annotations

import argparse
import json
import sys

from bot.app import App
from bot.cli.common import EXIT_OK, EXIT_RUNTIME, add_common, open_checked_app
from bot.services.privacy import PrivacyService


def register(sub: argparse._SubParsersAction) -> None:
    privacy = sub.add_parser("privacy", help="export or erase one person's data",
                             description="Export everything stored about one person, or erase it.")
    actions = privacy.add_subparsers(dest="privacy_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="print the person's data as JSON")
    forget = actions.add_parser("forget", help="erase the person's personal data (keeps anonymous counts)")
    forget.add_argument("--yes", action="store_true", help="really erase; without it nothing changes")
    for parser in (export, forget):
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--discourse", metavar="NAME", help="the person's forum username")
        who.add_argument("--discord", metavar="ID", type=int, help="the person's Discord user id")
        add_common(parser)
    export.set_defaults(handler=export_person)
    forget.set_defaults(handler=forget_person)


def _service(args: argparse.Namespace) -> tuple[PrivacyService, int, App]:
    app = open_checked_app(args)
    service = PrivacyService(app.db, app.clock, app.people)
    try:
        person_id = service.find_person(discourse=args.discourse, discord=args.discord)
    except BaseException:
        app.close()
        raise
    return service, person_id, app


def export_person(args: argparse.Namespace) -> int:
    service, person_id, app = _service(args)
    try:
        data = service.export(person_id)
    finally:
        app.close()
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()
    return EXIT_OK


def forget_person(args: argparse.Namespace) -> int:
    service, person_id, app = _service(args)
    try:
        if not args.yes:
            print(f"person {person_id} would be erased; run again with --yes to do it", file=sys.stderr)
            return EXIT_RUNTIME
        report = service.forget(person_id, actor_label="cli")
    finally:
        app.close()
    print(f"person {report.person_id} erased: {report.signups} sign-up(s) anonymised, "
          f"{report.memberships_ended} membership(s) ended, {report.notifications_cancelled} message(s) cancelled")
    return EXIT_OK
