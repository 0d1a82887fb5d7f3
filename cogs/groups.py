"""/groups, /group info, /roster and /mygroups: reading the directory."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import Translator
from bot.i18n.escape import escape_markdown
from bot.services.directory import GroupDetails, GroupSummary, MyPlace
from bot.services.listings import Roster
from cogs.common import CoopCog, GroupArg, describe, status_label, when

PAGE_SIZE = 10
ROSTER_LIMIT = 40


def _name(text: str | None) -> str:
    return escape_markdown(text or "?", limit=100)


def summary_lines(s: GroupSummary, t: Translator) -> str:
    drivers = ", ".join(_name(d) for d in s.drivers) or t("groups.no_drivers")
    lines = [t("groups.drivers", drivers=drivers), t("groups.members", count=s.member_count)]
    if s.next_meeting is not None:
        lines.append(t("groups.next_meeting", when=when(s.next_meeting)))
    if s.status == "closed" and s.closed_reason:
        lines.append(t("groups.closed_reason", reason=escape_markdown(s.closed_reason, limit=300)))
    return "\n".join(lines)


def overview_pages(summaries: list[GroupSummary], t: Translator) -> list[discord.Embed]:
    chunks = [summaries[i:i + PAGE_SIZE] for i in range(0, len(summaries), PAGE_SIZE)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        embed = discord.Embed(title=t("groups.title"), description=None if chunk else t("groups.none"))
        for s in chunk:
            embed.add_field(name=f"{_name(s.name)} · {status_label(t, s.status)}", value=summary_lines(s, t),
                            inline=False)
        if len(chunks) > 1:
            embed.set_footer(text=t("pager.page", page=number, pages=len(chunks)))
        pages.append(embed)
    return pages


def roster_text(roster: Roster, t: Translator) -> str:
    if not roster.entries:
        return t("roster.empty")
    lines = [t("roster.entry", name=_name(e.display_name), role=t(f"roster.role_{e.role}"), since=when(e.since, "d"))
             for e in roster.entries[:ROSTER_LIMIT]]
    if len(roster.entries) > ROSTER_LIMIT:
        lines.append(t("roster.more", count=len(roster.entries) - ROSTER_LIMIT))
    return "\n".join(lines)


def details_embed(d: GroupDetails, t: Translator) -> discord.Embed:
    s = d.summary
    embed = discord.Embed(title=_name(s.name), description=escape_markdown(d.description, limit=1500) or None)
    embed.add_field(name=t("groups.field_status"), value=status_label(t, s.status), inline=True)
    embed.add_field(name=t("groups.field_people"), value=summary_lines(s, t), inline=False)
    optional = [
        ("groups.field_commitment", escape_markdown(d.commitment, limit=500) if d.commitment else None),
        ("groups.field_email", escape_markdown(d.email, limit=254) if d.email else None),
        ("groups.field_channel", f"<#{d.discord_channel_id}>" if d.discord_channel_id else None),
        ("groups.field_forum", d.forum_topic_url),
        ("groups.field_calendar", d.calendar_url),
    ]
    for key, value in optional:
        if value:
            embed.add_field(name=t(key), value=value, inline=False)
    if d.roster is not None:
        embed.add_field(name=t("roster.title", group=_name(s.name)), value=roster_text(d.roster, t)[:1024],
                        inline=False)
    return embed


def my_groups_text(places: list[MyPlace], t: Translator) -> str:
    if not places:
        return t("mine.none")
    return "\n".join(t("mine.entry", group=_name(p.group_name), state=t(f"mine.state_{p.state}"),
                       since=when(p.since, "d")) for p in places)


class Pager(discord.ui.View):
    """Previous / next over pre-rendered pages; the answer is ephemeral, so only the caller pages."""

    def __init__(self, pages: list[discord.Embed], t: Translator, *, timeout: float = 300) -> None:
        super().__init__(timeout=timeout)
        self.pages, self.index = pages, 0
        self.previous.label, self.next.label = t("pager.previous"), t("pager.next")
        self._refresh()

    def _refresh(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def _show(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._refresh()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    @discord.ui.button(style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, -1)

    @discord.ui.button(style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, +1)


class GroupsCog(CoopCog):
    group = app_commands.Group(name="group", description=describe("cmd.group"))

    @app_commands.command(name="groups", description=describe("cmd.groups"))
    async def groups(self, interaction: discord.Interaction) -> None:
        t = self.ctx.translator_for(interaction)
        pages = overview_pages(await self.ctx.run(self.ctx.directory.overview), t)
        if len(pages) == 1:
            await interaction.response.send_message(embed=pages[0], ephemeral=True)
        else:
            await interaction.response.send_message(embed=pages[0], view=Pager(pages, t), ephemeral=True)

    @group.command(name="info", description=describe("cmd.group_info"))
    @app_commands.describe(group=describe("cmd.arg_group"))
    async def info(self, interaction: discord.Interaction, group: GroupArg) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        details = await self.ctx.run(self.ctx.directory.details, group, actor)
        await interaction.response.send_message(embed=details_embed(details, t), ephemeral=True)

    @app_commands.command(name="roster", description=describe("cmd.roster"))
    @app_commands.describe(group=describe("cmd.arg_group"))
    async def roster(self, interaction: discord.Interaction, group: GroupArg) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        roster = await self.ctx.run(self.ctx.directory.roster, group, actor)
        embed = discord.Embed(title=t("roster.title", group=_name(roster.group_name)),
                              description=roster_text(roster, t))
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="mygroups", description=describe("cmd.mygroups"))
    async def mygroups(self, interaction: discord.Interaction) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        places = await self.ctx.run(self.ctx.directory.my_groups, actor.person_id)
        embed = discord.Embed(title=t("mine.title"), description=my_groups_text(places, t))
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(GroupsCog(bot.context))  # type: ignore[attr-defined]
