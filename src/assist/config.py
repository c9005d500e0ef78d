"""The user: who they are, what they want from their network, and how open they are (TOML).

Found through `--config PATH`, then `ASSIST_CONFIG`, then `./assist.toml`, then the user config
directory. Without one assist still screens, and says that relevance could not be judged.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import InputError, describe_validation_error
from .i18n import _
from .text import one_line

from .vocabulary import BackendName, Openness, ReplyLanguage, StructuredOutput


MAX_TIMEOUT = 3600  # seconds: an hour for one call to a model is already no timeout


def user_config_path() -> Path:
    from .paths import user_config_file

    return user_config_file()


class _Section(BaseModel):
    # A typo in a config key would silently change a verdict: reject unknown keys.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)



def _meaningful(entry: str) -> str:
    """An entry of a list of words or phrases means something: not empty, and with a letter or a
    digit to match (`"*"` is no wildcard: it would match nothing, or anything)."""
    if not entry:
        raise ValueError(_("an empty entry matches nothing; remove it"))
    if not any(character.isalnum() for character in entry):
        raise ValueError(_("no letter or digit to match; remove it"))
    return entry


Entry = Annotated[str, AfterValidator(_meaningful)]


def _number(value: object, low: float, high: float, *, low_open: bool = False, whole: bool = False,
            what: str) -> object:
    """A TOML number in range: finite, never a boolean (true is no 1) nor a string ("60")."""
    kinds = (int,) if whole else (int, float)
    fine = isinstance(value, kinds) and not isinstance(value, bool) and math.isfinite(value) \
        and (value > low if low_open else value >= low) and value <= high
    if not fine:
        raise ValueError(what)
    return value


class Me(_Section):
    name: str = Field(min_length=1)
    headline: str | None = None
    company: str | None = None  # where the user works now; without it, read from the headline
    industry: str | None = None
    location: str | None = None
    goals: list[Entry] = []
    target_companies: list[Entry] = []
    past_companies: list[Entry] = []
    schools: list[Entry] = []  # schools the user studied at: alumni are a known tie
    interests: list[Entry] = []
    language: ReplyLanguage = "auto"  # the user's own language ("auto": not said; English where one is needed)
    reply_language: ReplyLanguage = "auto"  # "auto": the note's language where a template exists, else `language`
    # The language assist speaks to you (i18n.py); unset: `language` if the interface speaks it, else
    # ASSIST_LANG, else the locale, else English. Not part of the screening key.
    interface_language: str | None = None
    # Vietnamese replies (xưng hô): how you refer to yourself, and how you call a stranger by default
    # (the sender's own words, a title or a senior role come first: address.py).
    vi_self: Literal["tôi", "mình", "anh", "chị", "em"] = "tôi"
    vi_address: Literal["anh/chị", "bạn"] = "anh/chị"
    signature: str | None = None


    @field_validator("interface_language")
    @classmethod
    def _interface_language(cls, value: str | None) -> str | None:
        from .i18n import spoken

        if value is not None and value not in spoken():
            raise ValueError(_("expected one of {languages}").format(languages=", ".join(spoken())))
        return value


class Policy(_Section):
    openness: Openness = "balanced"
    always_accept: list[Entry] = []
    never_accept: list[Entry] = []


class LLMSettings(_Section):
    backend: BackendName | None = None
    base_url: str | None = None
    model: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    structured_output: StructuredOutput = "auto"
    timeout: float = 60.0
    max_retries: int = 4
    temperature: float = 0.2
    model_path: str | None = None

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: object) -> object:
        return _number(value, 0, MAX_TIMEOUT, low_open=True,
                       what=_("expected a number of seconds, more than 0 and at most {limit}").format(limit=MAX_TIMEOUT))

    @field_validator("max_retries", mode="before")
    @classmethod
    def _max_retries(cls, value: object) -> object:
        return _number(value, 0, 10, whole=True, what=_("expected a whole number from 0 to 10"))

    @field_validator("temperature", mode="before")
    @classmethod
    def _temperature(cls, value: object) -> object:
        return _number(value, 0, 2, what=_("expected a number from 0 to 2"))


class UserConfig(_Section):
    me: Me | None = None
    policy: Policy = Policy()
    llm: LLMSettings = LLMSettings()
    path: str | None = Field(default=None, exclude=True)

    @property
    def signature(self) -> str | None:
        """How drafts are signed: the signature, else the name; never the starter's placeholder."""
        if self.me is None:
            return None
        return self.me.signature or (None if self.placeholder_name else self.me.name)

    @property
    def placeholder_name(self) -> bool:
        """Whether [me] name is still what `assist init` wrote: nobody's name to sign with."""
        return self.me is not None and self.me.name.strip() == STARTER_NAME


def find_config(explicit: str | None) -> Path | None:
    """The config file to use, or None. An explicit path that does not exist is an error."""
    from .paths import config_file

    return config_file(explicit, user_config_path())


def load_config(explicit: str | None = None) -> UserConfig:
    path = find_config(explicit)
    if path is None:
        return UserConfig()
    return parse_config(path)


def parse_config(path: Path) -> UserConfig:
    name = str(path)
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(name, _("not UTF-8 text: expected a TOML config")) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(name, _("invalid TOML ({problem})").format(problem=error)) from None
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise InputError(name, _("invalid TOML (nested too deeply)")) from None
    except ValueError:  # Python's own limit on the digits of an integer
        raise InputError(name, _("invalid TOML (a number with thousands of digits)")) from None
    except OSError as error:
        raise InputError(name, _("cannot read: {reason}").format(reason=error.strerror or error)) from None
    try:
        config = UserConfig.model_validate(data)
    except ValidationError as error:
        raise InputError(name, one_line(describe_validation_error(error))) from None
    config.path = name
    return config


STARTER_NAME = "Your Name"
STARTER_TEMPLATE = """\
# assist: who you are and how open your network is. Fill in what applies, then run `assist screen`.
# Only [me].name is required; the more you say, the better assist judges relevance. Until you do,
# it says that relevance to your goals could not be judged.

[me]
name = "{name}"
# headline = "Market analyst at Viet Pro Finance"
{company}
# industry = "Financial services"
# location = "Hanoi, Vietnam"
# goals = ["Hear about senior analyst roles at fintech companies"]
# target_companies = ["MoMo", "VNPay"]   # companies you would like to work with or at
# past_companies = ["SSI Securities"]    # former employers: colleagues from there are a known tie
# schools = ["National Economics University"]   # where you studied: alumni are a known tie
# interests = ["equity research", "fintech"]
language = "auto"       # your own language: en, vi, es, fr, de, pt, id, zh ("auto": English where one is needed)
reply_language = "auto" # replies: "auto" answers in the note's language, else in yours; or one of the above
# interface_language = "vi"  # what assist speaks to you: en, vi (default: yours, else ASSIST_LANG, the locale)
# vi_self = "tôi"        # Vietnamese replies: how you refer to yourself (tôi, mình, anh, chị, em)
# vi_address = "anh/chị" # and how you call a stranger by default (anh/chị, or bạn for peers)
# signature = "Minh"

[policy]
openness = "balanced"   # selective | balanced | open
always_accept = []      # company or person names
never_accept = []       # words or phrases that mean ignore
"""

COMPANY_HINT = "where you work now: colleagues there are a known tie (default: read from your headline)"


def starter_config(company: str | None = None, **answers: str) -> str:
    """The commented starter `assist init` writes, with what the user answered: their company, and
    `language`, `vi_self`, `vi_address` (each written in place of its commented default)."""
    if company and company.strip():
        line = f"company = {_toml_string(company.strip())}   # {COMPANY_HINT}"
    else:
        line = f'# company = "Viet Pro Finance"   # {COMPANY_HINT}'
    text = STARTER_TEMPLATE.replace("{company}", line).replace("{name}", STARTER_NAME)
    for key, value in answers.items():
        if value:  # the line of that key, commented out or not, keeps its comment
            text = re.sub(rf'(?m)^#?\s*{key} = "[^"\n]*"', f"{key} = {_toml_string(value)}", text, count=1)
    return text


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's (quotes, backslashes, control characters),
    and DEL, which TOML also wants escaped."""
    import json

    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_string(value: str) -> str:
    """`value` as a TOML basic string, safe whatever it holds."""
    return _toml_string(value)


def meaningful(entry: str) -> bool:
    """Whether a list entry would be accepted in a config (see `_meaningful`)."""
    return bool(entry.strip()) and any(character.isalnum() for character in entry)


STARTER_CONFIG = starter_config()
