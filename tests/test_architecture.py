"""Meta-tests that keep the layers honest (STYLE.md: imports point one way)."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DISCORD_RUNTIME = REPO / "bot" / "discord_runtime"
SENDING = {"send_message", "send", "edit_message", "edit_original_response", "reply", "edit"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_nothing_under_bot_imports_discord_outside_the_runtime():
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "bot").rglob("*.py")
        if DISCORD_RUNTIME not in path.parents and "discord" in _imports(path)
    ]
    assert offenders == []


def test_bot_never_imports_cogs():
    offenders = [str(p.relative_to(REPO)) for p in (REPO / "bot").rglob("*.py")
                 if "cogs" in _imports(p) and DISCORD_RUNTIME not in p.parents]
    assert offenders == []


def test_cogs_hold_no_sql_or_http():
    forbidden = {"sqlalchemy", "sqlmodel", "requests", "aiohttp", "pydiscourse", "sqlite3", "psycopg"}
    offenders = {str(p.relative_to(REPO)): _imports(p) & forbidden for p in (REPO / "cogs").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_cogs_send_no_string_literals():
    """User-facing text comes from the catalogs, never from literals in cogs."""
    offenders = []
    for path in (REPO / "cogs").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in SENDING):
                continue
            values = list(node.args) + [k.value for k in node.keywords if k.arg in {"content", "label"}]
            if any(isinstance(v, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(v, "value", ""), str)
                   for v in values):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []
