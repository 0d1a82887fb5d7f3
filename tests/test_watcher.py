from datetime import timedelta

import pytest

from bot.models import ForumPost, WatchedTopic
from bot.services.listener import SilentListener
from sqlmodel import select
from tests.sandbox_support import forum  # noqa: F401  (fixture)
from tests.watcher_support import build_watcher


def joined(app) -> dict[str, str]:
    return {v.discourse_username: (v.group, v.status) for v in app.listings.signups() if v.intent == "join"}


async def test_backfill_of_the_seed_thread_records_the_three_volunteers(db, forum):
    app, watcher = build_watcher(db, forum)
    assert await watcher.backfill_pending() == 1
    signups = app.listings.signups()
    assert sorted(v.group for v in signups) == ["communications", "mobilising", "policy"]
    assert "AthertonJohn" not in {v.discourse_username for v in signups}
    [row] = watcher.watches.list()
    assert row.backfill_done_at is not None and row.title == "Want to join a working group?"
    # a second backfill or poll changes nothing
    await watcher.poll_once()
    assert len(app.listings.signups()) == 3


async def test_idle_cycle_costs_one_request_and_new_replies_become_signups(db, forum):
    app, watcher = build_watcher(db, forum)
    await watcher.backfill_pending()
    first = await watcher.poll_once()
    assert first.requests == 1
    idle = await watcher.poll_once()
    assert idle.requests == 1 and idle.fetched == 0
    other = forum.create_topic("Lunch orders", "Who wants soup?", "samnord")
    forum.add_post(other, "I'd love to join the Policy Group!", "outsider")
    forum.add_post(1234, "Count me in for the Digital Infrastructure Group, happy to help with CiviCRM.", "newbie")
    report = await watcher.poll_once()
    assert report.requests == 1
    assert joined(app)["newbie"] == ("digital-infrastructure", "pending")
    assert "outsider" not in joined(app)


async def test_crash_between_fetch_and_commit_loses_and_duplicates_nothing(db, forum):
    class Crash(Exception):
        pass

    class CrashingListener(SilentListener):
        armed = True

        def forum_signups_acknowledge(self, session, topic_id, signups):
            if self.armed:
                raise Crash("killed before commit")

    listener = CrashingListener()
    app, watcher = build_watcher(db, forum, listener=listener)
    await watcher.backfill_pending()
    await watcher.poll_once()
    forum.add_post(1234, "I'd like to join the Mobilising Group please.", "late_joiner")
    with pytest.raises(Crash):
        await watcher.poll_once()
    assert "late_joiner" not in joined(app)
    listener.armed = False
    await watcher.poll_once()
    await watcher.poll_once()
    assert [v for v in app.listings.signups() if v.discourse_username == "late_joiner"][0].group == "mobilising"
    assert len([v for v in app.listings.signups() if v.discourse_username == "late_joiner"]) == 1


async def test_edits_and_deletions_are_reconciled_in_polling_mode(db, forum):
    app, watcher = build_watcher(db, forum)
    await watcher.backfill_pending()
    await watcher.poll_once()
    post_id = forum.add_post(1234, "Looking forward to the assembly.", "editor")
    await watcher.poll_once()
    assert "editor" not in joined(app)
    forum.edit_post(post_id, "Looking forward to the assembly. I'd like to join the Policy Group too!")
    assert await watcher.recheck_edits() == 1
    assert joined(app)["editor"] == ("policy", "pending")
    forum.delete_post(post_id)
    assert await watcher.recheck_edits() == 1
    assert joined(app)["editor"] == ("policy", "withdrawn")
    assert await watcher.recheck_edits() == 0


async def test_own_posts_bots_and_private_messages_never_count(db, forum):
    app, watcher = build_watcher(db, forum)
    await watcher.backfill_pending()
    await watcher.poll_once()
    forum.add_post(1234, "I'd love to join the Policy Group!", forum.api_username)
    forum.add_post(1234, "I'd love to join the Policy Group!", "system")
    await watcher.poll_once()
    assert set(joined(app)) == {v.discourse_username for v in app.listings.signups()}
    assert forum.api_username not in joined(app) and "system" not in joined(app)


async def test_a_broken_topic_is_marked_and_others_carry_on(db, forum):
    app, watcher = build_watcher(db, forum)
    gone = forum.create_topic("Old thread", "Join us", "samnord")
    private = forum.create_topic("Board only", "Join us", "samnord")
    forum.set_topic_deleted(gone)
    forum.set_topic_private(private)
    watcher.watches.add(gone)
    watcher.watches.add(private)
    assert await watcher.backfill_pending() == 1
    rows = {r.topic_id: r for r in watcher.watches.list()}
    assert "NotFound" in rows[gone].last_error and "Forbidden" in rows[private].last_error
    assert rows[1234].last_error is None and len(app.listings.signups()) == 3


async def test_odd_posts_do_not_stop_the_ones_after_them(db, forum):
    app, watcher = build_watcher(db, forum)
    await watcher.backfill_pending()
    await watcher.poll_once()
    forum.add_post(1234, "", "empty_one")
    forum.add_post(1234, "x" * 1_000_000, "huge_one")
    forum.add_post(1234, "\x00 broken Ã¦Ã¸Ã¥ \ufffd \u202e text", "odd_one")
    forum.add_post(1234, "I'm keen to help the Communications Group with design.", "after_them")
    await watcher.poll_once()
    assert joined(app)["after_them"] == ("communications", "pending")
    with db.session() as session:
        assert len(session.exec(select(ForumPost)).all()) >= 8


async def test_old_backfilled_signups_are_history_not_notifications(db, forum):
    seen = []

    class Recording(SilentListener):
        def signup_recorded(self, session, signup, *, notify):
            seen.append(notify)

    app, watcher = build_watcher(db, forum, listener=Recording())
    watcher._clock.advance(timedelta(days=400))
    await watcher.backfill_pending()
    assert seen == [False, False, False]


async def test_a_watched_category_adopts_its_new_topics(db, forum):
    from tests.watcher_support import seed_config

    config = seed_config(forum.url, watch=[{"topic": 1234}, {"category": 9, "groups": ["policy"]}])
    app, watcher = build_watcher(db, forum, config=config)
    await watcher.backfill_pending()
    await watcher.poll_once()
    fresh = forum.create_topic("Policy review volunteers", "Who can help?", "Caleb", category_id=9)
    forum.add_post(fresh, "I'd like to join the Policy Group for this review.", "reviewer")
    forum.add_post(fresh, "And I'd like to join the Communications Group.", "wrong_place")
    other = forum.create_topic("Elsewhere", "Hello", "Caleb", category_id=3)
    forum.add_post(other, "I'd like to join the Policy Group too.", "not_watched")
    report = await watcher.poll_once()
    assert report.requests == 1
    assert joined(app)["reviewer"] == ("policy", "pending")
    assert "wrong_place" not in joined(app) and "not_watched" not in joined(app)
    rows = {r.topic_id: r for r in watcher.watches.list()}
    assert rows[fresh].source == "category" and rows[fresh].backfill_done_at is not None
