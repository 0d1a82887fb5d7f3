from datetime import datetime, timedelta, timezone

import aiohttp
import icalendar
import recurring_ical_events

from bot.services.permissions import Actor
from bot.web.calendar import add_calendar_routes
from bot.web.server import build_web_app, serve_web
from tests.meeting_support import meeting_app

UTC = timezone.utc
OP = Actor.operator()


async def test_feeds_over_http_parse_back_to_the_same_meetings(db, clock):
    app, suite = meeting_app(db, clock)
    suite.meetings.schedule("comms", "every Monday at 10:00", OP, place="Zoom")
    suite.meetings.cancel("comms", OP, when="2026-03-09")
    suite.meetings.move("comms", "2026-03-16", "2026-03-17 15:00", OP)
    suite.meetings.schedule("board", "monthly on the second Tuesday at 19:00", OP)
    suite.meetings.schedule("policy", "1 week after the next Board meeting at 12:00", OP)
    web_app = build_web_app([lambda a: add_calendar_routes(a, suite.meetings)])
    async with serve_web(web_app, host="127.0.0.1", port=0) as url, aiohttp.ClientSession() as http:
        async with http.get(f"{url}/calendar/comms.ics") as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
            etag = response.headers["ETag"]
            comms = icalendar.Calendar.from_ical(await response.read())
        async with http.get(f"{url}/calendar/comms.ics", headers={"If-None-Match": etag}) as again:
            assert again.status == 304
        async with http.get(f"{url}/calendar/all.ics") as response:
            everyone = icalendar.Calendar.from_ical(await response.read())
        for missing in ("nobody", "../etc", "COMMS"):
            async with http.get(f"{url}/calendar/{missing}.ics") as response:
                assert response.status == 404
    window = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 31, tzinfo=UTC))
    starts = [e["DTSTART"].dt.astimezone(UTC) for e in recurring_ical_events.of(comms).between(*window)]
    assert sorted(starts) == [o.start for o in suite.meetings.upcoming(28, group="comms")] == [
        datetime(2026, 3, 2, 10, tzinfo=UTC), datetime(2026, 3, 17, 15, tzinfo=UTC),
        datetime(2026, 3, 23, 10, tzinfo=UTC), datetime(2026, 3, 30, 9, tzinfo=UTC)]
    all_starts = sorted(e["DTSTART"].dt.astimezone(UTC) for e in
                        recurring_ical_events.of(everyone).between(window[0], window[0] + timedelta(days=30)))
    assert all_starts == [o.start for o in suite.meetings.upcoming(30)]
    text = comms.to_ical().decode()
    assert "Zoom" in text and "John" in text  # place and the driver's display name, nothing more personal
    assert "1001" not in text and "AthertonJohn" not in text


async def test_a_retired_group_has_no_feed(db, clock):
    app, suite = meeting_app(db, clock)
    suite.meetings.schedule("events", "every Friday at 16:00", OP)
    assert suite.meetings.feed("events") is not None
    app.groups.sync_from_config([g for g in app.config.groups if g.slug != "events"])
    assert suite.meetings.feed("events") is None
