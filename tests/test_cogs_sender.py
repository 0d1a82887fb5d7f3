# tests.discord_fakes first: it imports discord with the audioop warning silenced
from tests.discord_fakes import FakeHTTPResponse  # noqa: I001

import asyncio
from types import SimpleNamespace

import discord
import pytest

from bot.delivery.errors import PermanentDeliveryError, RecipientUnreachableError, TransientDeliveryError
from bot.delivery.message import OutgoingMessage
from bot.discord_runtime.components import SignUpButton
from bot.discord_runtime.sender import DiscordSender


class Target:
    def __init__(self, channel_id, error=None):
        self.id, self.error, self.sent, self.edits = channel_id, error, [], []

    async def send(self, **kwargs):
        if self.error:
            raise self.error
        self.sent.append(kwargs)
        return SimpleNamespace(id=9000 + len(self.sent), channel=SimpleNamespace(id=self.id))

    def get_partial_message(self, message_id):
        target = self

        class Partial:
            async def edit(self, **kwargs):
                target.edits.append((message_id, kwargs))
                return SimpleNamespace(id=message_id, channel=SimpleNamespace(id=target.id))
        return Partial()


class Client:
    def __init__(self, error=None, ready=True):
        self.dm = Target(700, error)
        self.channel = Target(5001, error)
        self.ready = ready

    async def wait_until_ready(self):
        if not self.ready:
            await asyncio.Event().wait()

    def get_user(self, user_id):
        return None

    async def fetch_user(self, user_id):
        if user_id == 404:
            raise discord.NotFound(FakeHTTPResponse(404), {"code": 10013, "message": "Unknown User"})
        dm = self.dm

        async def create_dm():
            return dm
        return SimpleNamespace(dm_channel=None, create_dm=create_dm)

    def get_channel(self, channel_id):
        return self.channel if channel_id == 5001 else None

    async def fetch_channel(self, channel_id):
        raise discord.NotFound(FakeHTTPResponse(404), {"code": 10003, "message": "Unknown Channel"})

    def get_partial_messageable(self, channel_id):
        return self.channel


def message(channel="discord_dm", recipient="1001", attempt=1, **payload):
    body = {"text": "New sign-up", "buttons": [{"custom_id": "coopbot:signup:3:joined", "label": "Added",
                                                "style": "success"}], **payload}
    return OutgoingMessage(id=17, kind="driver_dm", channel=channel, recipient=recipient, payload=body,
                           key="signup:3:driver:1001", attempt=attempt)


async def test_dm_is_sent_with_persistent_buttons_and_a_stable_nonce():
    client = Client()
    sender = DiscordSender(client)
    result = await sender.deliver(message())
    retry = await sender.deliver(message(attempt=2))
    assert result.remote_ref == "700:9001" and retry.remote_ref == "700:9002"
    first, second = client.dm.sent
    assert first["content"] == "New sign-up" and first["nonce"] == second["nonce"] == message().nonce
    assert isinstance(first["view"].children[0], SignUpButton)


async def test_channel_message_and_edit_ref():
    client = Client()
    sender = DiscordSender(client)
    assert (await sender.deliver(message("discord_channel", "5001"))).remote_ref == "5001:9001"
    edited = await sender.deliver(message("discord_channel", "5001", edit_ref="5001:9001", buttons=[]))
    assert edited.remote_ref == "5001:9001" and client.channel.edits[0][0] == 9001
    assert client.channel.edits[0][1]["view"] is None  # final state: buttons removed


@pytest.mark.parametrize("error, expected", [
    (discord.Forbidden(FakeHTTPResponse(403), {"code": 50007, "message": "Cannot send"}), RecipientUnreachableError),
    (discord.Forbidden(FakeHTTPResponse(403), {"code": 50013, "message": "Missing perms"}), PermanentDeliveryError),
    (discord.HTTPException(FakeHTTPResponse(400), {"code": 50035, "message": "Invalid Form Body"}),
     PermanentDeliveryError),
    (discord.DiscordServerError(FakeHTTPResponse(503), "unavailable"), TransientDeliveryError),
    (discord.RateLimited(3.0), TransientDeliveryError),
    (asyncio.TimeoutError(), TransientDeliveryError),
])
async def test_errors_are_classified_for_the_dispatcher(error, expected):
    with pytest.raises(expected) as caught:
        await DiscordSender(Client(error)).deliver(message())
    assert type(caught.value) is expected
    if isinstance(error, discord.RateLimited):
        assert caught.value.retry_after == 3.0


async def test_429_carries_retry_after():
    error = discord.HTTPException(FakeHTTPResponse(429, {"Retry-After": "2.5"}), "slow down")
    with pytest.raises(TransientDeliveryError) as caught:
        await DiscordSender(Client(error)).deliver(message())
    assert caught.value.retry_after == 2.5


@pytest.mark.parametrize("msg", [
    message(recipient="404"), message("discord_channel", "6000"), message(recipient="not-an-id"),
    message(text="", buttons=[]), message(edit_ref="garbage"), message(embed={"fields": 3}),
    message("discourse_pm", "kari"),
])
async def test_unknown_targets_and_bad_payloads_are_permanent(msg):
    with pytest.raises(PermanentDeliveryError):
        await DiscordSender(Client()).deliver(msg)


async def test_not_connected_yet_is_transient():
    with pytest.raises(TransientDeliveryError):
        await DiscordSender(Client(ready=False), ready_timeout=0.01).deliver(message())
