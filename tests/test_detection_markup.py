"""Discourse noise is removed before any decision: only the author's prose stays."""

from __future__ import annotations

from bot.detection.markup import own_words, sentences


def test_quote_blocks_removed_including_nested() -> None:
    raw = '[quote="a, post:1"]outer [quote="b"]inner[/quote] tail[/quote]\nmine'
    assert own_words(raw).split() == ["mine"]


def test_unclosed_quote_tag_keeps_text() -> None:
    assert own_words("[quote]hello there").split() == ["hello", "there"]


def test_stray_closing_tag_dropped() -> None:
    assert own_words("fine[/quote] words").split() == ["fine", "words"]


def test_fenced_indented_and_inline_code_removed() -> None:
    raw = "before\n```\ncode line\n```\nafter `inline` end\n\n    indented code\n"
    assert own_words(raw).split() == ["before", "after", "end"]


def test_markdown_quotes_and_like_counters_removed() -> None:
    raw = "> quoted text\nreal text\n2 Likes\n1 Like"
    assert own_words(raw).split() == ["real", "text"]


def test_links_keep_text_images_urls_mentions_and_emoji_go() -> None:
    raw = "See [the handbook](https://x.example/h) ![pic](https://x.example/p.png) @sam_k :tada: https://x.example"
    assert own_words(raw).split() == ["See", "the", "handbook"]


def test_html_tags_removed_and_email_kept() -> None:
    assert own_words("<b>mail</b> shop@coop.example").split() == ["mail", "shop@coop.example"]


def test_sentences_split_on_punctuation_lines_and_spaced_dashes() -> None:
    text = "First one. Second one!\nThird - fourth? Last"
    assert sentences(text) == ["First one.", "Second one!", "Third", "fourth?", "Last"]


def test_email_dots_do_not_split() -> None:
    assert sentences("Mail innkjop@coop.example.no now.") == ["Mail innkjop@coop.example.no now."]


def test_sentence_keeps_its_end_mark_and_drops_a_closing_quote() -> None:
    assert sentences('He said "count me in." Then left!) ok') == ["He said \"count me in.", "Then left!", "ok"]


def test_list_dash_at_line_start_is_kept_and_a_dash_after_a_full_stop_is_no_second_break() -> None:
    assert sentences("Minutes:\n- budget: done\nOk. - fine") == ["Minutes:", "- budget: done", "Ok.", "- fine"]


def test_emoji_and_ellipsis_end_sentences_and_newlines_break() -> None:
    assert sentences("Lol 😂 Melder meg ut\n\nhm… ja") == ["Lol 😂", "Melder meg ut", "hm…", "ja"]
