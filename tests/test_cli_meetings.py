"""The meetings CLI, on an app built like the others' tests (schema from the models)."""

import pytest

from bot.cli import commands_meetings, main
from bot.services.meeting_suite import meeting_suite
from tests.meeting_support import meeting_app


@pytest.fixture
def cli_app(db, clock, monkeypatch):
    app, _ = meeting_app(db, clock)
    app.close = lambda: None  # the db fixture disposes of the engine
    monkeypatch.setattr(commands_meetings, "open_checked_app", lambda args: app)
    return app


def test_schedule_shows_dates_and_saves_only_with_yes(cli_app, capsys):
    assert main(["meetings", "schedule", "comms", "fortnightly on Thursday at 14:00"]) == 0
    out = capsys.readouterr().out
    assert "not saved" in out and "Thu 2026-03-05 14:00" in out and "Thu 2026-04-02 14:00" in out
    assert meeting_suite(cli_app).meetings.upcoming(30) == []
    assert main(["meetings", "schedule", "comms", "fortnightly on Thursday at 14:00", "--place", "Zoom",
                 "--yes"]) == 0
    assert "saved" in capsys.readouterr().out
    assert main(["meetings", "--days", "20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["Thu 2026-03-05 14:00  Communications Group         Zoom",
                     "Thu 2026-03-19 14:00  Communications Group         Zoom"]


def test_unclear_or_unreadable_phrases_exit_2_with_help(cli_app, capsys):
    assert main(["meetings", "schedule", "comms", "every second Tuesday at 19:00"]) == 2
    assert "one of" in capsys.readouterr().err
    assert main(["meetings", "schedule", "comms", "when pigs fly"]) == 2
    assert "phrases that work" in capsys.readouterr().err
    assert main(["meetings", "schedule", "nobody", "every Monday"]) == 1
    assert "nobody" in capsys.readouterr().err
