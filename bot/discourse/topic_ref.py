"""Turn what a person pastes (an id or a topic URL) into a topic id."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def parse_topic_ref(value: str | int, base_url: str) -> int:
    """Accept 1234, "1234", ".../t/slug/1234", ".../t/slug/1234/5", ".../t/1234[/5]".

    URLs must point at our forum (same host, under its base path): a link to
    another Discourse would otherwise silently name an unrelated local topic.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a topic reference: {value!r}")
    if isinstance(value, int):
        return _positive(value, value)
    text = value.strip()
    if text.isdigit():
        return _positive(int(text), value)
    return _from_url(text, base_url)


def _positive(topic_id: int, original: object) -> int:
    if topic_id <= 0:
        raise ValueError(f"topic id must be a positive number, got {original!r}")
    return topic_id


def _port(url: SplitResult) -> int | None:
    """Explicit non-default port, so http://h and https://h:443 count as the same forum."""
    port = url.port
    return None if port in (None, 80, 443) else port


def _from_url(text: str, base_url: str) -> int:
    url = urlsplit(text)
    base = urlsplit(base_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ValueError(f"not a topic id or forum link: {text!r}")
    if url.hostname.lower() != (base.hostname or "").lower() or _port(url) != _port(base):
        raise ValueError(f"link points at {url.hostname}, not at our forum {base.hostname}: {text!r}")
    prefix = base.path.rstrip("/")
    path = url.path
    if prefix and not (path == prefix or path.startswith(prefix + "/")):
        raise ValueError(f"link is outside the forum at {base_url}: {text!r}")
    parts = [p for p in path[len(prefix):].split("/") if p]
    if len(parts) < 2 or parts[0] != "t":
        raise ValueError(f"not a topic link (expected /t/slug/ID): {text!r}")
    parts[-1] = parts[-1].removesuffix(".json")
    if parts[1].isdigit():
        return _positive(int(parts[1]), text)
    if len(parts) >= 3 and parts[2].isdigit():
        return _positive(int(parts[2]), text)
    raise ValueError(f"no topic id in link: {text!r}")
