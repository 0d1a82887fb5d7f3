import logging
from datetime import timedelta

import pytest

from bot.clock import FakeClock
from bot.discourse import BreakerState, CircuitBreaker, ForumUnavailableError


def fail(breaker: CircuitBreaker, times: int) -> None:
    for _ in range(times):
        breaker.before_request()
        breaker.record_failure()


def test_opens_after_threshold_and_fails_fast():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=3, cooldown=30, clock=clock)
    fail(breaker, 2)
    assert breaker.state is BreakerState.CLOSED
    fail(breaker, 1)
    assert breaker.state is BreakerState.OPEN
    with pytest.raises(ForumUnavailableError):
        breaker.before_request()


def test_success_resets_the_count():
    breaker = CircuitBreaker(failure_threshold=3, clock=FakeClock())
    fail(breaker, 2)
    breaker.record_success()
    fail(breaker, 2)
    assert breaker.state is BreakerState.CLOSED


def test_half_open_allows_one_probe_then_closes_on_success():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown=30, clock=clock)
    fail(breaker, 1)
    clock.advance(timedelta(seconds=30))
    breaker.before_request()  # the probe
    assert breaker.state is BreakerState.HALF_OPEN
    with pytest.raises(ForumUnavailableError):
        breaker.before_request()  # a second caller while probing
    breaker.record_success()
    assert breaker.state is BreakerState.CLOSED
    breaker.before_request()


def test_failed_probe_doubles_cooldown_up_to_cap():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown=10, max_cooldown=25, clock=clock)
    fail(breaker, 1)
    for expected in (20, 25, 25):
        clock.advance(timedelta(seconds=breaker.current_cooldown))
        fail(breaker, 1)
        assert breaker.state is BreakerState.OPEN
        assert breaker.current_cooldown == expected
    clock.advance(timedelta(seconds=24))
    with pytest.raises(ForumUnavailableError):
        breaker.before_request()
    clock.advance(timedelta(seconds=1))
    breaker.before_request()
    breaker.record_success()
    assert breaker.current_cooldown == 10


def test_cancelled_probe_is_released():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown=5, clock=clock)
    fail(breaker, 1)
    clock.advance(timedelta(seconds=5))
    breaker.before_request()
    breaker.release_probe()
    breaker.before_request()  # another probe may go


def test_logs_once_on_open_and_once_on_close(caplog):
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=2, cooldown=5, clock=clock)
    with caplog.at_level(logging.INFO, logger="bot.discourse.breaker"):
        fail(breaker, 2)
        for _ in range(3):
            clock.advance(timedelta(seconds=breaker.current_cooldown))
            fail(breaker, 1)
        clock.advance(timedelta(seconds=breaker.current_cooldown))
        breaker.before_request()
        breaker.record_success()
        breaker.record_success()
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert "opened" in messages[0] and "closed" in messages[1]
