import pytest
import requests

from bot.discourse.batching import batch_post_ids, posts_url_base

BASE = "https://forum.example.coop"


def real_url(topic_id: int, ids: list[int]) -> str:
    prepared = requests.Request(
        "GET", f"{BASE}/t/{topic_id}/posts.json", params={"include_raw": "true", "post_ids[]": ids}
    ).prepare()
    return prepared.url or ""


def test_batches_cover_all_ids_in_order_and_respect_the_bound():
    ids = list(range(1_000_000, 1_005_000))
    batches = list(batch_post_ids(BASE, 1234, ids, max_url_bytes=6000))
    assert [i for b in batches for i in b] == ids
    for batch in batches:
        assert len(real_url(1234, batch)) <= 6000
    # full batches are really full: one more id would cross the bound
    assert len(real_url(1234, batches[0] + [ids[len(batches[0])]])) > 6000
    assert len(batches) <= 20


def test_url_base_matches_what_requests_sends():
    assert real_url(7, [1]).startswith(posts_url_base(BASE, 7))


def test_max_batch_caps_size():
    assert [len(b) for b in batch_post_ids(BASE, 1, list(range(10)), max_batch=4)] == [4, 4, 2]


def test_impossible_bound_is_refused():
    with pytest.raises(ValueError):
        list(batch_post_ids(BASE, 1, [1], max_url_bytes=40))
