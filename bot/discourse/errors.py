"""Errors the Discourse gateway raises, so callers never see `requests` or pydiscourse types.

They subclass the project-wide hierarchy in `bot.errors`, so the one tree-level
handler can show "topic not found" or "the forum is down" without knowing HTTP.
"""

from __future__ import annotations

from bot.errors import CoopbotError, NotFoundError, PermissionDeniedError
from bot.errors import ForumUnavailableError as _BaseForumUnavailableError


class ForumUnavailableError(_BaseForumUnavailableError):
    """The forum could not be reached, kept failing, or the circuit breaker is open."""


class ForumRateLimitedError(ForumUnavailableError):
    """Discourse answered 429 and waiting longer would exceed our budget.

    `wait_seconds` is what Discourse asked for, so a scheduler can come back later.
    """

    def __init__(self, wait_seconds: float, message: str | None = None) -> None:
        super().__init__(message or f"forum rate limit reached; retry in {wait_seconds:g} s")
        self.wait_seconds = wait_seconds


class ForumNotFoundError(NotFoundError):
    """Discourse answered 404: the topic/post/user is gone or was never there."""

    def __init__(self, path: str) -> None:
        super().__init__("forum.not_found", path=path)
        self.path = path

    def __str__(self) -> str:
        return f"forum resource not found: {self.path}"


class ForumForbiddenError(PermissionDeniedError):
    """Discourse answered 403: the API user may not see or do this (private category, bad key)."""

    def __init__(self, path: str) -> None:
        super().__init__("forum.forbidden", path=path)
        self.path = path

    def __str__(self) -> str:
        return f"forum refused access to {self.path}"


class ForumResponseError(CoopbotError):
    """Discourse answered something we cannot use: an unexpected shape, a 4xx we do not expect.

    Retrying will not help, so it is not a ForumUnavailableError.
    """

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
