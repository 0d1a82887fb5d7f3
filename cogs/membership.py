"""/join and /leave: sign-ups from chat, answered privately."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n.escape import escape_markdown
from bot.services.membership import NOTE_LIMIT
from cogs.common import CoopCog, GroupArg, describe


class MembershipCog(CoopCog):
    @app_commands.command(name="join", description=describe("cmd.join"))
    @app_commands.describe(group=describe("cmd.arg_group"), note=describe("cmd.arg_note"))
    async def join(self, interaction: discord.Interaction, group: GroupArg,
                   note: app_commands.Range[str, 0, NOTE_LIMIT] = "") -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        outcome = await self.ctx.run(self.ctx.membership.join, actor.person_id, group, note=note,
                                     ref=str(interaction.id))
        key = "join.waitlisted" if outcome.status == "waitlisted" else "join.recorded"
        await interaction.response.send_message(t(key, group=escape_markdown(outcome.group_name, limit=100)),
                                                ephemeral=True)

    @app_commands.command(name="leave", description=describe("cmd.leave"))
    @app_commands.describe(group=describe("cmd.arg_group"))
    async def leave(self, interaction: discord.Interaction, group: GroupArg) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        outcome = await self.ctx.run(self.ctx.membership.leave, actor.person_id, group, ref=str(interaction.id))
        await interaction.response.send_message(t("leave.done", group=escape_markdown(outcome.group_name, limit=100)),
                                                ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(MembershipCog(bot.context))  # type: ignore[attr-defined]
