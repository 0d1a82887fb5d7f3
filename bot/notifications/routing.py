"""Where a message to a person or to the coordinators goes, given the config.

A driver with a Discord id gets a DM, carrying a ready-made Discourse PM as
`payload["fallback"]` in case their DMs are closed. A driver without one (or
any driver when there is no [discord] section: offline mode) gets a Discourse
PM. Coordinators are a Discord channel, or the console in offline mode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.config import Config
from bot.i18n import Catalogs, Translator
from bot.models import Notification, Person
from bot.notifications.render import for_forum
from bot.outbox import enqueue

log = logging.getLogger(__name__)

Render = Callable[[Translator], dict[str, Any]]


class Router:
    def __init__(self, config: Config, catalogs: Catalogs) -> None:
        self._config = config
        self._catalogs = catalogs

    @property
    def org_locale(self) -> str:
        return self._config.organisation.locale

    def translator(self, locale: str | None = None) -> Translator:
        return self._catalogs.translator(locale or self.org_locale, fallback=self.org_locale)

    def reachable(self, person: Person) -> bool:
        return bool((person.discord_id and self._config.discord) or self._forum_username(person))

    def to_person(
        self, session: Session, person: Person, *, kind: str, key: str, render: Render, now: datetime,
        signup_id: int | None = None, not_before: datetime | None = None,
    ) -> Notification | None:
        """Queue a message to one person (check `reachable` first: unreachable people get nothing)."""
        t = self.translator(person.locale)
        payload = render(t)
        username = self._forum_username(person)
        if person.discord_id and self._config.discord is not None:
            if username:
                payload["fallback"] = {"channel": "discourse_pm", "recipient": username,
                                       "payload": for_forum(payload, t, note_key="outbox.fallback_note")}
            return enqueue(session, kind=kind, channel="discord_dm", recipient=str(person.discord_id),
                           payload=payload, key=key, now=now, signup_id=signup_id, not_before=not_before)
        if username:
            if person.discord_id:
                log.info("offline mode: %s for person %s goes as a Discourse PM, not a Discord DM", kind, person.id)
            return enqueue(session, kind=kind, channel="discourse_pm", recipient=username,
                           payload=for_forum(payload, t), key=key, now=now, signup_id=signup_id,
                           not_before=not_before)
        log.warning("%s: person %s has no reachable identity; not queued (%s)", kind, person.id, key)
        return None

    def to_coordinators(
        self, session: Session, *, kind: str, key: str, render: Render, now: datetime, signup_id: int | None = None,
    ) -> Notification | None:
        payload = render(self.translator())
        if self._config.discord is not None:
            return enqueue(session, kind=kind, channel="discord_channel",
                           recipient=str(self._config.discord.coordinator_channel),
                           payload=payload, key=key, now=now, signup_id=signup_id)
        log.warning("offline mode: %s for the coordinators goes to the console (%s)", kind, key)
        return enqueue(session, kind=kind, channel="console", recipient="coordinators",
                       payload=payload, key=key, now=now, signup_id=signup_id)

    def _forum_username(self, person: Person) -> str | None:
        if self._config.discourse is None or not person.discourse_username:
            return None
        return person.discourse_username
