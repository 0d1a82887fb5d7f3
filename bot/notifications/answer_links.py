"""One-click answers from a forum PM: signed links to the bot's web server.

A volunteer without Discord gets "Yes: …/answer/<token>" and "No: …" links.
The token names the sign-up, the person and the answer, signed with HMAC-SHA256
so nobody can answer for someone else or forge a "no". Opening the link (GET)
only shows a confirm button, because mail scanners and link previews fetch
URLs on their own; the answer is recorded by the POST that button sends.
"""

from __future__ import annotations

import asyncio

import base64
import hashlib
import hmac
import html
import logging
import re
from typing import TYPE_CHECKING

from aiohttp import web

from bot.config import Secrets
from bot.errors import CoopbotError

if TYPE_CHECKING:
    from bot.services.followup import FollowUpService

log = logging.getLogger(__name__)

TOKEN = re.compile(r"^(\d{1,12})\.(\d{1,12})\.([yn])\.([A-Za-z0-9_-]{22,64})$")


class BadAnswerToken(CoopbotError):
    def __init__(self, message: str, *, forged: bool) -> None:
        super().__init__(message)
        self.forged = forged


def answer_secret(secrets: Secrets) -> bytes | None:
    """A key for answer links derived from COOPBOT_WEBHOOK_SECRET (or the forum API key)."""
    base = secrets.webhook_secret or secrets.discourse_api_key
    if not base:
        return None
    return hmac.new(base.encode("utf-8"), b"coopbot answer links v1", hashlib.sha256).digest()


def _sign(secret: bytes, body: str) -> str:
    digest = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def make_answer_token(secret: bytes, signup_id: int, person_id: int, answer: bool) -> str:
    body = f"{signup_id}.{person_id}.{'y' if answer else 'n'}"
    return f"{body}.{_sign(secret, body)}"


def make_answer_url(base_url: str, secret: bytes, signup_id: int, person_id: int, answer: bool) -> str:
    return f"{base_url.rstrip('/')}/answer/{make_answer_token(secret, signup_id, person_id, answer)}"


def read_answer_token(secret: bytes, token: str) -> tuple[int, int, bool]:
    """(signup id, person id, answer); BadAnswerToken if malformed or not ours."""
    match = TOKEN.match(token)
    if match is None:
        raise BadAnswerToken("malformed answer token", forged=False)
    body = f"{match.group(1)}.{match.group(2)}.{match.group(3)}"
    if not hmac.compare_digest(_sign(secret, body), match.group(4)):
        raise BadAnswerToken("answer token signature does not match", forged=True)
    return int(match.group(1)), int(match.group(2)), match.group(3) == "y"


def add_answer_routes(app: web.Application, followup: FollowUpService, secret: bytes) -> None:
    """Mount GET/POST /answer/{token} on the bot's web server."""

    def _page(text: str, status: int = 200, form: str = "") -> web.Response:
        body = f"<!doctype html><meta charset=utf-8><title>coopbot</title><p>{html.escape(text)}</p>{form}"
        return web.Response(text=body, status=status, content_type="text/html")

    def _check(request: web.Request) -> tuple[int, int, bool] | web.Response:
        try:
            return read_answer_token(secret, request.match_info["token"])
        except BadAnswerToken as exc:
            log.warning("answer link refused from %s: %s", request.remote, exc)
            return _page(followup.text("followup.answer_invalid"), 403 if exc.forged else 400)

    async def show(request: web.Request) -> web.Response:
        checked = _check(request)
        if isinstance(checked, web.Response):
            return checked
        signup_id, _, answer = checked
        label = followup.text("followup.ask_yes" if answer else "followup.ask_no")
        form = f"<form method=post><button type=submit>{html.escape(label)}</button></form>"
        return _page(await asyncio.to_thread(followup.answer_prompt, signup_id), form=form)

    async def answer(request: web.Request) -> web.Response:
        checked = _check(request)
        if isinstance(checked, web.Response):
            return checked
        signup_id, person_id, value = checked
        await asyncio.to_thread(followup.volunteer_answer, signup_id, value, person_id=person_id)
        return _page(followup.text("followup.answer_thanks"))

    app.router.add_get("/answer/{token}", show)
    app.router.add_post("/answer/{token}", answer)
