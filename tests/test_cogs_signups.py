# tests.discord_fakes first: it imports discord with the audioop warning silenced
from tests.discord_fakes import FakeInteraction, FakeUser, ctx, invoke, sqlite_context  # noqa: F401, I001

import discord

from bot.discord_runtime.components import SignUpButton, build_message
from bot.discord_runtime.context import BotContext
from bot.services.signups import SignUpRequest
from cogs.signups import SignUpsCog

JOHN, CALEB, KARI = 1001, 1002, 555  # John drives comms, Caleb drives policy


def forum_signup(context: BotContext, group: str = "comms", *, review: bool = False) -> int:
    app = context.app
    with app.db.session() as session:
        person = app.people.ensure(session, discourse_username="kari", display_name="Kari *N*")
        [signup] = app.signups.record(session, person, SignUpRequest(
            intent="join", group_slugs=(group,), source="forum", source_ref=f"{group}{review}",
            evidence="count me in @everyone", needs_review=review, confidence=0.5 if review else 1.0))
        return signup.id


async def press(context: BotContext, user: FakeUser, custom_id: str) -> FakeInteraction:
    """What discord.py does on a click: rebuild the item from its custom id, then call it."""
    match = SignUpButton.__discord_ui_compiled_template__.fullmatch(custom_id)
    interaction = FakeInteraction(context, user, custom_id=custom_id)
    item = discord.ui.Button(custom_id=custom_id, label="x")
    button = await SignUpButton.from_custom_id(interaction, item, match)
    await button.callback(interaction)
    return interaction


def status(context: BotContext, signup_id: int) -> str:
    return [v for v in context.app.listings.signups() if v.id == signup_id][0].status


async def test_driver_presses_and_the_message_is_re_rendered(ctx):
    signup = forum_signup(ctx)
    done = await press(ctx, FakeUser(JOHN), f"coopbot:signup:{signup}:contacted")
    assert status(ctx, signup) == "contacted"
    assert done.last.kind == "edit" and "contacted" in done.last.content
    ids = [item.custom_id for item in done.last.view.children]
    assert ids == [f"coopbot:signup:{signup}:joined", f"coopbot:signup:{signup}:declined"]
    final = await press(ctx, FakeUser(JOHN), f"coopbot:signup:{signup}:joined")
    assert status(ctx, signup) == "joined" and final.last.view is None  # no buttons once final


async def test_driver_of_another_group_is_refused_ephemerally(ctx):
    signup = forum_signup(ctx)
    refused = await press(ctx, FakeUser(CALEB), f"coopbot:signup:{signup}:joined")
    assert refused.last.kind == "response" and refused.last.ephemeral
    assert refused.last.content == "Only the group's drivers and coopbot admins can do that."
    member = await press(ctx, FakeUser(KARI), f"coopbot:signup:{signup}:declined")
    assert member.last.ephemeral and status(ctx, signup) == "pending"


async def test_admin_by_config_may_press(ctx):
    signup = forum_signup(ctx)
    await press(ctx, FakeUser(7777), f"coopbot:signup:{signup}:declined")
    assert status(ctx, signup) == "declined"


async def test_review_buttons_confirm_or_dismiss(ctx):
    maybe = forum_signup(ctx, review=True)
    card = await press(ctx, FakeUser(JOHN), f"coopbot:signup:{maybe}:confirm")
    assert status(ctx, maybe) == "pending" and len(card.last.view.children) == 3
    other = forum_signup(ctx, "policy", review=True)
    await press(ctx, FakeUser(CALEB), f"coopbot:signup:{other}:dismiss")
    assert status(ctx, other) == "withdrawn"


async def test_buttons_work_after_a_restart(tmp_path, clock):
    before = sqlite_context(tmp_path, clock)
    signup = forum_signup(before)
    before.app.close()
    after = sqlite_context(tmp_path, clock)  # a new process: new app, new context, same database
    try:
        await press(after, FakeUser(JOHN), f"coopbot:signup:{signup}:joined")
        assert status(after, signup) == "joined"
    finally:
        after.app.close()


async def test_pressing_on_a_vanished_signup_explains(ctx):
    gone = await press(ctx, FakeUser(JOHN), "coopbot:signup:999:joined")
    assert gone.last.ephemeral and gone.last.content == "Sign-up #999 does not exist (any more)."


async def test_signups_command_shows_only_the_drivers_groups_with_buttons(ctx):
    forum_signup(ctx, "comms")
    forum_signup(ctx, "policy")
    cog = SignUpsCog(ctx)
    john = await invoke(SignUpsCog.signups, cog, FakeInteraction(ctx, FakeUser(JOHN)))
    assert [s.kind for s in john.sent] == ["defer", "followup", "followup"]
    assert all(s.ephemeral for s in john.sent)
    card = john.sent[-1]
    assert "Communications Group" in card.content and "Policy" not in card.content
    assert "\\*N\\*" in card.content and "@everyone" not in card.content.replace("@\u200beveryone", "")
    assert [i.custom_id.rsplit(":", 1)[1] for i in card.view.children] == ["contacted", "joined", "declined"]
    refused = await invoke(SignUpsCog.signups, cog, FakeInteraction(ctx, FakeUser(CALEB)), group="comms")
    assert refused.last.ephemeral and "Only the group's drivers" in refused.last.content
    member = await invoke(SignUpsCog.signups, cog, FakeInteraction(ctx, FakeUser(KARI)))
    assert member.last.ephemeral and "Only the group's drivers" in member.last.content


async def test_signups_command_with_nothing_open(ctx):
    none = await invoke(SignUpsCog.signups, SignUpsCog(ctx), FakeInteraction(ctx, FakeUser(CALEB)))
    assert none.last.content == "No open sign-ups for the groups you drive." and none.last.ephemeral


def test_payload_buttons_become_the_registered_dynamic_items():
    parts = build_message({"text": "hi", "title": "New *sign-up*", "buttons": [
        {"custom_id": "coopbot:signup:12:joined", "label": "Added", "style": "success"},
        {"custom_id": "coopbot:poll:3:1", "label": "Tue", "style": "primary"}]})
    assert parts.content == "**New \\*sign-up\\***\nhi"
    first, second = parts.view.children
    assert isinstance(first, SignUpButton) and (first.signup_id, first.action) == (12, "joined")
    assert first.item.style is discord.ButtonStyle.success and second.custom_id == "coopbot:poll:3:1"
    assert build_message({"text": ""}).content is None


class Answers:
    def __init__(self):
        self.calls = []

    def volunteer_answer(self, signup_id, answer, *, person_id):
        self.calls.append((signup_id, answer, person_id))


async def test_volunteer_answer_button_calls_follow_up_with_the_pressers_person(ctx):
    from bot.discord_runtime.components import AskButton

    ctx.followup = Answers()
    custom_id = "coopbot:ask:7:no"
    interaction = FakeInteraction(ctx, FakeUser(KARI), custom_id=custom_id)
    match = AskButton.__discord_ui_compiled_template__.fullmatch(custom_id)
    button = await AskButton.from_custom_id(interaction, discord.ui.Button(custom_id=custom_id), match)
    await button.callback(interaction)
    person = await ctx.run(ctx.identity.ensure_discord_person, KARI, "x")
    assert ctx.followup.calls == [(7, False, person)]
    assert interaction.last.kind == "edit" and interaction.last.view is None
