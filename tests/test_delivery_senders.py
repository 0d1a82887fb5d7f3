import io
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from bot.delivery import ConsoleSender, DiscourseSender, OutgoingMessage, PermanentDeliveryError
from bot.delivery import TransientDeliveryError
from bot.i18n import load_catalogs
from bot.notifications.render import render_driver_dm
from bot.services.listings import SignUpView
from tests.sandbox_support import SleepRecorder, forum, make_gateway  # noqa: F401 - fixture

AT = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def message(channel: str, recipient: str, **payload) -> OutgoingMessage:
    payload.setdefault("text", "Hello from coopbot")
    return OutgoingMessage(id=7, kind="test", channel=channel, recipient=recipient, payload=payload,
                           key="signup:7:driver:3", attempt=1)


async def test_private_message_and_topic_carry_the_marker(forum):  # noqa: F811
    forum.add_user("AthertonJohn")
    sender = DiscourseSender(make_gateway(forum, SleepRecorder()))
    pm = await sender.deliver(message("discourse_pm", "AthertonJohn", title="New sign-up for Comms: Kari"))
    [sent] = forum.sent_private_messages
    assert sent.recipients == ("AthertonJohn",) and "<!-- coopbot:signup:7:driver:3 -->" in sent.raw
    assert pm.remote_ref == str(sent.post_id)
    topic = await sender.deliver(replace(message("discourse_topic", "", title="Agenda for the board meeting"),
                                         key="agenda:1"))
    assert "coopbot:agenda:1" in forum.post(int(topic.remote_ref)).raw
    again = await sender.deliver(replace(message("discourse_topic", "", title="Agenda for the board meeting"),
                                         key="agenda:1", attempt=2))
    assert again == topic  # found by its marker, not posted twice


async def test_forum_errors_become_delivery_errors(forum):  # noqa: F811
    sender = DiscourseSender(make_gateway(forum, SleepRecorder(), max_attempts=1))
    with pytest.raises(PermanentDeliveryError):
        await sender.deliver(message("discourse_reply", "999999"))
    with pytest.raises(PermanentDeliveryError):
        await sender.deliver(message("discourse_pm", "nobody-here", title="A title long enough"))
    forum.faults.fail_next(1, status=503)
    with pytest.raises(TransientDeliveryError):
        await sender.deliver(message("discourse_pm", "coopbot", title="A title long enough"))


def view(**changes) -> SignUpView:
    base = SignUpView(id=5, group="comms", group_name="Communications Group", intent="join", status="pending",
                      status_reason=None, needs_review=False, confidence=1.0, source="forum", person_id=2,
                      display_name="Kari", discourse_username="kari", discord_id=None, post_id=41, topic_id=10,
                      evidence="Count me in", created_at=AT, updated_at=AT)
    return replace(base, **changes)


@pytest.mark.parametrize(("status", "actions"), [("pending", ["contacted", "joined", "declined"]),
                                                 ("contacted", ["joined", "declined"]), ("joined", []),
                                                 ("declined", []), ("withdrawn", [])])
def test_driver_dm_rerenders_with_the_buttons_its_status_allows(status, actions):
    t = load_catalogs().translator("en")
    payload = render_driver_dm(view(status=status), t, forum_url="https://f.example")
    assert [b["custom_id"].rsplit(":", 1)[1] for b in payload.get("buttons", [])] == actions
    assert t(f"signup_dm.status_{status}") in payload["text"]


def test_driver_dm_speaks_the_drivers_language():
    payload = render_driver_dm(view(), load_catalogs().translator("sv"), forum_url=None)
    assert payload["text"].startswith("**Kari (@kari)** vill gå med i **Communications Group**.")
    assert payload["locale"] == "sv" and "/p/41" not in payload["text"]


@pytest.mark.parametrize("colour", [False, True])
async def test_console_shows_any_message_readably(colour):
    stream = io.StringIO()
    payload = render_driver_dm(view(), load_catalogs().translator("en"), forum_url="https://f.example")
    result = await ConsoleSender(stream, colour=colour).deliver(message("discord_dm", "1001", **payload))
    out = stream.getvalue()
    assert result.remote_ref == "console:1"
    assert "signup_dm" not in out and "[I've contacted them]" in out and "https://f.example/p/41" in out
    assert ("\x1b[1m" in out) == colour
