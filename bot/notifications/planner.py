"""Who must hear about a sign-up, written to the outbox in the sign-up's own transaction.

`NotificationPlanner` is the `SignUpListener` the sign-up service calls. Every
row it queues is keyed by its cause (`signup:<id>:driver:<person id>`, …), so
replaying the cause (poll + webhook, restart) never sends twice.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlmodel import Session, select

from bot.clock import Clock
from bot.config import Config
from bot.i18n import Catalogs
from bot.models import Group, Membership, Notification, Person, SignUp
from bot.notifications.acknowledgement import acknowledgement_text
from bot.notifications.lookup import active_drivers, signup_view
from bot.notifications.render import render_coordinator, render_driver_dm, render_leave, render_withdrawn
from bot.notifications.routing import Router
from bot.outbox import enqueue
from bot.services.listings import SignUpView

log = logging.getLogger(__name__)

FIRST_KINDS = ("signup_new", "signup_review", "signup_coordinator")


class NotificationPlanner:
    def __init__(self, *, config: Config, catalogs: Catalogs, clock: Clock, forum_url: str | None) -> None:
        self._config = config
        self._clock = clock
        self._forum_url = forum_url.rstrip("/") if forum_url else None
        self.router = Router(config, catalogs)

    # -- SignUpListener ------------------------------------------------------------------

    def signup_recorded(self, session: Session, signup: SignUp, *, notify: bool) -> None:
        if not notify:
            log.info("sign-up %s recorded without notifications (notify=False)", signup.id)
            return
        view = signup_view(session, signup)
        if signup.intent == "leave":
            self._tell_drivers_leave(session, view, signup.group_id, key_base=f"signup:{signup.id}:leave")
        elif signup.status == "declined":
            log.info("sign-up %s: group closed; only the forum acknowledgement answers it", signup.id)
        elif signup.status == "waitlisted":
            self._tell_coordinators(session, view, "planned")
        elif signup.group_id is None:
            self._tell_coordinators(session, view, "no_group")
        else:
            self._tell_drivers_new(session, view, signup.group_id)

    def signup_withdrawn(self, session: Session, signup: SignUp, *, reason: str) -> None:
        """Tell whoever was told; a first message still unsent is simply cancelled."""
        rows = session.exec(select(Notification).where(
            Notification.signup_id == signup.id, Notification.kind.in_(FIRST_KINDS))).all()
        now = self._clock.now()
        told_drivers = told_coordinators = False
        for row in rows:
            if row.delivered_at is None and row.attempts == 0 and row.cancelled_at is None:
                row.cancelled_at, row.last_error = now, f"cancelled: sign-up withdrawn ({reason})"
                log.info("outbox #%s cancelled before delivery: sign-up %s withdrawn", row.id, signup.id)
            elif row.cancelled_at is None:
                told_coordinators |= row.kind == "signup_coordinator"
                told_drivers |= row.kind != "signup_coordinator"
        view = signup_view(session, signup)
        render = lambda t: render_withdrawn(view, t, forum_url=self._forum_url)  # noqa: E731
        if told_drivers:
            for driver in active_drivers(session, signup.group_id):
                self.router.to_person(session, driver, kind="signup_withdrawn", render=render, now=now,
                                      key=f"signup:{signup.id}:withdrawn:{driver.id}", signup_id=signup.id)
        if told_coordinators:
            self.router.to_coordinators(session, kind="signup_withdrawn", render=render, now=now,
                                        key=f"signup:{signup.id}:withdrawn:coordinators", signup_id=signup.id)

    def signup_status_changed(self, session: Session, signup: SignUp, *, old_status: str) -> None:
        """Button presses edit the DM (Discord side); only a group opening needs new messages."""
        if old_status == "waitlisted" and signup.status == "pending" and signup.group_id is not None:
            self._tell_drivers_new(session, signup_view(session, signup), signup.group_id)

    def membership_ended(
        self, session: Session, membership: Membership, *, signup: SignUp | None, notify: bool = True
    ) -> None:
        if membership.role != "member" or not notify:
            return
        person = session.get(Person, membership.person_id)
        group = session.get(Group, membership.group_id)
        if person is None or group is None:
            return
        view = _leave_view(person, group, signup)
        key_base = f"signup:{signup.id}:leave" if signup else f"membership:{membership.id}:ended"
        self._tell_drivers_leave(session, view, group.id, key_base=key_base)

    def forum_signups_acknowledge(self, session: Session, topic_id: int, signups: Sequence[SignUp]) -> None:
        """ONE reply per call, covering every sign-up in it, in the organisation's language."""
        if self._config.discourse is None or not self._config.discourse.acknowledge_signups:
            return
        wanted = [s for s in signups if not s.needs_review and s.status != "withdrawn" and s.id is not None]
        if not wanted:
            return
        entries = [(signup_view(session, s), self._has_driver(session, s), self._closed_reason(session, s))
                   for s in sorted(wanted, key=lambda s: s.id)]
        text = acknowledgement_text(entries, self.router.translator())
        if not text:
            return
        enqueue(session, kind="signup_ack", channel="discourse_reply", recipient=str(topic_id),
                payload={"text": text, "locale": self.router.org_locale},
                key=f"ack:topic:{topic_id}:signup:{wanted[0].id}", now=self._clock.now(), signup_id=wanted[0].id)

    # -- the routes --------------------------------------------------------------------------

    def _tell_drivers_new(self, session: Session, view: SignUpView, group_id: int) -> None:
        group = session.get(Group, group_id)
        drivers = [d for d in active_drivers(session, group_id) if self.router.reachable(d)]
        if not drivers:
            self._tell_coordinators(session, view, "no_driver")
            return
        kind = "signup_review" if view.needs_review else "signup_new"
        commitment = group.commitment if group else None
        now = self._clock.now()
        for driver in drivers:
            self.router.to_person(
                session, driver, kind=kind, key=f"signup:{view.id}:driver:{driver.id}", now=now, signup_id=view.id,
                render=lambda t: render_driver_dm(view, t, forum_url=self._forum_url, commitment=commitment),
            )

    def _tell_coordinators(self, session: Session, view: SignUpView, situation: str) -> None:
        self.router.to_coordinators(
            session, kind="signup_coordinator", key=f"signup:{view.id}:coordinator:{situation}", now=self._clock.now(),
            signup_id=view.id,
            render=lambda t: render_coordinator(view, t, situation=situation, forum_url=self._forum_url),
        )

    def _tell_drivers_leave(self, session: Session, view: SignUpView, group_id: int | None, *, key_base: str) -> None:
        now = self._clock.now()
        signup_id = view.id or None
        for driver in active_drivers(session, group_id):
            if driver.id == view.person_id or not self.router.reachable(driver):
                continue
            self.router.to_person(session, driver, kind="signup_leave", key=f"{key_base}:{driver.id}", now=now,
                                  signup_id=signup_id,
                                  render=lambda t: render_leave(view, t, forum_url=self._forum_url))

    def _has_driver(self, session: Session, signup: SignUp) -> bool:
        return any(self.router.reachable(d) for d in active_drivers(session, signup.group_id))

    @staticmethod
    def _closed_reason(session: Session, signup: SignUp) -> str | None:
        group = session.get(Group, signup.group_id) if signup.group_id is not None else None
        return group.closed_reason if group is not None else None


def _leave_view(person: Person, group: Group, signup: SignUp | None) -> SignUpView:
    """A view of the leaving, for the renderers, also when no sign-up caused it."""
    now = signup.created_at if signup else person.created_at
    return SignUpView(
        id=signup.id if signup else 0, group=group.slug, group_name=group.name, intent="leave", status="left",
        status_reason=None, needs_review=False, confidence=1.0, source=signup.source if signup else "membership",
        person_id=person.id, display_name=person.display_name, discourse_username=person.discourse_username,
        discord_id=person.discord_id, post_id=signup.post_id if signup else None,
        topic_id=signup.topic_id if signup else None, evidence=signup.evidence if signup else "",
        created_at=now, updated_at=now,
    )
