"""Meeting messages as outbox payloads, rendered in one reader's language.

Pure functions of plain values and a `Translator`: the reminder tick, the
poll service and the Discord views (which re-render a poll after each vote)
all build the same payloads here. Text people typed (places, group names)
is escaped; dates are shown in the organisation's zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import Translator
from bot.i18n.escape import escape_markdown
from bot.services.meeting_calendar import Occurrence


def format_when(t: Translator, when: datetime, tz: str, *, with_time: bool = True) -> str:
    local = when.astimezone(ZoneInfo(tz))
    weekdays = t("meetings.calendar.weekdays").split("\n")
    months = t("meetings.calendar.months").split("\n")
    key = "meetings.calendar.datetime" if with_time else "meetings.calendar.date"
    return t(key, weekday=weekdays[local.weekday()], day=local.day, month=months[local.month - 1],
             year=local.year, time=f"{local:%H:%M}")


def _place_line(t: Translator, place: str | None) -> list[str]:
    return [t("meetings.reminder.place", place=escape_markdown(place))] if place else []


def reminder_payload(
    t: Translator, occ: Occurrence, *, tz: str, late: bool, agenda_url: str | None
) -> dict[str, Any]:
    group = escape_markdown(occ.group_name)
    when = format_when(t, occ.start, tz)
    lines = [t("meetings.reminder.text", group=group, when=when)]
    if late:
        lines[0] = f"{t('meetings.reminder.late')} {lines[0]}"
    lines += _place_line(t, occ.place)
    if agenda_url:
        lines.append(t("meetings.reminder.agenda", url=agenda_url))
    title = t("meetings.reminder.title", group=occ.group_name, date=format_when(t, occ.start, tz, with_time=False))
    return {"text": "\n".join(lines), "title": title, "locale": t.locale}


def agenda_title(t: Translator, occ: Occurrence, tz: str) -> str:
    return t("meetings.agenda.title", group=occ.group_name, date=format_when(t, occ.start, tz, with_time=False))


def agenda_payload(t: Translator, occ: Occurrence, *, tz: str, sections: Sequence[str]) -> dict[str, Any]:
    lines = [t("meetings.agenda.intro", group=escape_markdown(occ.group_name), when=format_when(t, occ.start, tz))]
    lines += _place_line(t, occ.place)
    for number, section in enumerate(sections, start=1):
        lines += ["", f"## {number}. {escape_markdown(section)}", ""]
    return {"text": "\n".join(lines), "title": agenda_title(t, occ, tz), "locale": t.locale}


def minutes_ask_payload(t: Translator, occ: Occurrence, meeting_id: int, *, tz: str, buttons: bool) -> dict[str, Any]:
    group = escape_markdown(occ.group_name)
    key = "meetings.minutes.ask" if buttons else "meetings.minutes.ask_forum"
    payload: dict[str, Any] = {
        "text": t(key, group=group, when=format_when(t, occ.start, tz), slug=occ.group_slug),
        "title": t("meetings.minutes.ask_title", group=occ.group_name),
        "locale": t.locale,
    }
    if buttons:
        payload["buttons"] = [{"custom_id": f"coopbot:minutes:{meeting_id}",
                               "label": t("meetings.minutes.button"), "style": "primary"}]
    return payload


def notice_payload(
    t: Translator, occ: Occurrence, *, tz: str, new_start: datetime | None
) -> dict[str, Any]:
    """A cancelled or moved meeting, told to the group where reminders go."""
    group = escape_markdown(occ.group_name)
    when = format_when(t, occ.start, tz)
    if new_start is None:
        text = t("meetings.notice.cancelled", group=group, when=when)
    else:
        text = t("meetings.notice.moved", group=group, when=when, new=format_when(t, new_start, tz))
    return {"text": text, "title": t("meetings.notice.title", group=occ.group_name), "locale": t.locale}


@dataclass(frozen=True, slots=True)
class PollView:
    """A date poll for display: candidates, who voted for each, and its state."""

    id: int
    group_slug: str
    group_name: str
    candidates: tuple[datetime, ...]
    tally: tuple[int, ...]
    voters: int
    deadline: datetime
    closed: bool
    booked: int | None


def poll_payload(t: Translator, poll: PollView, *, tz: str) -> dict[str, Any]:
    """The poll message: an embed with the tally, vote and book buttons while open."""
    group = escape_markdown(poll.group_name)
    fields = [
        [f"{i + 1}. {format_when(t, when, tz)}", t("meetings.poll.votes", count=poll.tally[i])]
        for i, when in enumerate(poll.candidates)
    ]
    if poll.booked is not None:
        state = t("meetings.poll.booked", when=format_when(t, poll.candidates[poll.booked], tz))
    elif poll.closed:
        state = t("meetings.poll.closed_state")
    else:
        state = t("meetings.poll.deadline", when=format_when(t, poll.deadline, tz))
    description = "\n".join([t("meetings.poll.intro", group=group), state, t("meetings.poll.voters", count=poll.voters)])
    payload: dict[str, Any] = {
        "text": t("meetings.poll.title", group=group),
        "title": t("meetings.poll.title", group=poll.group_name),
        "embed": {"title": t("meetings.poll.title", group=poll.group_name), "description": description,
                  "url": None, "fields": fields},
        "locale": t.locale,
    }
    buttons = []
    if not poll.closed:
        buttons += [{"custom_id": f"coopbot:poll:{poll.id}:{i}", "label": t("meetings.poll.vote", number=i + 1),
                     "style": "primary"} for i in range(len(poll.candidates))]
    if poll.booked is None:
        buttons += [{"custom_id": f"coopbot:book:{poll.id}:{i}", "label": t("meetings.poll.book", number=i + 1),
                     "style": "success"} for i in range(len(poll.candidates))]
    if buttons:
        payload["buttons"] = buttons
    return payload


def poll_forum_payload(t: Translator, poll: PollView, *, tz: str) -> dict[str, Any]:
    """The forum mirror: the candidates as a list, voting happens in Discord."""
    lines = [t("meetings.poll.forum_intro", group=escape_markdown(poll.group_name)), ""]
    lines += [f"{i + 1}. {format_when(t, when, tz)}" for i, when in enumerate(poll.candidates)]
    lines += ["", t("meetings.poll.deadline", when=format_when(t, poll.deadline, tz))]
    return {"text": "\n".join(lines), "title": t("meetings.poll.title", group=poll.group_name), "locale": t.locale}
