import json
import logging

import pytest

from bot.cli import main
from bot.logs import setup_logging
from tests.conftest import EXAMPLE_CONFIG


def test_check_config_passes_on_the_example_and_summarises(capsys):
    assert main(["check-config", str(EXAMPLE_CONFIG)]) == 0
    out = capsys.readouterr().out
    assert "groups: 9" in out and "watched topics: 1" in out and "drivers: 4" in out


def test_check_config_reports_every_problem_and_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[organisation]\nname = "x"\ntimezone = "Mars/Olympus"\n[[groups]]\nslug = "a"\nname = "A"\n'
        'status = "maybe"\n[discord]\nguild_id = 1\ncoordinator_channel = 2\ntoken = "abc"\n',
        encoding="utf-8",
    )
    assert main(["check-config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "3 problems" in err
    assert "COOPBOT_DISCORD_TOKEN" in err and "Mars/Olympus" in err and "'maybe'" in err


def test_config_path_from_environment(workdir, monkeypatch, capsys):
    (workdir / "config.toml").rename(workdir / "elsewhere.toml")
    monkeypatch.setenv("COOPBOT_CONFIG", str(workdir / "elsewhere.toml"))
    assert main(["check-config"]) == 0


def test_signups_before_upgrade_says_what_to_run(workdir, capsys):
    assert main(["signups"]) == 1
    assert "coopbot db upgrade" in capsys.readouterr().err


def test_db_upgrade_then_signups_json_and_roster_csv(workdir, capsys):
    assert main(["db", "upgrade"]) == 0
    assert (workdir / "coopbot.db").exists()
    assert main(["db", "current"]) == 0
    capsys.readouterr()
    assert main(["signups", "--json"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["roster", "comms", "--csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "group,role,name,discourse_username,discord_id,since"
    assert lines[1].startswith("communications,driver,John Atherton,AthertonJohn,123456789012345678,")


def test_signups_json_lines_carry_the_promised_fields(workdir, capsys):
    from bot.app import build_app
    from bot.config import load_config
    from bot.services.signups import SignUpRequest

    assert main(["db", "upgrade"]) == 0
    app = build_app(load_config(workdir / "config.toml"), workdir / "config.toml")
    app.groups.sync_from_config(app.config.groups)
    with app.db.session() as session:
        person = app.people.ensure(session, discourse_username="Alison")
        app.signups.record(session, person, SignUpRequest(
            intent="join", group_slugs=("policy",), source="forum", source_ref="7", post_id=7, topic_id=1234))
    app.close()
    capsys.readouterr()
    assert main(["signups", "--json", "--group", "policy"]) == 0
    [line] = capsys.readouterr().out.strip().splitlines()
    row = json.loads(line)
    for key in ("id", "group", "intent", "status", "discourse_username", "discord_id", "post_id", "topic_id",
                "created_at"):
        assert key in row
    assert (row["group"], row["intent"], row["status"], row["discourse_username"], row["post_id"]) == (
        "policy", "join", "pending", "Alison", 7)


def test_unknown_group_in_roster_is_a_clear_error(workdir, capsys):
    main(["db", "upgrade"])
    assert main(["roster", "gardening"]) == 1
    assert "gardening" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["signups", "--status", "bogus"])
    assert caught.value.code == 2


def test_secrets_never_reach_the_logs(capsys):
    setup_logging("DEBUG", secrets=["tok-SECRET-42", "key-SECRET-77"])
    log = logging.getLogger("coopbot.test")
    log.info("connecting with token %s", "tok-SECRET-42")
    try:
        raise RuntimeError("request to https://f.example?api_key=key-SECRET-77 failed")
    except RuntimeError:
        log.exception("forum call failed")
    err = capsys.readouterr().err
    logging.getLogger().handlers.clear()
    assert "SECRET" not in err and err.count("***") >= 2


def test_run_refuses_an_unmigrated_database_and_a_missing_discord_token(workdir, capsys, monkeypatch):
    monkeypatch.delenv("COOPBOT_DISCORD_TOKEN", raising=False)
    assert main(["run"]) == 1
    assert "coopbot db upgrade" in capsys.readouterr().err
    assert main(["db", "upgrade"]) == 0
    assert main(["run"]) == 2
    assert "COOPBOT_DISCORD_TOKEN" in capsys.readouterr().err


def test_detect_uses_the_config_groups_when_no_groups_file_is_given(workdir, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 1, "text": "Count me in for the Policy Group!"}\n'))
    assert main(["detect", "--config", str(workdir / "config.toml")]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["id"], row["intent"], row["groups"]) == (1, "join", ["policy"])
