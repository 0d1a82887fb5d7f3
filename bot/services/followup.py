"""Follow-up: no sign-up is forgotten.

`tick()` runs every minute or so. Each message it queues is keyed by its cause
and period (`followup:<sign-up>:remind:<driver>`, `digest:<driver>:<ISO week>`),
so ticking twice, or after a restart, sends nothing twice. Only sign-ups whose
first notification was queued are followed up: old history recorded with
notify=False stays quiet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.clock import Clock
from bot.config import Config
from bot.db import Database
from bot.errors import NotFoundError, PermissionDeniedError
from bot.i18n import Catalogs
from bot.models import Group, Membership, Notification, Person, SignUp, SignUpEvent
from bot.notifications.answer_links import make_answer_url
from bot.notifications.lookup import active_drivers, signup_view
from bot.notifications.planner import FIRST_KINDS
from bot.notifications.render_followup import render_answer_no, render_ask, render_digest
from bot.notifications.render_followup import render_escalation, render_reminder
from bot.notifications.routing import Router
from bot.services.listings import SignUpView

log = logging.getLogger(__name__)

OPEN = ("pending", "contacted")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DIGEST_HOUR = 9  # local time: nobody wants a digest at midnight


@dataclass
class FollowUpReport:
    reminded: int = 0
    escalated: int = 0
    digests: int = 0
    asked: int = 0


class FollowUpService:
    def __init__(
        self, db: Database, clock: Clock, config: Config, catalogs: Catalogs, *,
        forum_url: str | None = None, answer_secret: bytes | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._config = config
        self._forum_url = forum_url
        self._secret = answer_secret
        self._base_url = config.web.public_url.rstrip("/")
        self.router = Router(config, catalogs)

    def text(self, key: str, **params: object) -> str:
        """A catalog text in the organisation's language (for the answer web page)."""
        return self.router.translator()(key, **params)

    def tick(self) -> FollowUpReport:
        report = FollowUpReport()
        now = self._clock.now()
        with self._db.session() as session:
            for signup in self._followed(session):
                self._follow(session, signup, now, report)
            self._digests(session, now, report)
        if report.reminded or report.escalated or report.digests or report.asked:
            log.info("follow-up: %s", report)
        return report

    def _followed(self, session: Session) -> list[SignUp]:
        announced = select(Notification.signup_id).where(Notification.kind.in_(FIRST_KINDS))
        return list(session.exec(select(SignUp).where(
            SignUp.intent == "join", SignUp.status.in_(OPEN), SignUp.id.in_(announced)).order_by(SignUp.id)).all())

    def _follow(self, session: Session, signup: SignUp, now: datetime, report: FollowUpReport) -> None:
        age = now - signup.created_at
        follow = self._config.follow_up
        view = signup_view(session, signup)
        if signup.status == "pending" and age >= follow.remind_after:
            for driver in active_drivers(session, signup.group_id):
                if self.router.reachable(driver) and self.router.to_person(
                    session, driver, kind="followup_reminder", key=f"followup:{signup.id}:remind:{driver.id}",
                    now=now, signup_id=signup.id,
                    render=lambda t: render_reminder(view, t, forum_url=self._forum_url, now=now),
                ):
                    report.reminded += 1
        if signup.status == "pending" and age >= follow.escalate_after:
            names = [d.display_name or d.discourse_username or f"#{d.id}"
                     for d in active_drivers(session, signup.group_id)]
            if self.router.to_coordinators(
                session, kind="followup_escalation", key=f"followup:{signup.id}:escalate", now=now,
                signup_id=signup.id,
                render=lambda t: render_escalation(view, t, forum_url=self._forum_url, now=now, drivers=names),
            ):
                report.escalated += 1
        if age >= follow.ask_volunteer_after and self._ask(session, signup, view, now):
            report.asked += 1

    def _ask(self, session: Session, signup: SignUp, view: SignUpView, now: datetime) -> bool:
        person = session.get(Person, signup.person_id)
        if person is None or person.erased_at is not None or not self.router.reachable(person):
            return False
        links: dict[str, str] = {}
        if self._secret and self._base_url:
            links = {f"{name}_url": make_answer_url(self._base_url, self._secret, signup.id, person.id, value)
                     for name, value in (("yes", True), ("no", False))}
        return self.router.to_person(
            session, person, kind="followup_ask", key=f"followup:{signup.id}:ask", now=now, signup_id=signup.id,
            render=lambda t: render_ask(view, t, now=now, **links),
        ) is not None

    def _digests(self, session: Session, now: datetime, report: FollowUpReport) -> None:
        local = now.astimezone(ZoneInfo(self._config.organisation.timezone))
        if WEEKDAYS[local.weekday()] != self._config.follow_up.digest_weekday or local.hour < DIGEST_HOUR:
            return
        year, week, _ = local.isocalendar()
        drivers = session.exec(
            select(Person, Membership.group_id).join(Membership, Membership.person_id == Person.id)
            .where(Membership.role == "driver", Membership.ended_at.is_(None), Person.erased_at.is_(None))
        ).all()
        groups_of: dict[int, tuple[Person, set[int]]] = {}
        for person, group_id in drivers:
            groups_of.setdefault(person.id, (person, set()))[1].add(group_id)
        for person, group_ids in groups_of.values():
            open_signups = session.exec(select(SignUp).where(
                SignUp.group_id.in_(group_ids), SignUp.intent == "join", SignUp.status.in_(OPEN)
            ).order_by(SignUp.created_at, SignUp.id)).all()
            if not open_signups or not self.router.reachable(person):
                continue
            views = [signup_view(session, s) for s in open_signups]
            if self.router.to_person(
                session, person, kind="followup_digest", key=f"digest:{person.id}:{year}-W{week:02d}", now=now,
                render=lambda t, views=views: render_digest(views, t, forum_url=self._forum_url, now=now),
            ):
                report.digests += 1

    # -- the volunteer's answer --------------------------------------------------------------

    def answer_prompt(self, signup_id: int) -> str:
        with self._db.session() as session:
            signup = session.get(SignUp, signup_id)
            group = session.get(Group, signup.group_id) if signup and signup.group_id else None
        return self.text("followup.ask_title", group=group.name if group else self.text("signup_dm.any_group"))

    def volunteer_answer(self, signup_id: int, answer: bool, *, person_id: int | None) -> None:
        """"No" escalates to the coordinators at once; "yes" is recorded and marks a pending sign-up contacted.

        `person_id` is who answered (None: an operator or an already-verified
        caller); anyone else than the volunteer is refused.
        """
        now = self._clock.now()
        with self._db.session() as session:
            signup = session.get(SignUp, signup_id)
            if signup is None:
                raise NotFoundError("error.unknown_signup", id=signup_id)
            if person_id is not None and person_id != signup.person_id:
                raise PermissionDeniedError("followup.not_yours")
            old = signup.status
            new = "contacted" if answer and old == "pending" else old
            session.add(SignUpEvent(signup_id=signup.id, at=now, actor_id=signup.person_id,
                                    actor_label=f"volunteer:{'yes' if answer else 'no'}", from_status=old,
                                    to_status=new))
            if new != old:
                signup.status, signup.updated_at, signup.changed_at = new, now, now
                signup.changed_by_id = signup.person_id
            if not answer:
                view = signup_view(session, signup)
                self.router.to_coordinators(
                    session, kind="followup_answer_no", key=f"followup:{signup.id}:answer_no", now=now,
                    signup_id=signup.id, render=lambda t: render_answer_no(view, t, forum_url=self._forum_url,
                                                                         now=now))
        log.info("sign-up %s: volunteer answered %s", signup_id, "yes" if answer else "no")
