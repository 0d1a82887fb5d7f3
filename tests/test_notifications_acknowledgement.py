from sqlmodel import select

from bot.delivery import DiscourseSender
from bot.models import Notification
from tests.notifications_support import join, outbox, setup
from tests.outbox_support import drain, make_dispatcher
from tests.sandbox_support import SleepRecorder, forum, make_gateway  # noqa: F401 - fixture


def acknowledge(app, planner, topic_id, signups):
    with app.db.session() as session:
        planner.forum_signups_acknowledge(session, topic_id, [session.merge(s) for s in signups])


def test_one_reply_per_cycle_covers_every_new_signup(db, clock):
    app, planner = setup(db, clock)
    made = (join(app, "kari", 41, "comms", "policy") + join(app, "ola", 42, "board")
            + join(app, "per", 43, "moderation") + join(app, "siri", 44))
    before = len(outbox(db))
    acknowledge(app, planner, 10, made)
    acknowledge(app, planner, 10, made)  # the same cycle again (poll + webhook): still one reply
    [reply] = outbox(db)[before:]
    assert (reply.channel, reply.recipient, reply.kind) == ("discourse_reply", "10", "signup_ack")
    lines = reply.payload["text"].split("\n\n")
    assert lines == [
        "Thanks @kari — the driver of Communications Group and Policy Group has been told and will be in touch.",
        "@ola, Board is not open for new members just now: Elections next year.",
        "@per, Forum Moderation is still being planned; you are on the waiting list and will hear from us "
        "when it starts.",
        "Thanks @siri — a coordinator has been told and will help you find the right group.",
    ]


def test_written_in_the_organisations_language_and_never_for_unsure_signups(db, clock):
    app, planner = setup(db, clock, organisation={"name": "Kooperativet", "locale": "nb"})
    made = join(app, "kari", 41, "comms") + join(app, "ola", 42, "policy", needs_review=True, confidence=0.5)
    acknowledge(app, planner, 10, made)
    [reply] = [r for r in outbox(db) if r.kind == "signup_ack"]
    assert reply.payload["text"] == ("Takk @kari — den ansvarlige for Communications Group har fått beskjed "
                                     "og tar kontakt.")
    assert reply.payload["locale"] == "nb"


def test_switched_off_or_without_a_forum_nothing_is_posted(db, clock):
    for sections in ({"discourse": {"url": "https://f.example", "api_username": "bot",
                                    "acknowledge_signups": False}}, {"discourse": None}):
        app, planner = setup(db, clock, **sections)
        acknowledge(app, planner, 10, join(app, "kari", 41 + len(outbox(db)), "comms"))
        with db.session() as session:
            assert session.exec(select(Notification).where(Notification.kind == "signup_ack")).all() == []


async def test_acknowledgement_reaches_the_forum_over_http(db, clock, forum):  # noqa: F811
    forum.add_user("kari")
    forum.add_user("ola")
    topic_id = forum.create_topic("Join a working group", "Tell us which group!", "kari")
    p1 = forum.add_post(topic_id, "I'd like to join the comms group", "kari")
    p2 = forum.add_post(topic_id, "Count me in for the board", "ola")
    app, planner = setup(db, clock)
    made = join(app, "kari", p1, "comms") + join(app, "ola", p2, "board")
    acknowledge(app, planner, topic_id, made)
    gateway = make_gateway(forum, SleepRecorder())
    sender = DiscourseSender(gateway)
    dispatcher = make_dispatcher(db, clock, sender)
    await drain(dispatcher)
    replies = [forum.post(pid) for pid in forum.topic_post_ids(topic_id)][3:]
    assert len(replies) == 1 and replies[0].username == forum.api_username
    assert "Thanks @kari" in replies[0].raw and "@ola, Board is not open" in replies[0].raw
    assert "<!-- coopbot:ack:topic:" in replies[0].raw
