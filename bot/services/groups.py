"""Groups: synced from the config file, looked up by what people type."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlmodel import Session, select

from bot.clock import Clock
from bot.config import GroupConfig
from bot.db import Database
from bot.errors import NotFoundError
from bot.models import Group, Membership
from bot.services.people import PeopleService

log = logging.getLogger(__name__)

SYNCED_FIELDS = (
    "name", "aliases", "description", "status", "closed_reason", "email", "commitment",
    "roster_visibility", "discord_channel_id", "discourse_topic_id", "discourse_category_id",
)


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    drivers_added: int = 0
    drivers_ended: int = 0


def _values(config: GroupConfig) -> dict[str, object]:
    return {
        "name": config.name,
        "aliases": list(config.aliases),
        "description": config.description,
        "status": config.status,
        "closed_reason": config.closed_reason,
        "email": config.email,
        "commitment": config.commitment,
        "roster_visibility": config.roster_visibility,
        "discord_channel_id": config.discord_channel,
        "discourse_topic_id": config.discourse_topic,
        "discourse_category_id": config.discourse_category,
    }


class GroupService:
    def __init__(self, db: Database, clock: Clock, people: PeopleService) -> None:
        self._db = db
        self._clock = clock
        self._people = people

    def sync_from_config(self, groups: Sequence[GroupConfig]) -> SyncReport:
        """Add, update and retire groups and their drivers; never delete history."""
        report = SyncReport()
        now = self._clock.now()
        with self._db.session() as session:
            existing = {g.slug: g for g in session.exec(select(Group)).all()}
            for config in groups:
                group = existing.get(config.slug)
                values = _values(config)
                if group is None:
                    group = Group(slug=config.slug, created_at=now, updated_at=now, **values)
                    session.add(group)
                    report.added.append(config.slug)
                elif any(getattr(group, k) != v for k, v in values.items()) or group.retired_at:
                    for key, value in values.items():
                        setattr(group, key, value)
                    group.retired_at, group.updated_at = None, now
                    report.updated.append(config.slug)
                session.flush()
                self._sync_drivers(session, group, config, report)
            wanted = {g.slug for g in groups}
            for slug, group in existing.items():
                if slug not in wanted and group.retired_at is None:
                    group.retired_at, group.updated_at = now, now
                    report.retired.append(slug)
        changed = report.added or report.updated or report.retired
        log.log(
            logging.INFO if changed else logging.DEBUG,
            "groups synced: added=%s updated=%s retired=%s", report.added, report.updated, report.retired,
        )
        return report

    def _sync_drivers(self, session: Session, group: Group, config: GroupConfig, report: SyncReport) -> None:
        now = self._clock.now()
        current = {
            m.person_id: m
            for m in session.exec(
                select(Membership).where(
                    Membership.group_id == group.id, Membership.role == "driver", Membership.ended_at.is_(None)
                )
            )
        }
        wanted: set[int] = set()
        for driver in config.drivers:
            person = self._people.ensure(
                session, discourse_username=driver.discourse, discord_id=driver.discord, display_name=driver.name
            )
            wanted.add(person.id)
            if person.id not in current:
                session.add(Membership(person_id=person.id, group_id=group.id, role="driver", started_at=now))
                report.drivers_added += 1
        for person_id, membership in current.items():
            if person_id not in wanted:
                membership.ended_at = now
                report.drivers_ended += 1

    def list_groups(self, *, include_retired: bool = False) -> list[Group]:
        with self._db.session() as session:
            query = select(Group).order_by(Group.name)
            if not include_retired:
                query = query.where(Group.retired_at.is_(None))
            return list(session.exec(query))

    def resolve(self, text: str) -> Group:
        """Find a group by slug, name or alias, forgiving typos."""
        groups = self.list_groups()
        found = match_group(text, groups)
        if found is None:
            raise NotFoundError("error.unknown_group", name=text[:60])
        return found


def match_group(text: str, groups: Sequence[Group]) -> Group | None:
    needle = " ".join(text.split()).casefold()
    if not needle:
        return None
    for group in groups:
        names = [group.slug, group.name, *group.aliases]
        if needle in (n.casefold() for n in names):
            return group
    choices = {(i, n): n.casefold() for i, g in enumerate(groups) for n in [g.slug, g.name, *g.aliases]}
    best = process.extractOne(needle, choices, scorer=fuzz.WRatio, score_cutoff=80)
    return groups[best[2][0]] if best else None


def suggest_groups(text: str, groups: Sequence[Group], limit: int = 25) -> list[Group]:
    """Groups ordered by how well they match what was typed (for autocomplete)."""
    needle = " ".join(text.split()).casefold()
    if not needle:
        return list(groups)[:limit]
    scored = []
    for group in groups:
        names = [group.slug, group.name, *group.aliases]
        score = max(fuzz.WRatio(needle, n.casefold()) for n in names)
        if any(n.casefold().startswith(needle) for n in names):
            score += 50
        scored.append((score, group.name, group))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [g for score, _, g in scored if score >= 50][:limit]
