"""/privacy export and /privacy forget: a person's own data, on request."""

from __future__ import annotations

import io
import json
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_runtime.context import BotContext
from bot.discord_runtime.replies import guarded
from bot.i18n import Translator
from cogs.common import CoopCog, describe

log = logging.getLogger(__name__)


def export_file(data: dict[str, object]) -> discord.File:
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()
    return discord.File(io.BytesIO(body), filename="coopbot-my-data.json")


class ConfirmForget(discord.ui.View):
    """Erasing cannot be undone, so it takes a second, deliberate press by the same person."""

    def __init__(self, ctx: BotContext, t: Translator, *, owner_id: int, person_id: int,
                 timeout: float = 120) -> None:
        super().__init__(timeout=timeout)
        self.ctx, self.t, self.owner_id, self.person_id = ctx, t, owner_id, person_id
        self.confirm.label, self.cancel.label = t("privacy.forget_confirm"), t("privacy.forget_cancel")

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return interaction.user.id == self.owner_id

    @discord.ui.button(style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await guarded(self.ctx, interaction, self._forget(interaction))

    async def _forget(self, interaction: discord.Interaction) -> None:
        self.stop()
        report = await self.ctx.run(self.ctx.privacy.forget, self.person_id,
                                    actor_label=f"discord:{interaction.user.id}")
        await interaction.response.edit_message(content=self.t("privacy.forgotten", signups=report.signups),
                                                view=None)

    @discord.ui.button(style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.stop()
        await interaction.response.edit_message(content=self.t("privacy.forget_cancelled"), view=None)


class PrivacyCog(CoopCog):
    privacy = app_commands.Group(name="privacy", description=describe("cmd.privacy"))

    @privacy.command(name="export", description=describe("cmd.privacy_export"))
    async def export(self, interaction: discord.Interaction) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await self.ctx.run(self.ctx.privacy.export, actor.person_id)
        try:
            await interaction.user.send(t("privacy.export_dm"), file=export_file(data))
        except discord.Forbidden:
            log.info("privacy export for user %s: DMs closed, attaching to the private answer",
                     interaction.user.id)
            await interaction.followup.send(t("privacy.export_here"), file=export_file(data), ephemeral=True)
            return
        await interaction.followup.send(t("privacy.export_sent"), ephemeral=True)

    @privacy.command(name="forget", description=describe("cmd.privacy_forget"))
    async def forget(self, interaction: discord.Interaction) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        view = ConfirmForget(self.ctx, t, owner_id=interaction.user.id, person_id=actor.person_id)
        await interaction.response.send_message(t("privacy.forget_ask"), view=view, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(PrivacyCog(bot.context))  # type: ignore[attr-defined]
