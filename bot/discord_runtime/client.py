"""The Discord client: intents, cogs, persistent buttons, command sync, start and stop.

Intents: only `guilds` (channel and role cache). Slash commands, buttons and
DMs the bot sends need no intent at all, and the bot reads no messages, so
no privileged intent (members, presences, message content) is requested.
Mentions are off by default (`AllowedMentions.none()`), so nothing a person
typed can make the bot ping @everyone, a role or a user.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord
from discord.ext import commands

from bot.app import App
from bot.discord_runtime.components import known_items
from bot.discord_runtime.context import BotContext
from bot.discord_runtime.tree import CatalogTranslator, CoopTree

log = logging.getLogger(__name__)

EXTENSIONS = (
    "cogs.groups", "cogs.membership", "cogs.signups", "cogs.identity", "cogs.privacy", "cogs.admin", "cogs.meetings",
)


def minimal_intents() -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    return intents


class CoopBot(commands.Bot):
    def __init__(self, context: BotContext, *, extensions: Sequence[str] = EXTENSIONS, sync: bool = True) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=minimal_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=CoopTree,
            help_command=None,
        )
        self.context = context
        self._extensions = tuple(extensions)
        self._sync = sync

    async def setup_hook(self) -> None:
        for name in self._extensions:
            await self.load_extension(name)
        self.add_dynamic_items(*known_items())
        await self.tree.set_translator(CatalogTranslator(self.context.catalogs))
        log.info("discord: loaded %s; persistent buttons %s", ", ".join(self._extensions),
                 ", ".join(item.__name__ for item in known_items()))
        if self._sync:
            await self.sync_commands()

    async def sync_commands(self) -> list[str]:
        """Global in production; to the one server in development, where it is instant."""
        settings = self.context.app.config.discord
        if settings is not None and settings.command_sync == "guild":
            guild = discord.Object(id=settings.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            scope = f"guild {settings.guild_id}"
        else:
            synced = await self.tree.sync()
            scope = "global"
        names = sorted(command.name for command in synced)
        log.info("discord: synced %d command(s) (%s): %s", len(names), scope, ", ".join(names))
        return names

    async def on_ready(self) -> None:
        user = self.user
        log.info("discord: ready as %s (id %s) in %d guild(s)", user, user.id if user else "?", len(self.guilds))


def create_bot(app: App, **context_options: object) -> CoopBot:
    """A bot for `app`; options go to `BotContext.from_app` (next_meeting, render_signup, followup)."""
    return CoopBot(BotContext.from_app(app, **context_options))  # type: ignore[arg-type]


async def run_discord(bot: CoopBot, token: str) -> None:
    """Log in and serve until cancelled; the connection is closed cleanly either way."""
    async with bot:
        await bot.start(token)
