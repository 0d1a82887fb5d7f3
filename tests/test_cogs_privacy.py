# tests.discord_fakes first: it imports discord with the audioop warning silenced
from tests.discord_fakes import FakeInteraction, FakeUser, ctx, invoke  # noqa: F401, I001

import json

from cogs.membership import MembershipCog
from cogs.privacy import ConfirmForget, PrivacyCog


async def test_export_is_sent_as_a_dm_file(ctx):
    await invoke(MembershipCog.join, MembershipCog(ctx), FakeInteraction(ctx, FakeUser(555, "Kari")),
                 group="comms", note="hello")
    user = FakeUser(555, "Kari")
    done = await invoke(PrivacyCog.export, PrivacyCog(ctx), FakeInteraction(ctx, user))
    assert done.last.ephemeral and done.last.content == "I have sent you a direct message with your data."
    [dm] = user.dms
    data = json.loads(dm.file.fp.read())
    assert data["person"]["discord_id"] == 555 and data["signups"][0]["note"] == "hello"


async def test_export_with_closed_dms_comes_in_the_private_answer(ctx):
    done = await invoke(PrivacyCog.export, PrivacyCog(ctx), FakeInteraction(ctx, FakeUser(555, dms_open=False)))
    assert done.last.ephemeral and done.last.file is not None


async def test_forget_needs_the_confirmation_button_of_the_same_person(ctx):
    await invoke(MembershipCog.join, MembershipCog(ctx), FakeInteraction(ctx, FakeUser(555, "Kari")),
                 group="comms", note="hello")
    asked = await invoke(PrivacyCog.forget, PrivacyCog(ctx), FakeInteraction(ctx, FakeUser(555)))
    view = asked.last.view
    assert asked.last.ephemeral and isinstance(view, ConfirmForget)
    assert ctx.app.listings.signups()[0].display_name == "Kari"  # nothing erased before the press
    assert not await view.interaction_check(FakeInteraction(ctx, FakeUser(666)))
    press = FakeInteraction(ctx, FakeUser(555))
    await view.confirm.callback(press)
    assert press.last.kind == "edit" and "erased" in press.last.content and press.last.view is None
    [signup] = ctx.app.listings.signups()
    assert (signup.display_name, signup.discord_id, signup.status) == ("", None, "withdrawn")


async def test_forget_cancelled_erases_nothing(ctx):
    asked = await invoke(PrivacyCog.forget, PrivacyCog(ctx), FakeInteraction(ctx, FakeUser(555, "Kari")))
    press = FakeInteraction(ctx, FakeUser(555))
    await asked.last.view.cancel.callback(press)
    assert press.last.content == "Nothing was erased."
    with ctx.app.db.session() as session:
        assert ctx.app.people.by_discord(session, 555).display_name == "Kari"
