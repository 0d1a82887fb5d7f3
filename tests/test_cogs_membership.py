# tests.discord_fakes first: it imports discord with the audioop warning silenced
from tests.discord_fakes import FakeInteraction, FakeUser, ctx, invoke  # noqa: F401, I001

from cogs.admin import AdminCog
from cogs.identity import IdentityCog
from cogs.membership import MembershipCog


async def test_join_records_a_discord_signup_and_confirms_privately(ctx):
    cog = MembershipCog(ctx)
    done = await invoke(MembershipCog.join, cog, FakeInteraction(ctx, FakeUser(555, "Kari")), group="comms",
                        note="Tuesdays")
    assert done.last.ephemeral and done.last.content.startswith("Thanks! Your sign-up for Communications Group")
    [view] = ctx.app.listings.signups()
    assert (view.source, view.group, view.discord_id, view.display_name) == ("discord", "comms", 555, "Kari")
    again = await invoke(MembershipCog.join, cog, FakeInteraction(ctx, FakeUser(555)), group="comms")
    assert again.last.ephemeral and "already signed up" in again.last.content


async def test_join_closed_and_planned_in_the_users_language(ctx):
    cog = MembershipCog(ctx)
    closed = await invoke(MembershipCog.join, cog, FakeInteraction(ctx, FakeUser(555), locale="sv-SE"), group="board")
    assert closed.last.ephemeral and closed.last.content == \
        "Board tar inte emot nya medlemmar just nu. Elections next year."
    planned = await invoke(MembershipCog.join, cog, FakeInteraction(ctx, FakeUser(555), locale="nl"),
                           group="moderation")
    assert "wachtlijst" in planned.last.content


async def test_leave_and_leave_without_membership(ctx):
    cog = MembershipCog(ctx)
    nothing = await invoke(MembershipCog.leave, cog, FakeInteraction(ctx, FakeUser(555)), group="policy")
    assert nothing.last.ephemeral and "not a member" in nothing.last.content
    await invoke(MembershipCog.join, cog, FakeInteraction(ctx, FakeUser(555)), group="policy")
    left = await invoke(MembershipCog.leave, cog, FakeInteraction(ctx, FakeUser(555)), group="policy")
    assert left.last.content.startswith("You have left Policy Group")
    assert [v.status for v in ctx.app.listings.signups()] == ["withdrawn", "left"]


async def test_link_then_confirm_merges_with_the_forum_person(ctx):
    with ctx.app.db.session() as session:
        forum = ctx.app.people.ensure(session, discourse_username="kari").id
    ctx.identity._code_factory = lambda: "ABCD2345"  # the test reads the code the forum PM would carry
    cog = IdentityCog(ctx)
    sent = await invoke(IdentityCog.link, cog, FakeInteraction(ctx, FakeUser(555)), username="kari")
    assert sent.last.ephemeral and "/link-confirm" in sent.last.content
    wrong = await invoke(IdentityCog.link_confirm, cog, FakeInteraction(ctx, FakeUser(555)), code="AAAA")
    assert wrong.last.ephemeral and "not right" in wrong.last.content
    done = await invoke(IdentityCog.link_confirm, cog, FakeInteraction(ctx, FakeUser(555)), code="abcd2345")
    assert done.last.ephemeral and "linked to the forum account kari" in done.last.content
    with ctx.app.db.session() as session:
        assert ctx.app.people.by_discord(session, 555).id == forum


async def test_admin_sync_is_refused_for_non_admins_and_reports_config_errors(ctx, tmp_path):
    cog = AdminCog(ctx)
    refused = await invoke(AdminCog.sync, cog, FakeInteraction(ctx, FakeUser(555)))
    assert refused.last.ephemeral and refused.last.content == "Only coopbot admins can do that."
    broken = tmp_path / "broken.toml"
    broken.write_text("[organisation]\n", encoding="utf-8")
    ctx.app.config_path = broken
    error = await invoke(AdminCog.sync, cog, FakeInteraction(ctx, FakeUser(7777)))
    assert error.last.ephemeral and error.last.content.startswith("The config file has problems")
