"""Read-only views: sign-up lists and rosters, shaped for any front end.

Permission to see a roster is decided here, for the slash command and the
CLI alike.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlmodel import select

from bot.clock import Clock
from bot.db import Database
from bot.errors import NotFoundError, PermissionDeniedError
from bot.models import Group, Membership, Person, SignUp
from bot.services.permissions import Actor, can_view_roster


@dataclass(frozen=True, slots=True)
class SignUpView:
    id: int
    group: str | None
    group_name: str | None
    intent: str
    status: str
    status_reason: str | None
    needs_review: bool
    confidence: float
    source: str
    person_id: int
    display_name: str
    discourse_username: str | None
    discord_id: int | None
    post_id: int | None
    topic_id: int | None
    evidence: str
    created_at: datetime
    updated_at: datetime

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        data["updated_at"] = self.updated_at.isoformat()
        return data


@dataclass(frozen=True, slots=True)
class RosterEntry:
    person_id: int
    display_name: str
    discourse_username: str | None
    discord_id: int | None
    role: str
    since: datetime


@dataclass(frozen=True, slots=True)
class Roster:
    group: str
    group_name: str
    entries: tuple[RosterEntry, ...]


class ListingService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def signups(
        self, *, group: str | None = None, status: str | None = None, open_only: bool = False
    ) -> list[SignUpView]:
        with self._db.session() as session:
            query = (
                select(SignUp, Person, Group)
                .join(Person, Person.id == SignUp.person_id)
                .join(Group, Group.id == SignUp.group_id, isouter=True)
                .order_by(SignUp.id)
            )
            if group:
                query = query.where(Group.slug == group)
            if status:
                query = query.where(SignUp.status == status)
            if open_only:
                query = query.where(SignUp.status.in_(("pending", "contacted")))
            return [view_of(s, p, g) for s, p, g in session.exec(query)]

    def roster(self, group_slug: str, actor: Actor) -> Roster:
        with self._db.session() as session:
            group = session.exec(select(Group).where(Group.slug == group_slug)).first()
            if group is None:
                raise NotFoundError("error.unknown_group", name=group_slug)
            if not can_view_roster(session, actor, group):
                raise PermissionDeniedError("error.roster_hidden", group=group.name)
            rows = session.exec(
                select(Membership, Person)
                .join(Person, Person.id == Membership.person_id)
                .where(Membership.group_id == group.id, Membership.ended_at.is_(None))
                .order_by(Membership.role, Membership.started_at, Membership.id)
            ).all()
            entries = tuple(
                RosterEntry(p.id, p.display_name or p.discourse_username or "", p.discourse_username,
                            p.discord_id, m.role, m.started_at)
                for m, p in rows
            )
            return Roster(group.slug, group.name, entries)


def view_of(signup: SignUp, person: Person, group: Group | None) -> SignUpView:
    """The plain view of one sign-up, for every front end and renderer."""
    return SignUpView(
        id=signup.id, group=group.slug if group else None, group_name=group.name if group else None,
        intent=signup.intent, status=signup.status, status_reason=signup.status_reason,
        needs_review=signup.needs_review, confidence=signup.confidence, source=signup.source,
        person_id=person.id, display_name=person.display_name,
        discourse_username=person.discourse_username, discord_id=person.discord_id,
        post_id=signup.post_id, topic_id=signup.topic_id, evidence=signup.evidence,
        created_at=signup.created_at, updated_at=signup.updated_at,
    )
