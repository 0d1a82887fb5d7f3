"""A fake sender for tests and benchmarks: records what it delivers, fails on cue.

It models the remote side's own duplicate protection the way the real
services behave, so crash tests measure what a person would actually see:
with `dedupe_nonces=True` (Discord's `enforce_nonce`) a repeated nonce returns
the earlier message instead of creating a second one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.delivery.message import DeliveryResult, OutgoingMessage
from bot.outbox import CHANNELS

Failure = BaseException | Callable[[OutgoingMessage], BaseException | None] | None


@dataclass
class RecordingSender:
    """Delivers to a list. `failures` is consumed one entry per call: an
    exception to raise, a function returning one (or None), or None for success."""

    channels: frozenset[str] = frozenset(CHANNELS)
    failures: list[Failure] = field(default_factory=list)
    dedupe_nonces: bool = True
    raise_after_recording: bool = False
    """Raise the next failure AFTER the remote side accepted the message (a lost answer)."""
    delivered: list[OutgoingMessage] = field(default_factory=list)
    calls: list[OutgoingMessage] = field(default_factory=list)
    on_deliver: Callable[[OutgoingMessage], None] | None = None
    _refs: dict[str, str] = field(default_factory=dict)
    _ids: Iterable[int] = field(default_factory=lambda: itertools.count(1))

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        self.calls.append(message)
        failure = self._next_failure(message)
        if failure is not None and not self.raise_after_recording:
            raise failure
        ref = self._record(message)
        if failure is not None:
            raise failure
        return DeliveryResult(ref)

    def fail_next(self, *failures: Failure) -> None:
        self.failures.extend(failures)

    def _next_failure(self, message: OutgoingMessage) -> BaseException | None:
        if not self.failures:
            return None
        failure = self.failures.pop(0)
        if failure is None or isinstance(failure, BaseException):
            return failure
        return failure(message)

    def _record(self, message: OutgoingMessage) -> str:
        if self.dedupe_nonces and message.nonce in self._refs:
            return self._refs[message.nonce]
        ref = f"{message.channel}:{next(self._ids)}"  # type: ignore[call-overload]
        self._refs[message.nonce] = ref
        self.delivered.append(message)
        if self.on_deliver is not None:
            self.on_deliver(message)
        return ref

    def delivered_keys(self) -> list[str]:
        return [m.key for m in self.delivered]
