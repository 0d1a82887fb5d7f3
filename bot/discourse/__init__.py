"""The only code in coopbot that speaks Discourse's REST API.

Services depend on `ForumGateway` (a Protocol); the composition root builds a
`DiscourseGateway`. Errors are ours (`bot.discourse.errors`), results are typed
(`Post`, `Topic`, `User`).
"""

from bot.discourse.breaker import BreakerState, CircuitBreaker
from bot.discourse.errors import (
    ForumForbiddenError,
    ForumNotFoundError,
    ForumRateLimitedError,
    ForumResponseError,
    ForumUnavailableError,
)
from bot.discourse.gateway import DiscourseGateway
from bot.discourse.marker import has_marker, reply_marker
from bot.discourse.models import Post, Topic, User
from bot.discourse.protocol import ForumGateway
from bot.discourse.topic_ref import parse_topic_ref

__all__ = [
    "BreakerState",
    "CircuitBreaker",
    "DiscourseGateway",
    "ForumForbiddenError",
    "ForumGateway",
    "ForumNotFoundError",
    "ForumRateLimitedError",
    "ForumResponseError",
    "ForumUnavailableError",
    "Post",
    "Topic",
    "User",
    "has_marker",
    "parse_topic_ref",
    "reply_marker",
]
