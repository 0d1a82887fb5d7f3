"""Readable terminal output for `coopbot demo`, with colour on a terminal."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from typing import TextIO

from bot.models import Group
from bot.sandbox import SandboxForum
from bot.services.groups import SyncReport
from bot.services.listings import SignUpView
from bot.watcher.ingest import IngestResult

STYLES = {"bold": "1", "dim": "2", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36",
          "red": "31"}
INTENT_STYLE = {"join": "green", "leave": "yellow", "none": "dim"}


def wants_colour(stream: TextIO) -> bool:
    return stream.isatty() and os.environ.get("NO_COLOR") is None and os.environ.get("TERM") != "dumb"


class Printer:
    def __init__(self, out: TextIO, *, colour: bool) -> None:
        self._out = out
        self._colour = colour

    def _c(self, text: str, *styles: str) -> str:
        if not self._colour or not styles:
            return text
        codes = ";".join(STYLES[s] for s in styles)
        return f"\033[{codes}m{text}\033[0m"

    def line(self, text: str = "") -> None:
        self._out.write(text + "\n")
        self._out.flush()

    def header(self, organisation: str, forum_url: str) -> None:
        self.line(self._c(f"coopbot demo — {organisation}", "bold"))
        self.line(self._c(f"sandbox forum on {forum_url}, temporary SQLite database, config.example.toml", "dim"))

    def section(self, title: str) -> None:
        self.line()
        self.line(self._c(f"▸ {title}", "bold", "blue"))

    def note(self, text: str) -> None:
        self.line(self._c(f"  {text}", "dim"))

    def groups(self, groups: Sequence[Group], report: SyncReport) -> None:
        self.section(f"{len(groups)} working groups synced from config ({len(report.added)} new)")
        for group in groups:
            colour = {"open": "green", "closed": "red", "planned": "yellow"}[group.status]
            self.line(f"  {group.name:<45} {self._c(group.status, colour)}")

    def decisions(self, results: Sequence[IngestResult], forum: SandboxForum) -> None:
        for result in results:
            for post, decision in result.decisions:
                snippet = textwrap.shorten(" ".join(post.raw.split()), 90, placeholder=" …")
                verdict = decision.intent.upper()
                if decision.intent != "none":
                    verdict += " → " + (", ".join(decision.groups) or "any group (coordinator)")
                    verdict += f"  (confidence {decision.confidence:.2f})"
                self.line(f"  #{post.post_number:<3} {self._c(post.username, 'cyan'):<30} {snippet}")
                self.line(f"        {self._c(verdict, INTENT_STYLE[decision.intent], 'bold')}")
                if decision.intent != "none" and decision.evidence:
                    self.line(self._c(f"        evidence: “{decision.evidence}”", "dim"))

    def signups(self, views: Sequence[SignUpView]) -> None:
        self.section(f"Sign-ups recorded: {len(views)}")
        for v in views:
            who = v.discourse_username or v.display_name
            self.line(f"  #{v.id:<3} {v.intent:<5} {v.group or '(any group)':<24} {who:<18} "
                      f"{self._c(v.status, 'magenta')}")

    def message(self, channel: str, recipient: str, title: str, text: str) -> None:
        self.line(self._c(f"  ✉ {channel} → {recipient}", "yellow") + (f"  {title}" if title else ""))
        for line in text.splitlines():
            self.line(f"    │ {line}")

    def done(self) -> None:
        self.line()
        self.line(self._c("Demo finished: sandbox stopped, temporary database removed.", "bold", "green"))
