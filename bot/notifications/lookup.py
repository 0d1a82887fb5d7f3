"""Loading what the renderers need, inside the caller's session."""

from __future__ import annotations

from sqlmodel import Session, select

from bot.errors import NotFoundError
from bot.models import Group, Membership, Person, SignUp
from bot.services.listings import SignUpView, view_of


def signup_view(session: Session, signup: SignUp) -> SignUpView:
    person = session.get(Person, signup.person_id)
    group = session.get(Group, signup.group_id) if signup.group_id is not None else None
    if person is None:
        raise NotFoundError("error.unknown_signup", id=signup.id)
    return view_of(signup, person, group)


def signup_view_by_id(session: Session, signup_id: int) -> SignUpView:
    signup = session.get(SignUp, signup_id)
    if signup is None:
        raise NotFoundError("error.unknown_signup", id=signup_id)
    return signup_view(session, signup)


def active_drivers(session: Session, group_id: int | None) -> list[Person]:
    """The group's current drivers (not erased), oldest first.

    Read once per group per unit of work: a poll batch notifies the same
    drivers many times, and drivers only change through a config sync.
    """
    if group_id is None:
        return []
    cache: dict[int, list[Person]] = session.info.setdefault("active_drivers", {})
    if group_id not in cache:
        cache[group_id] = _drivers(session, group_id)
    return list(cache[group_id])


def _drivers(session: Session, group_id: int) -> list[Person]:
    rows = session.exec(
        select(Person)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.group_id == group_id, Membership.role == "driver", Membership.ended_at.is_(None),
               Person.erased_at.is_(None))
        .order_by(Membership.started_at, Person.id)
    ).all()
    unique: dict[int, Person] = {}
    for person in rows:
        unique.setdefault(person.id, person)
    return list(unique.values())
