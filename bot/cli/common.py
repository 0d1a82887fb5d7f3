"""What every sub-command shares: --config, -v, and loading the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.app import App, build_app
from bot.config import Config, Secrets, default_config_path, load_config
from bot.logs import setup_logging

EXIT_OK, EXIT_RUNTIME, EXIT_CONFIG = 0, 1, 2


class CommandFailed(Exception):
    """A sub-command's own failure, with the message to print and an exit code."""

    def __init__(self, message: str, code: int = EXIT_RUNTIME) -> None:
        super().__init__(message)
        self.code = code


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, default=None, metavar="PATH",
        help="config file (default ./config.toml, or $COOPBOT_CONFIG)",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")


def config_path(args: argparse.Namespace) -> Path:
    return args.config or default_config_path()


def load(args: argparse.Namespace) -> tuple[Config, Path]:
    path = config_path(args)
    config = load_config(path)
    level = config.logging.level
    if args.verbose:
        level = "DEBUG" if args.verbose > 1 else "INFO"
    setup_logging(level, secrets=Secrets.from_env().values())
    return config, path


def open_app(args: argparse.Namespace, **kwargs: object) -> App:
    config, path = load(args)
    return build_app(config, path, **kwargs)  # type: ignore[arg-type]


def open_checked_app(args: argparse.Namespace, **kwargs: object) -> App:
    """An app whose database is at this code's schema, with groups synced from config."""
    from bot.db import schema_problem

    app = open_app(args, **kwargs)
    problem = schema_problem(app.db)
    if problem:
        app.close()
        raise CommandFailed(problem)
    app.groups.sync_from_config(app.config.groups)
    return app
