"""Who may do what. Every entry point (slash command, button, CLI, forum)
passes an `Actor` and these rules decide; Discord's own permission hints are
only a convenience on top."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from bot.errors import PermissionDeniedError
from bot.models import Group, Membership


@dataclass(frozen=True, slots=True)
class Actor:
    """The person asking. `is_admin` is set by the entry point from config
    (Discord admins list or role) or because it is the operator's CLI."""

    person_id: int | None
    is_admin: bool = False
    label: str = ""

    @classmethod
    def operator(cls) -> Actor:
        return cls(person_id=None, is_admin=True, label="cli")


def active_role(session: Session, person_id: int | None, group_id: int) -> str | None:
    """'driver', 'member' or None for the person's current place in the group."""
    if person_id is None:
        return None
    roles = session.exec(
        select(Membership.role).where(
            Membership.person_id == person_id, Membership.group_id == group_id, Membership.ended_at.is_(None)
        )
    ).all()
    if "driver" in roles:
        return "driver"
    return "member" if roles else None


def is_driver(session: Session, actor: Actor, group_id: int | None) -> bool:
    return group_id is not None and active_role(session, actor.person_id, group_id) == "driver"


def require_driver_or_admin(session: Session, actor: Actor, group_id: int | None) -> None:
    if actor.is_admin or is_driver(session, actor, group_id):
        return
    raise PermissionDeniedError("error.not_driver")


def require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise PermissionDeniedError("error.not_admin")


def can_view_roster(session: Session, actor: Actor, group: Group) -> bool:
    if actor.is_admin or group.roster_visibility == "public":
        return True
    role = active_role(session, actor.person_id, group.id)
    if group.roster_visibility == "members":
        return role is not None
    return role == "driver"
