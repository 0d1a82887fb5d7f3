"""A person's data: everything we hold about them, and forgetting it.

Export gathers every row that names the person. Forgetting keeps the rows
(so counts of sign-ups and memberships stay true) but strips everything
that identifies anyone: names, usernames, ids, the words they wrote, notes.
Messages still waiting to be sent to them, or about them, are cancelled and
their text dropped; their open sign-ups and memberships end, because nobody
could follow up with an anonymous person.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, SQLModel, delete, or_, select

from bot.clock import Clock
from bot.db import Database
from bot.errors import NotFoundError
from bot.models import ForumPost, Group, LinkCode, Membership, Notification, Person, SignUp, SignUpEvent
from bot.services.people import PeopleService, discourse_key
from bot.services.signups import ACTIVE

log = logging.getLogger(__name__)

ERASED_PAYLOAD = {"erased": True}


@dataclass(frozen=True, slots=True)
class ForgetReport:
    person_id: int
    signups: int
    memberships_ended: int
    notifications_cancelled: int
    notifications_scrubbed: int


def _row(model: SQLModel, *, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    data = model.model_dump()
    for name in drop:
        data.pop(name, None)
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}


class PrivacyService:
    def __init__(self, db: Database, clock: Clock, people: PeopleService) -> None:
        self._db = db
        self._clock = clock
        self._people = people

    def find_person(self, *, discourse: str | None = None, discord: int | None = None) -> int:
        with self._db.session() as session:
            person = None
            if discourse:
                person = self._people.by_discourse(session, discourse)
            elif discord:
                person = self._people.by_discord(session, discord)
            if person is None:
                raise NotFoundError("privacy.unknown_person")
            return person.id

    def export(self, person_id: int) -> dict[str, Any]:
        """Everything stored about one person, as JSON-ready data."""
        with self._db.session() as session:
            person = self._get(session, person_id)
            signups = session.exec(select(SignUp).where(SignUp.person_id == person_id).order_by(SignUp.id)).all()
            signup_ids = [s.id for s in signups]
            events = session.exec(select(SignUpEvent).where(or_(
                SignUpEvent.signup_id.in_(signup_ids), SignUpEvent.actor_id == person_id))
                .order_by(SignUpEvent.id)).all()
            groups = {g.id: g.slug for g in session.exec(select(Group))}
            memberships = session.exec(select(Membership).where(Membership.person_id == person_id)
                                       .order_by(Membership.id)).all()
            links = session.exec(select(LinkCode).where(LinkCode.discord_id == person.discord_id)).all() \
                if person.discord_id else []
            return {
                "person": _row(person, drop=("discourse_key",)),
                "memberships": [dict(_row(m), group=groups.get(m.group_id)) for m in memberships],
                "signups": [dict(_row(s), group=groups.get(s.group_id)) for s in signups],
                "signup_events": [_row(e) for e in events],
                "notifications": [_row(n) for n in self._addressed_to(session, person)],
                "link_codes": [_row(c, drop=("code_hash",)) for c in links],
                "forum_posts": [_row(p) for p in self._forum_posts(session, person)],
            }

    def forget(self, person_id: int, *, actor_label: str) -> ForgetReport:
        """Anonymise the person and everything written by or about them."""
        now = self._clock.now()
        with self._db.session() as session:
            person = self._get(session, person_id)
            signups = session.exec(select(SignUp).where(SignUp.person_id == person_id)).all()
            for signup in signups:
                signup.evidence, signup.note = "", ""
                if signup.status in ACTIVE:
                    session.add(SignUpEvent(signup_id=signup.id, at=now, actor_label="privacy",
                                            from_status=signup.status, to_status="withdrawn"))
                    signup.status, signup.status_reason, signup.updated_at = "withdrawn", "erased", now
            ended = 0
            for membership in session.exec(select(Membership).where(
                    Membership.person_id == person_id, Membership.ended_at.is_(None))):
                membership.ended_at = now
                ended += 1
            for event in session.exec(select(SignUpEvent).where(SignUpEvent.actor_id == person_id)):
                event.actor_label = ""
            cancelled, scrubbed = self._scrub_notifications(session, person, [s.id for s in signups], now)
            for post in self._forum_posts(session, person):
                post.username = ""
            if person.discord_id:
                session.exec(delete(LinkCode).where(LinkCode.discord_id == person.discord_id))
            person.display_name, person.discourse_username, person.discourse_key = "", None, None
            person.discord_id, person.locale, person.erased_at = None, None, now
            log.info("privacy: person %s erased by %s (%d sign-ups, %d memberships ended, %d messages cancelled)",
                     person_id, actor_label, len(signups), ended, cancelled)
            return ForgetReport(person_id, len(signups), ended, cancelled, scrubbed)

    def _scrub_notifications(
        self, session: Session, person: Person, signup_ids: list[int], now: datetime
    ) -> tuple[int, int]:
        about = session.exec(select(Notification).where(Notification.signup_id.in_(signup_ids))).all() \
            if signup_ids else []
        rows = {n.id: n for n in [*self._addressed_to(session, person), *about]}
        cancelled = 0
        for note in rows.values():
            if note.delivered_at is None and note.dead_at is None and note.cancelled_at is None:
                note.cancelled_at, note.last_error = now, "erased"
                cancelled += 1
            note.payload = dict(ERASED_PAYLOAD)
            if self._is_recipient(note, person):
                note.recipient = ""
        return cancelled, len(rows)

    def _addressed_to(self, session: Session, person: Person) -> list[Notification]:
        clauses = []
        if person.discord_id:
            clauses.append((Notification.channel == "discord_dm")
                           & (Notification.recipient == str(person.discord_id)))
        if person.discourse_key:
            clauses.append((Notification.channel == "discourse_pm")
                           & Notification.recipient.ilike(f"%{person.discourse_key}%"))
        if not clauses:
            return []
        found = session.exec(select(Notification).where(or_(*clauses)).order_by(Notification.id)).all()
        return [n for n in found if self._is_recipient(n, person)]

    @staticmethod
    def _is_recipient(note: Notification, person: Person) -> bool:
        if note.channel == "discord_dm":
            return person.discord_id is not None and note.recipient == str(person.discord_id)
        if note.channel == "discourse_pm" and person.discourse_key:
            return person.discourse_key in {discourse_key(n) for n in note.recipient.split(",")}
        return False

    @staticmethod
    def _forum_posts(session: Session, person: Person) -> list[ForumPost]:
        if not person.discourse_key:
            return []
        return [p for p in session.exec(select(ForumPost).where(
            ForumPost.username.ilike(person.discourse_key))) if discourse_key(p.username) == person.discourse_key]

    @staticmethod
    def _get(session: Session, person_id: int) -> Person:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("privacy.unknown_person")
        return person
