"""The meetings part of `coopbot demo`: reminders, an agenda topic and a feed.

The demo's clock is moved to just after each due moment of the next
Communications Group meeting (7 days before, the agenda 3 days before,
1 day before), the meeting tick runs, and the outbox delivers: the agenda
topic really appears on the sandbox forum. Then the calendar feed is served
over loopback HTTP and read back.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import aiohttp
from icalendar import Calendar

from bot.app import App
from bot.clock import FakeClock
from bot.delivery.console import ConsoleSender
from bot.delivery.message import DeliveryResult, OutgoingMessage, Sender
from bot.demo_output import Printer
from bot.dispatcher import Dispatcher
from bot.sandbox import SandboxForum
from bot.services.meeting_suite import meeting_suite
from bot.web.calendar import add_calendar_routes
from bot.web.server import build_web_app, serve_web

GROUP = "communications"
STEPS = (("7 days before: first reminder", timedelta(days=7)),
         ("3 days before: agenda topic opens", timedelta(days=3)),
         ("1 day before: second reminder, linking the agenda", timedelta(days=1)))


class ShownSender:
    """Delivers for real and shows on the console what was sent."""

    def __init__(self, inner: Sender, console: ConsoleSender) -> None:
        self.channels = inner.channels
        self._inner = inner
        self._console = console

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        result = await self._inner.deliver(message)
        await self._console.deliver(message)
        return result


async def show_meetings(app: App, forum: SandboxForum, dispatcher: Dispatcher, printer: Printer) -> None:
    suite = meeting_suite(app)
    suite.meetings.sync_from_config()
    zone = ZoneInfo(app.config.organisation.timezone)
    printer.section("Meeting rhythm from config.example.toml (next 45 days)")
    for occurrence in suite.meetings.upcoming(days=45):
        printer.line(f"  {occurrence.start.astimezone(zone):%a %d %b %Y %H:%M}  {occurrence.group_name}")
    soon = app.clock.now() + STEPS[0][1] + timedelta(hours=1)
    start = next((o.start for o in suite.meetings.upcoming(days=120, group=GROUP) if o.start > soon), None)
    if start is None or not isinstance(app.clock, FakeClock):
        return
    printer.note(f"following the {GROUP} meeting of {start.astimezone(zone):%a %d %b %Y %H:%M}")
    suite.tick()  # the reminder plan starts now: nothing earlier is "late"
    await _drain(dispatcher)
    for title, before in STEPS:
        app.clock.set(start - before + timedelta(minutes=1))
        printer.section(f"Clock moved to {app.clock.now().astimezone(zone):%a %d %b %H:%M} — {title}")
        report = suite.tick()
        printer.note(f"tick queued {report.queued} reminder(s), {report.agendas} agenda topic(s)")
        await _drain(dispatcher)
    await _show_feed(app, printer)


async def _drain(dispatcher: Dispatcher) -> None:
    while (await dispatcher.run_once()).claimed:
        pass


async def _show_feed(app: App, printer: Printer) -> None:
    meetings = meeting_suite(app).meetings
    web_app = build_web_app([lambda web: add_calendar_routes(web, meetings)])
    async with serve_web(web_app, host="127.0.0.1", port=0) as url:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{url}/calendar/{GROUP}.ics") as resp:
                body = await resp.read()
                content_type = resp.content_type
    calendar = Calendar.from_ical(body)
    events = [c for c in calendar.walk("VEVENT")]
    printer.section(f"Calendar feed {url}/calendar/{GROUP}.ics ({content_type}, {len(body)} bytes)")
    for event in events:
        rule = event.get("RRULE")
        printer.line(f"  {event.get('SUMMARY')} — starts {event.decoded('DTSTART'):%Y-%m-%d %H:%M %Z}"
                     + (f", repeats {rule.to_ical().decode()}" if rule else ""))
    printer.note("parsed back with the icalendar library: valid RFC 5545")
