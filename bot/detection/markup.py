"""Reduce a raw Discourse post to the author's own prose, split into sentences.

Quotes, code and markup carry other people's words or machine text; a sign-up
quoted from someone else must never count as the author's. Every expression
here is linear (no nested unbounded repeats), so a hostile 100 KB post costs
milliseconds, not minutes.
"""

from __future__ import annotations

import re

_QUOTE_TAG = re.compile(r"\[(/?)quote(?:=[^\]\n]{0,300})?\]", re.IGNORECASE)
_FENCES = ("```", "~~~")
_MD_QUOTE = re.compile(r"^\s{0,3}>")
_MD_QUOTE_LINE = re.compile(r"^[^\S\n]{0,3}>", re.MULTILINE)
# a line that might be code, a quote or a like counter (superset of the four above):
# the first line, or a newline and then the line (a literal first lets the engine
# skip ahead in C; "^" in MULTILINE mode is tried at every position)
_BLOCK_START = re.compile(r"[^\S\n]|[`~>\d]")
_BLOCK_LINE = re.compile(r"\n(?:[^\S\n]|[`~>\d])")
_LIKES = re.compile(r"^\s*\d+\s+likes?\s*$", re.IGNORECASE)
_INLINE_CODE = re.compile(r"`[^`\n]{0,2000}`")
_HTML = re.compile(r"<[^<>\n]{0,500}>")
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_URL = re.compile(r"https?://[^\s<>()\[\]]{1,2000}")
# a Discourse topic link names its topic in the slug: /t/garden-group-needs-you/341
_TOPIC_SLUG = re.compile(r"/t/([a-z0-9]+(?:-[a-z0-9]+){0,15})(?:/\d|/?$)")
# a literal first lets the engine skip ahead in C (a pattern that starts with a
# lookaround is tried at every position); the lookbehind checks what precedes the "@"
_MENTION = re.compile(r"@(?<![\w.@]@)[\w][\w.\-]{0,59}")
_SHORTCODE = re.compile(r":[a-z0-9_+\-]{1,40}:")
# Discourse stores picked emoji as shortcodes; the few that mark irony are kept
# as their character so the detector can tell a sign-up said in jest
_KEPT_EMOJI = {":roll_eyes:": "\U0001F644", ":upside_down_face:": "\U0001F643", ":unamused:": "\U0001F612"}
IRONY_EMOJI = tuple(_KEPT_EMOJI.values())  # a sign-up said in jest, in any language
# \*{1,3}, (?<!\w)_{1,3}, _{1,3}(?!\w) or ^#{1,6}\s, each written to open with its
# literal so that the engine looks for the first character in C
_EMPHASIS = re.compile(r"\*\*?\*?|_(?<!\w_)_?_?|__?_?(?!\w)|#(?<![^\n]#)#{0,5}\s")
# A break is an end mark (kept, with a closing quote or bracket dropped) before a
# space, a newline, or a dash standing alone between words. Every break starts
# with one of those rare characters, so the engine skips all others in C; a
# pattern opening with the space class stopped at every space of the post.
# An emoji ends a sentence as a full stop does: "…lenger 😂 Melder meg ut av X".
_END = ".!?\u2026\u2600-\u27bf\U0001f300-\U0001faff"
_DASH = "\\-\u2013\u2014"  # escaped: after a newline in a class, "-" would make a range
_SENTENCE_BREAK = re.compile(
    rf"[{_END}\n{_DASH}](?:(?<=([{_END}]))[\"')\]]?(?=\s)|(?<=\n)"
    # a spaced dash, unless an end mark just before it broke the sentence already
    rf"|(?<=[^\S\n][{_DASH}])(?<![{_END}]\s[{_DASH}])(?<![{_END}][\"')\]]\s[{_DASH}])[{_DASH}]?(?=\s))")


def strip_quotes(raw: str) -> str:
    """Drop [quote]...[/quote] blocks, nested ones too; stray tags are dropped alone."""
    removed, stray = _quote_spans(raw)
    spans = sorted(removed + [s for s in stray if not _inside(s, removed)])
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start >= pos:
            out.append(raw[pos:start])
            out.append("\n")
            pos = end
    out.append(raw[pos:])
    return "".join(out)


def quoted_words(raw: str) -> str:
    """What the author quoted ([quote] blocks and `>` lines), as prose.

    Never a sign-up by itself; it only tells which group a short answer such
    as "Me!" under a quoted call for volunteers is about.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    parts = [_QUOTE_TAG.sub("\n", text[start:end]) for start, end in _quote_spans(text)[0]] if "[" in text else []
    parts.extend(_MD_QUOTE.sub("", line) for line in text.split("\n") if _MD_QUOTE.match(line))
    return strip_inline("\n".join(parts))


def has_quote(raw: str) -> bool:
    """Whether the post quotes anything (a [quote] tag or a `>` line)."""
    return ("[" in raw and _QUOTE_TAG.search(raw) is not None) or (
        ">" in raw and _MD_QUOTE_LINE.search(raw) is not None)


def _quote_spans(raw: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Outermost [quote] blocks, and the tags that close or open nothing."""
    stack: list[int] = []
    removed: list[tuple[int, int]] = []
    stray: list[tuple[int, int]] = []
    for tag in _QUOTE_TAG.finditer(raw):
        if not tag.group(1):
            stack.append(tag.start())
        elif stack:
            start = stack.pop()
            if not stack:
                removed.append((start, tag.end()))
        else:
            stray.append(tag.span())
    for start in stack:  # an unclosed [quote] renders as text: drop only the tag
        match = _QUOTE_TAG.match(raw, start)
        stray.append((start, match.end() if match else start))
    return removed, stray


def _inside(span: tuple[int, int], blocks: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in blocks)


def strip_blocks(text: str) -> str:
    """Drop fenced and indented code, `>` quotes and "N Likes" counters, line by line."""
    if not (_BLOCK_START.match(text) or _BLOCK_LINE.search(text)):  # most replies: no line could start a block
        return text
    if not text.startswith(("    ", "\t")) and "\n    " not in text and "\n\t" not in text:
        # no indented code, whose start depends on the lines before: each block is
        # found by a regex at a line start, without a Python step per line
        return _BLOCKS.sub(_empty_lines, "\n" + text)[1:]
    return _strip_blocks_by_line(text)


# what _strip_blocks_by_line drops where no line is indented, each from the newline
# before it (the text gets one in front): fenced code to its closing fence (or the
# end), a quote line, an "N Likes" line; the lazy .*? tries one cheap test per step
_BLOCKS = re.compile(
    r"\n[^\S\n]{0,3}(```|~~~).*?(?:\n[^\S\n]{0,3}\1[^\n]*|\Z)"
    r"|\n[^\S\n]{0,3}>[^\n]*"
    r"|\n[^\S\n]*\d+[^\S\n]+likes?[^\S\n]*(?=\n|\Z)", re.IGNORECASE | re.DOTALL)


def _empty_lines(block: re.Match[str]) -> str:
    """A dropped block leaves its lines, empty."""
    return "\n" * block.group().count("\n")


def _strip_blocks_by_line(text: str) -> str:
    """strip_blocks, line by line (indented code is a run of lines after a blank one)."""
    kept: list[str] = []
    fence: str | None = None
    previous_blank = True
    in_indented = False
    for line in text.split("\n"):
        # string tests say what a regex per line said (fence, indent, quote), at a fraction of the cost
        stripped = line.lstrip()
        shallow = len(line) - len(stripped) <= 3
        opener = stripped[:3] if shallow and stripped[:3] in _FENCES else None
        if fence is not None:
            if opener == fence:
                fence = None
            kept.append("")
            continue
        if opener:
            fence = opener
            kept.append("")
            continue
        blank = not stripped
        if line.startswith(("    ", "\t")) and not blank and (previous_blank or in_indented):
            in_indented = True
            kept.append("")
            continue
        in_indented = in_indented and blank
        if (shallow and stripped.startswith(">")) or (stripped[:1].isdigit() and _LIKES.match(line)):
            kept.append("")
        else:
            kept.append(line)
        previous_blank = blank
    return "\n".join(kept)


def strip_inline(text: str) -> str:
    """Remove inline code, HTML, images, URLs, @mentions and emoji; keep link text."""
    # each pass is skipped when its marker character is absent (most posts)
    if "`" in text:
        text = _INLINE_CODE.sub(" ", text)
    if "<" in text:
        text = _HTML.sub(" ", text)
    if "](" in text:
        text = _IMAGE.sub(" ", text)
        text = _LINK.sub(r"\1", text)
    if "://" in text:
        text = _URL.sub(_topic_words, text)
    if "@" in text:
        text = _MENTION.sub(" ", text)
    if ":" in text:
        text = _SHORTCODE.sub(_emoji_or_space, text)
    if "*" in text or "_" in text or "#" in text:
        text = _EMPHASIS.sub("", text)
    return text


def _emoji_or_space(code: re.Match[str]) -> str:
    return f" {_KEPT_EMOJI.get(code.group(), '')} "


def _topic_words(url: re.Match[str]) -> str:
    """A bare link is dropped, but a topic link keeps its title words ("Re <link>: count me in")."""
    topic = _TOPIC_SLUG.search(url.group())
    return f" {topic.group(1).replace('-', ' ')} " if topic else " "


def own_words(raw: str) -> str:
    """The author's own prose: everything a sign-up decision may rest on."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    if "[" in text:
        text = strip_quotes(text)
    return strip_inline(strip_blocks(text))


def sentences(text: str) -> list[str]:
    """Split prose into sentence-sized pieces (also at line breaks and spaced dashes)."""
    parts = _SENTENCE_BREAK.split(text)  # text, its end mark (or None), text, …
    pieces = parts[::2]
    for i, mark in enumerate(parts[1::2]):
        if mark:
            pieces[i] += mark
    found = []
    for piece in pieces:
        text = piece.strip()
        # most pieces are already single-spaced: any other whitespace is unprintable
        if text and not (text.isprintable() and "  " not in text):
            text = " ".join(text.split())
        if text:
            found.append(text)
    return found


def bounded(text: str, limit: int) -> str:
    """At most `limit` characters of prose, cut at a space so no word is split."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit + 1)
    newline = text.rfind("\n", limit // 2, limit + 1)
    return text[: max(cut, newline) if max(cut, newline) > 0 else limit]
