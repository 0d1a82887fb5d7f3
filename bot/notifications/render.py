"""Sign-up messages as outbox payloads: pure functions, one reader's language each.

The planner renders a message when it is queued; the Discord runtime calls the
same functions again after a button press and edits the message, so a DM
always shows the sign-up's current status and only the buttons that still make
sense (none once the sign-up is final). Everything a person typed is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.i18n import Translator
from bot.i18n.escape import clean, escape_markdown, quote_block
from bot.services.listings import SignUpView

ACTIONS_BY_STATUS: dict[str, tuple[str, ...]] = {
    "pending": ("contacted", "joined", "declined"),
    "contacted": ("joined", "declined"),
}
REVIEW_ACTIONS = ("confirm", "dismiss")
STYLES = {"contacted": "primary", "joined": "success", "declined": "danger",
          "confirm": "success", "dismiss": "secondary", "yes": "success", "no": "danger"}


def person_name(view: SignUpView) -> str:
    """The volunteer's name, escaped, with a Discord mention when we know their id."""
    name = escape_markdown(view.display_name or view.discourse_username or f"#{view.person_id}", limit=80)
    if view.discourse_username and view.display_name and view.display_name != view.discourse_username:
        name = f"{name} (@{escape_markdown(view.discourse_username, limit=60)})"
    return f"{name} <@{view.discord_id}>" if view.discord_id else name


def plain_name(view: SignUpView) -> str:
    """For titles and subjects, where Markdown is not rendered."""
    return clean(view.display_name or view.discourse_username or f"#{view.person_id}", limit=80)


def group_label(view: SignUpView, t: Translator) -> str:
    return escape_markdown(view.group_name, limit=100) if view.group_name else t("signup_dm.any_group")


def post_url(view: SignUpView, forum_url: str | None) -> str | None:
    """`/p/{post_id}` redirects to the post wherever it is, so we need no post number."""
    if not forum_url or view.post_id is None:
        return None
    return f"{forum_url.rstrip('/')}/p/{view.post_id}"


def buttons(view: SignUpView, t: Translator) -> list[dict[str, str]]:
    """The actions that still make sense for this sign-up's status."""
    if view.intent != "join":
        return []
    actions = REVIEW_ACTIONS if view.needs_review and view.status in ACTIONS_BY_STATUS else \
        ACTIONS_BY_STATUS.get(view.status, ())
    return [
        {"custom_id": f"coopbot:signup:{view.id}:{action}", "label": t(f"signup_dm.button_{action}"),
         "style": STYLES[action]}
        for action in actions
    ]


def status_line(view: SignUpView, t: Translator) -> str:
    return t("signup_dm.status_line", status=t(f"signup_dm.status_{view.status}"))


def _details(view: SignUpView, t: Translator, forum_url: str | None, commitment: str | None) -> list[str]:
    lines: list[str] = []
    if view.evidence.strip():
        lines += ["", t("signup_dm.evidence"), quote_block(view.evidence)]
    url = post_url(view, forum_url)
    if url:
        lines += ["", t("signup_dm.link", url=url)]
    if commitment:
        lines.append(t("signup_dm.commitment", commitment=escape_markdown(commitment, limit=300)))
    return lines


def render_driver_dm(
    view: SignUpView, t: Translator, *, forum_url: str | None, commitment: str | None = None
) -> dict[str, Any]:
    """The message a driver gets about a join sign-up (or a "please check" one)."""
    review = view.needs_review and view.status in ACTIONS_BY_STATUS
    params = dict(name=person_name(view), group=group_label(view, t),
                  confidence=round(view.confidence * 100))
    intro = t("signup_dm.review_intro" if review else "signup_dm.intro", **params)
    title_key = "signup_dm.review_title" if review else "signup_dm.title"
    lines = [intro, *_details(view, t, forum_url, commitment), "", status_line(view, t)]
    return _payload(t, t(title_key, name=plain_name(view), group=_plain_group(view, t)),
                    lines, buttons(view, t))


def render_coordinator(
    view: SignUpView, t: Translator, *, situation: str, forum_url: str | None
) -> dict[str, Any]:
    """For the coordinator channel: `situation` is no_group, planned or no_driver."""
    intro = t(f"signup_dm.{situation}", name=person_name(view), group=group_label(view, t))
    lines = [intro, *_details(view, t, forum_url, None), "", status_line(view, t)]
    title = t("signup_dm.coordinator_title", name=plain_name(view))
    return _payload(t, title, lines, buttons(view, t) if situation != "planned" else [])


def render_leave(view: SignUpView, t: Translator, *, forum_url: str | None) -> dict[str, Any]:
    lines = [t("signup_dm.leave", name=person_name(view), group=group_label(view, t)),
             *_details(view, t, forum_url, None)]
    return _payload(t, t("signup_dm.leave_title", name=plain_name(view), group=_plain_group(view, t)), lines, [])


def render_withdrawn(view: SignUpView, t: Translator, *, forum_url: str | None) -> dict[str, Any]:
    lines = [t("signup_dm.withdrawn", name=person_name(view), group=group_label(view, t))]
    url = post_url(view, forum_url)
    if url:
        lines += ["", t("signup_dm.link", url=url)]
    title = t("signup_dm.withdrawn_title", name=plain_name(view), group=_plain_group(view, t))
    return _payload(t, title, lines, [])


def for_forum(payload: dict[str, Any], t: Translator, *, note_key: str = "signup_dm.forum_footer") -> dict[str, Any]:
    """The same message as a Discourse PM: no buttons or Discord mentions, a footer saying why."""
    text = _strip_mentions(str(payload.get("text", "")))
    out = {k: v for k, v in payload.items() if k not in ("buttons", "fallback", "edit_ref")}
    out["text"] = f"{text}\n\n_{t(note_key)}_"
    return out


def _strip_mentions(text: str) -> str:
    return re.sub(r" ?<@\d+>", "", text)


def _plain_group(view: SignUpView, t: Translator) -> str:
    return clean(view.group_name, limit=100) if view.group_name else t("signup_dm.any_group")


def _payload(t: Translator, title: str, lines: Sequence[str], button_list: list[dict[str, str]]) -> dict[str, Any]:
    payload: dict[str, Any] = {"title": title, "text": "\n".join(lines).strip(), "locale": t.locale}
    if button_list:
        payload["buttons"] = button_list
    return payload
