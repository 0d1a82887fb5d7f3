"""/coopbot sync: reload the groups from the config file (admins; checked in the service)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n.escape import escape_markdown
from cogs.common import CoopCog, describe


class AdminCog(CoopCog):
    coopbot = app_commands.Group(name="coopbot", description=describe("cmd.coopbot"), guild_only=True)

    @coopbot.command(name="sync", description=describe("cmd.sync"))
    async def sync(self, interaction: discord.Interaction) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        report = await self.ctx.run(self.ctx.directory.reload_groups, actor, self.ctx.app.config_path)
        none = t("admin.nothing")

        def names(slugs: list[str]) -> str:
            return escape_markdown(", ".join(slugs), limit=500) or none

        await interaction.response.send_message(
            t("admin.synced", added=names(report.added), updated=names(report.updated),
              retired=names(report.retired)),
            ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(AdminCog(bot.context))  # type: ignore[attr-defined]
