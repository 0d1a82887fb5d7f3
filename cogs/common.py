"""What every cog shares: the context, localised descriptions, group autocomplete."""

from __future__ import annotations

from datetime import datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_runtime.context import BotContext
from bot.i18n import Translator, load_catalogs
from bot.i18n.escape import clean
from bot.services.groups import suggest_groups

CHOICE_LIMIT = 100


def describe(key: str) -> app_commands.locale_str:
    """A command or option description: English by default, other catalogs via the tree's translator."""
    return app_commands.locale_str(load_catalogs().text(key), key=key)


def when(moment: datetime, style: str = "f") -> str:
    """A Discord timestamp: each reader sees it in their own time zone and language."""
    return discord.utils.format_dt(moment, style)  # type: ignore[arg-type]


def status_label(t: Translator, status: str) -> str:
    return t(f"groups.status_{status}")


class GroupName(app_commands.Transformer):
    """A group as typed: autocompleted fuzzily with its status; resolved by the service."""

    async def transform(self, interaction: discord.Interaction, value: str) -> str:
        return value

    async def autocomplete(self, interaction: discord.Interaction,  # type: ignore[override]
                           value: str) -> list[app_commands.Choice[str]]:
        ctx: BotContext = interaction.client.context  # type: ignore[attr-defined]
        t = ctx.translator_for(interaction)
        groups = await ctx.run(ctx.directory.active_groups)
        choices = []
        for group in suggest_groups(clean(value, limit=100), groups):
            label = clean(f"{group.name} · {status_label(t, group.status)}", limit=CHOICE_LIMIT)
            choices.append(app_commands.Choice(name=label, value=group.slug))
        return choices


GroupArg = app_commands.Transform[str, GroupName]


class CoopCog(commands.Cog):
    """A feature's Discord adapter; reads services from the bot's context."""

    def __init__(self, context: BotContext) -> None:
        self.ctx = context
