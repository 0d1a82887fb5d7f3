"""/signups: a driver's open sign-ups, each with the same buttons as the DM."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_runtime.components import build_message
from bot.discord_runtime.signup_card import signup_card
from cogs.common import CoopCog, GroupArg, describe

SHOWN = 10


class SignUpsCog(CoopCog):
    @app_commands.command(name="signups", description=describe("cmd.signups"))
    @app_commands.describe(group=describe("cmd.arg_group_optional"))
    async def signups(self, interaction: discord.Interaction, group: GroupArg | None = None) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        views = await self.ctx.run(self.ctx.directory.open_signups, actor, group)
        if not views:
            await interaction.response.send_message(t("pending.none"), ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        render = self.ctx.render_signup or signup_card
        header = t("pending.header", count=len(views))
        if len(views) > SHOWN:
            header += "\n" + t("pending.more", shown=SHOWN, count=len(views))
        await interaction.followup.send(header, ephemeral=True)
        for view in views[:SHOWN]:
            parts = build_message(render(view, t, forum_url=self.ctx.forum_url))
            extra = {"view": parts.view} if parts.view is not None else {}
            if parts.embed is not None:
                extra["embed"] = parts.embed
            await interaction.followup.send(parts.content, ephemeral=True, **extra)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(SignUpsCog(bot.context))  # type: ignore[attr-defined]
