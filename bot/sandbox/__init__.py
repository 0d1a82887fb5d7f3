"""A Discourse-compatible forum in memory, served over loopback by aiohttp.

Used by the test suite (real HTTP against the gateway) and by `coopbot demo`.
"""

from bot.sandbox.forum import SandboxForum, SentPrivateMessage
from bot.sandbox.runner import SandboxThread, run_sandbox
from bot.sandbox.seed import SEED_TOPIC_ID, seed_forum, seed_thread

__all__ = [
    "SEED_TOPIC_ID",
    "SandboxForum",
    "SandboxThread",
    "SentPrivateMessage",
    "run_sandbox",
    "seed_forum",
    "seed_thread",
]
