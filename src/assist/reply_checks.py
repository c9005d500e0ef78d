"""What a reply must never do, checked on every reply an LLM writes (issue 11): the rules the reply
prompt states, held against its answer. A reply that breaks one is re-asked with the problem, then
replaced by the template (backends/llm.py, screen.py), and the output says so.

- at most `max_chars` characters;
- in the reply language;
- the question kept, for a reply that asks (`clarify`, `acknowledge`);
- never claiming to know the sender;
- no URL, email address, phone number or @handle (the user's own signature aside);
- nothing of the sender's text beyond a short topic phrase (no run of COPIED_WORDS words);
- in Vietnamese, the address pair (address.py): never "bạn" unless that is the pair, and the
  sender called by the pair's word;
- no placeholder left for a name ("[Name]", "Your Name", "{first_name}").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import evidence as wording
from .address import Address
from .guidance import Guidance, load_guidance
from .language import note_language
from .text import URL, fold
from .vocabulary import ASKING_KINDS

# As many words in a row from the sender's text are a quotation, not a topic phrase.
COPIED_WORDS = 6
# Below this many characters (greeting and signature aside) a language cannot be told reliably.
LANGUAGE_MIN_CHARS = 40
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,}")
PHONE = re.compile(r"(?<!\w)\+?\(?\d[\d\s().-]{6,18}\d(?!\w)")
PHONE_DIGITS = 8  # fewer digits are a year or a figure (a Singapore number has eight)
YEARS = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d")
PLACEHOLDER = re.compile(r"\[[^\]\n]{1,30}\]|\{\{?\s*\w+\s*\}?\}|<\s*(?:name|first[ _]name|your[ _]name)\s*>|\byour name\b",
                         re.IGNORECASE)
BAN = re.compile(r"(?<!\w)bạn(?!\w)", re.IGNORECASE)
LANGUAGE_NAMES = {code: name.format() for code, name in wording.LANGUAGE_NAMES.items()}
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ReplyRules:
    max_chars: int
    language: str
    kind: str | None = None  # the situation's kind; None: not known (no question required)
    address: Address | None = None  # the Vietnamese pair, for a reply in Vietnamese
    sender_texts: tuple[str, ...] = ()  # every string the sender wrote
    topic: str | None = None  # the one phrase of theirs the reply may repeat
    signature: str | None = None  # the user's own: its contact details are theirs to give


def reply_problems(text: str | None, rules: ReplyRules, guidance: Guidance | None = None) -> list[str]:
    """Every rule the reply breaks, as a sentence the model can act on; [] when it keeps them all."""
    if text is None:
        return []
    guidance = guidance or load_guidance()
    problems = []
    if len(text) > rules.max_chars:
        problems.append(wording.REPLY_TOO_LONG.format(count=len(text), limit=rules.max_chars))
    body = _without_signature(text, rules.signature)
    claim = guidance.claims_to_know.search(body)
    if claim:
        problems.append(wording.REPLY_CLAIMS.format(quoted_claim=repr(claim.group(0))))
    problems += contact_details(body)
    copied = _copied(body, rules)
    if copied:
        problems.append(wording.REPLY_COPIED.format(quoted_words=repr(copied)))
    if rules.kind in ASKING_KINDS and "?" not in body and "？" not in body:
        problems.append(wording.REPLY_NO_QUESTION.format())
    placeholder = PLACEHOLDER.search(body)
    if placeholder:
        problems.append(wording.REPLY_PLACEHOLDER.format(quoted_placeholder=repr(placeholder.group(0))))
    problems += _language(body, rules.language)
    if rules.address is not None and rules.language == "vi":
        problems += _address(body, rules.address)
    return problems


def only_length(problems: list[str]) -> bool:
    return all(problem.startswith("the reply is ") and "characters" in problem for problem in problems)


def _without_signature(text: str, signature: str | None) -> str:
    if signature and signature.strip() and text.rstrip().endswith(signature.strip()):
        return text.rstrip()[: -len(signature.strip())]
    return text


def contact_details(body: str) -> list[str]:
    found = [(what, match.group(0)) for what, pattern in (("link", URL), ("email", EMAIL), ("handle", HANDLE))
             if (match := pattern.search(body))]
    found += [("phone", match.group(0)) for match in PHONE.finditer(body)
              if sum(ch.isdigit() for ch in match.group(0)) >= PHONE_DIGITS and not YEARS.fullmatch(match.group(0).strip())]
    if not found:
        return []
    what, shown = found[0]
    return [wording.REPLY_CONTACT.format(contact=wording.CONTACTS[what].format(), quoted_contact=repr(shown))]


def _copied(body: str, rules: ReplyRules) -> str | None:
    """The first run of COPIED_WORDS words the reply shares with the sender's text, outside the topic."""
    reply = [fold(word) for word in WORD.findall(body)]
    allowed = {fold(word) for word in WORD.findall(rules.topic or "")}
    runs: set[tuple[str, ...]] = set()
    for text in rules.sender_texts:
        words = [fold(word) for word in WORD.findall(text or "")]
        runs.update(tuple(words[i:i + COPIED_WORDS]) for i in range(len(words) - COPIED_WORDS + 1))
    for i in range(len(reply) - COPIED_WORDS + 1):
        run = tuple(reply[i:i + COPIED_WORDS])
        if run in runs and not set(run) <= allowed:
            return " ".join(WORD.findall(body)[i:i + COPIED_WORDS])
    return None


def _language(body: str, language: str) -> list[str]:
    lines = [line for line in body.strip().splitlines() if line.strip()]
    content = " ".join(lines[1:] if len(lines) > 1 else lines)  # the greeting line aside
    if len(content) < LANGUAGE_MIN_CHARS:
        return []
    detected = note_language(content)
    if detected is None or detected == language or detected not in LANGUAGE_NAMES:
        return []
    return [wording.REPLY_LANGUAGE.format(language=LANGUAGE_NAMES.get(language, language), detected=LANGUAGE_NAMES[detected])]


def _address(body: str, address: Address) -> list[str]:
    if address.you != "bạn" and BAN.search(body):
        return [wording.REPLY_CALLS_BAN.format(said_you=f'"{address.you}"', said_me=f'"{address.me}"')]
    if address.you.lower() not in body.lower():
        return [wording.REPLY_ADDRESS.format(said_you=f'"{address.you}"', said_me=f'"{address.me}"')]
    return []
