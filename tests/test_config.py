from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Secrets, database_url, load_config
from bot.config_problems import validate_data
from bot.durations import parse_duration
from bot.errors import ConfigError
from tests.conftest import EXAMPLE_CONFIG

MINIMAL = """
[organisation]
name = "Kooperativet"
timezone = "Europe/Oslo"
locale = "nb"

[[groups]]
slug = "innkjop"
name = "Innkjøp"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    return caught.value.problems


def test_example_config_is_valid_and_declares_the_seed_groups():
    config = load_config(EXAMPLE_CONFIG)
    slugs = {g.slug for g in config.groups}
    assert {"communications", "mobilising", "policy", "digital-infrastructure", "business-planning"} <= slugs
    assert config.group("mission-group").status == "closed"
    assert config.group("communications").drivers[0].discourse == "AthertonJohn"
    assert config.organisation.timezone == "Europe/London"


def test_minimal_config_needs_only_organisation_and_groups(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert config.discourse is None and config.discord is None
    assert config.follow_up.remind_after == timedelta(days=3)
    assert config.reminders.offsets == (timedelta(days=7), timedelta(days=1))


def test_three_mistakes_are_all_reported_with_paths_and_hints(tmp_path):
    text = MINIMAL.replace('"Europe/Oslo"', '"Europe/Osloo"') + '\n[[grups]]\nslug = "x"\n'
    text = text.replace('name = "Innkjøp"', 'name = "Innkjøp"\nstatus = "opn"')
    problems = problems_of(tmp_path, text)
    assert len(problems) == 3
    joined = "\n".join(problems)
    assert "organisation.timezone: timezone 'Europe/Osloo' is not an IANA zone — did you mean 'Europe/Oslo'?" in joined
    assert "unknown key 'grups' — did you mean 'groups'?" in joined
    assert "groups[0].status" in joined and "'opn'" in joined


def test_secret_in_file_names_the_environment_variable(tmp_path):
    text = MINIMAL + '\n[discourse]\nurl = "https://f.example"\napi_username = "bot"\napi_key = "s3cr3t"\n'
    problems = problems_of(tmp_path, text)
    assert problems == [
        "discourse.api_key: secrets must not be written in the config file; remove it and set the "
        "environment variable COOPBOT_DISCOURSE_API_KEY instead"
    ]


def test_database_password_in_file_is_refused(tmp_path):
    problems = problems_of(tmp_path, MINIMAL + '\n[database]\nurl = "postgresql://u:pw@db/coop"\n')
    assert any("COOPBOT_DATABASE_URL" in p for p in problems)


@pytest.mark.parametrize(
    "extra, expected",
    [
        ('[[groups]]\nslug = "innkjop"\nname = "Again"\n', "group slugs must be unique"),
        ('[[groups]]\nslug = "Bad Slug"\nname = "X"\n', "lower-case letters"),
        ('[[groups]]\nslug = "x"\nname = "X"\ndrivers = [{ name = "Kari" }]\n', "needs a 'discourse' username"),
        ('[[groups]]\nslug = "x"\nname = "X"\nemail = "not-an-address"\n', "is not an e-mail address"),
        ('[follow_up]\nremind_after = "soon"\n', "'soon' is not a duration"),
        ('[[watch]]\ntopic = 12\n', "needs a [discourse] section"),
    ],
)
def test_invalid_values_get_clear_messages(tmp_path, extra, expected):
    problems = problems_of(tmp_path, MINIMAL + "\n" + extra)
    assert any(expected in p for p in problems), problems


def test_broken_toml_reports_the_position(tmp_path):
    problems = problems_of(tmp_path, MINIMAL + "\n[discourse\n")
    assert len(problems) == 1 and "not valid TOML" in problems[0] and "line" in problems[0]


def test_missing_file_says_how_to_start(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "nope.toml")
    assert "config.example.toml" in caught.value.problems[0]


def test_sqlite_path_is_relative_to_the_config_file(tmp_path):
    path = write(tmp_path, MINIMAL)
    assert database_url(load_config(path), path) == f"sqlite:///{tmp_path / 'coopbot.db'}"


def test_secrets_come_from_the_environment_and_never_show_in_repr():
    secrets = Secrets.from_env({"COOPBOT_DISCORD_TOKEN": "tok-123456", "COOPBOT_WEBHOOK_SECRET": ""})
    assert secrets.discord_token == "tok-123456" and secrets.webhook_secret is None
    assert "tok-123456" not in repr(secrets)


@pytest.mark.parametrize("text, expected", [("3d", timedelta(days=3)), ("1d12h", timedelta(hours=36)),
                                            ("90s", timedelta(seconds=90)), (60, timedelta(minutes=1))])
def test_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("bad", ["", "3 days", "d3", "-1h", True, "9" * 50])
def test_bad_durations(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


def test_config_is_frozen():
    config = validate_data({"organisation": {"name": "x"}, "groups": [{"slug": "a", "name": "A"}]})
    with pytest.raises(Exception):
        config.organisation.name = "y"  # type: ignore[misc]
