"""One aiohttp application for everything the bot serves over HTTP.

Features contribute routes through `add_routes(app)` callables, so this
module knows nothing of webhooks or calendars; it binds to loopback unless
the config says otherwise.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

from aiohttp import web

log = logging.getLogger(__name__)
RouteAdder = Callable[[web.Application], None]


async def _health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def build_web_app(adders: Sequence[RouteAdder], *, max_body_bytes: int = 2_000_000) -> web.Application:
    app = web.Application(client_max_size=max_body_bytes)
    app.router.add_get("/healthz", _health)
    for add in adders:
        add(app)
    return app


@asynccontextmanager
async def serve_web(app: web.Application, *, host: str, port: int) -> AsyncIterator[str]:
    """Serve until the block ends; yields the base URL actually bound."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        sockets = site._server.sockets if site._server else ()  # noqa: SLF001 - no public getter
        bound = sockets[0].getsockname()[1] if sockets else port
        url = f"http://{host}:{bound}"
        log.info("web server listening on %s", url)
        yield url
    finally:
        await runner.cleanup()
