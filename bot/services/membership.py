"""Joining and leaving from chat: /join and /leave as sign-ups.

A /join becomes the same sign-up a forum reply would (source "discord"), so
drivers hear of it and follow-up happens exactly as for the forum. What the
forum path records silently — a join for a closed group, a second join while
one is pending — is answered here with a clear reason instead, because the
person is right there asking.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlmodel import Session, select

from bot.clock import Clock
from bot.db import Database
from bot.errors import NotFoundError, UserFacingError
from bot.i18n.escape import clean
from bot.models import Group, Membership, Person, SignUp
from bot.services.groups import match_group
from bot.services.signups import ACTIVE, SignUpRequest, SignUpService

log = logging.getLogger(__name__)

NOTE_LIMIT = 500
NAME_LIMIT = 100


@dataclass(frozen=True, slots=True)
class JoinOutcome:
    signup_id: int
    group_slug: str
    group_name: str
    status: str


@dataclass(frozen=True, slots=True)
class LeaveOutcome:
    signup_id: int
    group_slug: str
    group_name: str


class MembershipService:
    def __init__(self, db: Database, clock: Clock, signups: SignUpService) -> None:
        self._db = db
        self._clock = clock
        self._signups = signups

    def join(self, person_id: int, group_text: str, *, note: str = "", ref: str) -> JoinOutcome:
        """Sign the person up for a group; `ref` (the interaction id) makes it idempotent."""
        if len(note) > NOTE_LIMIT:
            raise UserFacingError("join.note_too_long", limit=NOTE_LIMIT)
        with self._db.session() as session:
            person = self._person(session, person_id)
            group = self._group(session, group_text)
            if group.status == "closed":
                raise UserFacingError("join.closed", group=group.name,
                                      reason=group.closed_reason or "")
            self._refuse_if_already_in(session, person, group)
            request = SignUpRequest(intent="join", group_slugs=(group.slug,), source="discord",
                                    source_ref=ref, note=clean(note, limit=NOTE_LIMIT))
            made = self._signups.record(session, person, request)
            if not made:
                raise UserFacingError("join.already_pending", group=group.name)
            signup = made[0]
            log.info("join via discord: person %s group %s sign-up %s status %s",
                     person.id, group.slug, signup.id, signup.status)
            return JoinOutcome(signup.id, group.slug, group.name, signup.status)

    def leave(self, person_id: int, group_text: str, *, ref: str) -> LeaveOutcome:
        """End the person's membership (and any pending join) and tell the drivers."""
        with self._db.session() as session:
            person = self._person(session, person_id)
            group = self._group(session, group_text)
            roles = set(session.exec(select(Membership.role).where(
                Membership.person_id == person.id, Membership.group_id == group.id,
                Membership.ended_at.is_(None))).all())
            if "member" not in roles and not self._pending(session, person, group):
                key = "leave.driver" if "driver" in roles else "leave.not_member"
                raise UserFacingError(key, group=group.name)
            request = SignUpRequest(intent="leave", group_slugs=(group.slug,), source="discord", source_ref=ref)
            made = self._signups.record(session, person, request)
            if not made:
                raise UserFacingError("leave.not_member", group=group.name)
            log.info("leave via discord: person %s group %s sign-up %s", person.id, group.slug, made[0].id)
            return LeaveOutcome(made[0].id, group.slug, group.name)

    @staticmethod
    def _person(session: Session, person_id: int) -> Person:
        person = session.get(Person, person_id)
        if person is None or person.erased_at is not None:
            raise NotFoundError("privacy.unknown_person")
        return person

    @staticmethod
    def _group(session: Session, text: str) -> Group:
        if len(text) > NAME_LIMIT:
            raise UserFacingError("join.name_too_long", limit=NAME_LIMIT)
        groups = list(session.exec(select(Group).where(Group.retired_at.is_(None)).order_by(Group.name)))
        group = match_group(clean(text, limit=NAME_LIMIT), groups)
        if group is None:
            raise NotFoundError("error.unknown_group", name=clean(text, limit=60))
        return group

    def _refuse_if_already_in(self, session: Session, person: Person, group: Group) -> None:
        roles = set(session.exec(select(Membership.role).where(
            Membership.person_id == person.id, Membership.group_id == group.id,
            Membership.ended_at.is_(None))).all())
        if "driver" in roles:
            raise UserFacingError("join.already_driver", group=group.name)
        if "member" in roles:
            raise UserFacingError("join.already_member", group=group.name)
        pending = self._pending(session, person, group)
        if pending is not None:
            key = "join.already_waitlisted" if pending.status == "waitlisted" else "join.already_pending"
            raise UserFacingError(key, group=group.name)

    @staticmethod
    def _pending(session: Session, person: Person, group: Group) -> SignUp | None:
        return session.exec(select(SignUp).where(
            SignUp.person_id == person.id, SignUp.group_id == group.id,
            SignUp.intent == "join", SignUp.status.in_(ACTIVE))).first()
