"""What cogs and buttons read services from: no globals, one object.

`BotContext` wraps the `App` with the Discord-facing services and the
catalogs, runs blocking service calls off the event loop, and decides who
is asking (`actor_for`) and in which language to answer (`translator_for`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import discord

from bot.app import App
from bot.i18n import Catalogs, Translator, load_catalogs
from bot.notifications.render import render_driver_dm
from bot.services.directory import DirectoryService, NextMeeting, no_meetings
from bot.services.identity import IdentityService
from bot.services.listings import SignUpView
from bot.services.membership import MembershipService
from bot.services.permissions import Actor
from bot.services.privacy import PrivacyService

log = logging.getLogger(__name__)

T = TypeVar("T")
SERVICE_TIMEOUT = 30.0


class SignUpRenderer(Protocol):
    def __call__(self, view: SignUpView, t: Translator, *, forum_url: str | None) -> dict[str, Any]: ...


class VolunteerAnswers(Protocol):
    def volunteer_answer(self, signup_id: int, answer: bool, *, person_id: int | None) -> Any: ...


@dataclass
class BotContext:
    app: App
    catalogs: Catalogs
    identity: IdentityService
    directory: DirectoryService
    membership: MembershipService
    privacy: PrivacyService
    render_signup: SignUpRenderer | None = None  # default from_app: the driver DM renderer
    followup: VolunteerAnswers | None = None
    timeout: float = SERVICE_TIMEOUT

    @classmethod
    def from_app(
        cls,
        app: App,
        *,
        catalogs: Catalogs | None = None,
        next_meeting: NextMeeting = no_meetings,
        render_signup: SignUpRenderer | None = None,
        followup: VolunteerAnswers | None = None,
    ) -> BotContext:
        catalogs = catalogs or load_catalogs()
        config = app.config
        forum_url = config.discourse.url if config.discourse else None
        return cls(
            app=app,
            catalogs=catalogs,
            identity=IdentityService(app.db, app.clock, app.people, catalogs,
                                     default_locale=config.organisation.locale),
            directory=DirectoryService(app.db, app.clock, app.groups, app.listings,
                                       public_url=config.web.public_url, forum_url=forum_url,
                                       next_meeting=next_meeting),
            membership=MembershipService(app.db, app.clock, app.signups),
            privacy=PrivacyService(app.db, app.clock, app.people),
            render_signup=render_signup or render_driver_dm,
            followup=followup,
        )

    @property
    def forum_url(self) -> str | None:
        return self.app.config.discourse.url if self.app.config.discourse else None

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a blocking service call in a worker thread, with a timeout."""
        return await asyncio.wait_for(asyncio.to_thread(fn, *args, **kwargs), self.timeout)

    def translator_for(self, interaction: discord.Interaction) -> Translator:
        """The user's Discord language if we speak it, else the server's, else the organisation's."""
        org = self.app.config.organisation.locale
        for locale in (interaction.locale, interaction.guild_locale):
            value = getattr(locale, "value", locale)
            found = self.catalogs.resolve_locale(value) if value else None
            if found:
                return self.catalogs.translator(found, fallback=org)
        return self.catalogs.translator(org, fallback=org)

    def is_admin(self, user: discord.abc.User) -> bool:
        settings = self.app.config.discord
        if settings is None:
            return False
        if user.id in settings.admins:
            return True
        roles = getattr(user, "roles", ())
        return settings.admin_role is not None and any(role.id == settings.admin_role for role in roles)

    async def actor_for(self, interaction: discord.Interaction) -> Actor:
        """The Person behind the interaction (created on first contact), with admin rights from config."""
        user = interaction.user
        person_id = await self.run(self.identity.ensure_discord_person, user.id, user.display_name or user.name)
        return Actor(person_id=person_id, is_admin=self.is_admin(user), label=f"discord:{user.id}")
