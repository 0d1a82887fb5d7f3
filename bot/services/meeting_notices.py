"""Where a group's meeting messages go, and the notice of a cancelled or moved meeting.

A group hears about its meetings in its Discord channel and on the forum: a
reply in its topic when it has one, otherwise a new topic in its category.
Forum targets exist only when a forum is configured.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from bot.config import Config
from bot.i18n import Translator, load_catalogs
from bot.models import Group
from bot.outbox import enqueue
from bot.services.meeting_calendar import Occurrence
from bot.services.meeting_keys import notice_key
from bot.services.meeting_messages import notice_payload


@dataclass(frozen=True, slots=True)
class Target:
    channel: str
    recipient: str
    name: str  # the key's target part: "channel" or "forum"


def group_targets(group: Group, config: Config, *, topics: bool = True) -> list[Target]:
    """The group's channel and forum place; `topics=False` leaves out new-topic posting."""
    targets = []
    if group.discord_channel_id:
        targets.append(Target("discord_channel", str(group.discord_channel_id), "channel"))
    if config.discourse is not None:
        if group.discourse_topic_id:
            targets.append(Target("discourse_reply", str(group.discourse_topic_id), "forum"))
        elif topics and group.discourse_category_id:
            targets.append(Target("discourse_topic", str(group.discourse_category_id), "forum"))
    return targets


def agenda_target(group: Group, config: Config) -> Target | None:
    """A new topic in the group's category; failing that, a reply in its topic."""
    if config.discourse is None:
        return None
    if group.discourse_category_id:
        return Target("discourse_topic", str(group.discourse_category_id), "forum")
    if group.discourse_topic_id:
        return Target("discourse_reply", str(group.discourse_topic_id), "forum")
    return None


def reminder_offsets(config: Config, slug: str) -> tuple[timedelta, ...]:
    """The group's own `[groups.meetings] reminders`, else `[reminders] offsets`."""
    own = config.group(slug)
    if own is not None and own.meetings.reminders is not None:
        return own.meetings.reminders
    return config.reminders.offsets


def group_translator(config: Config) -> Translator:
    return load_catalogs().translator(config.organisation.locale)


def announce_change(
    session: Session, config: Config, group: Group, occ: Occurrence, new_start: datetime | None, now: datetime
) -> int:
    """Tell the group a meeting was cancelled (`new_start` None) or moved; returns messages queued.

    Only meetings within the reminder horizon are announced: the largest
    reminder offset, since nobody has been reminded of later ones yet.
    """
    horizon = max(reminder_offsets(config, group.slug), default=None)
    if horizon is None or occ.start - now > horizon:
        return 0
    t = group_translator(config)
    payload = notice_payload(t, occ, tz=config.organisation.timezone, new_start=new_start)
    what = "cancelled" if new_start is None else "moved"
    queued = 0
    for target in group_targets(group, config, topics=False):
        row = enqueue(session, kind=f"meeting_{what}", channel=target.channel, recipient=target.recipient,
                      payload=payload, key=f"{notice_key(occ.series_id, occ.original_start, what, now)}:{target.name}",
                      now=now)
        queued += row is not None
    return queued
