"""The `coopbot` command: one sub-command per job, all sharing --config.

Exit codes: 0 ok, 1 runtime error, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bot.cli import (
    commands_config,
    commands_db,
    commands_demo,
    commands_forum,
    commands_listing,
    commands_meetings,
    commands_outbox,
    commands_privacy,
    commands_run,
)
from bot.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_RUNTIME, CommandFailed
from bot.errors import ConfigError, CoopbotError, UserFacingError
from bot.i18n import load_catalogs

log = logging.getLogger(__name__)

MODULES = [commands_run, commands_config, commands_db, commands_listing, commands_forum, commands_demo,
           commands_outbox, commands_privacy, commands_meetings]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coopbot",
        description="Companion bot for co-ops' working groups: forum sign-ups, drivers, rosters, meetings.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except ConfigError as exc:
        for problem in exc.problems:
            print(f"config error: {problem}", file=sys.stderr)
        return EXIT_CONFIG
    except UserFacingError as exc:
        print(f"coopbot: {load_catalogs().text(exc.key, **exc.params)}", file=sys.stderr)
        return EXIT_RUNTIME
    except CommandFailed as exc:
        print(f"coopbot: {exc}", file=sys.stderr)
        return exc.code
    except CoopbotError as exc:
        print(f"coopbot: {exc}", file=sys.stderr)
        return EXIT_RUNTIME
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing left to say
        return EXIT_OK
    except KeyboardInterrupt:
        print("coopbot: interrupted", file=sys.stderr)
        return EXIT_RUNTIME


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
