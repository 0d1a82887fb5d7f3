"""Sign-ups: recording who wants to join or leave, and what drivers did.

Every entry point comes through here — a forum reply (via the watcher), a
/join, a button press, the CLI — so the rules are applied once: closed
groups decline by policy, planned groups wait-list, members are not signed
up twice, and leaving ends the membership. The notification layer hears of
each change inside the same transaction (see `SignUpListener`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from bot.clock import Clock
from bot.db import Database
from bot.errors import NotFoundError, UserFacingError
from bot.models import Group, Membership, Person, SignUp, SignUpEvent
from bot.services.listener import SignUpListener
from bot.services.people import NEW_PEOPLE
from bot.services.permissions import Actor, require_driver_or_admin

log = logging.getLogger(__name__)
_KEYS = "signup_keys_by_post"
_ADDED = "signup_pairs_added"

ACTIVE = ("pending", "contacted", "waitlisted")
TRANSITIONS = {
    "pending": {"contacted", "joined", "declined", "withdrawn"},
    "contacted": {"joined", "declined", "withdrawn", "pending"},
    "waitlisted": {"pending", "declined", "withdrawn"},
    "declined": {"pending"},
    "joined": set(),
    "withdrawn": set(),
    "left": set(),
}


@dataclass(frozen=True, slots=True)
class SignUpRequest:
    """One wish, from whichever entry point; `group_slugs` empty means "any group"."""

    intent: str
    group_slugs: tuple[str, ...]
    source: str
    source_ref: str
    evidence: str = ""
    note: str = ""
    confidence: float = 1.0
    needs_review: bool = False
    post_id: int | None = None
    topic_id: int | None = None
    post_version: int | None = None
    at: datetime | None = None
    notify: bool = True


class SignUpService:
    def __init__(self, db: Database, clock: Clock, listener: SignUpListener) -> None:
        self._db = db
        self._clock = clock
        self._listener = listener

    # -- recording -----------------------------------------------------------------

    def record(self, session: Session, person: Person, request: SignUpRequest) -> list[SignUp]:
        """Record a request inside the caller's transaction; idempotent by source."""
        groups = self._groups(session, request.group_slugs)
        targets: list[Group | None] = list(groups) or [None]
        created = []
        for group in targets:
            key = source_key(request, group)
            if self._recorded(session, key, request.post_id):
                continue
            signup = self._record_one(session, person, group, request, key)
            if signup is not None:
                created.append(signup)
        return created

    def prefetch_posts(self, session: Session, post_ids: Sequence[int]) -> None:
        """Load the source keys of these posts' sign-ups in one query (a poll batch)."""
        known: dict[int, set[str]] = session.info.setdefault(_KEYS, {})
        wanted = [i for i in post_ids if i not in known]
        for post_id in wanted:
            known[post_id] = set()
        if wanted:
            rows = session.exec(select(SignUp.post_id, SignUp.source_key).where(SignUp.post_id.in_(wanted)))
            for post_id, key in rows:
                known[post_id].add(key)

    @staticmethod
    def _recorded(session: Session, key: str, post_id: int | None) -> bool:
        known = session.info.get(_KEYS, {})
        if post_id in known:
            if key in known[post_id]:
                return True
            known[post_id].add(key)
            return False
        return session.exec(select(SignUp.id).where(SignUp.source_key == key)).first() is not None

    def _record_one(
        self, session: Session, person: Person, group: Group | None, request: SignUpRequest, key: str
    ) -> SignUp | None:
        if request.intent == "join" and group is not None and self._already_in(session, person, group):
            log.info("sign-up skipped: person %s already in or waiting for group %s", person.id, group.slug)
            return None
        status, reason = self._initial_status(request, group)
        now = self._clock.now()
        signup = SignUp(
            person_id=person.id, group_id=group.id if group else None, intent=request.intent,
            status=status, status_reason=reason, needs_review=request.needs_review,
            confidence=request.confidence, source=request.source, source_key=key,
            post_id=request.post_id, topic_id=request.topic_id, post_version=request.post_version,
            evidence=request.evidence[:4000], note=request.note[:1000],
            created_at=request.at or now, updated_at=now,
        )
        session.add(signup)
        session.flush()
        session.add(SignUpEvent(signup_id=signup.id, at=now, actor_label=request.source, to_status=status))
        if request.intent == "leave":
            self._end_memberships(session, person, group, signup, notify=request.notify)
        log.info(
            "sign-up %s recorded: person=%s group=%s intent=%s status=%s post=%s",
            signup.id, person.id, group.slug if group else "-", request.intent, status, request.post_id,
        )
        self._listener.signup_recorded(session, signup, notify=request.notify)
        return signup

    @staticmethod
    def _initial_status(request: SignUpRequest, group: Group | None) -> tuple[str, str | None]:
        if request.intent == "leave":
            return "left", None
        if group is not None and group.status == "closed":
            return "declined", "group_closed"
        if group is not None and group.status == "planned":
            return "waitlisted", "group_planned"
        return "pending", None

    @staticmethod
    def _already_in(session: Session, person: Person, group: Group) -> bool:
        """A member, or already waiting for an answer, needs no new sign-up."""
        added: set[tuple[int, int]] = session.info.setdefault(_ADDED, set())
        if (person.id, group.id) in added:
            return True
        added.add((person.id, group.id))
        if person.id in session.info.get(NEW_PEOPLE, ()):
            return False  # created in this unit of work: nothing recorded yet
        member = select(Membership.id).where(
            Membership.person_id == person.id, Membership.group_id == group.id, Membership.ended_at.is_(None)
        ).exists()
        waiting = select(SignUp.id).where(
            SignUp.person_id == person.id, SignUp.group_id == group.id,
            SignUp.intent == "join", SignUp.status.in_(ACTIVE),
        ).exists()
        return bool(session.execute(sa.select(sa.or_(member, waiting))).scalar())

    def _end_memberships(
        self, session: Session, person: Person, group: Group | None, signup: SignUp, *, notify: bool
    ) -> None:
        """Leaving ends the membership (or all of them) and any pending joins."""
        now = self._clock.now()
        query = select(Membership).where(
            Membership.person_id == person.id, Membership.ended_at.is_(None), Membership.role == "member"
        )
        if group is not None:
            query = query.where(Membership.group_id == group.id)
        for membership in session.exec(query).all():
            membership.ended_at = now
            self._listener.membership_ended(session, membership, signup=signup, notify=notify)
        pending = select(SignUp).where(
            SignUp.person_id == person.id, SignUp.intent == "join", SignUp.status.in_(ACTIVE)
        )
        if group is not None:
            pending = pending.where(SignUp.group_id == group.id)
        for old in session.exec(pending).all():
            self._move(session, old, "withdrawn", actor_label="leave", reason="left")

    def withdraw_post(self, session: Session, post_id: int, *, reason: str, keep: set[str] = frozenset()) -> int:
        """Withdraw the active join sign-ups a forum post created, except `keep` keys."""
        rows = session.exec(
            select(SignUp).where(SignUp.post_id == post_id, SignUp.intent == "join", SignUp.status.in_(ACTIVE))
        ).all()
        count = 0
        for signup in rows:
            if signup.source_key in keep:
                continue
            self._move(session, signup, "withdrawn", actor_label="forum", reason=reason)
            self._listener.signup_withdrawn(session, signup, reason=reason)
            count += 1
        return count

    # -- acting on sign-ups ----------------------------------------------------------

    def set_status(self, signup_id: int, status: str, actor: Actor) -> SignUp:
        """A driver or admin moves a sign-up on (buttons, /signups, CLI)."""
        with self._db.session() as session:
            signup = self._get(session, signup_id)
            require_driver_or_admin(session, actor, signup.group_id)
            old = signup.status
            if status == old:
                return signup
            if status not in TRANSITIONS.get(old, set()):
                raise UserFacingError("error.bad_transition", old=old, new=status)
            self._move(session, signup, status, actor_id=actor.person_id, actor_label=actor.label)
            if status == "joined" and signup.group_id is not None:
                self._add_member(session, signup)
            self._listener.signup_status_changed(session, signup, old_status=old)
            return signup

    def confirm_review(self, signup_id: int, actor: Actor, *, is_signup: bool) -> SignUp:
        """Answer a "possible sign-up — please check" notification."""
        with self._db.session() as session:
            signup = self._get(session, signup_id)
            require_driver_or_admin(session, actor, signup.group_id)
            if not signup.needs_review:
                return signup
            signup.needs_review = False
            old = signup.status
            if is_signup:
                signup.updated_at = self._clock.now()
                session.add(SignUpEvent(
                    signup_id=signup.id, at=self._clock.now(), actor_id=actor.person_id,
                    actor_label=actor.label, from_status=old, to_status=old,
                ))
            else:
                self._move(session, signup, "withdrawn", actor_id=actor.person_id,
                           actor_label=actor.label, reason="not_a_signup")
            self._listener.signup_status_changed(session, signup, old_status=old)
            return signup

    def _add_member(self, session: Session, signup: SignUp) -> None:
        exists = session.exec(
            select(Membership.id).where(
                Membership.person_id == signup.person_id, Membership.group_id == signup.group_id,
                Membership.role == "member", Membership.ended_at.is_(None),
            )
        ).first()
        if exists is None:
            session.add(Membership(
                person_id=signup.person_id, group_id=signup.group_id, role="member",
                started_at=self._clock.now(), signup_id=signup.id,
            ))

    def _move(
        self, session: Session, signup: SignUp, status: str, *, actor_id: int | None = None,
        actor_label: str = "", reason: str | None = None,
    ) -> None:
        now = self._clock.now()
        session.add(SignUpEvent(
            signup_id=signup.id, at=now, actor_id=actor_id, actor_label=actor_label,
            from_status=signup.status, to_status=status,
        ))
        signup.status, signup.updated_at = status, now
        signup.changed_by_id, signup.changed_at = actor_id, now
        if reason:
            signup.status_reason = reason
        session.flush()
        log.info("sign-up %s: %s by %s", signup.id, status, actor_label or actor_id)

    @staticmethod
    def _get(session: Session, signup_id: int) -> SignUp:
        signup = session.get(SignUp, signup_id)
        if signup is None:
            raise NotFoundError("error.unknown_signup", id=signup_id)
        return signup

    @staticmethod
    def _groups(session: Session, slugs: Sequence[str]) -> list[Group]:
        """The named groups; read once per transaction (a poll batch names many)."""
        if not slugs:
            return []
        found = session.info.get("groups_by_slug")
        if found is None:
            found = {g.slug: g for g in session.exec(select(Group))}
            session.info["groups_by_slug"] = found
        missing = [s for s in slugs if s not in found]
        if missing:
            log.warning("sign-up names unknown group(s) %s; ignored", missing)
        return [found[s] for s in slugs if s in found]


def source_key(request: SignUpRequest, group: Group | None) -> str:
    return _key(request, group.slug if group else "-")


def source_keys(request: SignUpRequest) -> set[str]:
    """The keys `record` would give this request's sign-ups."""
    return {_key(request, slug) for slug in request.group_slugs or ("-",)}


def _key(request: SignUpRequest, slug: str) -> str:
    return f"{request.source}:{request.source_ref}:{slug}:{request.intent}"
