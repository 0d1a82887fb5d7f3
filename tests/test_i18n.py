from bot.i18n import load_catalogs
from bot.i18n.catalog import placeholders
from bot.i18n.escape import clean, escape_markdown, quote_block


def test_every_catalog_has_every_key_with_the_same_placeholders():
    catalogs = load_catalogs()
    assert {"en", "nb", "sv", "nl"} <= set(catalogs.languages)
    base = catalogs.messages["en"]
    for language, messages in catalogs.messages.items():
        missing = sorted(set(base) - set(messages))
        extra = sorted(set(messages) - set(base))
        assert not missing, f"{language}.toml lacks {missing}"
        assert not extra, f"{language}.toml has keys en.toml lacks: {extra}"
        for key, text in base.items():
            assert placeholders(messages[key]) == placeholders(text), f"{language}:{key} placeholders differ"


def test_language_choice_falls_back_sensibly():
    catalogs = load_catalogs()
    assert catalogs.resolve_locale("no") == "nb"
    assert catalogs.resolve_locale("sv-SE") == "sv"
    assert catalogs.resolve_locale("en-GB") == "en"
    assert catalogs.resolve_locale("ja") is None
    assert "gruppe" in catalogs.text("error.unknown_group", locale="no", name="x")
    assert catalogs.text("error.unknown_group", locale="ja", fallback="nl", name="x").startswith("Ik ken")


def test_missing_placeholder_stays_visible_rather_than_crashing():
    catalogs = load_catalogs()
    assert "{name}" in catalogs.text("error.unknown_group")


def test_adding_a_language_is_adding_a_file(tmp_path):
    (tmp_path / "en.toml").write_text('[greet]\nhello = "Hello {name}"\n', encoding="utf-8")
    (tmp_path / "de.toml").write_text('[meta]\ndiscord_locales = ["de"]\n[greet]\nhello = "Hallo {name}"\n',
                                      encoding="utf-8")
    catalogs = load_catalogs(tmp_path)
    assert catalogs.text("greet.hello", locale="de", name="Kari") == "Hallo Kari"


def test_hostile_text_is_neutralised():
    assert escape_markdown("@everyone look") == "@\u200beveryone look"
    assert "<@123>" not in escape_markdown("hi <@123> and <@&55>")
    assert escape_markdown("**bold** [x](http://evil)") == r"\*\*bold\*\* \[x\]\(http://evil\)"
    assert clean("a\u200bb\u202ec\x00d") == "abcd"
    assert len(clean("x" * 5000, limit=100)) == 100
    assert quote_block("line one\nline two") == "> line one\n> line two"
