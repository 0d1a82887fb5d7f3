"""Fixtures shared by the Discourse gateway and sandbox tests (imported, not a conftest)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.discourse import CircuitBreaker, DiscourseGateway
from bot.sandbox import SandboxForum, run_sandbox

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCHEMAS = SHARED / "discourse-api" / "schemas"


class SleepRecorder:
    """Stands in for asyncio.sleep: records the delays, never waits."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_gateway(forum: SandboxForum, sleeps: SleepRecorder, **kwargs: object) -> DiscourseGateway:
    options: dict[str, object] = dict(timeout=5.0, sleep=sleeps, rng=lambda: 0.5)
    options.update(kwargs)
    return DiscourseGateway(
        base_url=forum.url, api_username=forum.api_username, api_key=forum.api_key, **options  # type: ignore[arg-type]
    )


@pytest.fixture
async def forum() -> AsyncIterator[SandboxForum]:
    async with run_sandbox(rate_limit_per_minute=None) as f:
        yield f


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def gateway(forum: SandboxForum, sleeps: SleepRecorder) -> DiscourseGateway:
    return make_gateway(forum, sleeps, breaker=CircuitBreaker(failure_threshold=50))
