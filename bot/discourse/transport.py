"""pydiscourse with exactly one HTTP attempt per call and our errors instead of its own.

pydiscourse's `_request` sleeps inside the worker thread on 429 (up to four
times, ~11 s each) and has no timeout by default. We keep its method catalogue
(`latest_posts`, `posts`, `create_post`, …) and replace `_request`, so the async
gateway decides about waiting and retrying, and every request is counted.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import quote
from typing import Any

import requests
from pydiscourse import DiscourseClient

from bot.discourse.errors import (
    ForumForbiddenError,
    ForumNotFoundError,
    ForumRateLimitedError,
    ForumResponseError,
    ForumUnavailableError,
)

log = logging.getLogger(__name__)

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
DEFAULT_RATE_LIMIT_WAIT = 10.0


class TransientForumError(ForumUnavailableError):
    """A failure worth retrying: 5xx, timeout, reset connection, truncated body."""


class ForumClient(DiscourseClient):
    """A DiscourseClient whose `_request` never sleeps and never retries."""

    def __init__(self, host: str, api_username: str, api_key: str, *, timeout: float) -> None:
        super().__init__(host.rstrip("/"), api_username, api_key, timeout=timeout)
        self._count_lock = threading.Lock()
        self.requests_sent = 0

    def _request(  # noqa: PLR0913 - signature fixed by pydiscourse
        self,
        verb: str,
        path: str,
        params: Any = None,
        files: Any = None,
        data: Any = None,
        json: Any = None,
        override_request_kwargs: dict[str, Any] | None = None,
    ) -> Any:
        headers = {
            "Accept": JSON_CONTENT_TYPE,
            "Api-Key": self.api_key,
            "Api-Username": self.api_username,
        }
        kwargs: dict[str, Any] = dict(
            allow_redirects=False,
            params=params,
            files=files,
            data=data,
            json=json,
            headers=headers,
            timeout=self.timeout,
        )
        kwargs.update(override_request_kwargs or {})
        with self._count_lock:
            self.requests_sent += 1
        try:
            response = requests.request(verb, self.host + path, **kwargs)
        except requests.Timeout as exc:
            raise TransientForumError(f"{verb} {path}: timed out") from exc
        except requests.RequestException as exc:
            raise TransientForumError(f"{verb} {path}: {type(exc).__name__}") from exc
        return _decode(verb, path, response)


def _decode(verb: str, path: str, response: requests.Response) -> Any:
    status = response.status_code
    if status == 429:
        raise ForumRateLimitedError(_wait_seconds(response))
    if status == 404:
        raise ForumNotFoundError(path)
    if status == 403:
        raise ForumForbiddenError(path)
    if status >= 500:
        raise TransientForumError(f"{verb} {path}: HTTP {status}")
    if status >= 300:
        raise ForumResponseError(f"{verb} {path}: HTTP {status} {_errors(response)}", status=status)
    content_type = response.headers.get("Content-Type", "")
    if content_type != JSON_CONTENT_TYPE:
        if not response.content.strip():
            return None
        raise ForumResponseError(f"{verb} {path}: unexpected Content-Type {content_type!r}")
    try:
        decoded = response.json()
    except ValueError as exc:  # truncated or garbled body: the connection was cut short
        raise TransientForumError(f"{verb} {path}: undecodable JSON body") from exc
    if isinstance(decoded, dict) and decoded.get("errors"):
        raise ForumResponseError(f"{verb} {path}: {_errors(response)}", status=status)
    return decoded


def _errors(response: requests.Response) -> str:
    try:
        errors = response.json().get("errors")
    except (ValueError, AttributeError):
        return response.reason or ""
    if isinstance(errors, list):
        return "; ".join(str(e) for e in errors)[:300]
    return response.reason or ""


def _wait_seconds(response: requests.Response) -> float:
    """Discourse puts the wait in the JSON body; the per-IP middleware only in Retry-After."""
    try:
        wait = response.json()["extras"]["wait_seconds"]
        return max(float(wait), 0.0)
    except (ValueError, KeyError, TypeError):
        pass
    retry_after = response.headers.get("Retry-After", "")
    try:
        return max(float(retry_after), 0.0)
    except ValueError:
        return DEFAULT_RATE_LIMIT_WAIT


class CoopbotForumClient(ForumClient):
    """The few calls pydiscourse lacks or spells with the wrong path."""

    def topic_by_id(self, topic_id: int) -> Any:
        return self._get(f"/t/{int(topic_id)}.json")

    def topic_post_ids(self, topic_id: int, post_number: int) -> Any:
        return self._get(f"/t/{int(topic_id)}/post_ids.json", post_number=int(post_number))

    def user_by_username(self, username: str) -> Any:
        return self._get(f"/u/{quote(username, safe='')}.json")
