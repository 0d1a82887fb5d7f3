"""The one forum reply that thanks every volunteer of a poll cycle in a topic.

One line per person and situation ("Thanks @kari — the driver of the
Communications Group and the Policy Group has been told…"), so a busy thread
gets a single reply per cycle rather than one per post.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.i18n import Translator
from bot.i18n.escape import escape_markdown
from bot.services.listings import SignUpView

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")
Entry = tuple[SignUpView, bool, str | None]  # view, group has a reachable driver, closed reason


def situation(view: SignUpView, has_driver: bool) -> str | None:
    if view.intent == "leave":
        return "leave" if view.group_name else None
    if view.status == "declined" and view.status_reason == "group_closed":
        return "closed"
    if view.status == "waitlisted":
        return "planned"
    if view.status != "pending":
        return None
    if view.group_name is None:
        return "no_group"
    return "open" if has_driver else "no_driver"


def mention(view: SignUpView) -> str:
    """`@username` pings the volunteer on the forum; an odd name is shown escaped instead."""
    name = view.discourse_username or ""
    return name if USERNAME.match(name) else escape_markdown(view.display_name or "", limit=60)


def join_names(names: Sequence[str], t: Translator) -> str:
    if len(names) <= 1:
        return "".join(names)
    return t("ack.list_and", first=", ".join(names[:-1]), last=names[-1])


def acknowledgement_text(entries: Sequence[Entry], t: Translator) -> str:
    """The reply's Markdown, or "" when nothing needs saying."""
    grouped: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        kind = situation(entry[0], entry[1])
        if kind is not None:
            grouped.setdefault((mention(entry[0]), kind), []).append(entry)
    lines: list[str] = []
    for (who, kind), items in grouped.items():
        names = list(dict.fromkeys(escape_markdown(v.group_name or "", limit=100) for v, _, _ in items))
        if kind == "closed":
            for view, _, reason in items:
                group = escape_markdown(view.group_name or "", limit=100)
                if reason and reason.strip():
                    lines.append(t("ack.closed_reason", username=who, group=group,
                                   reason=escape_markdown(reason.strip(), limit=300)))
                else:
                    lines.append(t("ack.closed", username=who, group=group))
        else:
            lines.append(t(f"ack.{kind}", username=who, groups=join_names(names, t)))
    return "\n\n".join(lines)
