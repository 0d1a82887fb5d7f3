"""A dependency-free progress bar for long CLI jobs (backfills)."""

from __future__ import annotations

import sys
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str, *, stream: TextIO | None = None, width: int = 30) -> None:
        self._label = label
        self._stream = stream or sys.stderr
        self._width = width
        self._tty = self._stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        total = max(total, done, 1)
        filled = int(self._width * done / total)
        text = f"{self._label} [{'#' * filled}{'.' * (self._width - filled)}] {done}/{total}"
        if self._tty:
            self._stream.write("\r" + text + ("\n" if done >= total else ""))
        elif done >= total:
            self._stream.write(text + "\n")
        self._stream.flush()
