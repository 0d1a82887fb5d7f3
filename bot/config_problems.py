"""Turn a config file into either a Config or a complete list of problems.

People fix config files by hand, often in a hurry before a meeting, so we
report every problem at once, each with its key path and a hint, rather than
stopping at the first.
"""

from __future__ import annotations

import difflib
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from bot.config import Config
from bot.errors import ConfigError

SECRET_KEYS = {
    "token": "COOPBOT_DISCORD_TOKEN",
    "discord_token": "COOPBOT_DISCORD_TOKEN",
    "bot_token": "COOPBOT_DISCORD_TOKEN",
    "api_key": "COOPBOT_DISCOURSE_API_KEY",
    "discourse_api_key": "COOPBOT_DISCOURSE_API_KEY",
    "secret": "COOPBOT_WEBHOOK_SECRET",
    "webhook_secret": "COOPBOT_WEBHOOK_SECRET",
}


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such file (copy config.example.toml to start)"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML: {exc}"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot be read: {exc}"]) from None


def validate_file(path: Path) -> Config:
    return validate_data(read_toml(path))


def validate_data(data: dict[str, Any]) -> Config:
    """Validate parsed TOML; raise ConfigError with every problem found."""
    problems = list(_secret_problems(data, ()))
    cleaned = _without_secrets(data)
    try:
        config = Config.model_validate(cleaned)
    except ValidationError as exc:
        errors = exc.errors()
        problems.extend(_describe(error) for error in errors if not _shadowed(error, errors))
        raise ConfigError(problems) from None
    if problems:
        raise ConfigError(problems)
    return config


def _shadowed(error: Any, errors: list[Any]) -> bool:
    """A list that is "too short" only because its items failed says nothing new."""
    loc = error["loc"]
    return error["type"] == "too_short" and any(
        other["loc"][: len(loc)] == loc and len(other["loc"]) > len(loc) for other in errors
    )


def _secret_problems(node: Any, path: tuple[Any, ...]) -> Iterable[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            env = SECRET_KEYS.get(str(key).lower())
            if env:
                yield (
                    f"{_dotted(path + (key,))}: secrets must not be written in the config file; "
                    f"remove it and set the environment variable {env} instead"
                )
            else:
                yield from _secret_problems(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _secret_problems(item, path + (index,))
    if path == ("database", "url") and isinstance(node, str) and _has_password(node):
        yield (
            "database.url: contains a password; remove it from the file and set the whole URL "
            "in the environment variable COOPBOT_DATABASE_URL instead"
        )


def _has_password(url: str) -> bool:
    netloc = url.split("://", 1)[-1].split("/", 1)[0]
    return "@" in netloc and ":" in netloc.split("@", 1)[0]


def _without_secrets(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_secrets(v) for k, v in node.items() if str(k).lower() not in SECRET_KEYS}
    if isinstance(node, list):
        return [_without_secrets(item) for item in node]
    return node


def _dotted(loc: Iterable[Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "config"


def _describe(error: Any) -> str:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind = error["type"]
    where = _dotted(loc)
    if kind == "extra_forbidden":
        key = loc[-1]
        known = _known_keys(loc[:-1])
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f" — did you mean '{close[0]}'?" if close else (f" (known keys: {', '.join(known)})" if known else "")
        return f"{where}: unknown key '{key}'{hint}"
    if kind == "missing":
        return f"{where}: required key is missing"
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind in {"literal_error", "int_parsing", "int_type", "string_type", "bool_type", "bool_parsing"}:
        return f"{where}: {message} (found {error.get('input')!r})"
    return f"{where}: {message}"


def _known_keys(loc: tuple[Any, ...]) -> list[str]:
    model: Any = Config
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return []
        model = _model_of(model.model_fields[part].annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return sorted(model.model_fields)
    return []


def _model_of(annotation: Any) -> Any:
    """Unwrap Optional[...] and tuple[...] to the model class inside, if any."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, tuple, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation
