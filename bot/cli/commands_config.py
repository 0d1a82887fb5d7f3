"""`coopbot check-config`: every problem at once, or a short summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.common import EXIT_CONFIG, EXIT_OK, add_common, config_path
from bot.config import Config, Secrets, load_config
from bot.durations import format_duration
from bot.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check-config", help="validate a config file and summarise it",
        description="Validate the config file, print every problem with its key path and a hint, "
        "or a short summary when all is well. Exit code 2 on any problem.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="config file (overrides --config)")
    add_common(parser)
    parser.set_defaults(handler=check_config)


def check_config(args: argparse.Namespace) -> int:
    path = args.path or config_path(args)
    try:
        config = load_config(path)
    except ConfigError as exc:
        for problem in exc.problems:
            print(f"✗ {problem}", file=sys.stderr)
        count = len(exc.problems)
        print(f"{path}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
        return EXIT_CONFIG
    print(summary(config, path, Secrets.from_env()))
    return EXIT_OK


def summary(config: Config, path: Path, secrets: Secrets) -> str:
    org = config.organisation
    drivers = {d.discourse or str(d.discord) for g in config.groups for d in g.drivers}
    by_status: dict[str, int] = {}
    for group in config.groups:
        by_status[group.status] = by_status.get(group.status, 0) + 1
    lines = [
        f"✓ {path} is valid",
        f"  organisation: {org.name} ({org.timezone}, locale {org.locale})",
        f"  groups: {len(config.groups)} ("
        + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items())) + ")",
    ]
    for group in config.groups:
        names = ", ".join(d.name or d.discourse or str(d.discord) for d in group.drivers) or "no driver"
        lines.append(f"    - {group.slug}: {group.name} [{group.status}] — {names}")
    lines.append(f"  drivers: {len(drivers)}")
    lines.append(f"  watched topics: {len(config.watch)}"
                 + (": " + ", ".join(str(w.topic) if w.topic is not None else f"category {w.category}"
                                     for w in config.watch) if config.watch else ""))
    if config.discourse:
        lines.append(f"  forum: {config.discourse.url} as {config.discourse.api_username}, "
                     f"polling every {format_duration(config.discourse.poll_interval)}")
    lines.append(f"  discord: {'configured' if config.discord else 'not configured (offline commands only)'}")
    for name, var in Secrets.ENV.items():
        lines.append(f"  {var}: {'set' if getattr(secrets, name) else 'not set'}")
    return "\n".join(lines)
