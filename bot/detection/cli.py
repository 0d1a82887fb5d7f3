"""The `coopbot detect` line protocol: JSON lines in, one decision per line out.

Kept free of argparse so the CLI owner can wire it up and tests can drive it
with plain lists and StringIO.
"""

from __future__ import annotations

import json
import logging
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from bot.detection.decision import GroupRef
from bot.detection.detector import Detector
from bot.errors import ConfigError

log = logging.getLogger(__name__)


def load_groups(path: Path) -> list[GroupRef]:
    """Read `[[groups]]` tables (slug, name, aliases, email, status) from a TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read groups: {exc}"]) from exc
    groups: list[GroupRef] = []
    problems: list[str] = []
    for n, table in enumerate(data.get("groups", []), 1):
        slug, name = table.get("slug"), table.get("name")
        aliases = table.get("aliases", [])
        if not isinstance(slug, str) or not slug or not isinstance(name, str) or not name:
            problems.append(f"{path}: group #{n} needs a slug and a name")
        elif not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{path}: group {slug}: aliases must be a list of strings")
        else:
            groups.append(GroupRef(slug=slug, name=name, aliases=tuple(aliases),
                                   email=table.get("email"), status=table.get("status", "open")))
    if problems:
        raise ConfigError(problems)
    return groups


def _problem(record: Any) -> str:
    if not isinstance(record, dict):
        return "line is not a JSON object"
    post_id = record.get("id")
    if isinstance(post_id, bool) or not isinstance(post_id, (str, int)) or post_id == "":
        return 'missing or invalid "id" (a non-empty string or an integer)'
    if not isinstance(record.get("text"), str):
        return 'missing or invalid "text" (a string)'
    return ""


def run_detect(detector: Detector, lines: Iterable[str], out: TextIO, err: TextIO) -> int:
    """Decide every JSON line; report bad lines on `err` and go on. 1 if any failed."""
    failed = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            err.write(f"line {number}: invalid JSON: {exc.msg}\n")
            failed += 1
            continue
        problem = _problem(record)
        if problem:
            post_id = record.get("id") if isinstance(record, dict) else None
            where = f"id {json.dumps(post_id)}" if isinstance(post_id, (str, int)) and post_id != "" \
                and not isinstance(post_id, bool) else f"line {number}"
            err.write(f"{where}: {problem}\n")
            failed += 1
            continue
        decision = detector.detect(record["text"])
        out.write(json.dumps({
            "id": record["id"], "intent": decision.intent, "groups": list(decision.groups),
            "confidence": round(decision.confidence, 3), "evidence": decision.evidence,
        }, ensure_ascii=False) + "\n")
    if failed:
        log.warning("detect: %d malformed line(s)", failed)
    return 1 if failed else 0
