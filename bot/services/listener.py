"""What the sign-up flow tells the notification layer, and a silent default.

The sign-up service calls these inside its transaction so the outbox rows
they write commit (or roll back) together with the sign-up itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlmodel import Session

from bot.models import Membership, SignUp


class SignUpListener(Protocol):
    def signup_recorded(self, session: Session, signup: SignUp, *, notify: bool) -> None: ...

    def signup_withdrawn(self, session: Session, signup: SignUp, *, reason: str) -> None: ...

    def signup_status_changed(self, session: Session, signup: SignUp, *, old_status: str) -> None: ...

    def membership_ended(
        self, session: Session, membership: Membership, *, signup: SignUp | None, notify: bool = True
    ) -> None: ...

    def forum_signups_acknowledge(self, session: Session, topic_id: int, signups: Sequence[SignUp]) -> None: ...


class SilentListener:
    """Records nothing; for offline commands and tests of the sign-up rules."""

    def signup_recorded(self, session: Session, signup: SignUp, *, notify: bool) -> None:
        return None

    def signup_withdrawn(self, session: Session, signup: SignUp, *, reason: str) -> None:
        return None

    def signup_status_changed(self, session: Session, signup: SignUp, *, old_status: str) -> None:
        return None

    def membership_ended(
        self, session: Session, membership: Membership, *, signup: SignUp | None, notify: bool = True
    ) -> None:
        return None

    def forum_signups_acknowledge(self, session: Session, topic_id: int, signups: Sequence[SignUp]) -> None:
        return None
