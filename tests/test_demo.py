import io

from bot.cli import main
from bot.demo import run_demo


async def test_demo_shows_the_whole_path_from_forum_to_people_and_meetings():
    out = io.StringIO()
    assert await run_demo(out, colour=False) == 0
    text = out.getvalue()
    # detection: the three seed volunteers, the driver's replies ignored
    assert "JOIN → communications" in text and "JOIN → mobilising" in text and "JOIN → policy" in text
    assert text.count("        NONE") == 2
    signups = text.split("Sign-ups recorded:")[1].split("▸")[0]
    assert "AthertonJohn" not in signups
    assert {"glasgow_designer", "keen_newcomer", "Alison", "leeds_baker"} <= set(signups.split())
    assert "that cycle cost 1 request" in text
    # notifications: one per volunteer (3 seed + 1 live), one forum acknowledgement, nothing for the driver
    assert text.count("── signup_new →") == 4
    assert text.count("── signup_ack → discourse_reply 1234") == 1
    assert "Thanks @leeds_baker" in text
    # meetings: reminders, an agenda topic on the forum, a valid feed
    assert "── meeting_agenda → discourse_topic 7" in text
    assert "Agenda: http://127.0.0.1" in text
    assert "valid RFC 5545" in text and "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH" in text
    assert "\033[" not in text


def test_demo_runs_from_the_command_line(capsys):
    assert main(["demo", "--no-colour"]) == 0
    assert "Demo finished" in capsys.readouterr().out
