"""The directory of groups: what /groups, /group info, /mygroups and /signups show.

Plain read models for any front end. Who may see a roster or the open
sign-ups is decided here (reusing the listing rules), so a slash command
cannot show more than the CLI would to the same person.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from bot.clock import Clock
from bot.config import load_config
from bot.db import Database
from bot.errors import ConfigError, NotFoundError, PermissionDeniedError, UserFacingError
from bot.models import Group, Membership, Person, SignUp
from bot.services.groups import GroupService, SyncReport, match_group
from bot.services.listings import ListingService, Roster, SignUpView
from bot.services.permissions import Actor, can_view_roster, is_driver, require_admin
from bot.services.signups import ACTIVE

log = logging.getLogger(__name__)

NextMeeting = Callable[[str], "datetime | None"]


def no_meetings(group_slug: str) -> datetime | None:
    """Meetings arrive later (issue 7); until then nothing is scheduled."""
    return None


@dataclass(frozen=True, slots=True)
class GroupSummary:
    slug: str
    name: str
    status: str
    closed_reason: str | None
    drivers: tuple[str, ...]
    member_count: int
    next_meeting: datetime | None


@dataclass(frozen=True, slots=True)
class GroupDetails:
    summary: GroupSummary
    description: str
    commitment: str | None
    email: str | None
    discord_channel_id: int | None
    forum_topic_url: str | None
    calendar_url: str | None
    roster: Roster | None


@dataclass(frozen=True, slots=True)
class MyPlace:
    group_slug: str
    group_name: str
    state: str  # driver | member | pending | contacted | waitlisted
    since: datetime


class DirectoryService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        groups: GroupService,
        listings: ListingService,
        *,
        public_url: str = "",
        forum_url: str | None = None,
        next_meeting: NextMeeting = no_meetings,
    ) -> None:
        self._db = db
        self._clock = clock
        self._groups = groups
        self._listings = listings
        self._public_url = public_url.rstrip("/")
        self._forum_url = forum_url.rstrip("/") if forum_url else None
        self._next_meeting = next_meeting

    def active_groups(self) -> list[Group]:
        return self._groups.list_groups()

    def overview(self) -> list[GroupSummary]:
        """Every active group with its drivers and member count, by name."""
        with self._db.session() as session:
            groups = list(session.exec(select(Group).where(Group.retired_at.is_(None)).order_by(Group.name)))
            drivers = self._drivers(session)
            counts = dict(session.exec(
                select(Membership.group_id, sa.func.count(Membership.id))
                .where(Membership.role == "member", Membership.ended_at.is_(None))
                .group_by(Membership.group_id)).all())
        return [self._summary(g, drivers.get(g.id, ()), counts.get(g.id, 0)) for g in groups]

    def details(self, group_text: str, actor: Actor) -> GroupDetails:
        with self._db.session() as session:
            group = self._find(session, group_text)
            drivers = self._drivers(session).get(group.id, ())
            count = session.exec(select(sa.func.count(Membership.id)).where(
                Membership.group_id == group.id, Membership.role == "member",
                Membership.ended_at.is_(None))).one()
            visible = can_view_roster(session, actor, group)
        roster = self._listings.roster(group.slug, actor) if visible else None
        topic = group.discourse_topic_id
        return GroupDetails(
            summary=self._summary(group, drivers, count),
            description=group.description, commitment=group.commitment, email=group.email,
            discord_channel_id=group.discord_channel_id,
            forum_topic_url=f"{self._forum_url}/t/{topic}" if topic and self._forum_url else None,
            calendar_url=f"{self._public_url}/calendar/{group.slug}.ics" if self._public_url else None,
            roster=roster,
        )

    def roster(self, group_text: str, actor: Actor) -> Roster:
        """A group's roster by what was typed; visibility is the listing rule."""
        with self._db.session() as session:
            slug = self._find(session, group_text).slug
        return self._listings.roster(slug, actor)

    def my_groups(self, person_id: int) -> list[MyPlace]:
        """Memberships first, then sign-ups still in progress."""
        with self._db.session() as session:
            places = [
                MyPlace(g.slug, g.name, m.role, m.started_at)
                for m, g in session.exec(
                    select(Membership, Group).join(Group, Group.id == Membership.group_id)
                    .where(Membership.person_id == person_id, Membership.ended_at.is_(None))
                    .order_by(Group.name))
            ]
            places += [
                MyPlace(g.slug, g.name, s.status, s.created_at)
                for s, g in session.exec(
                    select(SignUp, Group).join(Group, Group.id == SignUp.group_id)
                    .where(SignUp.person_id == person_id, SignUp.intent == "join", SignUp.status.in_(ACTIVE))
                    .order_by(SignUp.created_at))
            ]
        return places

    def open_signups(self, actor: Actor, group_text: str | None = None) -> list[SignUpView]:
        """Open sign-ups of the groups the actor drives (all of them for admins)."""
        with self._db.session() as session:
            if group_text:
                group = self._find(session, group_text)
                if not (actor.is_admin or is_driver(session, actor, group.id)):
                    raise PermissionDeniedError("error.not_driver")
                allowed: set[str | None] | None = {group.slug}
            elif actor.is_admin:
                allowed = None
            else:
                allowed = set(session.exec(
                    select(Group.slug).join(Membership, Membership.group_id == Group.id).where(
                        Membership.person_id == actor.person_id, Membership.role == "driver",
                        Membership.ended_at.is_(None))).all())
                if not allowed:
                    raise PermissionDeniedError("error.not_driver")
        views = self._listings.signups(open_only=True)
        return [v for v in views if v.intent == "join" and (allowed is None or v.group in allowed)]

    def signup_view(self, signup_id: int) -> SignUpView:
        """One sign-up as the lists show it (for re-rendering a message after a button)."""
        with self._db.session() as session:
            signup = session.get(SignUp, signup_id)
            group = session.get(Group, signup.group_id) if signup and signup.group_id else None
        if signup is None:
            raise NotFoundError("error.unknown_signup", id=signup_id)
        views = self._listings.signups(group=group.slug if group else None)
        found = [v for v in views if v.id == signup_id]
        if not found:
            raise NotFoundError("error.unknown_signup", id=signup_id)
        return found[0]

    def reload_groups(self, actor: Actor, config_path: Path) -> SyncReport:
        """Re-read the config file's groups (admins only); config problems are shown, not raised."""
        require_admin(actor)
        try:
            config = load_config(config_path)
        except ConfigError as exc:
            log.warning("group reload refused: %d config problem(s)", len(exc.problems))
            raise UserFacingError("admin.config_invalid", problems="\n".join(exc.problems[:10])) from exc
        return self._groups.sync_from_config(config.groups)

    def _summary(self, group: Group, drivers: tuple[str, ...], count: int) -> GroupSummary:
        return GroupSummary(group.slug, group.name, group.status, group.closed_reason, drivers, count,
                            self._next_meeting(group.slug))

    @staticmethod
    def _drivers(session: Session) -> dict[int, tuple[str, ...]]:
        found: dict[int, list[str]] = {}
        for group_id, person in session.exec(
            select(Membership.group_id, Person).join(Person, Person.id == Membership.person_id)
            .where(Membership.role == "driver", Membership.ended_at.is_(None))
            .order_by(Membership.started_at, Membership.id)
        ):
            found.setdefault(group_id, []).append(person.display_name or person.discourse_username or "?")
        return {k: tuple(v) for k, v in found.items()}

    @staticmethod
    def _find(session: Session, text: str) -> Group:
        groups = list(session.exec(select(Group).where(Group.retired_at.is_(None)).order_by(Group.name)))
        group = match_group(text[:100], groups)
        if group is None:
            raise NotFoundError("error.unknown_group", name=text[:60])
        return group
