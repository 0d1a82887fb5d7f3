"""Message catalogs: every user-facing sentence, in every language we speak.

One TOML file per language in `locales/`; adding a language is adding a
file. Keys are `section.name`; placeholders use `{name}`. The catalog
completeness test checks every file has every key of `en.toml` with the
same placeholders.
"""

from bot.i18n.catalog import Catalogs, Translator, load_catalogs

__all__ = ["Catalogs", "Translator", "load_catalogs"]
