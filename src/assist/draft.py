"""Step 7, draft: the polite reply the guidance recommends, from templates in prompts/replies/.

Personal (the sender's name, something concrete from the note), in English or Vietnamese, signed,
within a length limit. It never claims to know the sender and never promises anything; the user
reviews it before it goes anywhere.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from functools import lru_cache

from .config import UserConfig
from .guidance import Guidance, load_guidance
from .models import Reply, ReplyKind, Request
from .address import Address, vietnamese_address
from .names import formal_name, greeting_name
from .reply_checks import ReplyRules, contact_details
from .signals import Signals
from .situation import Situation, situation_for_kind
from .language import note_language
from .vocabulary import DEFAULT_MAX_CHARS, LANGUAGES

SENTENCE_END = re.compile(r"(?<=[.!?])(?:\s+|$)")
# A German note written formally ("Sehr geehrte Frau Vogel", "Mit freundlichen Grüßen") is answered
# formally: "Guten Tag" and the full name (names.formal_name), not "Hallo" and the given name.
FORMAL_DE = re.compile(r"\bsehr geehrte[rsn]?\b|\bmit freundlichen gr(?:ü|ue)(?:ß|ss)en\b|\bguten tag,? (?:herr|frau)\b",
                       re.IGNORECASE)


def formal_register(request: Request, language: str) -> bool:
    """Whether the reply answers a formal German note formally (FORMAL_DE)."""
    return language == "de" and bool(request.note and FORMAL_DE.search(request.note))


def reply_language(config: UserConfig, request: Request, chosen: str | None = None) -> str:
    """`chosen` (--language), else `[me] reply_language`; with "auto", the language of the note when
    a reply template exists in it, else the user's own `[me] language`, else English. (Without a
    note, the user's own: a headline is written in English more often than in its writer's language.)"""
    if chosen:
        return chosen
    me = config.me
    if me is not None and me.reply_language != "auto":
        return me.reply_language
    own = me.language if me is not None and me.language != "auto" else "en"
    language = note_language(request.note)
    return language if language in LANGUAGES else own


def safe_topic(signals: Signals | None) -> str | None:
    """Something concrete from the note to mention, if it is short, plain and the request benign."""
    if signals is None or signals.topic is None:
        return None
    if any(flag.polarity == "red" and flag.id in ("scam_or_phishing", "prompt_injection", "sales_pitch", "unclear_intent")
           for flag in signals.flags):
        return None
    topic = " ".join(signals.topic.split())
    if not topic or len(topic) > 40 or any(ch in topic for ch in "<>{}[]|`") or contact_details(topic):
        return None
    return topic


def draft_reply(
    request: Request,
    config: UserConfig,
    kind: ReplyKind | Situation = "clarify",
    signals: Signals | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    guidance: Guidance | None = None,
    language: str | None = None,
) -> Reply:
    """The template's reply for a situation (situation.py), or for a kind the user chose (its
    details then read from the signals); `language` (--language) overrides the config's choice."""
    guidance = guidance or load_guidance()
    situation = kind if isinstance(kind, Situation) else situation_for_kind(kind, signals)
    language = reply_language(config, request, language)
    address = vietnamese_address(config, request) if language == "vi" else None
    formal = formal_register(request, language)
    name = formal_name(request.sender.name) if formal else greeting_name(request.sender.name, language, note=request.note)
    text = _drafted(guidance, f"replies/{situation.kind}.{language}.j2", name,
                    safe_topic(signals), config.signature, max_chars, address, situation.reason, situation.missing, formal)
    return Reply(kind=situation.kind, language=language, text=text)


def reply_rules(request: Request, config: UserConfig, signals: Signals | None, kind: str | None, max_chars: int,
                language: str | None = None) -> ReplyRules:
    """The rules a written reply to this request is held to (reply_checks.py): what the reply
    prompt tells an LLM, and what its answer is checked against."""
    language = reply_language(config, request, language)
    sender = request.sender
    texts = [request.note, sender.name, sender.headline, sender.company, sender.about, sender.location,
             *(f"{job.title or ''} {job.company or ''}" for job in sender.experience or [])]
    return ReplyRules(max_chars=max_chars, language=language, kind=kind,
                      address=vietnamese_address(config, request) if language == "vi" else None,
                      sender_texts=tuple(filter(None, texts)), topic=safe_topic(signals), signature=config.signature)


# The forms a template renders, longest first: the whole reply, a shorter one, the question alone
# after the greeting, the shortest question without a greeting. The first that fits is sent:
# sentences are chosen whole, never cut.
FORMS = ("full", "short", "question", "tiny")


@lru_cache(maxsize=1024)
def _drafted(guidance: Guidance, template_name: str, name: str | None, topic: str | None, signature: str | None,
             max_chars: int, address: Address | None = None, reason: str | None = None, missing: str | None = None,
             formal: bool = False) -> str:
    """The reply's text: a function of these alone, so a batch renders each combination once. The
    longest form that fits with the signature; failing that, without it; failing that, the shortest.
    `address`: the Vietnamese pair (address.py), for the Vietnamese templates; `reason` and
    `missing`: the situation's details (situation.py)."""
    template = guidance.templates.get_template(template_name)
    context = {"first_name": name, "topic": topic, "reason": reason, "missing": missing, "formal": formal,
               **(asdict(address) if address else {})}
    for signed in dict.fromkeys((signature, None)):
        for form in FORMS:
            text = _tidy(template.render(**context, signature=signed, form=form))
            if len(text) <= max_chars:
                return text
    return text


def _tidy(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def fit(text: str, max_chars: int) -> str:
    """Cut after the last whole sentence that fits; failing that, at a word, with an ellipsis."""
    if len(text) <= max_chars:
        return text
    ends = [match.start() for match in SENTENCE_END.finditer(text) if match.start() <= max_chars]
    if ends:
        return text[: ends[-1]].rstrip()
    cut = text[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
