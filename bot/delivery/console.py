"""Printing outbox messages to a terminal: `coopbot demo`, `--dry-run`, offline mode."""

from __future__ import annotations

import itertools
from typing import Any, TextIO

from bot.delivery.message import DeliveryResult, OutgoingMessage
from bot.outbox import CHANNELS

BOLD, DIM, CYAN, RESET = "\x1b[1m", "\x1b[2m", "\x1b[36m", "\x1b[0m"


class ConsoleSender:
    """Renders any message readably; it can deliver to every channel."""

    channels = frozenset(CHANNELS)

    def __init__(self, stream: TextIO, colour: bool = False) -> None:
        self._stream = stream
        self._colour = colour
        self._ids = itertools.count(1)

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        self._stream.write(self.render(message))
        self._stream.flush()
        return DeliveryResult(f"console:{next(self._ids)}")

    def render(self, message: OutgoingMessage) -> str:
        payload = message.payload
        lines = [self._style(BOLD, f"── {message.kind} → {message.channel} {message.recipient}".rstrip())]
        if payload.get("edit_ref"):
            lines.append(self._style(DIM, f"(edits {payload['edit_ref']})"))
        if payload.get("title"):
            lines.append(self._style(BOLD, str(payload["title"])))
        lines.extend(str(payload.get("text") or "").splitlines())
        lines.extend(_embed_lines(payload.get("embed")))
        buttons = payload.get("buttons") or []
        if buttons:
            lines.append(self._style(CYAN, "  ".join(f"[{b.get('label', '?')}]" for b in buttons)))
        return "\n".join(lines) + "\n\n"

    def _style(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self._colour else text


def _embed_lines(embed: Any) -> list[str]:
    if not isinstance(embed, dict):
        return []
    lines = [f"│ {embed.get('title', '')}".rstrip()]
    lines.extend(f"│ {line}" for line in str(embed.get("description") or "").splitlines())
    lines.extend(f"│ {name}: {value}" for name, value in embed.get("fields") or [])
    if embed.get("url"):
        lines.append(f"│ {embed['url']}")
    return lines
