"""The errors coopbot raises on purpose.

Entry points (CLI, slash commands, web handlers) catch `CoopbotError` and show
`UserFacingError` messages as they are; anything else is a bug and is logged.
"""

from __future__ import annotations

from typing import Any


class CoopbotError(Exception):
    """Base class for every error coopbot raises deliberately."""


class ConfigError(CoopbotError):
    """The configuration file is missing, unreadable or invalid."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class UserFacingError(CoopbotError):
    """An error whose message is safe to show to the person who caused it.

    It carries a catalog key and its parameters rather than finished text, so
    the adapter can render it in the reader's language.
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class NotFoundError(UserFacingError):
    """Something the caller named does not exist."""


class PermissionDeniedError(UserFacingError):
    """The caller may not do this; the rule lives in the service layer."""


class ForumUnavailableError(CoopbotError):
    """The Discourse forum cannot be reached or keeps failing."""
