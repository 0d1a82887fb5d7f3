"""Identities: who a Discord user is, and proving they own a forum account.

Linking a Discord user to a Discourse username merges two Person rows and
with them every sign-up the forum recorded. That must never happen on
someone's word alone, so /link sends a one-time code to the forum account
as a private message (through the outbox, like every message) and only
/link-confirm with that code joins the two. Codes are short-lived, single
use, rate limited per Discord user and per username, stored only as salted
hashes and compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from bot.clock import Clock
from bot.db import Database
from bot.errors import UserFacingError
from bot.i18n import Catalogs
from bot.i18n.escape import escape_markdown
from bot.models import LinkCode, Person
from bot.outbox import enqueue
from bot.services.people import PeopleService, discourse_key

log = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: codes are typed by hand
CODE_LENGTH = 8
CODE_TTL = timedelta(minutes=15)
RATE_WINDOW = timedelta(hours=1)
MAX_CODES_PER_WINDOW = 3
MAX_ATTEMPTS = 5
USERNAME = re.compile(r"^[\w.-]{2,60}$")


@dataclass(frozen=True, slots=True)
class LinkRequested:
    username: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class LinkResult:
    person_id: int
    discourse_username: str
    merged: bool


def random_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """People paste codes with spaces, dashes or in lower case."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())[:32]


def hash_code(code: str, salt: str | None = None) -> str:
    salt = salt or secrets.token_hex(16)
    digest = hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()
    return f"sha256${salt}${digest}"


def code_matches(code: str, stored: str) -> bool:
    _, salt, _ = stored.split("$", 2)
    return hmac.compare_digest(hash_code(code, salt), stored)


class IdentityService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        people: PeopleService,
        catalogs: Catalogs,
        *,
        default_locale: str = "en",
        code_factory: Callable[[], str] = random_code,
    ) -> None:
        self._db = db
        self._clock = clock
        self._people = people
        self._catalogs = catalogs
        self._default_locale = default_locale
        self._code_factory = code_factory

    def ensure_discord_person(self, discord_id: int, display_name: str) -> int:
        """The Person behind a Discord user, created on first contact."""
        with self._db.session() as session:
            person = self._people.ensure(session, discord_id=discord_id, display_name=display_name[:100])
            return person.id

    def request_link(self, discord_id: int, display_name: str, username: str) -> LinkRequested:
        """Queue a one-time code to the forum account as a private message."""
        username = username.strip().lstrip("@")
        if not USERNAME.match(username):
            raise UserFacingError("link.bad_username")
        key = discourse_key(username)
        now = self._clock.now()
        with self._db.session() as session:
            self._refuse_if_linked(session, discord_id, key)
            self._enforce_rate(session, discord_id, key, now)
            code = self._code_factory()
            row = LinkCode(discord_id=discord_id, discourse_username=username, code_hash=hash_code(code),
                           created_at=now, expires_at=now + CODE_TTL)
            session.add(row)
            session.flush()
            forum_person = self._people.by_discourse(session, username)
            locale = (forum_person.locale if forum_person else None) or self._default_locale
            t = self._catalogs.translator(locale)
            minutes = int(CODE_TTL.total_seconds() // 60)
            payload = {
                "title": t("link.pm_title"),
                "text": t("link.pm_body", code=code, discord_name=escape_markdown(display_name, limit=100),
                          minutes=minutes),
                "locale": t.locale,
            }
            enqueue(session, kind="link_code", channel="discourse_pm", recipient=username, payload=payload,
                    key=f"link_code:{row.id}", now=now)
            log.info("link code %s queued for discord user %s to forum user %s", row.id, discord_id, key)
            return LinkRequested(username=username, expires_at=row.expires_at)

    def confirm_link(self, discord_id: int, code_text: str, *, display_name: str = "") -> LinkResult:
        """Check the code; on success the two Person rows become one."""
        code = normalise_code(code_text)
        now = self._clock.now()
        result: LinkResult | None = None
        with self._db.session() as session:
            row = session.exec(
                select(LinkCode)
                .where(LinkCode.discord_id == discord_id, LinkCode.used_at.is_(None), LinkCode.expires_at > now)
                .order_by(LinkCode.created_at.desc(), LinkCode.id.desc())
            ).first()
            if row is None:
                raise UserFacingError("link.no_code")
            if row.attempts >= MAX_ATTEMPTS:
                raise UserFacingError("link.too_many_attempts")
            row.attempts += 1
            if code and code_matches(code, row.code_hash):
                result = self._link(session, row, discord_id, display_name, now)
        if result is None:
            log.info("link: wrong code for discord user %s (attempt recorded)", discord_id)
            raise UserFacingError("link.wrong_code")
        return result

    def _link(self, session: Session, row: LinkCode, discord_id: int, display_name: str, now: datetime) -> LinkResult:
        username, key = row.discourse_username, discourse_key(row.discourse_username)
        self._refuse_if_linked(session, discord_id, key)
        for other in session.exec(select(LinkCode).where(LinkCode.discord_id == discord_id,
                                                         LinkCode.used_at.is_(None))):
            other.used_at = now
        chat = self._people.ensure(session, discord_id=discord_id, display_name=display_name[:100] or None)
        forum = self._people.by_discourse(session, username)
        if forum is not None and forum.id != chat.id:
            person = self._people.merge(session, keep=forum, other=chat)
            merged = True
        else:
            person, merged = chat, False
            person.discourse_username, person.discourse_key = username, key
        session.flush()
        log.info("link: discord user %s is now forum user %s (person %s, merged=%s)",
                 discord_id, username, person.id, merged)
        return LinkResult(person_id=person.id, discourse_username=person.discourse_username or username,
                          merged=merged)

    def _refuse_if_linked(self, session: Session, discord_id: int, key: str) -> None:
        chat = self._people.by_discord(session, discord_id)
        if chat is not None and chat.discourse_key == key:
            raise UserFacingError("link.already_linked", username=chat.discourse_username or key)
        if chat is not None and chat.discourse_key is not None:
            raise UserFacingError("link.other_account")
        forum = session.exec(select(Person).where(Person.discourse_key == key)).first()
        if forum is not None and forum.discord_id is not None and forum.discord_id != discord_id:
            raise UserFacingError("link.taken")

    @staticmethod
    def _enforce_rate(session: Session, discord_id: int, key: str, now: datetime) -> None:
        since = now - RATE_WINDOW
        count = sa.func.count(LinkCode.id)
        by_user = session.exec(select(count).where(LinkCode.discord_id == discord_id,
                                                   LinkCode.created_at > since)).one()
        by_name = session.exec(select(count).where(sa.func.lower(LinkCode.discourse_username) == key,
                                                   LinkCode.created_at > since)).one()
        if by_user >= MAX_CODES_PER_WINDOW or by_name >= MAX_CODES_PER_WINDOW:
            log.warning("link: rate limit hit by discord user %s for forum user %s", discord_id, key)
            raise UserFacingError("link.rate_limited", minutes=int(RATE_WINDOW.total_seconds() // 60))
