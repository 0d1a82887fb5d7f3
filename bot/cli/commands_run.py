"""`coopbot run`: the bot, for real — forum watcher, Discord, reminders, web server."""

from __future__ import annotations

import argparse
import asyncio
import logging
from collections.abc import Callable
from typing import Any

from bot.app import App
from bot.cli.common import EXIT_OK, add_common, open_checked_app
from bot.errors import ConfigError
from bot.runtime import build_runtime, install_signal_handlers
from bot.services.followup import FollowUpService

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "run", help="run the bot (Discord, forum watcher, reminders, web server)",
        description="Run coopbot until interrupted. Needs a migrated database (`coopbot db upgrade`), "
        "a [discord] section and COOPBOT_DISCORD_TOKEN; with [discourse], also COOPBOT_DISCOURSE_API_KEY.",
    )
    add_common(parser)
    parser.set_defaults(handler=run_command)


def run_command(args: argparse.Namespace) -> int:
    app = open_checked_app(args)
    try:
        _require_discord(app)
        asyncio.run(_serve(app))
    finally:
        app.close()
    return EXIT_OK


def _require_discord(app: App) -> None:
    problems = []
    if app.config.discord is None:
        problems.append("discord: `coopbot run` needs a [discord] section with guild_id and coordinator_channel")
    if not app.secrets.discord_token:
        problems.append("COOPBOT_DISCORD_TOKEN is not set; create a bot token (see docs/discord-setup.md)")
    if problems:
        raise ConfigError(problems)


def discord_factory(app: App) -> Callable[[FollowUpService, Callable[[str], Any]], tuple[list[Any], list[Any]]]:
    """Build the Discord client lazily, so offline commands never import discord."""

    def build(followup: FollowUpService, next_meeting: Callable[[str], Any]) -> tuple[list[Any], list[Any]]:
        from bot.discord_runtime.client import create_bot, run_discord
        from bot.discord_runtime.sender import DiscordSender

        bot = create_bot(app, followup=followup, next_meeting=next_meeting)
        token = app.secrets.discord_token or ""

        async def serve(stop: asyncio.Event) -> None:
            try:
                await run_discord(bot, token)
            finally:
                stop.set()  # Discord gone for good (bad token, closed): stop the rest too

        return [DiscordSender(bot)], [serve]

    return build


async def _serve(app: App) -> None:
    stop = asyncio.Event()
    install_signal_handlers(stop)
    runtime = build_runtime(app, discord=discord_factory(app))
    await runtime.run(stop)
