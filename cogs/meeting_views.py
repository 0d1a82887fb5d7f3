"""Buttons and forms for meetings: poll votes, booking, minutes, and the schedule echo.

Poll, book and minutes buttons are `DynamicItem`s (their state is in the
custom id), so they work on messages sent long ago and across restarts; the
runtime registers `DYNAMIC_ITEMS` with `bot.add_dynamic_items`. Each id has
two groups (id, then a second value) like the runtime's own templates, so its
payload-to-button builder can construct them the same way. The schedule echo
(Save / Don't save, or a choice between readings) is a short-lived view on an
ephemeral answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import discord

from bot.discord_runtime.components import build_message, context_of
from bot.discord_runtime.context import BotContext
from bot.discord_runtime.replies import describe_error, guarded, send
from bot.errors import UserFacingError
from bot.i18n import Translator
from bot.i18n.escape import clean, escape_markdown
from bot.meetings import AmbiguousScheduleError, ScheduleParseError
from bot.services.meeting_messages import PollView, poll_payload
from bot.services.meeting_suite import MeetingSuite, meeting_suite
from cogs.common import when

log = logging.getLogger(__name__)

POLL_TEMPLATE = r"coopbot:poll:(?P<id>[0-9]{1,18}):(?P<index>[0-9]{1,2})"
BOOK_TEMPLATE = r"coopbot:book:(?P<id>[0-9]{1,18}):(?P<index>[0-9]{1,2})"
MINUTES_TEMPLATE = r"coopbot:minutes:(?P<id>[0-9]{1,18})(?P<rest>)"
ECHO_TIMEOUT = 300.0


def suite_of(ctx: BotContext) -> MeetingSuite:
    return meeting_suite(ctx.app)


def date_lines(dates: Sequence[datetime]) -> str:
    return "\n".join(f"• {when(d, 'F')}" for d in dates)


def shared_poll_message(ctx: BotContext, poll: PollView) -> Any:
    """The poll message everyone sees, in the organisation's language."""
    t = ctx.catalogs.translator(ctx.app.config.organisation.locale)
    return build_message(poll_payload(t, poll, tz=ctx.app.config.organisation.timezone))


class _IdButton:
    """What the three buttons share: an id and a second value in the custom id."""

    prefix = ""

    def __init__(self, item_id: int, second: str | int = "", *, label: str | None = None,
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        suffix = f":{second}" if str(second) else ""
        super().__init__(discord.ui.Button(label=label, style=style,  # type: ignore[call-arg]
                                           custom_id=f"{self.prefix}{item_id}{suffix}"))
        self.item_id = item_id
        self.second = int(second) if str(second) else 0

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> Any:
        return cls(int(match["id"]), match.group(2), label=item.label, style=item.style)

    async def callback(self, interaction: discord.Interaction) -> None:
        ctx = context_of(interaction)
        await guarded(ctx, interaction, self.press(ctx, interaction))

    async def press(self, ctx: BotContext, interaction: discord.Interaction) -> None:
        raise NotImplementedError


class PollButton(_IdButton, discord.ui.DynamicItem[discord.ui.Button], template=POLL_TEMPLATE):
    """Toggles the presser's vote for one date; the message shows the new tally."""

    prefix = "coopbot:poll:"

    async def press(self, ctx: BotContext, interaction: discord.Interaction) -> None:
        actor = await ctx.actor_for(interaction)
        poll = await ctx.run(suite_of(ctx).polls.vote, self.item_id, self.second, actor)
        log.info("poll %s: user %s toggled date %d", self.item_id, interaction.user.id, self.second)
        parts = shared_poll_message(ctx, poll)
        await interaction.response.edit_message(content=parts.content, embed=parts.embed, view=parts.view)


class BookButton(_IdButton, discord.ui.DynamicItem[discord.ui.Button], template=BOOK_TEMPLATE):
    """A driver books one date as a meeting; the service refuses anyone else."""

    prefix = "coopbot:book:"

    async def press(self, ctx: BotContext, interaction: discord.Interaction) -> None:
        actor = await ctx.actor_for(interaction)
        poll, _ = await ctx.run(suite_of(ctx).polls.book, self.item_id, self.second, actor)
        log.info("poll %s: date %d booked by user %s", self.item_id, self.second, interaction.user.id)
        parts = shared_poll_message(ctx, poll)
        await interaction.response.edit_message(content=parts.content, embed=parts.embed, view=parts.view)


class MinutesButton(_IdButton, discord.ui.DynamicItem[discord.ui.Button], template=MINUTES_TEMPLATE):
    """"Minutes posted": asks for the link in a form."""

    prefix = "coopbot:minutes:"

    async def press(self, ctx: BotContext, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(MinutesModal(ctx, self.item_id, ctx.translator_for(interaction)))


class MinutesModal(discord.ui.Modal):
    def __init__(self, ctx: BotContext, meeting_id: int, t: Translator) -> None:
        super().__init__(title=clean(t("meetings.minutes.modal_title"), limit=45), timeout=ECHO_TIMEOUT)
        self.ctx, self.meeting_id, self.t = ctx, meeting_id, t
        self.link: discord.ui.TextInput[MinutesModal] = discord.ui.TextInput(
            label=clean(t("meetings.minutes.modal_label"), limit=45), max_length=290)
        self.add_item(self.link)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await guarded(self.ctx, interaction, self._save(interaction))

    async def _save(self, interaction: discord.Interaction) -> None:
        actor = await self.ctx.actor_for(interaction)
        await self.ctx.run(suite_of(self.ctx).minutes.record, self.meeting_id, str(self.link.value), actor)
        await send(interaction, self.t("meetings.minutes.saved"))


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (PollButton, BookButton, MinutesButton)


# -- the schedule echo -------------------------------------------------------------------


def schedule_problem(error: UserFacingError, t: Translator) -> str:
    """An unreadable phrase with examples of phrases that work."""
    text = describe_error(error, t)
    if isinstance(error, ScheduleParseError) and error.examples:
        examples = "\n".join(f"• {escape_markdown(e, limit=120)}" for e in error.examples[:6])
        text = f"{text}\n{t('meetings.schedule.examples', examples=examples)}"
    return text


class ScheduleEcho(discord.ui.View):
    """Shows the next dates of a phrase and saves it only on "Save"."""

    def __init__(self, ctx: BotContext, t: Translator, group: str, phrase: str, *,
                 duration: timedelta | None, place: str | None) -> None:
        super().__init__(timeout=ECHO_TIMEOUT)
        self.ctx, self.t, self.group, self.phrase = ctx, t, group, phrase
        self.duration, self.place = duration, place
        self.save.label, self.discard.label = t("meetings.schedule.confirm"), t("meetings.schedule.discard")

    @discord.ui.button(style=discord.ButtonStyle.success)
    async def save(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await guarded(self.ctx, interaction, self._save(interaction))

    async def _save(self, interaction: discord.Interaction) -> None:
        actor = await self.ctx.actor_for(interaction)
        done = await self.ctx.run(suite_of(self.ctx).meetings.schedule, self.group, self.phrase, actor,
                                  duration=self.duration, place=self.place, source="discord",
                                  locale=self.t.locale)
        self.stop()
        await interaction.response.edit_message(
            content=self.t("meetings.schedule.saved", group=escape_markdown(done.group_slug),
                           dates=date_lines(done.dates)), view=None)

    @discord.ui.button(style=discord.ButtonStyle.secondary)
    async def discard(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.stop()
        await interaction.response.edit_message(content=self.t("meetings.schedule.discarded"), view=None)


class ReadingChoice(discord.ui.View):
    """One button per reading of an unclear phrase; choosing one shows its dates."""

    def __init__(self, ctx: BotContext, t: Translator, group: str, options: Sequence[str], *,
                 duration: timedelta | None, place: str | None) -> None:
        super().__init__(timeout=ECHO_TIMEOUT)
        self.ctx, self.t, self.group, self.duration, self.place = ctx, t, group, duration, place
        for option in options[:5]:
            button: discord.ui.Button[ReadingChoice] = discord.ui.Button(label=clean(option, limit=80))
            button.callback = self._chooser(option)  # type: ignore[method-assign]
            self.add_item(button)

    def _chooser(self, option: str) -> Any:
        async def choose(interaction: discord.Interaction) -> None:
            self.stop()
            await guarded(self.ctx, interaction, echo(self.ctx, interaction, self.t, self.group, option,
                                                      duration=self.duration, place=self.place, edit=True))
        return choose


async def echo(ctx: BotContext, interaction: discord.Interaction, t: Translator, group: str, phrase: str, *,
               duration: timedelta | None, place: str | None, edit: bool = False) -> None:
    """Preview a phrase: its dates with Save / Don't save, or its readings to choose from."""
    view: discord.ui.View
    try:
        dates = await ctx.run(suite_of(ctx).meetings.preview, group, phrase, locale=t.locale, duration=duration)
    except AmbiguousScheduleError as exc:
        content = f"{describe_error(exc, t)}\n{t('meetings.schedule.options')}"
        view = ReadingChoice(ctx, t, group, exc.options, duration=duration, place=place)
    except ScheduleParseError as exc:
        content, view = schedule_problem(exc, t), None  # type: ignore[assignment]
    else:
        content = t("meetings.schedule.preview", group=escape_markdown(group), dates=date_lines(dates))
        view = ScheduleEcho(ctx, t, group, phrase, duration=duration, place=place)
    if edit:
        await interaction.response.edit_message(content=content, view=view)
    else:
        await send(interaction, content, **({"view": view} if view is not None else {}))
