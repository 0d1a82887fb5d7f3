"""Answering interactions: every one gets exactly one response, errors included.

Discord shows "This interaction failed" when an interaction gets no answer
within three seconds, and refuses a second initial response, so every reply
goes through `send` here, which picks the initial response or a follow-up.
`report_error` is the one place errors become messages: user-facing errors
(from the catalog, in the reader's language, parameters escaped) and a
generic apology for bugs, which are logged with command, guild and user ids.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.i18n import Translator
from bot.i18n.escape import escape_markdown

if TYPE_CHECKING:
    from bot.discord_runtime.context import BotContext

log = logging.getLogger(__name__)


async def send(interaction: discord.Interaction, content: str | None = None, *, ephemeral: bool = True,
               **kwargs: Any) -> None:
    """The initial response if there has been none, else a follow-up."""
    if interaction.response.is_done():
        await interaction.followup.send(content, ephemeral=ephemeral, **kwargs)
    else:
        await interaction.response.send_message(content, ephemeral=ephemeral, **kwargs)


def describe_error(error: UserFacingError, t: Translator) -> str:
    """A user-facing error in the reader's language; its parameters may echo input, so escape them."""
    params = {k: escape_markdown(v, limit=300) if isinstance(v, str) else v for k, v in error.params.items()}
    return t(error.key, **params)


def _unwrap(error: BaseException) -> BaseException:
    while isinstance(error, (app_commands.CommandInvokeError, app_commands.TransformerError)) \
            and error.__cause__ is not None:
        error = error.__cause__
    if isinstance(error, app_commands.CommandInvokeError):
        return error.original
    return error


def _where(interaction: discord.Interaction) -> str:
    command = getattr(interaction.command, "qualified_name", None)
    custom_id = (interaction.data or {}).get("custom_id") if isinstance(interaction.data, dict) else None
    return command or custom_id or "?"


async def report_error(ctx: BotContext, interaction: discord.Interaction, error: BaseException) -> None:
    error = _unwrap(error)
    t = ctx.translator_for(interaction)
    if isinstance(error, UserFacingError):
        log.info("refused %s for user %s in guild %s: %s", _where(interaction), interaction.user.id,
                 interaction.guild_id, error.key)
        text = describe_error(error, t)
    elif isinstance(error, app_commands.CheckFailure):
        log.info("check failed for %s by user %s in guild %s: %s", _where(interaction), interaction.user.id,
                 interaction.guild_id, type(error).__name__)
        text = t("discord.check_failed")
    else:
        log.error("error in %s for user %s in guild %s", _where(interaction), interaction.user.id,
                  interaction.guild_id, exc_info=error)
        text = t("error.generic")
    try:
        await send(interaction, text, ephemeral=True)
    except discord.HTTPException as exc:
        log.warning("could not tell user %s about an error in %s: %s", interaction.user.id,
                    _where(interaction), exc)


async def guarded(ctx: BotContext, interaction: discord.Interaction, work: Awaitable[None]) -> None:
    """Run a component callback so that failures still answer the user.

    discord.py only logs exceptions from dynamic items and views, which would
    leave the user with "This interaction failed"; this answers instead.
    """
    try:
        await work
    except Exception as exc:  # noqa: BLE001 - every failure is reported to the user and logged
        await report_error(ctx, interaction, exc)
