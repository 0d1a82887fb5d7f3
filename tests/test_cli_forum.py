"""`coopbot poll`, `watch` and `signups` against the sandbox forum, as cron would run them."""

import json

import pytest

from bot.cli import main
from bot.sandbox import SandboxThread
from tests.conftest import EXAMPLE_CONFIG


@pytest.fixture
def forum_dir(tmp_path, monkeypatch):
    with SandboxThread(rate_limit_per_minute=None) as forum:
        text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
        text = text.replace("https://forum.example.coop/t/want-to-join-a-working-group/1234", "1234")
        text = text.replace('url = "https://forum.example.coop"', f'url = "{forum.url}"')
        (tmp_path / "config.toml").write_text(text, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("COOPBOT_DISCOURSE_API_KEY", forum.api_key)
        monkeypatch.delenv("COOPBOT_CONFIG", raising=False)
        assert main(["db", "upgrade"]) == 0
        for driver in ("samnord", "Caleb", "coopsmark"):
            forum.add_user(driver)
        yield forum


def test_poll_once_backfills_records_and_answers_on_the_forum(forum_dir, capsys):
    forum = forum_dir
    assert main(["poll", "--once"]) == 0
    capsys.readouterr()
    assert main(["signups", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["group"] for r in rows) == ["communications", "mobilising", "policy"]
    forum.add_post(1234, "Count me in for the Digital Infrastructure Group, I know WordPress.", "wp_fan")
    assert main(["poll", "--once"]) == 0
    out = capsys.readouterr().out
    assert "1 sign-ups, 1 request(s)" in out
    replies = [p for p in forum.state.posts.values() if p.username == forum.api_username and p.topic_id == 1234]
    assert len(replies) == 1 and "@wp_fan" in replies[0].raw
    assert forum.sent_private_messages, "drivers without Discord get a forum private message"


def test_dry_run_sends_nothing_and_shows_the_queue(forum_dir, capsys):
    forum = forum_dir
    assert main(["poll", "--once", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "queued, not sent (dry run)" in out and "signup_new" in out
    assert not [p for p in forum.state.posts.values() if p.username == forum.api_username]
    assert not forum.sent_private_messages


def test_watch_list_shows_backfill_state_and_errors(forum_dir, capsys):
    forum = forum_dir
    gone = forum.create_topic("Old thread", "Hello", "samnord")
    forum.set_topic_deleted(gone)
    assert main(["watch", "add", str(gone)]) == 1
    capsys.readouterr()
    assert main(["watch", "list"]) == 0
    out = capsys.readouterr().out
    assert "1234" in out and f"{gone}" in out and "ForumNotFoundError" in out
    assert main(["watch", "remove", str(gone)]) == 0
    assert main(["watch", "add", "https://elsewhere.example/t/x/5"]) == 1
