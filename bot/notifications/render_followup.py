"""Follow-up messages: reminders, escalations, the weekly digest, asking the volunteer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.i18n import Translator
from bot.i18n.escape import escape_markdown
from bot.notifications.render import STYLES, _details, _payload, _plain_group, buttons, group_label
from bot.notifications.render import person_name, plain_name, post_url
from bot.services.listings import SignUpView


def age_days(view: SignUpView, now: datetime) -> int:
    return max(0, (now - view.created_at).days)


def _status(view: SignUpView, t: Translator) -> str:
    return t(f"signup_dm.status_{view.status}")


def render_reminder(view: SignUpView, t: Translator, *, forum_url: str | None, now: datetime) -> dict[str, Any]:
    text = t("followup.reminder", name=person_name(view), group=group_label(view, t), days=age_days(view, now),
             status=_status(view, t))
    title = t("followup.reminder_title", name=plain_name(view), group=_plain_group(view, t))
    return _payload(t, title, [text, *_details(view, t, forum_url, None)], buttons(view, t))


def render_escalation(
    view: SignUpView, t: Translator, *, forum_url: str | None, now: datetime, drivers: Sequence[str]
) -> dict[str, Any]:
    names = ", ".join(escape_markdown(d, limit=60) for d in drivers) or t("followup.no_drivers")
    days = age_days(view, now)
    text = t("followup.escalate", name=person_name(view), group=group_label(view, t), days=days,
             status=_status(view, t), drivers=names)
    title = t("followup.escalate_title", name=plain_name(view), group=_plain_group(view, t), days=days)
    return _payload(t, title, [text, *_details(view, t, forum_url, None)], buttons(view, t))


def render_digest(views: Sequence[SignUpView], t: Translator, *, forum_url: str | None,
                  now: datetime) -> dict[str, Any]:
    lines = [t("followup.digest_intro", count=len(views))]
    for view in views:
        line = t("followup.digest_line", name=person_name(view), group=group_label(view, t),
                 status=_status(view, t), days=age_days(view, now))
        url = post_url(view, forum_url)
        lines.append(f"{line} — {url}" if url else line)
    return _payload(t, t("followup.digest_title"), lines, [])


def render_ask(view: SignUpView, t: Translator, *, now: datetime, yes_url: str | None = None,
               no_url: str | None = None) -> dict[str, Any]:
    """To the volunteer: buttons on Discord, signed links in a forum PM."""
    name = escape_markdown(view.display_name or view.discourse_username or "", limit=80)
    lines = [t("followup.ask", name=name, group=group_label(view, t), days=age_days(view, now))]
    if yes_url and no_url:
        lines += ["", t("followup.ask_links", yes_url=yes_url, no_url=no_url)]
    ask_buttons = [{"custom_id": f"coopbot:ask:{view.id}:{answer}", "label": t(f"followup.ask_{answer}"),
                    "style": STYLES[answer]} for answer in ("yes", "no")]
    return _payload(t, t("followup.ask_title", group=_plain_group(view, t)), lines, ask_buttons)


def render_answer_no(view: SignUpView, t: Translator, *, forum_url: str | None, now: datetime) -> dict[str, Any]:
    days = age_days(view, now)
    text = t("followup.answer_no", name=person_name(view), group=group_label(view, t), days=days)
    title = t("followup.answer_no_title", name=plain_name(view), group=_plain_group(view, t))
    return _payload(t, title, [text, *_details(view, t, forum_url, None)], buttons(view, t))
