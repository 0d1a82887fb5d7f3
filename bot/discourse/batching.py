"""Split post ids into as few GET /t/{id}/posts.json requests as the URL length allows.

Discourse's controller has no cap on `post_ids[]`; the limit is the URL length
that nginx and friends accept (commonly 8 KB for the request line). We stay at
6,000 bytes so headers and proxies keep a margin: with 7-digit ids that is
about 260 ids a request (a 5,000-post topic in about 20 requests).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

MAX_URL_BYTES = 6_000
POST_IDS_PARAM = "&post_ids%5B%5D="  # how requests encodes `post_ids[]=` after the first parameter


def posts_url_base(base_url: str, topic_id: int) -> str:
    return f"{base_url.rstrip('/')}/t/{topic_id}/posts.json?include_raw=true"


def batch_post_ids(
    base_url: str,
    topic_id: int,
    post_ids: Sequence[int],
    *,
    max_url_bytes: int = MAX_URL_BYTES,
    max_batch: int | None = None,
) -> Iterator[list[int]]:
    """Yield consecutive slices of `post_ids` whose request URL stays within `max_url_bytes`."""
    base = len(posts_url_base(base_url, topic_id))
    if base + len(POST_IDS_PARAM) + 20 > max_url_bytes:
        raise ValueError(f"max_url_bytes={max_url_bytes} cannot fit even one post id")
    batch: list[int] = []
    length = base
    for post_id in post_ids:
        extra = len(POST_IDS_PARAM) + len(str(post_id))
        full = max_batch is not None and len(batch) >= max_batch
        if batch and (length + extra > max_url_bytes or full):
            yield batch
            batch, length = [], base
        batch.append(post_id)
        length += extra
    if batch:
        yield batch
