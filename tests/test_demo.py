import io

from bot.cli import main
from bot.demo import run_demo


async def test_demo_records_the_seed_volunteers_and_ignores_the_driver():
    out = io.StringIO()
    assert await run_demo(out, colour=False) == 0
    text = out.getvalue()
    assert "JOIN → communications" in text and "JOIN → mobilising" in text and "JOIN → policy" in text
    signups = text.split("Sign-ups recorded:")[1]
    assert "AthertonJohn" not in signups
    assert "glasgow_designer" in signups and "keen_newcomer" in signups and "Alison" in signups
    assert "that cycle cost 1 request" in text
    assert "\033[" not in text


def test_demo_runs_from_the_command_line(capsys):
    assert main(["demo", "--no-colour"]) == 0
    assert "Demo finished" in capsys.readouterr().out
