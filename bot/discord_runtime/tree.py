"""The command tree: one error handler, one guild, descriptions in four languages."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.discord_runtime.replies import report_error, send
from bot.i18n import Catalogs
from bot.i18n.catalog import BASE

if TYPE_CHECKING:
    from bot.discord_runtime.client import CoopBot

log = logging.getLogger(__name__)


class CoopTree(app_commands.CommandTree):
    """Every slash command's errors end here and become an ephemeral answer."""

    client: CoopBot

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        await report_error(self.client.context, interaction, error)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Serve only the configured server (and DMs), even if someone invites the bot elsewhere."""
        settings = self.client.context.app.config.discord
        if settings is None or interaction.guild_id in (None, settings.guild_id):
            return True
        log.warning("interaction from unconfigured guild %s by user %s refused", interaction.guild_id,
                    interaction.user.id)
        await send(interaction, self.client.context.translator_for(interaction)("discord.wrong_guild"))
        return False


class CatalogTranslator(app_commands.Translator):
    """Command and option descriptions from the catalogs, per Discord locale.

    Cogs mark descriptions with `locale_str(english, key="cmd....")`; the
    English text is Discord's default, the other catalogs are offered as
    localisations for the locales they cover.
    """

    def __init__(self, catalogs: Catalogs) -> None:
        self._catalogs = catalogs

    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContextTypes) -> str | None:
        key = string.extras.get("key")
        language = self._catalogs.resolve_locale(locale.value)
        if not key or language is None or language == BASE:
            return None
        return self._catalogs.messages[language].get(key)
