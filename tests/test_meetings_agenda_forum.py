"""The agenda topic reaches a forum over real HTTP (the sandbox), through the
notification helper's DiscourseSender, and later reminders link to it."""

from datetime import datetime, timezone

from bot.delivery import DiscourseSender, OutgoingMessage
from bot.models import Notification
from bot.services.permissions import Actor
from tests.meeting_support import meeting_app, meeting_groups, outbox
from tests.sandbox_support import forum, gateway, sleeps  # noqa: F401  (fixtures)

UTC = timezone.utc


def outgoing(row: Notification) -> OutgoingMessage:
    return OutgoingMessage(id=row.id, kind=row.kind, channel=row.channel, recipient=row.recipient,
                           payload=row.payload, key=row.idempotency_key, attempt=1)


async def test_agenda_topic_is_created_on_the_forum_and_linked(db, clock, forum, gateway):  # noqa: F811
    groups = meeting_groups(comms={"discourse_category": 5})
    app, suite = meeting_app(db, clock, groups=groups, discourse={"url": forum.url, "api_username": "coopbot"})
    suite.meetings.schedule("comms", "every Monday at 10:00", Actor.operator())
    clock.set(datetime(2026, 3, 6, 10, 0, tzinfo=UTC))
    assert suite.reminders.tick().agendas == 1
    [row] = outbox(app, kind="meeting_agenda")
    result = await DiscourseSender(gateway).deliver(outgoing(row))
    with app.db.session() as session:
        stored = session.get(Notification, row.id)
        stored.delivered_at, stored.remote_ref = clock.now(), result.remote_ref
    post = forum.state.posts[int(result.remote_ref)]
    topic = forum.state.topics[post.topic_id]
    assert topic.title == "Communications Group — meeting Monday 9 March 2026"
    assert topic.category_id == 5 and post.post_number == 1
    assert "## 1. Reports" in post.raw and "## 6. Next meeting" in post.raw
    clock.set(datetime(2026, 3, 8, 10, 0, tzinfo=UTC))
    suite.reminders.tick()
    day_before = [r for r in outbox(app, kind="meeting_reminder") if r.channel == "discord_channel"]
    assert f"{forum.url}/p/{result.remote_ref}" in day_before[0].payload["text"]
