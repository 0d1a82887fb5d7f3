import json
import logging
from datetime import datetime, timezone

import pytest

from bot.cli import main
from bot.db import Database
from bot.models import Notification

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def outbox_dir(workdir):
    tmp_path = workdir
    assert main(["db", "upgrade"]) == 0
    db = Database(f"sqlite:///{tmp_path / 'coopbot.db'}")
    with db.session() as session:
        session.add(Notification(kind="signup_new", channel="discord_dm", recipient="1001", payload={"title": "t"},
                                 idempotency_key="a", next_attempt_at=NOW, created_at=NOW))
        session.add(Notification(kind="signup_ack", channel="discourse_reply", recipient="10", payload={},
                                 idempotency_key="b", next_attempt_at=NOW, created_at=NOW, attempts=8,
                                 dead_at=NOW, last_error="gave up after 8 attempts: 502"))
        session.add(Notification(kind="signup_new", channel="discourse_pm", recipient="kari", payload={},
                                 idempotency_key="c", next_attempt_at=NOW, created_at=NOW, attempts=1,
                                 delivered_at=NOW, remote_ref="77"))
    db.dispose()
    yield tmp_path
    logging.getLogger().handlers.clear()


def test_outbox_lists_pending_and_recent(outbox_dir, capsys):
    assert main(["outbox"]) == 0
    out = capsys.readouterr().out
    assert "pending (1)" in out and "#1" in out and "recent (1)" in out and "delivered" in out
    assert "#2" not in out


def test_dead_letters_show_their_error_and_retry_requeues(outbox_dir, capsys):
    assert main(["outbox", "--dead", "--json"]) == 0
    [dead] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (dead["id"], dead["status"], dead["last_error"]) == (2, "dead", "gave up after 8 attempts: 502")
    assert main(["outbox", "--retry", "2", "--json"]) == 0
    requeued = json.loads(capsys.readouterr().out)
    assert requeued["status"] == "pending" and requeued["attempts"] == 0
    assert main(["outbox", "--dead"]) == 0
    assert "dead letters (0)" in capsys.readouterr().out


def test_retrying_a_delivered_or_unknown_message_is_refused(outbox_dir, capsys):
    assert main(["outbox", "--retry", "3"]) == 1
    assert "already delivered" in capsys.readouterr().err
    assert main(["outbox", "--retry", "99"]) == 1
    assert "does not exist" in capsys.readouterr().err
