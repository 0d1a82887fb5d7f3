"""`coopbot poll`, `coopbot watch` and `coopbot detect`: the forum side, usable from cron."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot import outbox
from bot.cli.common import EXIT_OK, EXIT_RUNTIME, CommandFailed, add_common, open_checked_app
from bot.cli.progress import ProgressBar
from bot.composition import gateway_for, watch_service, watcher_for
from bot.config import default_config_path
from bot.delivery.console import ConsoleSender
from bot.delivery.discourse import DiscourseSender
from bot.delivery.message import OutgoingMessage
from bot.detection import Detector
from bot.detection.cli import load_groups, run_detect
from bot.dispatcher import Dispatcher
from bot.errors import ForumUnavailableError


def register(sub: argparse._SubParsersAction) -> None:
    poll = sub.add_parser("poll", help="read new forum posts once or on the configured interval",
                          description="Read the forum's new posts (one request when idle), backfilling "
                          "newly watched topics first.")
    poll.add_argument("--once", action="store_true", help="run one cycle and exit (for cron)")
    poll.add_argument("--dry-run", action="store_true",
                      help="send nothing to anyone: record sign-ups and show the queued messages instead")
    add_common(poll)
    poll.set_defaults(handler=poll_command)

    watch = sub.add_parser("watch", help="manage watched topics", description="Manage the watched topics.")
    actions = watch.add_subparsers(dest="watch_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="watch a topic (URL or id) and backfill its replies")
    add.add_argument("topic", help="topic URL or id")
    add.add_argument("--groups", nargs="*", help="only these group slugs may be signed up for here")
    add.add_argument("--no-backfill", action="store_true", help="backfill later, at the next poll")
    listing = actions.add_parser("list", help="watched topics with backfill state and last error")
    remove = actions.add_parser("remove", help="stop watching a topic (history is kept)")
    remove.add_argument("topic", help="topic URL or id")
    for parser, handler in ((add, watch_add), (listing, watch_list), (remove, watch_remove)):
        add_common(parser)
        parser.set_defaults(handler=handler)

    detect = sub.add_parser("detect", help="decide sign-ups for JSON lines of posts (offline)",
                            description="Read JSON lines with 'id' and 'text'; print one decision per line.")
    detect.add_argument("--groups", type=Path, metavar="GROUPS.toml",
                        help="[[groups]] tables, or a whole config file (default: the --config file)")
    detect.add_argument("--config", type=Path, default=None, metavar="PATH",
                        help="config file whose groups to use when --groups is not given")
    detect.add_argument("--input", default="-", metavar="POSTS.jsonl", help="input file, or - for stdin")
    detect.set_defaults(handler=detect_command)


def _forum(args: argparse.Namespace):  # noqa: ANN202 - (app, watcher)
    app = open_checked_app(args)
    watches = watch_service(app)
    gateway = gateway_for(app.config, app.secrets)
    watches.sync_config(app.config.watch)
    return app, watches, watcher_for(app, gateway, watches)


def poll_command(args: argparse.Namespace) -> int:
    app, watches, watcher = _forum(args)
    try:
        senders = {} if args.dry_run else {c: DiscourseSender(watcher.gateway) for c in DiscourseSender.channels}
        dispatcher = Dispatcher(app.db, app.clock, senders, config=app.config.outbox, rate=app.config.outbox.rate)
        code = asyncio.run(_poll(app, watcher, dispatcher, once=args.once))
        if args.dry_run:
            show_queued(app)
        return code
    finally:
        app.close()


async def _poll(app, watcher, dispatcher: Dispatcher, *, once: bool) -> int:  # noqa: ANN001
    """Poll, then deliver what concerns the forum (acknowledgements, private messages)
    so a cron-only set-up answers volunteers; Discord messages wait for `coopbot run`."""
    interval = app.config.discourse.poll_interval.total_seconds()
    while True:
        try:
            await watcher.backfill_pending(lambda topic: ProgressBar(f"backfill topic {topic}"))
            report = await watcher.poll_once()
            sent = 0
            while (batch := await dispatcher.run_once()).claimed:
                sent += batch.delivered
            print(f"poll: {report.fetched} new posts, {len(report.result.signups)} sign-ups, "
                  f"{report.requests} request(s), cursor {report.cursor}, {sent} forum message(s) delivered")
        except ForumUnavailableError as exc:
            if once:
                raise CommandFailed(f"the forum is unavailable: {exc}") from None
            print(f"poll: forum unavailable ({exc}); trying again later", file=sys.stderr)
        if once:
            return EXIT_OK
        await asyncio.sleep(interval)


def show_queued(app) -> None:  # noqa: ANN001
    """Render what waits in the outbox, without claiming or sending it."""
    console = ConsoleSender(sys.stdout, colour=sys.stdout.isatty())
    with app.db.session() as session:
        rows = outbox.undelivered(session, limit=500)
    print(f"{len(rows)} message(s) queued, not sent (dry run):")
    for row in rows:
        message = OutgoingMessage(row.id, row.kind, row.channel, row.recipient, row.payload,
                                  row.idempotency_key, row.attempts)
        sys.stdout.write(console.render(message))


def watch_add(args: argparse.Namespace) -> int:
    app, watches, watcher = _forum(args)
    try:
        row = watches.add(args.topic, groups=args.groups)
        print(f"watching topic {row.topic_id}")
        if args.no_backfill:
            return EXIT_OK
        asyncio.run(watcher.backfill_pending(lambda topic: ProgressBar(f"backfill topic {topic}")))
        now = next(r for r in watches.list() if r.topic_id == row.topic_id)
        if now.backfill_done_at is None:
            print(f"topic {row.topic_id} could not be read: {now.last_error}", file=sys.stderr)
            return EXIT_RUNTIME
        return EXIT_OK
    finally:
        app.close()


def watch_list(args: argparse.Namespace) -> int:
    app = open_checked_app(args)
    try:
        watches = watch_service(app)
        watches.sync_config(app.config.watch)
        rows = watches.list()
    finally:
        app.close()
    for row in rows:
        state = "backfilled" if row.backfill_done_at else f"backfill at post {row.backfill_after_post_id}"
        groups = ",".join(row.groups) if row.groups else "all groups"
        line = f"{row.topic_id:<8} {'active' if row.active else 'removed':<8} {row.source:<7} {state:<24} " \
               f"{groups:<20} {row.title}"
        if row.last_error:
            line += f"\n         last error {row.last_error_at:%Y-%m-%d %H:%M}: {row.last_error}"
        print(line)
    if not rows:
        print("no watched topics", file=sys.stderr)
    return EXIT_OK


def watch_remove(args: argparse.Namespace) -> int:
    app = open_checked_app(args)
    try:
        removed = watch_service(app).remove(args.topic)
    finally:
        app.close()
    print("stopped watching" if removed else "that topic was not being watched")
    return EXIT_OK if removed else EXIT_RUNTIME


def detect_command(args: argparse.Namespace) -> int:
    """Groups are read leniently here (slug and name required, other keys ignored):
    detection needs only what names a group, and a groups file from elsewhere
    should not be refused for a field the bot would want when running."""
    detector = Detector(load_groups(args.groups or args.config or default_config_path()))
    if args.input == "-":
        return run_detect(detector, sys.stdin, sys.stdout, sys.stderr)
    try:
        handle = open(args.input, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise CommandFailed(f"cannot read {args.input}: {exc}") from None
    with handle:
        return run_detect(detector, handle, sys.stdout, sys.stderr)
