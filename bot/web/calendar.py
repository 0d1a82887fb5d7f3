"""Calendar feeds over HTTP: `/calendar/<slug>.ics` and `/calendar/all.ics`.

Read-only and public: a feed holds group names, schedule text, places and
drivers' display names, nothing else. The feed is built in a worker thread
(the database and the calendar library block); an ETag lets calendar apps
that poll every few minutes get a cheap 304.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re

from aiohttp import web

from bot.services.meetings import MeetingService

log = logging.getLogger(__name__)

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
CONTENT_TYPE = "text/calendar"
CACHE_CONTROL = "public, max-age=900"


def add_calendar_routes(app: web.Application, meetings: MeetingService) -> None:
    async def feed(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name != "all" and not SLUG.match(name):
            raise web.HTTPNotFound()
        body = await asyncio.to_thread(meetings.feed, None if name == "all" else name)
        if body is None:
            raise web.HTTPNotFound()
        etag = '"' + hashlib.sha256(_stable(body)).hexdigest()[:32] + '"'
        headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
        if etag in request.headers.get("If-None-Match", ""):
            return web.Response(status=304, headers=headers)
        log.debug("calendar: served %s.ics (%d bytes)", name, len(body))
        return web.Response(body=body, content_type=CONTENT_TYPE, charset="utf-8", headers=headers)

    app.router.add_get("/calendar/{name}.ics", feed)


def _stable(body: bytes) -> bytes:
    """The feed without its DTSTAMP lines, which change on every request."""
    return b"\n".join(line for line in body.splitlines() if not line.startswith(b"DTSTAMP"))
