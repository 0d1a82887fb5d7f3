"""A circuit breaker, so a forum that is down costs one log line and no hammering.

closed → (N consecutive failures) → open → (cool-down) → half-open: one probe
request goes through; success closes the circuit, failure re-opens it with a
longer cool-down (doubling up to a cap). While open, callers fail fast.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime, timedelta

from bot.clock import Clock, SystemClock
from bot.discourse.errors import ForumUnavailableError

log = logging.getLogger(__name__)


class BreakerState(enum.Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    """Counts consecutive failed requests; not thread-safe, use it from one event loop."""

    def __init__(
        self,
        *,
        failure_threshold: int = 5,
        cooldown: float = 30.0,
        max_cooldown: float = 600.0,
        clock: Clock | None = None,
        name: str = "forum",
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self._threshold = failure_threshold
        self._base_cooldown = cooldown
        self._max_cooldown = max_cooldown
        self._clock = clock or SystemClock()
        self._name = name
        self._failures = 0
        self._state = BreakerState.CLOSED
        self._cooldown = cooldown
        self._opened_at: datetime | None = None
        self._probing = False

    @property
    def state(self) -> BreakerState:
        return self._state

    @property
    def current_cooldown(self) -> float:
        return self._cooldown

    def before_request(self) -> None:
        """Raise ForumUnavailableError instead of sending while the circuit is open."""
        if self._state is BreakerState.CLOSED:
            return
        if self._state is BreakerState.OPEN:
            assert self._opened_at is not None
            reopen_at = self._opened_at + timedelta(seconds=self._cooldown)
            if self._clock.now() < reopen_at:
                raise ForumUnavailableError(
                    f"{self._name} circuit open until {reopen_at.isoformat()}"
                )
            self._state = BreakerState.HALF_OPEN
            self._probing = False
        if self._probing:
            raise ForumUnavailableError(f"{self._name} circuit half-open; probe in flight")
        self._probing = True

    def record_success(self) -> None:
        if self._state is not BreakerState.CLOSED:
            log.warning("%s circuit closed: forum answered again", self._name)
        self._state = BreakerState.CLOSED
        self._failures = 0
        self._cooldown = self._base_cooldown
        self._probing = False

    def record_failure(self) -> None:
        self._probing = False
        if self._state is BreakerState.HALF_OPEN:
            self._cooldown = min(self._cooldown * 2, self._max_cooldown)
            self._trip(log_it=False)
            log.debug("%s probe failed; circuit stays open for %.0f s", self._name, self._cooldown)
            return
        self._failures += 1
        if self._state is BreakerState.CLOSED and self._failures >= self._threshold:
            self._trip(log_it=True)

    def release_probe(self) -> None:
        """Forget a probe whose caller was cancelled, so the next call may probe."""
        self._probing = False

    def _trip(self, *, log_it: bool) -> None:
        self._state = BreakerState.OPEN
        self._opened_at = self._clock.now()
        if log_it:
            log.warning(
                "%s circuit opened after %d consecutive failures; failing fast for %.0f s",
                self._name,
                self._failures,
                self._cooldown,
            )
