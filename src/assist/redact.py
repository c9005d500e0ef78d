"""`--redact`: contact details and links are removed from what an LLM is sent.

What is redacted, in every piece of text that comes from a sender (the request's note, name,
headline, company, industry, location, about, experience and profile URL; the offline signals'
evidence and notes, which quote the sender; and past requests shown as examples) and in the
user's own past replies shown as examples:

- email addresses (`name@example.com`, also `name [at] example [dot] com`) -> `[email]`
- URLs: anything starting with a scheme (`https://`, `http://`, `ftp://`) or `www.`, and bare
  domains followed by a path (`bit.ly/x`, `wa.me/84901234567`) or ending in a common top-level
  domain (`.com`, `.net`, `.org`, `.io`, `.ly`, `.me`, `.vn`, ... see URL_TLDS) -> `[url]`
- phone numbers: runs of digits with the usual separators (spaces, dots, dashes, parentheses)
  holding at least 9 digits, or at least 7 after a leading `+` (`+84 912 345 678`,
  `(555) 123-4567`, `0912.345.678`); plain amounts with thousands separators (`100.000.000`) and
  year ranges (`2019-2021`) are left alone -> `[phone]`

The user's own `[me]` and `[policy]` sections are sent as written. The offline signals (phishing
links, off-platform contact, scams) are computed on the original text before redaction, so
redaction never hides a red flag from the verdict; only the LLM sees the placeholders.
"""

from __future__ import annotations

import re
from typing import Any

from .text import BARE_URL, PHONE_RUN, SCHEME_URL

EMAIL = "[email]"
PHONE = "[phone]"
URL = "[url]"

URL_TLDS = (
    "com", "net", "org", "io", "co", "ly", "me", "vn", "info", "biz", "xyz", "app", "dev", "ai", "gg", "link",
    "site", "online", "top", "club", "shop", "store", "live", "click", "tk", "ru", "cn", "uk", "us", "ca", "de",
    "fr", "jp", "in", "sg", "asia", "to", "cc", "ws", "page", "today", "finance", "money", "cash", "pro",
)

_EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-]+(?:@|\s*[\[(]\s*at\s*[\])]\s*)[A-Za-z0-9\-]+(?:(?:\.|\s*[\[(]\s*dot\s*[\])]\s*)[A-Za-z0-9\-]+)+",
    re.IGNORECASE,
)
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_TRAILING = ".,;:!?)]}"


def _url(match: re.Match) -> str:
    text = match.group(0)
    stripped = text.rstrip(_TRAILING)
    return URL + text[len(stripped):]


def _bare_url(match: re.Match) -> str:
    text = match.group(0)
    if match.group("path") or (match.group("tld").lower() in URL_TLDS and not text.isupper()):
        return _url(match)
    return text


def _phone(match: re.Match) -> str:
    text = match.group(0)
    digits = sum(char.isdigit() for char in text)
    if match.group("plus"):
        return PHONE if digits >= 7 else text
    if digits < 9 or digits > 15 or _THOUSANDS.fullmatch(text.strip()):
        return text
    return PHONE


def redact_text(text: str) -> str:
    """The text with emails, URLs and phone numbers replaced by [email], [url] and [phone]."""
    if not text:
        return text
    text = _EMAIL.sub(EMAIL, text)
    text = SCHEME_URL.sub(_url, text)
    text = BARE_URL.sub(_bare_url, text)
    return PHONE_RUN.sub(_phone, text)


def redact_data(value: Any) -> Any:
    """Every string inside a JSON-like value, redacted."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [redact_data(item) for item in value]
    if isinstance(value, dict):
        return {key: redact_data(item) for key, item in value.items()}
    return value
