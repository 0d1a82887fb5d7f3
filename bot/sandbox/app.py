"""The sandbox's HTTP face: Discourse's routes, auth, rate limit and injected faults."""

from __future__ import annotations

import asyncio
import bisect
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.sandbox import serializers as ser
from bot.sandbox.ratelimit import ERROR_CODE, rate_limit_body
from bot.sandbox.state import PostRecord, TopicRecord
from bot.sandbox.views import topic_view, user_profile

if TYPE_CHECKING:
    from bot.sandbox.forum import SandboxForum

VIEWER = web.RequestKey("viewer", str)
JSON_TYPE = "application/json; charset=utf-8"
MAX_URL_BYTES = 8_192
LATEST_PAGE = 50
NOT_FOUND = {"errors": ["The requested URL or resource could not be found."], "error_type": "not_found"}
FORBIDDEN = {"errors": ["You are not permitted to view the requested resource."], "error_type": "invalid_access"}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def reply(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return web.Response(body=body, status=status, headers={"Content-Type": JSON_TYPE, **(headers or {})})


class Denied(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def build_app(forum: SandboxForum) -> web.Application:
    # aiohttp refuses request lines over 8,190 bytes with a 400 before our code runs;
    # raise its limit so the sandbox can answer 414 above 8,192 bytes like nginx does.
    app = web.Application(
        middlewares=[_middleware(forum)],
        handler_args={"max_line_size": 65_536, "max_field_size": 65_536},
    )
    routes = _Routes(forum)
    r = app.router
    r.add_get("/posts.json", routes.latest)
    r.add_post("/posts.json", routes.create)
    r.add_post("/posts", routes.create)
    r.add_get("/posts/{post_id:\\d+}.json", routes.show_post)
    r.add_put("/posts/{post_id:\\d+}.json", routes.edit)
    r.add_put("/posts/{post_id:\\d+}", routes.edit)
    r.add_get("/t/{topic_id:\\d+}.json", routes.topic)
    r.add_get("/t/{slug}/{topic_id:\\d+}.json", routes.topic)
    r.add_get("/t/{topic_id:\\d+}/post_ids.json", routes.post_ids)
    r.add_get("/t/{topic_id:\\d+}/posts.json", routes.topic_posts)
    r.add_get("/u/{username}.json", routes.user)
    r.add_get("/users/{username}.json", routes.user)
    return app


def _middleware(forum: SandboxForum) -> Any:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await _guarded(forum, request, handler)
        forum.requests.record(request.method, request.path, len(request.raw_path), response.status)
        return response

    return middleware


async def _guarded(forum: SandboxForum, request: web.Request, handler: Handler) -> web.StreamResponse:
    fault = forum.faults.take(request.path)
    if fault is not None:
        if fault.kind == "error":
            return reply({"errors": ["Internal Server Error"]}, fault.status)
        if fault.kind == "reset":
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=499)
        if fault.kind == "slow":
            await asyncio.sleep(fault.delay)
    if len(request.raw_path) > MAX_URL_BYTES:
        return web.Response(status=414, text="414 Request-URI Too Large", content_type="text/html")
    username = forum.check_key(request.headers.get("Api-Key"), request.headers.get("Api-Username"))
    if username is None:
        return reply({**FORBIDDEN, "errors": [FORBIDDEN["errors"][0] + " The API username or key is invalid."]}, 403)
    wait = forum.limiter.acquire()
    if wait is not None:
        headers = {"Retry-After": str(wait), "Discourse-Rate-Limit-Error-Code": ERROR_CODE}
        return reply(rate_limit_body(wait), 429, headers)
    request[VIEWER] = username
    try:
        response = await handler(request)
    except Denied as exc:
        return reply(NOT_FOUND if exc.status == 404 else FORBIDDEN, exc.status)
    if fault is not None and fault.kind == "truncate" and isinstance(response, web.Response):
        body = response.body if isinstance(response.body, bytes) else b"{}"
        return web.Response(body=body[: max(len(body) // 2, 1)], status=response.status,
                            headers={"Content-Type": JSON_TYPE})
    return response


class _Routes:
    def __init__(self, forum: SandboxForum) -> None:
        self.forum = forum
        self.state = forum.state

    def _topic(self, request: web.Request) -> TopicRecord:
        topic = self.state.topics.get(int(request.match_info["topic_id"]))
        return self._visible(topic, request[VIEWER])

    def _visible(self, topic: TopicRecord | None, viewer: str) -> TopicRecord:
        if topic is None or topic.deleted:
            raise Denied(404)
        if topic.private:
            raise Denied(403)
        if topic.archetype == "private_message":
            user = self.state.user(viewer)
            if not (user and user.admin) and viewer.lower() not in {r.lower() for r in topic.recipients}:
                raise Denied(403)
        return topic

    def _listed(self, post: PostRecord) -> bool:
        topic = self.state.topics[post.topic_id]
        return (post.deleted_at is None and topic.archetype == "regular"
                and not topic.deleted and not topic.private)

    async def latest(self, request: web.Request) -> web.Response:
        before = int(request.query.get("before") or 0)
        with self.state.lock:
            order = self.state.post_order
            end = bisect.bisect_left(order, before) if before > 0 else len(order)
            page: list[dict[str, Any]] = []
            for post_id in reversed(order[:end]):
                post = self.state.posts[post_id]
                if self._listed(post):
                    page.append(ser.latest_post(self.state, post, request[VIEWER]))
                    if len(page) == LATEST_PAGE:
                        break
        return reply({"latest_posts": page})

    async def topic(self, request: web.Request) -> web.Response:
        with self.state.lock:
            return reply(topic_view(self.state, self._topic(request), request[VIEWER]))

    async def post_ids(self, request: web.Request) -> web.Response:
        """Every visible id after the post nearest `post_number` (topics_controller#post_ids)."""
        number = int(request.query.get("post_number") or 0)
        with self.state.lock:
            posts = self.state.visible_posts(self._topic(request))
            start = _nearest(posts, number)
            ids = [p.id for p in posts if p.post_number > start]
        if self.forum.post_ids_limit is not None:
            ids = ids[: self.forum.post_ids_limit]
        return reply({"post_ids": ids})

    async def topic_posts(self, request: web.Request) -> web.Response:
        query = request.query
        include_raw = query.get("include_raw") == "true"
        with self.state.lock:
            topic = self._topic(request)
            posts = self.state.visible_posts(topic)
            if "post_ids[]" in query:
                wanted = {int(i) for i in query.getall("post_ids[]") if i.isdigit()}
                chosen = [p for p in posts if p.id in wanted]
            elif "post_number" in query:
                chosen = _page_by_number(posts, int(query["post_number"]), query.get("asc") == "true")
            else:
                chosen = posts[: ser.CHUNK_SIZE]
            items = [ser.topic_view_post(self.state, p, request[VIEWER], include_raw=include_raw)
                     for p in chosen]
        return reply({"post_stream": {"posts": items}, "id": topic.id})

    def _post(self, request: web.Request) -> PostRecord:
        post = self.state.posts.get(int(request.match_info["post_id"]))
        if post is None:
            raise Denied(404)
        self._visible(self.state.topics[post.topic_id], request[VIEWER])
        return post

    async def show_post(self, request: web.Request) -> web.Response:
        with self.state.lock:
            return reply(ser.post_show(self.state, self._post(request), request[VIEWER]))

    async def edit(self, request: web.Request) -> web.Response:
        form = await request.post()
        raw = form.get("post[raw]")
        if not isinstance(raw, str) or not raw.strip():
            return reply({"errors": ["Body is too short"], "error_type": "invalid_parameters"}, 422)
        with self.state.lock:
            post = self._post(request)
        post = self.forum.edit_post(post.id, raw)
        with self.state.lock:
            return reply({"post": ser.post_show(self.state, post, request[VIEWER])})

    async def create(self, request: web.Request) -> web.Response:
        form = await request.post()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        status, data = self.forum.create_from_api(request[VIEWER], fields)
        return reply(data, status)

    async def user(self, request: web.Request) -> web.Response:
        with self.state.lock:
            user = self.state.user(request.match_info["username"])
            if user is None:
                raise Denied(404)
            return reply(user_profile(self.state, user))


def _nearest(posts: list[PostRecord], number: int) -> int:
    """Discourse orders by |post_number - N| to find where to start (get_sort_order)."""
    if not posts:
        return 0
    return min(posts, key=lambda p: (abs(p.post_number - number), p.post_number)).post_number


def _page_by_number(posts: list[PostRecord], number: int, asc: bool) -> list[PostRecord]:
    start = _nearest(posts, number)
    if asc:
        return [p for p in posts if p.post_number > start][: ser.CHUNK_SIZE]
    return [p for p in posts if p.post_number < start][-ser.CHUNK_SIZE:]
