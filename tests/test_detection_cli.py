"""The `coopbot detect` line protocol: one JSON decision per good line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.detection import Detector
from bot.detection.cli import load_groups, run_detect
from bot.errors import ConfigError
from tests.detection_groups import GROUPS


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(GROUPS)


def run(detector: Detector, lines: list[str]) -> tuple[int, list[dict], list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = run_detect(detector, lines, out, err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue().splitlines()


def test_good_lines(detector: Detector) -> None:
    lines = [
        json.dumps({"id": "p1", "text": "Sign me up for the garden group!", "lang": "en"}) + "\n",
        "\n",
        json.dumps({"id": 7, "text": "The garden looks lovely."}),
    ]
    code, rows, errors = run(detector, lines)
    assert code == 0 and errors == []
    assert [r["id"] for r in rows] == ["p1", 7]
    assert rows[0]["intent"] == "join" and rows[0]["groups"] == ["garden"]
    assert rows[0]["evidence"] == "Sign me up for the garden group!"
    assert rows[1] == {"id": 7, "intent": "none", "groups": [], "confidence": rows[1]["confidence"], "evidence": ""}
    for row in rows:
        assert set(row) == {"id", "intent", "groups", "confidence", "evidence"}
        assert 0 <= row["confidence"] <= 1 and round(row["confidence"], 3) == row["confidence"]


def test_malformed_lines_are_reported_and_processing_continues(detector: Detector) -> None:
    lines = [
        "{not json",
        json.dumps({"id": "p2"}),
        json.dumps({"text": "no id here"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": True, "text": "bool id"}),
        json.dumps({"id": "p3", "text": "Count me in for Events!"}),
    ]
    code, rows, errors = run(detector, lines)
    assert code == 1
    assert [r["id"] for r in rows] == ["p3"] and rows[0]["groups"] == ["events"]
    assert len(errors) == 5
    assert errors[0].startswith("line 1:")
    assert errors[1].startswith('id "p2":') and "text" in errors[1]
    assert errors[2].startswith("line 3:") and "id" in errors[2]
    assert errors[3].startswith("line 4:")
    assert errors[4].startswith("line 5:")


def test_non_ascii_text_is_written_as_is(detector: Detector) -> None:
    _, rows, _ = run(detector, [json.dumps({"id": "n", "text": "Jeg vil gjerne bli med i hagegruppa, på lørdag!"})])
    assert rows[0]["evidence"] == "Jeg vil gjerne bli med i hagegruppa, på lørdag!"


def test_load_groups(tmp_path: Path) -> None:
    path = tmp_path / "groups.toml"
    path.write_text('[[groups]]\nslug = "garden"\nname = "Garden"\naliases = ["hagegruppa"]\n'
                    'email = "garden@coop.example"\nstatus = "planned"\n', encoding="utf-8")
    (group,) = load_groups(path)
    assert (group.slug, group.aliases, group.email, group.status) == (
        "garden", ("hagegruppa",), "garden@coop.example", "planned")
    path.write_text('[[groups]]\nname = "No slug"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_groups(path)
