# tests.discord_fakes first: it imports discord with the audioop warning silenced
from tests.discord_fakes import FakeInteraction, FakeUser, ctx, sqlite_context  # noqa: F401, I001

import logging
from types import SimpleNamespace

import discord
import pytest

from cogs.meeting_views import BookButton, MinutesButton, PollButton
from discord import app_commands

from bot.discord_runtime.client import CoopBot
from bot.discord_runtime.components import AskButton, SignUpButton
from bot.discord_runtime.replies import report_error
from bot.discord_runtime.tree import CatalogTranslator
from bot.errors import NotFoundError

COMMANDS = {"group info", "groups", "roster", "mygroups", "join", "leave", "signups", "link", "link-confirm",
            "privacy export", "privacy forget", "coopbot sync",
            "meeting next", "meeting schedule", "meeting cancel", "meeting move", "meeting remind", "meeting poll",
            "meeting poll-status", "meetings", "minutes"}


@pytest.fixture
async def bot(ctx):
    client = CoopBot(ctx, sync=False)
    await client.setup_hook()
    yield client
    await client.close()


async def test_setup_loads_every_command_once_and_registers_persistent_buttons(bot):
    names = [c.qualified_name for c in bot.tree.walk_commands() if not isinstance(c, app_commands.Group)]
    assert sorted(names) == sorted(COMMANDS)
    dynamic = set(bot._connection._view_store._dynamic_items.values())  # noqa: SLF001 - no public accessor
    assert {SignUpButton, AskButton, PollButton, BookButton, MinutesButton} <= dynamic


def test_no_privileged_intents_and_no_mentions(ctx):
    client = CoopBot(ctx, sync=False)
    intents = client.intents
    assert intents.guilds and not (intents.members or intents.presences or intents.message_content)
    mentions = client.allowed_mentions
    assert not (mentions.everyone or mentions.roles or mentions.users)


async def test_guild_sync_copies_commands_to_the_configured_guild(tmp_path, clock):
    context = sqlite_context(tmp_path, clock, discord={"guild_id": 42, "coordinator_channel": 1,
                                                       "command_sync": "guild"})
    client = CoopBot(context)
    calls = []

    async def fake_sync(*, guild=None):
        calls.append(guild)
        return [SimpleNamespace(name=c.name) for c in client.tree.get_commands(guild=guild)]

    client.tree.sync = fake_sync
    try:
        await client.setup_hook()
        assert [g.id for g in calls] == [42]
        assert {c.name for c in client.tree.get_commands(guild=discord.Object(42))} >= {"groups", "join"}
    finally:
        await client.close()
        context.app.close()


async def test_descriptions_are_translated_and_fit_discords_limit(ctx):
    translator = CatalogTranslator(ctx.catalogs)
    desc = app_commands.locale_str("List every working group", key="cmd.groups")
    assert await translator.translate(desc, discord.Locale.norwegian, None) == \
        "Vis alle arbeidsgrupper med status, ansvarlige og medlemmer"
    assert await translator.translate(desc, discord.Locale.american_english, None) is None
    assert await translator.translate(desc, discord.Locale.japanese, None) is None
    for language, messages in ctx.catalogs.messages.items():
        long = [k for k, v in messages.items() if k.startswith("cmd.") and not 1 <= len(v) <= 100]
        assert long == [], language


async def test_errors_answer_via_followup_when_already_answered(ctx, caplog):
    interaction = FakeInteraction(ctx, FakeUser(5))
    await interaction.response.defer(ephemeral=True)
    with caplog.at_level(logging.ERROR, logger="bot.discord_runtime.replies"):
        await report_error(ctx, interaction, app_commands.CommandInvokeError(
            SimpleNamespace(name="x", qualified_name="x"), RuntimeError("boom")))
    assert interaction.last.kind == "followup" and interaction.last.ephemeral
    assert interaction.last.content == "Something went wrong on our side; it has been logged. Please try again later."
    assert "user 5" in caplog.text and "guild 42" in caplog.text


async def test_user_facing_error_parameters_are_escaped(ctx):
    interaction = FakeInteraction(ctx, FakeUser(5), locale="nl")
    await report_error(ctx, interaction, NotFoundError("error.unknown_group", name="@here *x*"))
    assert interaction.last.content == "Ik ken geen groep met de naam “@\u200bhere \\*x\\*”. " \
        "Gebruik /groups om ze allemaal te zien."


async def test_other_guilds_are_refused(bot, ctx):
    elsewhere = FakeInteraction(ctx, FakeUser(5), guild_id=99)
    assert not await bot.tree.interaction_check(elsewhere)
    assert elsewhere.last.ephemeral and "own co-op" in elsewhere.last.content
    assert await bot.tree.interaction_check(FakeInteraction(ctx, FakeUser(5), guild_id=None))


async def test_actor_is_admin_by_id_or_role(ctx):
    plain = await ctx.actor_for(FakeInteraction(ctx, FakeUser(5)))
    by_id = await ctx.actor_for(FakeInteraction(ctx, FakeUser(7777)))
    by_role = await ctx.actor_for(FakeInteraction(ctx, FakeUser(6, roles=(8888,))))
    assert (plain.is_admin, by_id.is_admin, by_role.is_admin) == (False, True, True)
    again = await ctx.actor_for(FakeInteraction(ctx, FakeUser(5)))
    assert again.person_id == plain.person_id and plain.label == "discord:5"
