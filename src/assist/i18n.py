"""The interface's language: which one a command speaks, and its messages from one gettext catalogue.

Every sentence assist writes for a person goes through `_()` (or `ngettext` for a count); a message
kept in a constant is marked with `N_()` and translated where it is shown. `pybabel extract` finds
them all; the catalogues are `locale/<language>/LC_MESSAGES/assist.po`, compiled to the `.mo` that
ships in the package (README: how to add a language). English is the messages themselves.

The language is set once per command (`setup`): `--lang`, else `[me] interface_language`, else the
user's own `[me] language` if the interface speaks it, else ASSIST_LANG, else the locale (LC_ALL,
LC_MESSAGES, LANG), else English. It is not the reply language.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import gettext

    from .config import UserConfig

DOMAIN = "assist"
LOCALE_DIR = Path(__file__).parent / "locale"
ENGLISH = "en"
ENV = "ASSIST_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the first one set is the locale, as POSIX says


@lru_cache(maxsize=1)
def spoken() -> tuple[str, ...]:
    """The languages the interface speaks: English, and each catalogue shipped."""
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (ENGLISH, *found)


def _code(value: str | None) -> str | None:
    """`vi_VN.UTF-8`, `vi-VN` or `vi` -> `vi`, if the interface speaks it."""
    if not value:
        return None
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in spoken() else None


def resolve(config: "UserConfig | None", override: str | None = None, environ=None) -> str:
    environ = os.environ if environ is None else environ
    me = config.me if config is not None else None
    return _resolve(override, me.interface_language if me else None, me.language if me else None, environ)


def _resolve(override: str | None, setting: str | None, own: str | None, environ) -> str:
    for candidate in (override, setting, own, environ.get(ENV)):
        code = _code(candidate)
        if code:
            return code
    locale = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), None)
    return _code(locale) or ENGLISH


class _State:
    override: str | None = None  # --lang, for this command
    language: str = ENGLISH
    translation: "gettext.NullTranslations | None" = None  # None: English, the messages themselves
    pending: "Callable[[], Path | None] | None" = None  # the default config, looked for at the first message


_state = _State()


def activate(language: str) -> None:
    if language == _state.language:
        return
    _state.language = language
    if language == ENGLISH:
        _state.translation = None
        return
    import gettext  # only when a catalogue is read: `assist --version` imports none of it

    _state.translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def setup(override: str | None = None, config: "UserConfig | None" = None,
          config_file: "Callable[[], Path | None] | None" = None) -> None:
    """At a command's start (`override` is --lang, or None; `config_file` finds the config the
    command would read, looked for only when a first message needs the language: `assist --version`
    looks for nothing), and again once the command's config is read."""
    _state.override = override
    _state.pending = None
    if config is None and config_file is not None and override is None:
        _state.pending = config_file
        return
    me = config.me if config is not None else None
    activate(_resolve(override, me.interface_language if me else None, me.language if me else None, os.environ))


def _settle() -> None:
    finder, _state.pending = _state.pending, None
    path = finder()
    me = _raw_me(path) if path is not None else {}
    activate(_resolve(_state.override, me.get("interface_language"), me.get("language"), os.environ))


def configured(config: "UserConfig") -> str:
    """The config of the command is read: its language, unless --lang chose one."""
    return setup(_state.override, config)


def _raw_me(path: Path) -> dict:
    """The [me] table of the default config, read without validating it (the command reads it
    properly, and says what is wrong with it): only to know the language of the first words."""
    import tomllib

    try:
        me = tomllib.loads(path.read_bytes().decode("utf-8-sig")).get("me")
    except (OSError, ValueError, RecursionError):
        return {}
    return {key: value for key, value in me.items() if isinstance(value, str)} if isinstance(me, dict) else {}


def active() -> str:
    """The language the interface speaks now."""
    if _state.pending is not None:
        _settle()
    return _state.language


def current(config: "UserConfig | None") -> str:
    """The interface language for a config, --lang taken into account (the summary's language)."""
    return resolve(config, _state.override)


def _(message: str) -> str:
    if _state.pending is not None:
        _settle()
    return message if _state.translation is None else _state.translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if _state.pending is not None:
        _settle()
    if _state.translation is None:
        return singular if count == 1 else plural
    return _state.translation.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A message whose words depend on where it stands (`context`), as the same English word can not."""
    if _state.pending is not None:
        _settle()
    return message if _state.translation is None else _state.translation.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a message kept in a constant for the catalogue; `_()` translates it where it is shown."""
    return message
