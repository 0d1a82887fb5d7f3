# tests.discord_fakes first: it imports discord with the audioop warning silenced
from tests.discord_fakes import DISCORD, FakeInteraction, FakeUser, ctx, invoke, sqlite_context  # noqa: F401, I001

from datetime import datetime, timezone

import discord

from bot.services.permissions import Actor
from cogs.common import GroupName
from cogs.groups import PAGE_SIZE, GroupsCog, Pager
from tests.factories import GROUPS


async def test_groups_lists_every_group_privately(ctx):
    cog = GroupsCog(ctx)
    interaction = await invoke(GroupsCog.groups, cog, FakeInteraction(ctx, FakeUser(555)))
    sent = interaction.last
    assert sent.kind == "response" and sent.ephemeral and sent.view is None
    names = [f.name for f in sent.embed.fields]
    assert names[0] == "Board · closed" and "Communications Group · open" in names
    assert "Elections next year." in interaction.text() and "Drivers: John" in interaction.text()


async def test_groups_are_paged_when_long(tmp_path, clock):
    many = [{"slug": f"g{i:02d}", "name": f"Group {i:02d}"} for i in range(PAGE_SIZE + 3)]
    context = sqlite_context(tmp_path, clock, groups=many)
    try:
        interaction = await invoke(GroupsCog.groups, GroupsCog(context), FakeInteraction(context, FakeUser(1)))
    finally:
        context.app.close()
    pager = interaction.last.view
    assert isinstance(pager, Pager) and len(pager.pages) == 2
    assert len(interaction.last.embed.fields) == PAGE_SIZE and pager.previous.disabled
    press = FakeInteraction(context, FakeUser(1))
    await pager.next.callback(press)
    assert press.last.kind == "edit" and [f.name for f in press.last.embed.fields][0].startswith("Group 10")
    assert pager.next.disabled and not pager.previous.disabled


async def test_answers_in_the_users_language_else_the_servers_else_the_organisations(ctx):
    cog = GroupsCog(ctx)
    norwegian = await invoke(GroupsCog.groups, cog, FakeInteraction(ctx, FakeUser(1), locale="no"))
    assert norwegian.last.embed.title == "Arbeidsgrupper"
    dutch_server = await invoke(GroupsCog.groups, cog, FakeInteraction(ctx, FakeUser(1), locale="ja",
                                                                       guild_locale="nl"))
    assert dutch_server.last.embed.title == "Werkgroepen"
    neither = await invoke(GroupsCog.groups, cog, FakeInteraction(ctx, FakeUser(1), locale="ja"))
    assert neither.last.embed.title == "Working groups"


async def test_group_info_shows_details_and_hides_the_roster_from_outsiders(ctx):
    cog = GroupsCog(ctx)
    outsider = await invoke(GroupsCog.info, cog, FakeInteraction(ctx, FakeUser(555)), group="comms")
    assert outsider.last.ephemeral and "members commit to one year" in outsider.text()
    assert "<#5001>" in outsider.text() and "Roster of" not in outsider.text()
    driver = await invoke(GroupsCog.info, cog, FakeInteraction(ctx, FakeUser(1001)), group="comms")
    assert "Roster of Communications Group" in driver.text() and "John — driver since" in driver.text()


async def test_roster_is_refused_ephemerally_when_hidden(ctx):
    cog = GroupsCog(ctx)
    refused = await invoke(GroupsCog.roster, cog, FakeInteraction(ctx, FakeUser(555)), group="events")
    assert refused.last.ephemeral and refused.last.content == \
        "The roster of Events is only visible to its members or drivers."
    public = await invoke(GroupsCog.roster, cog, FakeInteraction(ctx, FakeUser(555)), group="policy")
    assert public.last.embed.title == "Roster of Policy Group"
    admin = await invoke(GroupsCog.roster, cog, FakeInteraction(ctx, FakeUser(4, roles=(DISCORD["admin_role"],))),
                         group="events")
    assert admin.last.embed.description == "Nobody is in this group yet."


async def test_unknown_and_hostile_group_names_get_an_escaped_ephemeral_error(ctx):
    cog = GroupsCog(ctx)
    answer = await invoke(GroupsCog.info, cog, FakeInteraction(ctx, FakeUser(5)), group="**@everyone** <@&99>")
    assert answer.last.ephemeral
    assert "@everyone" not in answer.last.content.replace("@\u200beveryone", "")
    assert "<@&99>" not in answer.last.content and "\\*\\*" in answer.last.content


async def test_autocomplete_is_fuzzy_and_shows_status(ctx):
    transformer = GroupName()
    interaction = FakeInteraction(ctx, FakeUser(5))
    choices = await transformer.autocomplete(interaction, "comms grp")
    assert choices[0].value == "comms" and choices[0].name == "Communications Group · open"
    assert [c.value for c in await transformer.autocomplete(interaction, "bord")][:1] == ["board"]
    assert len(await transformer.autocomplete(interaction, "")) == len(GROUPS)
    assert all(len(c.name) <= 100 for c in await transformer.autocomplete(interaction, "x" * 500))


async def test_mygroups_lists_memberships_and_pending(ctx):
    cog = GroupsCog(ctx)
    empty = await invoke(GroupsCog.mygroups, cog, FakeInteraction(ctx, FakeUser(555)))
    assert "You are not in any group" in empty.text()
    person = await ctx.run(ctx.identity.ensure_discord_person, 555, "Kari")
    joined = await ctx.run(ctx.membership.join, person, "comms", ref="a")
    await ctx.run(ctx.app.signups.set_status, joined.signup_id, "joined", Actor.operator())
    await ctx.run(ctx.membership.join, person, "moderation", ref="b")
    mine = await invoke(GroupsCog.mygroups, cog, FakeInteraction(ctx, FakeUser(555)))
    assert mine.last.ephemeral
    assert "Communications Group — member since" in mine.text()
    assert "Forum Moderation — on the waiting list since" in mine.text()


def test_next_meeting_provider_is_shown(tmp_path, clock):
    from bot.discord_runtime.context import BotContext
    from cogs.groups import overview_pages

    context = sqlite_context(tmp_path, clock)
    when = datetime(2026, 3, 9, 18, 0, tzinfo=timezone.utc)
    try:
        richer = BotContext.from_app(context.app, next_meeting=lambda slug: when if slug == "comms" else None)
        pages = overview_pages(richer.directory.overview(), context.catalogs.translator("en"))
    finally:
        context.app.close()
    text = "\n".join(f.value for f in pages[0].fields)
    assert text.count("Next meeting:") == 1 and "<t:1773079200:f>" in text
