"""Keeping secrets out of what assist prints and stores: API keys (the configured one, or anything
shaped like a key, even in a server's own words) and credentials written into a URL.

Every pattern is linear time: bounded repeats, no nested quantifiers.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

MASK = "[key hidden]"
WINDOW = 8  # a run of the text sharing this many characters in a row with the key is masked

# Shaped like a key, whoever's: OpenAI's `sk-...` (also sk-proj-, sk-svcacct-), a Bearer token.
KEY_LIKE = re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_\-]{6,256}|\bBearer\s{1,4}[A-Za-z0-9._~+/=\-]{6,512}")
# `scheme://user:password@` in a URL inside a text.
URL_CREDENTIALS = re.compile(r"\b([A-Za-z][A-Za-z0-9+.\-]{0,15}://)[^\s/@]{1,256}@")
TOKEN = re.compile(r"[A-Za-z0-9._~+/=\-]{8,4096}")
# An environment variable's name, as [llm].api_key_env should hold.
ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")


def mask(text: str, key: str | None = None) -> str:
    """`text` with the key (or any run of 8 of its characters in a row: a server that echoes part
    of it), key-shaped tokens and URL credentials replaced."""
    if not text:
        return text
    if key and len(key) >= WINDOW:
        windows = {key[i:i + WINDOW] for i in range(len(key) - WINDOW + 1)}

        def hide(match: re.Match[str]) -> str:
            token = match.group(0)
            hit = any(token[i:i + WINDOW] in windows for i in range(len(token) - WINDOW + 1))
            return MASK if hit else token

        text = TOKEN.sub(hide, text)
    elif key:
        text = text.replace(key, MASK)
    text = KEY_LIKE.sub(MASK, text)
    return URL_CREDENTIALS.sub(r"\1", text)


def without_credentials(url: str) -> str:
    """The URL with any `user:password@` taken out (what is shown, remembered and stored)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return URL_CREDENTIALS.sub(r"\1", url)
    if parts.username is None and parts.password is None and "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def looks_like_a_key(value: str) -> bool:
    """True when [llm].api_key_env holds what looks like a key rather than a variable's name."""
    value = value.strip()
    if not ENV_NAME.fullmatch(value):
        return True
    # A long run of mixed letters and digits is a token, not a name such as OPENAI_API_KEY.
    return len(value) >= 24 and any(c.isdigit() for c in value) and any(c.islower() for c in value) \
        and "_" not in value
