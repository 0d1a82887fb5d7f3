"""The one configuration file, validated into frozen, typed models.

Nothing is loaded at import time: the composition root calls `load_config`
and passes the result explicitly. Secrets never live in the file; they come
from environment variables (`Secrets.from_env`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Literal, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.durations import Duration

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LOCALES = ("en", "nb", "sv", "nl")
DEFAULT_CONFIG = "config.toml"


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OrganisationConfig(Section):
    name: str = Field(min_length=1, max_length=200)
    timezone: str = "UTC"
    locale: str = "en"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"timezone '{value}' is not an IANA zone{_zone_hint(value)}") from None
        return value

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in LOCALES:
            raise ValueError(f"locale '{value}' has no message catalog; use one of {', '.join(LOCALES)}")
        return value


def _zone_hint(value: str) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(available_timezones()), n=1, cutoff=0.75)
    return f" — did you mean '{close[0]}'?" if close else " (e.g. 'Europe/London')"


class WebhookConfig(Section):
    enabled: bool = False
    max_body_bytes: int = Field(default=2_000_000, ge=1024)
    safety_poll_interval: Duration = timedelta(minutes=5)


class DiscourseConfig(Section):
    url: str
    api_username: str = Field(min_length=1, max_length=60)
    poll_interval: Duration = timedelta(seconds=60)
    timeout: Duration = timedelta(seconds=10)
    edit_window_posts: int = Field(default=100, ge=0, le=1000)
    edit_recheck_interval: Duration = timedelta(minutes=10)
    acknowledge_signups: bool = True
    webhook: WebhookConfig = WebhookConfig()

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+(:\d+)?(/[^\s]*)?$", value):
            raise ValueError(f"'{value}' is not an http(s) URL such as 'https://forum.example.coop'")
        return value.rstrip("/")


class DiscordConfig(Section):
    guild_id: int = Field(gt=0)
    coordinator_channel: int = Field(gt=0)
    command_sync: Literal["global", "guild"] = "global"
    admins: tuple[int, ...] = ()
    admin_role: int | None = None


class DatabaseConfig(Section):
    url: str = ""


class WebConfig(Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    public_url: str = ""


class PersonRef(Section):
    """A driver as config names them: a Discourse username and/or a Discord id."""

    discourse: str | None = Field(default=None, min_length=1, max_length=60)
    discord: int | None = Field(default=None, gt=0)
    name: str | None = None

    @model_validator(mode="after")
    def _some_identity(self) -> PersonRef:
        if self.discourse is None and self.discord is None:
            raise ValueError("a driver needs a 'discourse' username or a 'discord' user id")
        return self


class MeetingsConfig(Section):
    schedule: str | None = None
    duration: Duration | None = None
    place: str | None = None
    reminders: tuple[Duration, ...] | None = None


class GroupConfig(Section):
    slug: str
    name: str = Field(min_length=1, max_length=100)
    aliases: tuple[str, ...] = ()
    description: str = ""
    status: Literal["open", "closed", "planned"] = "open"
    closed_reason: str | None = None
    email: str | None = None
    commitment: str | None = None
    drivers: tuple[PersonRef, ...] = ()
    discord_channel: int | None = Field(default=None, gt=0)
    discourse_topic: int | None = Field(default=None, gt=0)
    discourse_category: int | None = Field(default=None, gt=0)
    roster_visibility: Literal["public", "members", "drivers"] = "members"
    meetings: MeetingsConfig = MeetingsConfig()

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"slug '{value}' must be lower-case letters, digits and dashes (e.g. 'comms')")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not EMAIL.match(value):
            raise ValueError(f"'{value}' is not an e-mail address")
        return value


class WatchConfig(Section):
    """A topic (id or URL) to watch, or a whole category: every topic in it, as it appears."""

    topic: int | str | None = None
    category: int | None = Field(default=None, gt=0)
    groups: tuple[str, ...] | None = None
    notify_backfill_after: Duration = timedelta(days=30)

    @model_validator(mode="after")
    def _one_target(self) -> WatchConfig:
        if (self.topic is None) == (self.category is None):
            raise ValueError("a [[watch]] table names exactly one of 'topic' (id or URL) or 'category' (id)")
        return self


class FollowUpConfig(Section):
    remind_after: Duration = timedelta(days=3)
    escalate_after: Duration = timedelta(days=7)
    ask_volunteer_after: Duration = timedelta(days=10)
    digest_weekday: Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] = "monday"


class OutboxConfig(Section):
    max_attempts: int = Field(default=8, ge=1, le=100)
    rate: float = Field(default=5.0, gt=0, le=50)
    base_delay: Duration = timedelta(seconds=5)
    max_delay: Duration = timedelta(hours=1)


class RemindersConfig(Section):
    offsets: tuple[Duration, ...] = (timedelta(days=7), timedelta(days=1))
    grace: Duration = timedelta(hours=2)
    agenda_days_before: int = Field(default=3, ge=0, le=60)
    agenda_sections: tuple[str, ...] = (
        "Reports",
        "Decisions to make (with material in advance)",
        "Proposals from members",
        "Work environment",
        "Decided but not yet done",
        "Next meeting",
    )


class LoggingConfig(Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class Config(Section):
    organisation: OrganisationConfig
    discourse: DiscourseConfig | None = None
    discord: DiscordConfig | None = None
    database: DatabaseConfig = DatabaseConfig()
    web: WebConfig = WebConfig()
    groups: tuple[GroupConfig, ...] = Field(min_length=1)
    watch: tuple[WatchConfig, ...] = ()
    follow_up: FollowUpConfig = FollowUpConfig()
    outbox: OutboxConfig = OutboxConfig()
    reminders: RemindersConfig = RemindersConfig()
    logging: LoggingConfig = LoggingConfig()

    @model_validator(mode="after")
    def _consistent(self) -> Config:
        slugs = [g.slug for g in self.groups]
        dupes = sorted({s for s in slugs if slugs.count(s) > 1})
        if dupes:
            raise ValueError(f"group slugs must be unique; repeated: {', '.join(dupes)}")
        for index, watch in enumerate(self.watch):
            unknown = [s for s in watch.groups or () if s not in slugs]
            if unknown:
                raise ValueError(f"watch[{index}].groups names unknown group(s): {', '.join(unknown)}")
        if self.watch and self.discourse is None:
            raise ValueError("[[watch]] needs a [discourse] section with the forum's url")
        return self

    def group(self, slug: str) -> GroupConfig | None:
        return next((g for g in self.groups if g.slug == slug), None)


@dataclass(frozen=True)
class Secrets:
    """Credentials from the environment; repr never shows them."""

    discord_token: str | None = field(default=None, repr=False)
    discourse_api_key: str | None = field(default=None, repr=False)
    webhook_secret: str | None = field(default=None, repr=False)

    ENV = {
        "discord_token": "COOPBOT_DISCORD_TOKEN",
        "discourse_api_key": "COOPBOT_DISCOURSE_API_KEY",
        "webhook_secret": "COOPBOT_WEBHOOK_SECRET",
    }

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Secrets:
        env = os.environ if environ is None else environ
        return cls(**{name: env.get(var) or None for name, var in cls.ENV.items()})

    def values(self) -> list[str]:
        return [v for v in (self.discord_token, self.discourse_api_key, self.webhook_secret) if v]


def default_config_path() -> Path:
    return Path(os.environ.get("COOPBOT_CONFIG") or DEFAULT_CONFIG)


def database_url(config: Config, config_path: Path) -> str:
    """The configured URL, with SQLite paths made relative to the config file."""
    url = config.database.url or "sqlite:///coopbot.db"
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        relative = url.removeprefix("sqlite:///")
        if relative and relative != ":memory:":
            return "sqlite:///" + str((config_path.resolve().parent / relative))
    return url


def load_config(path: Path) -> Config:
    """Read and validate; raises ConfigError listing every problem found."""
    from bot.config_problems import validate_file

    return validate_file(path)
