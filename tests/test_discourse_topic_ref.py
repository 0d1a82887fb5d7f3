import pytest

from bot.discourse import parse_topic_ref

BASE = "https://forum.example.coop"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234, 1234),
        ("1234", 1234),
        (" 1234 ", 1234),
        ("https://forum.example.coop/t/want-to-join-a-working-group/1234", 1234),
        ("https://forum.example.coop/t/want-to-join-a-working-group/1234/5", 1234),
        ("https://forum.example.coop/t/1234", 1234),
        ("https://forum.example.coop/t/1234/7", 1234),
        ("https://FORUM.example.coop/t/slug/1234?u=alison#post_3", 1234),
        ("http://forum.example.coop/t/slug/1234.json", 1234),
    ],
)
def test_accepted(value, expected):
    assert parse_topic_ref(value, BASE) == expected


@pytest.mark.parametrize(
    "value",
    [
        0, -3, "", "abc", "12a", True,
        "https://other.example.org/t/slug/1234",
        "https://forum.example.coop/c/working-groups/5",
        "https://forum.example.coop/t/slug-only",
        "https://forum.example.coop:8443/t/slug/1234",
        "ftp://forum.example.coop/t/slug/1234",
    ],
)
def test_rejected_with_value_error(value):
    with pytest.raises(ValueError):
        parse_topic_ref(value, BASE)


def test_forum_under_a_subfolder():
    base = "https://example.coop/forum"
    assert parse_topic_ref("https://example.coop/forum/t/slug/77", base) == 77
    with pytest.raises(ValueError, match="outside"):
        parse_topic_ref("https://example.coop/blog/t/slug/77", base)
