"""What the sandbox was asked, so tests and benchmarks can count requests."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str
    url_bytes: int
    status: int


class RequestLog:
    def __init__(self) -> None:
        self.records: list[RequestRecord] = []
        self._lock = threading.Lock()

    def record(self, method: str, path: str, url_bytes: int, status: int) -> None:
        with self._lock:
            self.records.append(RequestRecord(method, path, url_bytes, status))

    def count(self, path_prefix: str | None = None, *, method: str | None = None) -> int:
        with self._lock:
            return sum(
                1 for r in self.records
                if (path_prefix is None or r.path.startswith(path_prefix))
                and (method is None or r.method == method)
            )

    def by_path(self) -> Counter[str]:
        with self._lock:
            return Counter(f"{r.method} {r.path}" for r in self.records)

    def clear(self) -> None:
        with self._lock:
            self.records.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self.records)
