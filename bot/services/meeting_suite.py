"""The meeting services built together, once per App.

Entry points (the Discord cogs, the CLI, the runtime's tick loop, the web
server's calendar routes) all reach the same objects through
`meeting_suite(app)`, which builds them on first use and keeps them in
`app.extras["meetings"]`, so the reminder plan cache is shared.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.app import App
from bot.services.meetings import MeetingService
from bot.services.minutes import MinutesService
from bot.services.polls import PollService
from bot.services.reminders import ReminderReport, ReminderService

EXTRAS_KEY = "meetings"


@dataclass(frozen=True)
class MeetingSuite:
    meetings: MeetingService
    reminders: ReminderService
    polls: PollService
    minutes: MinutesService

    def tick(self) -> ReminderReport:
        """One pass of the background work: close due polls, then queue due reminders."""
        self.polls.tick()
        return self.reminders.tick()


def build_meeting_suite(app: App) -> MeetingSuite:
    meetings = MeetingService(app.db, app.clock, app.config)
    return MeetingSuite(
        meetings=meetings,
        reminders=ReminderService(app.db, app.clock, app.config),
        polls=PollService(app.db, app.clock, app.config, meetings),
        minutes=MinutesService(app.db, app.clock),
    )


def meeting_suite(app: App) -> MeetingSuite:
    suite = app.extras.get(EXTRAS_KEY)
    if not isinstance(suite, MeetingSuite):
        suite = app.extras[EXTRAS_KEY] = build_meeting_suite(app)
    return suite
