"""Serving the sandbox on loopback: `run_sandbox` for async code, `SandboxThread` for sync code."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Any, TypeVar

from aiohttp import web

from bot.clock import Clock
from bot.sandbox.forum import SandboxForum
from bot.sandbox.seed import seed_forum

T = TypeVar("T")
LOOPBACK = "127.0.0.1"


@asynccontextmanager
async def run_sandbox(
    *,
    host: str = LOOPBACK,
    port: int = 0,
    seed: bool = True,
    clock: Clock | None = None,
    rate_limit_per_minute: int | None = 60,
) -> AsyncIterator[SandboxForum]:
    """Serve a fresh forum on loopback until the block ends; `forum.url` says where."""
    if host not in (LOOPBACK, "localhost", "::1"):
        raise ValueError("the sandbox only listens on loopback")
    forum = SandboxForum(clock=clock, rate_limit_per_minute=rate_limit_per_minute)
    if seed:
        seed_forum(forum)
    runner = web.AppRunner(forum.make_app(), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        sockets = site._server.sockets if site._server else ()  # noqa: SLF001 - aiohttp has no public getter
        bound_port = sockets[0].getsockname()[1]
        forum.url = f"http://{host}:{bound_port}"
        forum.webhooks.instance = forum.url
        forum.webhooks.bind(asyncio.get_running_loop())
        yield forum
    finally:
        await forum.webhooks.close()
        await runner.cleanup()


class SandboxThread:
    """The sandbox on its own loop in a background thread, for synchronous callers.

    `with SandboxThread() as forum:` serves until the block ends. State methods
    on `forum` are safe to call from the caller's thread; use `run()` for its
    coroutines (e.g. `thread.run(forum.flush_webhooks())`).
    """

    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready: concurrent.futures.Future[SandboxForum] = concurrent.futures.Future()
        self._stop: asyncio.Event | None = None
        self.forum: SandboxForum | None = None

    def __enter__(self) -> SandboxForum:
        self._thread = threading.Thread(target=self._main, name="sandbox-forum", daemon=True)
        self._thread.start()
        self.forum = self._ready.result(timeout=30)
        return self.forum

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout=30)

    def run(self, coro: Awaitable[T]) -> T:
        """Run a coroutine on the sandbox's loop and wait for its result."""
        assert self._loop is not None, "SandboxThread is not running"

        async def wrapper() -> T:
            return await coro

        return asyncio.run_coroutine_threadsafe(wrapper(), self._loop).result(timeout=60)

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a plain function on the sandbox's loop thread."""

        async def wrapper() -> T:
            return fn(*args)

        return self.run(wrapper())

    def _main(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            async with run_sandbox(**self._kwargs) as forum:
                self._ready.set_result(forum)
                await self._stop.wait()
        except BaseException as exc:  # hand start-up failures to the waiting caller
            if not self._ready.done():
                self._ready.set_exception(exc)
            raise
