"""The database tables.

Conventions: explicit table names; Discord ids as BigInteger; every datetime
is timezone-aware UTC (`UTCDateTime` stores naive UTC on SQLite, where there
is no zone type); a metadata naming convention so Alembic names constraints
identically on SQLite and PostgreSQL. Group definitions are synced from the
config file; everything else lives only here.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every backend."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware UTC datetime")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def utc_column(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=sa.Column(UTCDateTime(), nullable=nullable, index=index))


def required_utc() -> Any:
    return Field(sa_column=sa.Column(UTCDateTime(), nullable=False))


def big_id(*, unique: bool = False, index: bool = False) -> Any:
    return Field(default=None, sa_column=sa.Column(sa.BigInteger(), nullable=True, unique=unique, index=index))


def json_column(default: Any) -> Any:
    return Field(default_factory=lambda: type(default)(default), sa_column=sa.Column(sa.JSON(), nullable=False))


class Group(SQLModel, table=True):
    __tablename__ = "group"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=63, unique=True)
    name: str = Field(max_length=100)
    aliases: list[str] = json_column([])
    description: str = Field(default="", sa_type=sa.Text)
    status: str = Field(default="open", max_length=16)
    closed_reason: str | None = Field(default=None, sa_type=sa.Text)
    email: str | None = Field(default=None, max_length=254)
    commitment: str | None = Field(default=None, sa_type=sa.Text)
    roster_visibility: str = Field(default="members", max_length=16)
    discord_channel_id: int | None = big_id()
    discourse_topic_id: int | None = None
    discourse_category_id: int | None = None
    created_at: datetime = required_utc()
    updated_at: datetime = required_utc()
    retired_at: datetime | None = utc_column()


class Person(SQLModel, table=True):
    """One human. The Discourse and Discord identities are each unique, and
    are only joined on one row after a verified /link (or by config)."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    discourse_username: str | None = Field(default=None, max_length=60)
    discourse_key: str | None = Field(default=None, max_length=60, unique=True)
    discord_id: int | None = big_id(unique=True)
    display_name: str = Field(default="", max_length=100)
    locale: str | None = Field(default=None, max_length=8)
    created_at: datetime = required_utc()
    erased_at: datetime | None = utc_column()


class Membership(SQLModel, table=True):
    __tablename__ = "membership"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    role: str = Field(default="member", max_length=16)
    started_at: datetime = required_utc()
    ended_at: datetime | None = utc_column()
    signup_id: int | None = Field(default=None, foreign_key="signup.id")
    meeting_reminders: bool = False


class SignUp(SQLModel, table=True):
    """A person's wish to join or leave a group, and what was done about it.

    `source_key` makes recording idempotent: the same forum post (or the same
    Discord interaction) can never create two sign-ups for the same group.
    """

    __tablename__ = "signup"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    group_id: int | None = Field(default=None, foreign_key="group.id", index=True)
    intent: str = Field(max_length=8)
    status: str = Field(default="pending", max_length=16, index=True)
    status_reason: str | None = Field(default=None, max_length=200)
    needs_review: bool = False
    confidence: float = 1.0
    source: str = Field(max_length=16)
    source_key: str = Field(max_length=120, unique=True)
    post_id: int | None = Field(default=None, index=True)
    topic_id: int | None = None
    post_version: int | None = None
    evidence: str = Field(default="", sa_type=sa.Text)
    note: str = Field(default="", sa_type=sa.Text)
    created_at: datetime = required_utc()
    updated_at: datetime = required_utc()
    changed_by_id: int | None = Field(default=None, foreign_key="person.id")
    changed_at: datetime | None = utc_column()


class SignUpEvent(SQLModel, table=True):
    """The history of a sign-up's status: who changed it, when, from what."""

    __tablename__ = "signup_event"

    id: int | None = Field(default=None, primary_key=True)
    signup_id: int = Field(foreign_key="signup.id", index=True)
    at: datetime = required_utc()
    actor_id: int | None = Field(default=None, foreign_key="person.id")
    actor_label: str = Field(default="", max_length=60)
    from_status: str | None = Field(default=None, max_length=16)
    to_status: str = Field(max_length=16)


class ForumPost(SQLModel, table=True):
    """The ledger of forum posts already handled, by id and revision, so
    processing a post twice (poll + webhook, crash + restart) changes nothing."""

    __tablename__ = "forum_post"

    post_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    topic_id: int = Field(index=True)
    version: int = 1
    username: str = Field(default="", max_length=60)
    intent: str = Field(default="none", max_length=8)
    groups: list[str] = json_column([])
    confidence: float = 0.0
    deleted: bool = False
    processed_at: datetime = required_utc()


class WatchedTopic(SQLModel, table=True):
    __tablename__ = "watched_topic"

    id: int | None = Field(default=None, primary_key=True)
    topic_id: int = Field(unique=True)
    title: str = Field(default="", max_length=255)
    groups: list[str] | None = Field(default=None, sa_column=sa.Column(sa.JSON(), nullable=True))
    source: str = Field(default="cli", max_length=16)
    active: bool = True
    added_at: datetime = required_utc()
    backfill_after_post_id: int = 0
    backfill_done_at: datetime | None = utc_column()
    last_error: str | None = Field(default=None, sa_type=sa.Text)
    last_error_at: datetime | None = utc_column()


class WatcherState(SQLModel, table=True):
    """Named integers the watcher persists, such as the /posts.json cursor."""

    __tablename__ = "watcher_state"

    name: str = Field(primary_key=True, max_length=60)
    value: int = 0
    updated_at: datetime = required_utc()


class WebhookEvent(SQLModel, table=True):
    """The durable inbox of webhook deliveries.

    A delivery is stored before Discourse gets its 200 and processed from
    here, so a crash after answering loses nothing. `dedupe_key` is post id +
    event + version, because Discourse's automatic retries carry new event ids.
    """

    __tablename__ = "webhook_event"

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=120, unique=True)
    event: str = Field(max_length=40)
    post_id: int | None = None
    payload: dict[str, Any] = json_column({})
    received_at: datetime = required_utc()
    processed_at: datetime | None = utc_column(index=True)
    error: str | None = Field(default=None, sa_type=sa.Text)


class Notification(SQLModel, table=True):
    """The outbox: every message to a person, written in the same transaction
    as its cause and delivered once by the dispatcher."""

    __tablename__ = "notification"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40, index=True)
    channel: str = Field(max_length=24)
    recipient: str = Field(max_length=255)
    payload: dict[str, Any] = json_column({})
    idempotency_key: str = Field(max_length=200, unique=True)
    signup_id: int | None = Field(default=None, foreign_key="signup.id", index=True)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False, index=True))
    created_at: datetime = required_utc()
    delivered_at: datetime | None = utc_column()
    dead_at: datetime | None = utc_column()
    cancelled_at: datetime | None = utc_column()
    last_error: str | None = Field(default=None, sa_type=sa.Text)
    remote_ref: str | None = Field(default=None, max_length=120)


class LinkCode(SQLModel, table=True):
    """A one-time code proving a Discord user controls a Discourse account."""

    __tablename__ = "link_code"

    id: int | None = Field(default=None, primary_key=True)
    discord_id: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False, index=True))
    discourse_username: str = Field(max_length=60)
    code_hash: str = Field(max_length=128)
    created_at: datetime = required_utc()
    expires_at: datetime = required_utc()
    used_at: datetime | None = utc_column()
    attempts: int = 0
from bot import models_meetings  # noqa: E402,F401  (registers the meeting tables)
