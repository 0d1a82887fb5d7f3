"""Persistent buttons and turning an outbox payload into a Discord message.

Buttons are `DynamicItem`s: their state lives in the custom id
(`coopbot:signup:<id>:<action>`, `coopbot:ask:<id>:yes|no`), so a button on
a message sent last month still works after any number of restarts — the
bot registers the templates with `add_dynamic_items` at start and discord.py
rebuilds the item from the id on each press (`from_custom_id`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.discord_runtime.replies import guarded, send
from bot.discord_runtime.signup_card import signup_card
from bot.i18n.escape import escape_markdown

if TYPE_CHECKING:
    from bot.discord_runtime.context import BotContext

log = logging.getLogger(__name__)

SIGNUP_TEMPLATE = r"coopbot:signup:(?P<id>[0-9]{1,18}):(?P<action>contacted|joined|declined|confirm|dismiss)"
ASK_TEMPLATE = r"coopbot:ask:(?P<id>[0-9]{1,18}):(?P<answer>yes|no)"
STYLES = {"primary": discord.ButtonStyle.primary, "secondary": discord.ButtonStyle.secondary,
          "success": discord.ButtonStyle.success, "danger": discord.ButtonStyle.danger}
CONTENT_LIMIT, EMBED_TEXT_LIMIT, FIELD_LIMIT = 2000, 4096, 1024


def context_of(interaction: discord.Interaction) -> BotContext:
    return interaction.client.context  # type: ignore[attr-defined]


class SignUpButton(discord.ui.DynamicItem[discord.ui.Button], template=SIGNUP_TEMPLATE):
    """A driver's action on a sign-up; the service decides whether the presser may."""

    def __init__(self, signup_id: int, action: str, *, label: str | None = None,
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(label=label or action, style=style,
                                           custom_id=f"coopbot:signup:{signup_id}:{action}"))
        self.signup_id = signup_id
        self.action = action

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> SignUpButton:
        return cls(int(match["id"]), match["action"], label=item.label, style=item.style)

    async def callback(self, interaction: discord.Interaction) -> None:
        ctx = context_of(interaction)
        await guarded(ctx, interaction, self._press(ctx, interaction))

    async def _press(self, ctx: BotContext, interaction: discord.Interaction) -> None:
        actor = await ctx.actor_for(interaction)
        if self.action in ("confirm", "dismiss"):
            await ctx.run(ctx.app.signups.confirm_review, self.signup_id, actor,
                          is_signup=self.action == "confirm")
        else:
            await ctx.run(ctx.app.signups.set_status, self.signup_id, self.action, actor)
        log.info("button %s on sign-up %s pressed by user %s", self.action, self.signup_id, interaction.user.id)
        view = await ctx.run(ctx.directory.signup_view, self.signup_id)
        t = ctx.translator_for(interaction)
        render = ctx.render_signup or signup_card
        parts = build_message(render(view, t, forum_url=ctx.forum_url))
        await interaction.response.edit_message(content=parts.content, embed=parts.embed, view=parts.view)


class AskButton(discord.ui.DynamicItem[discord.ui.Button], template=ASK_TEMPLATE):
    """The volunteer answering "did someone get in touch?"."""

    def __init__(self, signup_id: int, answer: str, *, label: str | None = None,
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(label=label or answer, style=style,
                                           custom_id=f"coopbot:ask:{signup_id}:{answer}"))
        self.signup_id = signup_id
        self.answer = answer

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> AskButton:
        return cls(int(match["id"]), match["answer"], label=item.label, style=item.style)

    async def callback(self, interaction: discord.Interaction) -> None:
        ctx = context_of(interaction)
        await guarded(ctx, interaction, self._press(ctx, interaction))

    async def _press(self, ctx: BotContext, interaction: discord.Interaction) -> None:
        t = ctx.translator_for(interaction)
        if ctx.followup is None:
            log.error("ask button on sign-up %s pressed but no follow-up service is wired", self.signup_id)
            await send(interaction, t("error.generic"))
            return
        actor = await ctx.actor_for(interaction)
        await ctx.run(ctx.followup.volunteer_answer, self.signup_id, self.answer == "yes",
                      person_id=actor.person_id)
        log.info("volunteer answered %s on sign-up %s (user %s)", self.answer, self.signup_id, interaction.user.id)
        await interaction.response.edit_message(content=t(f"ask.thanks_{self.answer}"), embed=None, view=None)


PERSISTENT_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (SignUpButton, AskButton)


def known_items() -> tuple[type[discord.ui.DynamicItem[Any]], ...]:
    """Every persistent button the bot answers: ours and the meeting cog's.

    Imported lazily because the meeting views build their messages with this
    module.
    """
    from cogs.meeting_views import DYNAMIC_ITEMS

    return PERSISTENT_ITEMS + DYNAMIC_ITEMS


@dataclass(frozen=True)
class MessageParts:
    content: str | None
    embed: discord.Embed | None
    view: discord.ui.View | None


def cap(text: str, limit: int) -> str:
    """Shorten to Discord's limit without touching the text otherwise.

    Not `clean()`: producers already escaped the text, and cleaning would
    strip the zero-width space that defuses an escaped @everyone.
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_button(spec: dict[str, Any]) -> discord.ui.Item[Any]:
    """The same classes the bot registers, so the button keeps working after a restart."""
    custom_id = str(spec["custom_id"])[:100]
    label = cap(str(spec.get("label") or ""), 80) or None
    style = STYLES.get(str(spec.get("style", "secondary")), discord.ButtonStyle.secondary)
    for item_type in known_items():
        match = item_type.__discord_ui_compiled_template__.fullmatch(custom_id)  # type: ignore[attr-defined]
        if match:
            return item_type(int(match["id"]), match.group(2), label=label, style=style)
    log.warning("button %r has no registered handler; sent as a plain button", custom_id)
    return discord.ui.Button(custom_id=custom_id, label=label, style=style)


def build_view(specs: list[dict[str, Any]]) -> discord.ui.View | None:
    if not specs:
        return None
    view = discord.ui.View(timeout=None)
    for spec in specs[:25]:
        view.add_item(build_button(spec))
    return view


def build_embed(data: dict[str, Any]) -> discord.Embed:
    embed = discord.Embed(title=cap(str(data.get("title") or ""), 256) or None,
                          description=cap(str(data.get("description") or ""), EMBED_TEXT_LIMIT) or None,
                          url=data.get("url") or None)
    for name, value in list(data.get("fields") or [])[:25]:
        embed.add_field(name=cap(str(name), 256), value=cap(str(value), FIELD_LIMIT), inline=False)
    return embed


def build_message(payload: dict[str, Any]) -> MessageParts:
    """An outbox payload (contracts.md) as Discord content, embed and buttons.

    The text is already rendered and escaped by its producer; the title is a
    plain subject, so it is escaped here before becoming a bold header.
    """
    text = str(payload.get("text") or "")
    title = str(payload.get("title") or "")
    if title and not payload.get("embed"):
        text = f"**{escape_markdown(title, limit=200)}**\n{text}"
    content = cap(text, CONTENT_LIMIT) or None
    embed = build_embed(payload["embed"]) if payload.get("embed") else None
    return MessageParts(content=content, embed=embed, view=build_view(list(payload.get("buttons") or [])))
