# tests.discord_fakes first: it imports discord with the audioop warning silenced
from tests.discord_fakes import FakeInteraction, FakeUser, ctx, invoke  # noqa: F401, I001

from datetime import datetime, timedelta, timezone

import discord

from bot.services.meeting_suite import meeting_suite
from bot.services.permissions import Actor
from cogs.meeting_views import DYNAMIC_ITEMS, MinutesModal
from cogs.meetings import MeetingsCog

UTC = timezone.utc
JOHN, KARI = 1001, 555  # John drives comms (channel 5001)


async def press(context, user, custom_id):
    """What discord.py does on a click: find the template, rebuild the item, call it."""
    interaction = FakeInteraction(context, user, custom_id=custom_id)
    for item_type in DYNAMIC_ITEMS:
        match = item_type.__discord_ui_compiled_template__.fullmatch(custom_id)
        if match:
            item = await item_type.from_custom_id(interaction, discord.ui.Button(custom_id=custom_id), match)
            await item.callback(interaction)
            return interaction
    raise AssertionError(f"no dynamic item for {custom_id}")


async def test_schedule_echoes_dates_and_saves_on_confirm(ctx):
    cog = MeetingsCog(ctx)
    asked = await invoke(cog.schedule, cog, FakeInteraction(ctx, FakeUser(JOHN)), group="comms",
                         when="fortnightly on Thursday at 14:00", duration="1h30m", place="Zoom")
    assert asked.last.ephemeral and "<t:1772719200:F>" in asked.last.content  # Thursday 5 March 14:00 UTC
    assert meeting_suite(ctx.app).meetings.upcoming(30) == []
    view = asked.last.view
    confirm = FakeInteraction(ctx, FakeUser(JOHN))
    await view.save.callback(confirm)
    assert confirm.last.kind == "edit" and confirm.last.content.startswith("Saved.")
    [first, *_] = meeting_suite(ctx.app).meetings.upcoming(30)
    assert (first.start, first.end - first.start, first.place) == (
        datetime(2026, 3, 5, 14, tzinfo=UTC), timedelta(hours=1, minutes=30), "Zoom")


async def test_unclear_phrase_offers_readings_and_strangers_cannot_save(ctx):
    cog = MeetingsCog(ctx)
    asked = await invoke(cog.schedule, cog, FakeInteraction(ctx, FakeUser(KARI)), group="comms",
                         when="every second Tuesday at 19:00")
    options = asked.last.view.children
    assert len(options) == 2
    chose = FakeInteraction(ctx, FakeUser(KARI))
    await options[0].callback(chose)
    assert chose.last.kind == "edit" and "<t:" in chose.last.content
    refused = FakeInteraction(ctx, FakeUser(KARI))
    await chose.last.view.save.callback(refused)
    assert refused.last.ephemeral and "drivers" in refused.last.content
    bad = await invoke(cog.schedule, cog, FakeInteraction(ctx, FakeUser(JOHN)), group="comms", when="when pigs fly")
    assert "Phrases that work" in bad.last.content


async def test_poll_votes_and_booking_through_buttons(ctx):
    cog = MeetingsCog(ctx)
    made = await invoke(cog.poll, cog, FakeInteraction(ctx, FakeUser(JOHN)), group="comms",
                        dates="10 March 2026 at 19:00; 12 March 2026 at 18:00", deadline="2d")
    assert made.last.ephemeral and "Poll #1" in made.last.content
    voted = await press(ctx, FakeUser(KARI), "coopbot:poll:1:1")
    assert voted.last.kind == "edit"
    assert [f.value for f in voted.last.embed.fields] == ["0 vote(s)", "1 vote(s)"]
    refused = await press(ctx, FakeUser(KARI), "coopbot:book:1:1")
    assert refused.last.ephemeral and "drivers" in refused.last.content
    booked = await press(ctx, FakeUser(JOHN), "coopbot:book:1:1")
    assert "Booked" in booked.last.embed.description and booked.last.view is None
    late = await press(ctx, FakeUser(KARI), "coopbot:poll:1:0")
    assert late.last.ephemeral and "closed" in late.last.content
    status = await invoke(cog.poll_status, cog, FakeInteraction(ctx, FakeUser(KARI)), group="comms")
    assert "no open polls" in status.last.content


async def test_minutes_button_opens_a_form_and_the_link_is_shown(ctx):
    suite = meeting_suite(ctx.app)
    suite.meetings.schedule("comms", "every Monday at 10:00", Actor.operator())
    ctx.app.clock.advance(timedelta(hours=2, minutes=5))  # the 10:00 meeting has ended
    suite.reminders.tick()
    interaction = FakeInteraction(ctx, FakeUser(JOHN), custom_id="coopbot:minutes:1")
    shown = []

    async def send_modal(modal):
        shown.append(modal)

    interaction.response.send_modal = send_modal
    [item_type] = [t for t in DYNAMIC_ITEMS if t.__name__ == "MinutesButton"]
    match = item_type.__discord_ui_compiled_template__.fullmatch("coopbot:minutes:1")
    button = await item_type.from_custom_id(interaction, discord.ui.Button(custom_id="coopbot:minutes:1"), match)
    await button.callback(interaction)
    [modal] = shown
    assert isinstance(modal, MinutesModal)
    modal.link._value = "https://forum.example.coop/t/minutes-2-march/99"
    submitted = FakeInteraction(ctx, FakeUser(JOHN))
    await modal.on_submit(submitted)
    assert submitted.last.content == "Thanks, the minutes are linked."
    cog = MeetingsCog(ctx)
    shown_minutes = await invoke(cog.minutes, cog, FakeInteraction(ctx, FakeUser(KARI)), group="comms")
    assert "https://forum.example.coop/t/minutes-2-march/99" in shown_minutes.last.embed.description


async def test_listing_reminders_and_cancelling(ctx):
    cog = MeetingsCog(ctx)
    meeting_suite(ctx.app).meetings.schedule("comms", "every Monday at 10:00", Actor.operator(), place="Zoom")
    listed = await invoke(cog.meetings, cog, FakeInteraction(ctx, FakeUser(KARI)))
    assert listed.last.embed.description.count("Communications Group") == 5
    nxt = await invoke(cog.next, cog, FakeInteraction(ctx, FakeUser(KARI)), group="comms")
    assert "<t:1772445600:F>" in nxt.last.content  # today, 2 March 10:00 UTC
    remind = await invoke(cog.remind, cog, FakeInteraction(ctx, FakeUser(JOHN)), group="comms", state="on")
    assert "You will get a DM" in remind.last.content
    refused = await invoke(cog.remind, cog, FakeInteraction(ctx, FakeUser(KARI)), group="comms", state="on")
    assert refused.last.ephemeral and "Only members" in refused.last.content
    cancelled = await invoke(cog.cancel, cog, FakeInteraction(ctx, FakeUser(JOHN)), group="comms", date="2026-03-09")
    assert "Cancelled the meeting" in cancelled.last.content
    moved = await invoke(cog.move, cog, FakeInteraction(ctx, FakeUser(JOHN)), group="comms", date="2026-03-16",
                         to="17 March 2026 at 15:00")
    assert "<t:1773759600:F>" in moved.last.content
