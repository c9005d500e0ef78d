"""`--redact`: contact details and links are removed from what an LLM is sent.

What is redacted, in every piece of text that comes from a sender (the request's note, name,
headline, company, industry, location, about, experience and profile URL; the offline signals'
evidence and notes, which quote the sender; and past requests shown as examples) and in the
user's own past replies shown as examples:

- email addresses -> `[email]`: any `local@domain.label` (internationalised too: `lan@bưuđiện.vn`,
  `ivan@почта.рф`, `nguyễn.lan@gmail.com`, a full-width `＠`), and written out: `lan [at] gmail
  [dot] com`, `lan(at)gmail(dot)com`, `lan@gmail[.]com`, `lan at gmail dot com`, Vietnamese `lan a
  còng gmail chấm com` (the spelled-out forms only when they end in a real top-level domain).
- links -> `[url]`: anything starting with a scheme (`https://`, `http://`, `ftp://`, the defanged
  `hxxps://`) or `www.`, and a bare domain whose ending is on the public suffix list (any country
  or new top-level domain, any case: `bücher.de/shop`, `lan.work`, `EVIL.COM`, `company.com.vn`),
  also with `[.]` or `(dot)` for its dots; with its path.
- phone numbers -> `[phone]`: runs of digits written with spaces, dots, dashes, slashes or
  parentheses (`0912 345 678`, `0912/345/678`, `+84 912 345 678`, `(028) 3822 1234`), full-width
  digits, and a letter O written for a zero (`O912 345 678`): 9 to 15 digits, 7 or 8 after a `+`
  or when `phonenumbers` finds a valid Vietnamese number; a longer run is redacted whole.
  Amounts with thousands separators (`100.000.000`) and year ranges (`2019-2021`) are left alone.
- messenger handles -> `[handle]`: `@name` anywhere, and a name after a messenger's name
  (Telegram, Instagram/IG, WeChat, Zalo, WhatsApp, Line, Skype, Signal, Viber, Kakao, ...)
  followed by `:` or `ID`, or holding a digit, `_` or `.` (`WeChat ID: lan_ng88`, `wechat lanng88`).

Every pattern is linear time (possessive runs, bounded repeats, a start only where a run starts):
100 KB of adversarial text takes milliseconds (bench/bench_redact.py). Redacting is idempotent.

The user's own `[me]` and `[policy]` sections are sent as written. The offline signals (phishing
links, off-platform contact, scams) are computed on the original text before redaction, so
redaction never hides a red flag from the verdict; only the LLM sees the placeholders.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Sequence

EMAIL = "[email]"
PHONE = "[phone]"
URL = "[url]"
HANDLE = "[handle]"

# Full-width ASCII (U+FF01-U+FF5E) and the ideographic full stops read as ASCII, one character for
# one, so what is found in the folded text is replaced at the same place in the original.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3002: ord("."), 0xFF61: ord(".")}

W = r"\w\u0300-\u036f"  # letters (any script), digits, _ and combining marks
_AT_SIGN = r"(?:\s{0,3}(?:@|[\[({]\s{0,3}(?:at|@)\s{0,3}[\])}])\s{0,3})"
_AT_WORD = r"(?:\s{1,3}(?:at|a\s?còng|a\s?cong)\s{1,3})"
_AT = f"(?:{_AT_SIGN}|{_AT_WORD})"
_DOT = r"(?:\s{0,3}[\[({]\s{0,3}(?:dot|\.|chấm|cham)\s{0,3}[\])}]\s{0,3}|\.|\s{1,3}(?:dot|chấm|cham)\s{1,3})"
_LABEL = rf"[{W}\-]{{1,63}}"
# Two passes: with an @ (or [at]) it is an email, whatever follows; spelled out (` at `, ` a còng `)
# only when it ends in a real domain. Apart, a rejected spelled-out match ("me at sam.park") never
# hides the email after it ("...@example.com").
_EMAIL = re.compile(rf"(?<![{W}.%+\-])[{W}.%+\-]++{_AT_SIGN}{_LABEL}(?:{_DOT}{_LABEL}){{1,8}}", re.IGNORECASE)
_SPELLED_EMAIL = re.compile(rf"(?<![{W}.%+\-])[{W}.%+\-]++{_AT_WORD}{_LABEL}(?:{_DOT}{_LABEL}){{1,8}}", re.IGNORECASE)

_SCHEME_URL = re.compile(rf"(?<![{W}])(?:(?:https?|hxxps?|ftp)://|www\.)[^\s<>\"']++", re.IGNORECASE)
_OBFUSCATED_DOT = r"\[\.\]|\(\.\)|\[dot\]|\(dot\)"
_HOST = re.compile(rf"(?<![{W}.\-@/])(?:[{W}\-]|\.(?=[{W}\-])|(?:{_OBFUSCATED_DOT})(?=[{W}]))++(?P<path>/[^\s<>\"']*+)?",
                   re.IGNORECASE)
_DOTS = re.compile(_OBFUSCATED_DOT, re.IGNORECASE)

_PHONE = re.compile(rf"(?<![{W}+])(?:\+\s?)?\(?\+?[\dOo](?:[\s().\-/]{{0,3}}[\dOo])++")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_YEARS = re.compile(r"\d{4}\s?[-–/]\s?\d{4}")
_TRAILING_O = re.compile(r"[Oo\s().\-/]+$")
_LONG_RUN = 300  # characters: a longer run of digits is redacted whole

_APPS = (r"telegram|tele|tg|instagram|insta|ig|wechat|weixin|zalo|whatsapp|whats\s?app|line|skype|signal|viber|"
         r"kakaotalk|kakao|snapchat|snap|discord|messenger|tiktok")
_APP_HANDLE = re.compile(
    rf"(?<![{W}])(?:{_APPS})(?P<sep>\s{{0,3}}(?:id|username|user|handle|name)\b)?(?P<colon>\s{{0,3}}[:：=])?\s{{0,3}}"
    rf"(?:(?:is|là|on)\s{{1,3}})?(?P<handle>(?:live:)?[{W}.\-]{{2,64}}+)",
    re.IGNORECASE,
)
_AT_HANDLE = re.compile(rf"(?<![{W}.@])@[{W}][{W}.\-]{{0,63}}+")
_TRAILING = ".,;:!?)]}"


@lru_cache(maxsize=1)
def _suffixes():
    """The public suffix list, as publicsuffixlist ships it (offline; ICANN section)."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(only_icann=True)


def _is_domain(host: str) -> bool:
    """Whether a dotted name ends in a registrable domain under a public suffix (`gmail.com`,
    `bưuđiện.vn`, `company.com.vn`); `Node.js`, `e.g` and `12.05` are not."""
    labels = [label for label in host.lower().strip(".-").split(".")]
    if len(labels) < 2 or not all(labels[-2:]):
        return False
    tail = ".".join(labels[-8:])
    try:
        return _suffixes().privatesuffix(tail, accept_unknown=False) is not None
    except (ValueError, UnicodeError):
        return False


def _replace(text: str, folded: str, pattern: re.Pattern, decide: Callable[[re.Match], str | None],
             found: list[str] | None = None) -> tuple[str, str]:
    """Each match of the pattern in the folded text that `decide` replaces, replaced in both (and
    what it replaced, as written, added to `found`)."""
    parts, folded_parts, last = [], [], 0
    for match in pattern.finditer(folded):
        replacement = decide(match)
        if replacement is None:
            continue
        if found is not None:
            found.append(text[match.start():match.end()])
        parts += [text[last:match.start()], replacement]
        folded_parts += [folded[last:match.start()], replacement]
        last = match.end()
    if not parts:
        return text, folded
    return "".join(parts) + text[last:], "".join(folded_parts) + folded[last:]


def _kept_trailing(match: re.Match, placeholder: str) -> str:
    found = match.group(0)
    return placeholder + found[len(found.rstrip(_TRAILING)):]


def _email(match: re.Match) -> str | None:
    found = match.group(0)
    if "@" in found or _BRACKETED.search(found):
        return EMAIL
    # spelled out (` at `, ` dot `, ` a còng `, ` chấm `): an email only when it ends in a real domain
    # and is no link ("shop at bücher.de/shop": the link is redacted next)
    if match.string[match.end():match.end() + 1] == "/":
        return None
    domain = _DOT_RE.sub(".", _AT_RE.split(found, maxsplit=1)[-1])
    return EMAIL if _is_domain(domain) else None


_BRACKETED = re.compile(r"[\[({]\s{0,3}(?:at|dot)\s{0,3}[\])}]", re.IGNORECASE)
_AT_RE = re.compile(_AT, re.IGNORECASE)
_DOT_RE = re.compile(_DOT, re.IGNORECASE)


def _host(match: re.Match) -> str | None:
    path = match.group("path") or ""
    host = _DOTS.sub(".", match.group(0)[: len(match.group(0)) - len(path)])
    if "." not in host or not _is_domain(host):
        return None
    return _kept_trailing(match, URL)


def _phone(match: re.Match) -> str | None:
    found = match.group(0)
    end = match.end()
    if end < len(match.string) and (match.string[end].isalnum() or match.string[end] == "_"):
        found = _TRAILING_O.sub("", found)  # "0912 345 678 or": the o begins a word
    body = found.rstrip(" ")
    digits = sum(char.isdigit() for char in body)
    written = body.replace("O", "0").replace("o", "0")
    if sum(char.isdigit() for char in written) < 7 or digits < 5:
        return None
    count = sum(char.isdigit() for char in written)
    core = written.strip(" ()+")
    if _THOUSANDS.fullmatch(core) or _YEARS.fullmatch(core):
        return None
    if count > 15:
        return PHONE + match.group(0)[len(body):] if len(body) > _LONG_RUN or _has_number(written) else None
    if 9 <= count or "+" in body or _valid_vietnamese(written):
        return PHONE + match.group(0)[len(body):]
    return None


def _has_number(run: str) -> bool:
    """Whether a long run of digits (a list of numbers, or noise) holds a phone number."""
    import phonenumbers

    return any(True for _ in phonenumbers.PhoneNumberMatcher(run, "VN", leniency=phonenumbers.Leniency.POSSIBLE))


def _valid_vietnamese(number: str) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, "VN"))
    except phonenumbers.NumberParseException:
        return False


def _app_handle(match: re.Match) -> str | None:
    handle = match.group("handle").rstrip(".-")
    if len(handle) < 2 or handle.lower() in _NOT_HANDLES:
        return None
    if not (match.group("sep") or match.group("colon") or any(char.isdigit() or char in "_." for char in handle)):
        return None
    return match.group(0)[: match.start("handle") - match.start()] + HANDLE + match.group("handle")[len(handle):]


_NOT_HANDLES = frozenset({"id", "is", "on", "or", "and", "the", "me", "app", "group", "chat", "call"})


def _at_handle(match: re.Match) -> str:
    found = match.group(0)
    stripped = found.rstrip(".-")
    return HANDLE + found[len(stripped):]


def redact_text(text: str, found: list[str] | None = None) -> str:
    """The text with emails, URLs, phone numbers and messenger handles replaced by [email], [url],
    [phone] and [handle]; what was replaced, as written, is added to `found` when it is given."""
    if not text:
        return text
    folded = text.translate(_FOLD)
    text, folded = _replace(text, folded, _SCHEME_URL, lambda match: _kept_trailing(match, URL), found)
    text, folded = _replace(text, folded, _EMAIL, lambda match: EMAIL, found)
    text, folded = _replace(text, folded, _SPELLED_EMAIL, _email, found)
    text, folded = _replace(text, folded, _HOST, _host, found)
    text, folded = _replace(text, folded, _PHONE, _phone, found)
    text, folded = _replace(text, folded, _APP_HANDLE, _app_handle, found)
    text, folded = _replace(text, folded, _AT_HANDLE, _at_handle, found)
    return text


def contact_details(value: Any) -> list[str]:
    """What redacting would replace in every string inside a JSON-like value, as written."""
    found: list[str] = []
    redact_data(value, found)
    return list(dict.fromkeys(detail.strip() for detail in found if detail.strip()))


# Evidence quotes a sender's text cut short ("…email lan a còn…"): a piece of a detail at a cut is
# no longer a whole detail, so the patterns miss it. A piece this long or longer is replaced too.
SHORTEST_PIECE = 3
ELLIPSIS = "…"


def redact_quote(text: str, details: Sequence[str]) -> str:
    """A text that quotes the sender (the offline evidence), redacted, and any piece of a known
    detail (`contact_details` of the request) left at a cut ("…") replaced as well."""
    text = redact_text(text)
    if not details or ELLIPSIS not in text:
        return text
    lowered = [detail.lower() for detail in details]
    pieces: list[tuple[int, int]] = []
    for cut in (index for index, char in enumerate(text) if char == ELLIPSIS):
        before = text[max(0, cut - 200):cut].lower()
        after = text[cut + 1:cut + 201].lower()
        for detail in lowered:
            # the longest end of the text before the cut that starts the detail, and the longest
            # start of the text after it that ends the detail
            for size in range(min(len(before), len(detail)), SHORTEST_PIECE - 1, -1):
                if before.endswith(detail[:size]):
                    pieces.append((cut - size, cut))
                    break
            for size in range(min(len(after), len(detail)), SHORTEST_PIECE - 1, -1):
                if after.startswith(detail[-size:]):
                    pieces.append((cut + 1, cut + 1 + size))
                    break
    merged: list[list[int]] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + "[…]" + text[end:]
    return text


def redact_data(value: Any, found: list[str] | None = None) -> Any:
    """Every string inside a JSON-like value, redacted (what was replaced added to `found`)."""
    if isinstance(value, str):
        return redact_text(value, found)
    if isinstance(value, list):
        return [redact_data(item, found) for item in value]
    if isinstance(value, dict):
        return {key: redact_data(item, found) for key, item in value.items()}
    return value
