"""A sign-up as a Discord message, when no richer renderer is wired in.

The notification layer's renderer (bot/notifications/render.py) is the
preferred one; this card is the fallback and follows the same payload
contract, so the buttons are the same persistent custom ids either way.
"""

from __future__ import annotations

from typing import Any

from bot.i18n import Translator
from bot.i18n.escape import escape_markdown, quote_block
from bot.services.listings import SignUpView
from bot.services.signups import ACTIVE

NEXT_ACTIONS = {
    "pending": ("contacted", "joined", "declined"),
    "contacted": ("joined", "declined"),
    "waitlisted": ("declined",),
}
REVIEW_ACTIONS = ("confirm", "dismiss")
STYLES = {"contacted": "primary", "joined": "success", "declined": "danger", "confirm": "success",
          "dismiss": "secondary"}


def actions_for(view: SignUpView) -> tuple[str, ...]:
    """The buttons that make sense now; none once the sign-up is final."""
    if view.status not in ACTIVE:
        return ()
    if view.needs_review:
        return REVIEW_ACTIONS
    return NEXT_ACTIONS.get(view.status, ())


def signup_card(view: SignUpView, t: Translator, *, forum_url: str | None = None) -> dict[str, Any]:
    name = escape_markdown(view.display_name or view.discourse_username or "?", limit=100)
    group = escape_markdown(view.group_name, limit=100) if view.group_name else t("signup_card.any_group")
    lines = [
        t("signup_card.headline", id=view.id, name=name, group=group),
        t("signup_card.state", state=t(f"signup_state.{view.status}"),
          since=f"<t:{int(view.created_at.timestamp())}:R>"),
    ]
    if view.needs_review and view.status in ACTIVE:
        lines.append(t("signup_card.review"))
    if view.evidence:
        lines.append(quote_block(view.evidence, limit=300))
    if forum_url and view.post_id:
        lines.append(t("signup_card.forum_link", url=f"{forum_url}/p/{view.post_id}"))
    buttons = [
        {"custom_id": f"coopbot:signup:{view.id}:{action}", "label": t(f"button.{action}"), "style": STYLES[action]}
        for action in actions_for(view)
    ]
    return {"text": "\n".join(lines), "buttons": buttons, "locale": t.locale}
