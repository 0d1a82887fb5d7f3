"""Loading catalogs and rendering messages with a language fallback chain."""

from __future__ import annotations

import logging
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
BASE = "en"


def _flatten(node: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in node.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, name + "."))
        elif isinstance(value, str):
            flat[name] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            flat[name] = "\n".join(value)
    return flat


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


class _Missing(dict):  # type: ignore[type-arg]
    """Leaves an unknown placeholder visible instead of raising mid-message."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Catalogs:
    messages: Mapping[str, Mapping[str, str]]
    aliases: Mapping[str, str]

    @property
    def languages(self) -> list[str]:
        return sorted(self.messages)

    def resolve_locale(self, locale: str | None) -> str | None:
        """Map "nb", "no", "sv-SE", "en-GB" to a catalog we have, or None."""
        if not locale:
            return None
        if locale in self.messages:
            return locale
        if locale in self.aliases:
            return self.aliases[locale]
        short = locale.split("-")[0].lower()
        if short in self.messages:
            return short
        return self.aliases.get(short)

    def text(self, key: str, *, locale: str | None = None, fallback: str = BASE, **params: Any) -> str:
        for candidate in (self.resolve_locale(locale), fallback, BASE):
            if candidate and key in self.messages.get(candidate, {}):
                return self.messages[candidate][key].format_map(_Missing(params))
        log.error("message catalog has no key %r", key)
        return key

    def translator(self, locale: str | None, fallback: str = BASE) -> Translator:
        return Translator(self, self.resolve_locale(locale) or fallback, fallback)


@dataclass(frozen=True)
class Translator:
    """Catalogs bound to one reader's language."""

    catalogs: Catalogs
    locale: str
    fallback: str = BASE

    def __call__(self, key: str, **params: Any) -> str:
        return self.catalogs.text(key, locale=self.locale, fallback=self.fallback, **params)


def load_catalogs(directory: Path | None = None) -> Catalogs:
    return _load(directory or LOCALES_DIR)


@lru_cache(maxsize=4)
def _load(directory: Path) -> Catalogs:
    messages: dict[str, dict[str, str]] = {}
    aliases: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        meta = data.pop("meta", {})
        messages[path.stem] = _flatten(data)
        for alias in meta.get("discord_locales", []):
            aliases[alias] = path.stem
    if BASE not in messages:
        raise RuntimeError(f"no {BASE}.toml message catalog in {directory}")
    return Catalogs(messages, aliases)
