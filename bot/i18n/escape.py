"""Making text from people safe to repeat in public channels and posts.

Anything a person typed (names, notes, evidence quotes, group names from
config) is escaped before it is placed into a message: no Markdown
injection, no @everyone or role pings, no invisible characters.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_MARKDOWN = re.compile(r"([\\*_~`|>\[\]()#])")
_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>")


def clean(text: str, *, limit: int = 1000) -> str:
    """Remove control and zero-width characters, normalise, cap the length."""
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def escape_markdown(text: str, *, limit: int = 1000) -> str:
    """Clean, then neutralise Markdown and mentions (for Discord and Discourse)."""
    text = _MARKDOWN.sub(r"\\\1", clean(text, limit=limit))
    return _MENTION.sub(lambda m: m.group(0).replace("@", "@\u200b", 1) if m.group(1) else "`mention`", text)


def quote_block(text: str, *, limit: int = 600) -> str:
    """A person's words as a Markdown quote, escaped, one '> ' per line."""
    lines = escape_markdown(text, limit=limit).splitlines() or [""]
    return "\n".join(f"> {line}" for line in lines)
