"""/meeting …, /meetings and /minutes: the Discord side of meetings.

Thin: each command converts its options, calls one meeting service through
the context (in a worker thread) and renders the answer from the catalogs.
Times are shown as Discord timestamps, so each reader sees their own zone.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal
from zoneinfo import ZoneInfo

import discord
from discord import app_commands
from discord.ext import commands

from bot.durations import parse_duration
from bot.errors import UserFacingError
from bot.i18n import Translator
from bot.i18n.escape import clean, escape_markdown
from bot.services.meeting_calendar import Occurrence
from bot.services.meeting_messages import PollView
from bot.services.minutes import MinutesView
from cogs.common import CoopCog, GroupArg, describe, when
from cogs.meeting_views import echo, suite_of

CHOICES = 25
LIST_LIMIT = 25
UPCOMING_DAYS = 30


def _duration(text: str | None) -> timedelta | None:
    if not text:
        return None
    try:
        return parse_duration(text)
    except ValueError:
        raise UserFacingError("meetings.schedule.unparsed") from None


def occurrence_lines(found: list[Occurrence], t: Translator) -> str:
    lines = []
    for occ in found[:LIST_LIMIT]:
        group = escape_markdown(occ.group_name, limit=100)
        key = "meetings.list.entry_place" if occ.place else "meetings.list.entry"
        line = t(key, group=group, when=when(occ.start, "F"), place=escape_markdown(occ.place or "", limit=200))
        lines.append(f"{line} {t('meetings.list.moved')}" if occ.moved else line)
    return "\n".join(lines)


def minutes_text(view: MinutesView, t: Translator) -> str:
    lines = [t("meetings.minutes.latest", url=view.latest_url) if view.latest_url else t("meetings.minutes.none")]
    if view.past:
        lines.append(t("meetings.minutes.past"))
        for past in view.past:
            key = "meetings.minutes.past_entry_minutes" if past.minutes_url else "meetings.minutes.past_entry"
            lines.append(t(key, when=when(past.start, "D"), url=past.minutes_url or ""))
    return "\n".join(lines)


def poll_status_text(polls: list[PollView], t: Translator, group: str) -> str:
    if not polls:
        return t("meetings.poll.none", group=escape_markdown(group, limit=100))
    lines = []
    for poll in polls:
        state = t("meetings.poll.closed_state") if poll.closed else t("meetings.poll.deadline", when=when(poll.deadline))
        lines.append(t("meetings.poll.status", id=poll.id, voters=poll.voters, state=state))
        lines += [f"  {i + 1}. {when(c, 'F')} — {t('meetings.poll.votes', count=poll.tally[i])}"
                  for i, c in enumerate(poll.candidates)]
    return "\n".join(lines)


class MeetingsCog(CoopCog):
    meeting = app_commands.Group(name="meeting", description=describe("meetings.cmd.meeting"))

    async def _occurrence_choices(self, interaction: discord.Interaction,
                                  value: str) -> list[app_commands.Choice[str]]:
        group = getattr(interaction.namespace, "group", None)
        if not group:
            return []
        try:
            found = await self.ctx.run(suite_of(self.ctx).meetings.upcoming, 366, group=group)
        except UserFacingError:
            return []
        zone = ZoneInfo(self.ctx.app.config.organisation.timezone)
        choices = []
        for occ in found:
            label = f"{occ.start.astimezone(zone):%a %Y-%m-%d %H:%M}"
            if value.strip() in label:
                choices.append(app_commands.Choice(name=clean(label, limit=100), value=occ.start.isoformat()))
        return choices[:CHOICES]

    @meeting.command(name="next", description=describe("meetings.cmd.next"))
    @app_commands.describe(group=describe("meetings.cmd.arg_group"))
    async def next(self, interaction: discord.Interaction, group: GroupArg) -> None:
        t = self.ctx.translator_for(interaction)
        found = await self.ctx.run(suite_of(self.ctx).meetings.upcoming, 366, group=group)
        if not found:
            await interaction.response.send_message(t("meetings.list.no_next", group=escape_markdown(group)),
                                                    ephemeral=True)
            return
        text = t("meetings.list.next", group=escape_markdown(found[0].group_name), when=when(found[0].start, "F"))
        await interaction.response.send_message(text, ephemeral=True)

    @meeting.command(name="schedule", description=describe("meetings.cmd.schedule"))
    @app_commands.describe(group=describe("meetings.cmd.arg_group"), when=describe("meetings.cmd.arg_when"),
                           duration=describe("meetings.cmd.arg_duration"), place=describe("meetings.cmd.arg_place"))
    async def schedule(self, interaction: discord.Interaction, group: GroupArg,
                       when: app_commands.Range[str, 1, 200], duration: app_commands.Range[str, 1, 20] | None = None,
                       place: app_commands.Range[str, 1, 200] | None = None) -> None:
        t = self.ctx.translator_for(interaction)
        await echo(self.ctx, interaction, t, group, when, duration=_duration(duration), place=place)

    @meeting.command(name="cancel", description=describe("meetings.cmd.cancel"))
    @app_commands.describe(group=describe("meetings.cmd.arg_group"), date=describe("meetings.cmd.arg_occurrence"),
                           all=describe("meetings.cmd.arg_all"))
    async def cancel(self, interaction: discord.Interaction, group: GroupArg,
                     date: app_commands.Range[str, 1, 60] | None = None, all: bool = False) -> None:  # noqa: A002
        t = self.ctx.translator_for(interaction)
        if date is None and not all:
            raise UserFacingError("meetings.occurrence.bad_date", text="")
        actor = await self.ctx.actor_for(interaction)
        occ = await self.ctx.run(suite_of(self.ctx).meetings.cancel, group, actor, when=None if all else date)
        text = (t("meetings.cancel.done_series", group=escape_markdown(group)) if occ is None
                else t("meetings.cancel.done_one", when=when(occ.start, "F")))
        await interaction.response.send_message(text, ephemeral=True)

    @cancel.autocomplete("date")
    async def _cancel_dates(self, interaction: discord.Interaction, value: str) -> list[app_commands.Choice[str]]:
        return await self._occurrence_choices(interaction, value)

    @meeting.command(name="move", description=describe("meetings.cmd.move"))
    @app_commands.describe(group=describe("meetings.cmd.arg_group"), date=describe("meetings.cmd.arg_occurrence"),
                           to=describe("meetings.cmd.arg_new_time"))
    async def move(self, interaction: discord.Interaction, group: GroupArg, date: app_commands.Range[str, 1, 60],
                   to: app_commands.Range[str, 1, 100]) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        occ = await self.ctx.run(suite_of(self.ctx).meetings.move, group, date, to, actor)
        await interaction.response.send_message(t("meetings.move.done", when=when(occ.start, "F")), ephemeral=True)

    @move.autocomplete("date")
    async def _move_dates(self, interaction: discord.Interaction, value: str) -> list[app_commands.Choice[str]]:
        return await self._occurrence_choices(interaction, value)

    @meeting.command(name="remind", description=describe("meetings.cmd.remind"))
    @app_commands.describe(group=describe("meetings.cmd.arg_group"), state=describe("meetings.cmd.arg_state"))
    async def remind(self, interaction: discord.Interaction, group: GroupArg, state: Literal["on", "off"]) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        name = await self.ctx.run(suite_of(self.ctx).meetings.set_reminders, group, actor, state == "on")
        await interaction.response.send_message(t(f"meetings.remind.{state}", group=escape_markdown(name)),
                                                ephemeral=True)

    @meeting.command(name="poll", description=describe("meetings.cmd.poll"))
    @app_commands.describe(group=describe("meetings.cmd.arg_group"), dates=describe("meetings.cmd.arg_dates"),
                           deadline=describe("meetings.cmd.arg_deadline"), place=describe("meetings.cmd.arg_place"))
    async def poll(self, interaction: discord.Interaction, group: GroupArg, dates: app_commands.Range[str, 1, 1000],
                   deadline: app_commands.Range[str, 1, 20] | None = None,
                   place: app_commands.Range[str, 1, 200] | None = None) -> None:
        t = self.ctx.translator_for(interaction)
        actor = await self.ctx.actor_for(interaction)
        texts = dates.replace("\n", ";").split(";")
        poll = await self.ctx.run(suite_of(self.ctx).polls.create, group, texts, actor,
                                  deadline=_duration(deadline), place=place, locale=t.locale)
        await interaction.response.send_message(t("meetings.poll.created", id=poll.id, when=when(poll.deadline, "F")),
                                                ephemeral=True)

    @meeting.command(name="poll-status", description=describe("meetings.cmd.poll_status"))
    @app_commands.describe(group=describe("meetings.cmd.arg_group"))
    async def poll_status(self, interaction: discord.Interaction, group: GroupArg) -> None:
        t = self.ctx.translator_for(interaction)
        polls = await self.ctx.run(suite_of(self.ctx).polls.open_polls, group)
        await interaction.response.send_message(poll_status_text(polls, t, group)[:2000], ephemeral=True)

    @app_commands.command(name="meetings", description=describe("meetings.cmd.meetings"))
    async def meetings(self, interaction: discord.Interaction) -> None:
        t = self.ctx.translator_for(interaction)
        found = await self.ctx.run(suite_of(self.ctx).meetings.upcoming, UPCOMING_DAYS)
        embed = discord.Embed(title=t("meetings.list.title", days=UPCOMING_DAYS),
                              description=occurrence_lines(found, t) or t("meetings.list.none", days=UPCOMING_DAYS))
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="minutes", description=describe("meetings.cmd.minutes"))
    @app_commands.describe(group=describe("meetings.cmd.arg_group"), link=describe("meetings.cmd.arg_url"))
    async def minutes(self, interaction: discord.Interaction, group: GroupArg,
                      link: app_commands.Range[str, 1, 290] | None = None) -> None:
        """Shows a group's minutes; with a link, a driver files it under the latest meeting."""
        t = self.ctx.translator_for(interaction)
        suite = suite_of(self.ctx)
        if link:
            actor = await self.ctx.actor_for(interaction)
            await self.ctx.run(suite.minutes.record_latest, group, link, actor)
        view = await self.ctx.run(suite.minutes.minutes, group)
        embed = discord.Embed(title=t("meetings.minutes.title", group=escape_markdown(view.group_name)),
                              description=minutes_text(view, t)[:4000])
        content = t("meetings.minutes.saved") if link else None
        await interaction.response.send_message(content, embed=embed, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(MeetingsCog(bot.context))  # type: ignore[attr-defined]
