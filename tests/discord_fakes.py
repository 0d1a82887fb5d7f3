"""Light hand-written fakes for testing cogs and buttons without Discord.

`FakeInteraction` records every answer (initial response, follow-ups,
edits, DMs) as `Sent` rows; tests call `command.callback(cog, interaction,
...)` directly, as discord.py's own dispatch would after parsing options.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    # discord.py imports the stdlib `audioop` (voice), deprecated since 3.11; under
    # `filterwarnings = error` that import would fail. Test modules import this file
    # before anything that imports discord.
    warnings.filterwarnings("ignore", message="'audioop' is deprecated", category=DeprecationWarning)
    import discord
from sqlmodel import SQLModel

from bot.clock import FakeClock
from bot.db import Database
from bot.discord_runtime.context import BotContext
from tests.factories import make_app, make_config

_ids = itertools.count(900_000_000_000_000_000)
DISCORD = {"guild_id": 42, "coordinator_channel": 43, "admins": [7777], "admin_role": 8888}


@dataclass
class Sent:
    kind: str  # response | followup | edit | dm | defer
    content: str | None = None
    ephemeral: bool = False
    embed: discord.Embed | None = None
    view: discord.ui.View | None = None
    file: discord.File | None = None


@dataclass
class FakeRole:
    id: int


class FakeUser:
    def __init__(self, user_id: int, name: str = "someone", *, roles: tuple[int, ...] = (),
                 dms_open: bool = True) -> None:
        self.id, self.name, self.display_name = user_id, name, name
        self.roles = [FakeRole(r) for r in roles]
        self.dms_open = dms_open
        self.dms: list[Sent] = []

    async def send(self, content: str | None = None, **kwargs: Any) -> None:
        if not self.dms_open:
            raise discord.Forbidden(FakeHTTPResponse(403), {"code": 50007, "message": "Cannot send messages"})
        self.dms.append(Sent("dm", content, embed=kwargs.get("embed"), file=kwargs.get("file")))


class FakeHTTPResponse:
    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status, self.reason, self.headers = status, "fake", headers or {}


class FakeResponse:
    def __init__(self, interaction: FakeInteraction) -> None:
        self._interaction = interaction
        self._done = False

    def is_done(self) -> bool:
        return self._done

    def _mark(self) -> None:
        if self._done:
            raise discord.InteractionResponded(self._interaction)  # type: ignore[arg-type]
        self._done = True

    async def send_message(self, content: str | None = None, *, ephemeral: bool = False,
                           embed: discord.Embed | None = None, view: discord.ui.View | None = None,
                           file: discord.File | None = None, **_: Any) -> None:
        self._mark()
        self._interaction.sent.append(Sent("response", content, ephemeral, embed, view, file))

    async def defer(self, *, ephemeral: bool = False, thinking: bool = False) -> None:
        self._mark()
        self._interaction.sent.append(Sent("defer", None, ephemeral))

    async def edit_message(self, *, content: str | None = None, embed: discord.Embed | None = None,
                           view: discord.ui.View | None = None, **_: Any) -> None:
        self._mark()
        self._interaction.sent.append(Sent("edit", content, False, embed, view))


class FakeFollowup:
    def __init__(self, interaction: FakeInteraction) -> None:
        self._interaction = interaction

    async def send(self, content: str | None = None, *, ephemeral: bool = False, embed: discord.Embed | None = None,
                   view: discord.ui.View | None = None, file: discord.File | None = None, **_: Any) -> None:
        self._interaction.sent.append(Sent("followup", content, ephemeral, embed, view, file))


class FakeClient:
    def __init__(self, context: BotContext) -> None:
        self.context = context


class FakeInteraction:
    def __init__(self, context: BotContext, user: FakeUser, *, locale: str = "en-US",
                 guild_locale: str | None = None, guild_id: int | None = 42,
                 custom_id: str | None = None) -> None:
        self.id = next(_ids)
        self.client = FakeClient(context)
        self.user = user
        self.locale = discord.Locale(locale)
        self.guild_locale = discord.Locale(guild_locale) if guild_locale else None
        self.guild_id = guild_id
        self.command = None
        self.data = {"custom_id": custom_id} if custom_id else {}
        self.message = None
        self.sent: list[Sent] = []
        self.response = FakeResponse(self)
        self.followup = FakeFollowup(self)

    @property
    def last(self) -> Sent:
        return self.sent[-1]

    def text(self) -> str:
        """Everything visible that was answered, for assertions on content."""
        parts = []
        for s in self.sent:
            parts.append(s.content or "")
            if s.embed is not None:
                parts += [s.embed.title or "", s.embed.description or ""]
                parts += [f"{f.name}\n{f.value}" for f in s.embed.fields]
        return "\n".join(parts)


def sqlite_context(tmp_path: Path, clock: FakeClock | None = None, **config: Any) -> BotContext:
    """A context on a fresh SQLite file with the test groups synced (cog tests need only one backend;
    the services themselves are tested on both)."""
    db = Database(f"sqlite:///{tmp_path / 'cogs.db'}")
    SQLModel.metadata.create_all(db.engine)
    sections = {"discord": DISCORD, **config}
    app = make_app(db, clock or FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)),
                   config=make_config(**sections))
    return BotContext.from_app(app)


@pytest.fixture
def ctx(tmp_path: Path, clock: FakeClock) -> Iterator[BotContext]:
    context = sqlite_context(tmp_path, clock)
    yield context
    context.app.close()


def person_id(context: BotContext, *, discourse: str | None = None, discord_id: int | None = None) -> int:
    with context.app.db.session() as session:
        people = context.app.people
        person = people.by_discourse(session, discourse) if discourse else people.by_discord(session, discord_id)
        assert person is not None
        return person.id


async def invoke(command: Any, cog: Any, interaction: FakeInteraction, **options: Any) -> FakeInteraction:
    """Call a slash command's callback as the tree would, errors going to the tree's handler."""
    from discord import app_commands

    from bot.discord_runtime.replies import report_error

    try:
        await command.callback(cog, interaction, **options)
    except Exception as exc:  # noqa: BLE001 - handed to the handler under test, like CommandTree does
        await report_error(cog.ctx, interaction, app_commands.CommandInvokeError(command, exc))
    return interaction
