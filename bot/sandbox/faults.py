"""Fault injection for the sandbox: make the next N requests fail in a chosen way.

Faults act before authentication and rate limiting, like a proxy or a crashing
app server would, and each request consumes at most one fault.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["error", "slow", "reset", "truncate"]


@dataclass
class Fault:
    kind: FaultKind
    remaining: int
    path_prefix: str | None = None
    status: int = 502
    delay: float = 0.0

    def matches(self, path: str) -> bool:
        return self.path_prefix is None or path.startswith(self.path_prefix)


class FaultPlan:
    """Queued faults, consumed first-come by matching requests."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def fail_next(self, n: int = 1, *, status: int = 502, path_prefix: str | None = None) -> None:
        """Answer the next `n` matching requests with HTTP `status` (5xx by default)."""
        self._add(Fault("error", n, path_prefix, status=status))

    def slow_next(self, n: int = 1, *, delay: float, path_prefix: str | None = None) -> None:
        """Hold the next `n` matching requests for `delay` seconds before answering."""
        self._add(Fault("slow", n, path_prefix, delay=delay))

    def reset_next(self, n: int = 1, *, path_prefix: str | None = None) -> None:
        """Close the connection of the next `n` matching requests without an answer."""
        self._add(Fault("reset", n, path_prefix))

    def truncate_next(self, n: int = 1, *, path_prefix: str | None = None) -> None:
        """Answer the next `n` matching requests with JSON cut off half-way."""
        self._add(Fault("truncate", n, path_prefix))

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def pending(self) -> int:
        with self._lock:
            return sum(f.remaining for f in self._faults)

    def take(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(path):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _add(self, fault: Fault) -> None:
        if fault.remaining < 1:
            raise ValueError("a fault must apply to at least one request")
        with self._lock:
            self._faults.append(fault)
