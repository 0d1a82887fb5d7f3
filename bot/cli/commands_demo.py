"""`coopbot demo`: watch coopbot work on the built-in sandbox forum, no credentials needed."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from pathlib import Path

from bot.demo import EXAMPLE, run_demo
from bot.demo_output import wants_colour
from bot.logs import setup_logging


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "demo", help="run coopbot against the built-in sandbox forum (no credentials needed)",
        description="Start the sandbox forum on loopback with the real seed thread, use a temporary SQLite "
        "database and config.example.toml, and show each decision, sign-up and notification.",
    )
    parser.add_argument("--no-colour", action="store_true", help="plain output even on a terminal")
    parser.add_argument("--config", type=Path, default=EXAMPLE, metavar="PATH",
                        help="whose groups and meetings to use (default: config.example.toml); "
                        "its forum, database and watch settings are replaced by the sandbox's")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="show the bot's log lines too")
    parser.set_defaults(handler=demo_command)


def demo_command(args: argparse.Namespace) -> int:
    # The demo moves its clock forward on purpose; skipped-reminder warnings are expected noise there.
    setup_logging(logging.INFO if args.verbose else logging.ERROR)
    return asyncio.run(run_demo(sys.stdout, colour=wants_colour(sys.stdout) and not args.no_colour,
                                config_path=args.config))
