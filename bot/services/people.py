"""People: one row per human, found by Discourse username or Discord id.

Discourse usernames are case-insensitive, so rows are keyed by the
lower-cased name (`discourse_key`) and keep the spelling people chose.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from bot.clock import Clock
from bot.models import Person

log = logging.getLogger(__name__)
_CACHE = "people_by_discourse_key"
NEW_PEOPLE = "people_created"  # session.info: ids of people created in this unit of work


def discourse_key(username: str) -> str:
    return username.strip().lstrip("@").casefold()


class PeopleService:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def by_discourse(self, session: Session, username: str) -> Person | None:
        key = discourse_key(username)
        cache = session.info.get(_CACHE)
        if cache is not None and key in cache:
            return cache[key]
        return session.exec(select(Person).where(Person.discourse_key == key)).first()

    def prefetch(self, session: Session, usernames: Iterable[str]) -> None:
        """Load many people by forum name in one query for this unit of work.

        A poll batch names up to 50 authors; looking each up separately was
        the largest cost of ingestion. Misses are cached too (as None).
        """
        keys = {discourse_key(u) for u in usernames}
        cache: dict[str, Person | None] = session.info.setdefault(_CACHE, {})
        wanted = keys - cache.keys()
        if not wanted:
            return
        found = {p.discourse_key: p for p in session.exec(select(Person).where(Person.discourse_key.in_(wanted)))}
        for key in wanted:
            cache[key] = found.get(key)

    def by_discord(self, session: Session, discord_id: int) -> Person | None:
        return session.exec(select(Person).where(Person.discord_id == discord_id)).first()

    def ensure(
        self,
        session: Session,
        *,
        discourse_username: str | None = None,
        discord_id: int | None = None,
        display_name: str | None = None,
    ) -> Person:
        """The person with these identities, created if new.

        Callers pass both identities only when they are known to be one human
        (the config file, or a verified link); then two rows become one.
        """
        by_forum = self.by_discourse(session, discourse_username) if discourse_username else None
        by_chat = self.by_discord(session, discord_id) if discord_id else None
        if by_forum and by_chat and by_forum.id != by_chat.id:
            person = self.merge(session, keep=by_forum, other=by_chat)
        else:
            person = by_forum or by_chat
        created = person is None
        if person is None:
            person = Person(created_at=self._clock.now(), display_name=display_name or discourse_username or "")
            session.add(person)
        if discourse_username and not person.discourse_key:
            person.discourse_username = discourse_username.lstrip("@")
            person.discourse_key = discourse_key(discourse_username)
            if _CACHE in session.info:
                session.info[_CACHE][person.discourse_key] = person
        if discord_id and not person.discord_id:
            person.discord_id = discord_id
        if display_name and not person.display_name:
            person.display_name = display_name
        session.flush()
        if created:
            session.info.setdefault(NEW_PEOPLE, set()).add(person.id)
        return person

    def merge(self, session: Session, *, keep: Person, other: Person) -> Person:
        """Fold `other` into `keep`: every row pointing at `other` now points at `keep`.

        The foreign keys are found from the metadata, so tables added later
        (meetings, polls) are merged without changes here.
        """
        if keep.id == other.id:
            return keep
        session.info.pop(_CACHE, None)
        for table in SQLModel.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table.name == "person" and fk.column.name == "id":
                    session.execute(
                        sa.update(table).where(fk.parent == other.id).values({fk.parent.name: keep.id})
                    )
        identities = (other.discourse_username, other.discourse_key, other.discord_id)
        other.discourse_username = other.discourse_key = None
        other.discord_id = None
        session.flush()
        if keep.discourse_key is None and identities[1]:
            keep.discourse_username, keep.discourse_key = identities[0], identities[1]
        if keep.discord_id is None and identities[2]:
            keep.discord_id = identities[2]
        keep.display_name = keep.display_name or other.display_name
        session.delete(other)
        session.flush()
        log.info("person %s merged into person %s", other.id, keep.id)
        return keep
