"""/link and /link-confirm: proving a Discord user owns a forum account."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n.escape import escape_markdown
from cogs.common import CoopCog, describe


class IdentityCog(CoopCog):
    @app_commands.command(name="link", description=describe("cmd.link"))
    @app_commands.describe(username=describe("cmd.arg_username"))
    async def link(self, interaction: discord.Interaction,
                   username: app_commands.Range[str, 1, 100]) -> None:
        t = self.ctx.translator_for(interaction)
        user = interaction.user
        sent = await self.ctx.run(self.ctx.identity.request_link, user.id, user.display_name or user.name, username)
        await interaction.response.send_message(
            t("link.code_sent", username=escape_markdown(sent.username, limit=60),
              expires=discord.utils.format_dt(sent.expires_at, "R")),
            ephemeral=True)

    @app_commands.command(name="link-confirm", description=describe("cmd.link_confirm"))
    @app_commands.describe(code=describe("cmd.arg_code"))
    async def link_confirm(self, interaction: discord.Interaction, code: app_commands.Range[str, 1, 40]) -> None:
        t = self.ctx.translator_for(interaction)
        user = interaction.user
        result = await self.ctx.run(self.ctx.identity.confirm_link, user.id, code,
                                    display_name=user.display_name or user.name)
        await interaction.response.send_message(
            t("link.confirmed", username=escape_markdown(result.discourse_username, limit=60)), ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(IdentityCog(bot.context))  # type: ignore[attr-defined]
