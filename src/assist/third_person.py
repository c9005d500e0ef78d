"""Whom a note speaks to: a note written to the user calls them "you", or by name to address them
("Thanks, Sarah!", "Sarah, your post..."). A note that names the user in the third person ("Sarah
will want to accept this one", "Sarah's assistant can file this") speaks about them to someone
else, whoever that is (issue 10: read who a text addresses, not which words it uses). So does a
sender's profile that names the user in full ("Verified connection of Sarah Chen"): a profile speaks
of its owner.

Only in languages that address a person as "you": in Vietnamese, Japanese, Korean, Chinese,
Indonesian or Thai a name with a title is itself the second person ("bài viết của chị Linh"). A
name that is also an everyday word ("Will", "Hope") and a sender who shares the user's given name
are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .guidance import Guidance
from .names import greeting_name
from .terms import is_everyday
from .language import note_language
from .text import fold, quote

# Languages whose notes say "you" to their reader.
YOU_LANGUAGES = frozenset({"en", "es", "fr", "de", "pt", "it", "ru"})
# What stands right after a name said to its reader: a comma, an end of sentence, a bracket, a dash.
VOCATIVE_AFTER = re.compile(r"\s{0,2}(?:[,!?.:;)\]\-–—]|$)")
# What stands right before one: a greeting, thanks, or the start of the note or of a line.
VOCATIVE_BEFORE = re.compile(
    r"(?:^|\n|\b(?:hi|hello|hey|dear|hola|querid[oa]|estimad[oa]|bonjour|salut|cher|chère|hallo|liebe[r]?|"
    r"olá|oi|ciao|car[oa]|gentile|привет|здравствуйте|уважаем\w{0,3}|dorog\w{0,3}|thanks|thank you|gracias|merci|"
    r"danke|obrigad[oa]|grazie|спасибо|good\s(?:morning|afternoon|evening)|buenos\sdías|buongiorno|bom\sdia|"
    r"guten\s(?:tag|morgen)))[\s,]{0,3}$",
    re.IGNORECASE)
# A preposition right before the name makes it spoken of, even before a comma ("summarising this
# for Sarah, tell her..."): a name said to its reader follows no preposition.
PREPOSITION_BEFORE = re.compile(
    r"\b(?:for|to|with|about|from|of|on behalf of|para|por|con|sobre|de|pour|avec|à|a|für|mit|über|von|an|per|"
    r"com|di|da|для|с|о|от)\s{1,2}$", re.IGNORECASE)
BEFORE_REACH = 30


def speaks_of_the_user(note: str | None, user_name: str | None, sender_name: str | None,
                       guidance: Guidance) -> str | None:
    """The part of the note that names the user in the third person (quoted), or None."""
    if not note or not user_name:
        return None
    given = greeting_name(user_name, "en")
    if not given or len(given) < 3 or " " in given or is_everyday(given, guidance):
        return None
    if sender_name and re.search(rf"(?<!\w){re.escape(given)}(?!\w)", sender_name, re.IGNORECASE):
        return None  # one Sarah writing to another
    if given not in note or note_language(note) not in YOU_LANGUAGES:
        return None
    for match in re.finditer(rf"(?<!\w){re.escape(given)}(?!\w)", note):
        before = note[max(0, match.start() - BEFORE_REACH):match.start()]
        if PREPOSITION_BEFORE.search(before):
            return _quoted(note, match)  # "for Sarah", "para Sarah": spoken of
        if VOCATIVE_AFTER.match(note, match.end()):
            continue  # "Thanks, Sarah!", "Sarah, your post"
        if VOCATIVE_BEFORE.search(before):
            continue  # "Hi Sarah", "Dear Sarah"
        return _quoted(note, match)
    return None


def _quoted(note: str, match: re.Match[str]) -> str:
    start = max(0, note.rfind(".", 0, match.start()) + 1)
    return quote(note[start:match.end() + 60].strip(), 90)


@lru_cache(maxsize=64)
def _full_name(full: str) -> tuple[re.Pattern[str], str]:
    return re.compile(rf"(?<!\w){re.escape(full)}(?!\w)", re.IGNORECASE), full.casefold()


def profile_names_the_user(fields: list[str | None], user_name: str | None, sender_name: str | None) -> str | None:
    """A field of the sender's own profile (headline, company, about, a job, the location) that
    names the user in full ("Verified connection of Sarah Chen"): a profile speaks of its owner,
    and one that speaks of its reader is written for whoever screens it. Quoted, or None."""
    full = " ".join((user_name or "").split())
    if len(full.split()) < 2 or greeting_name(full, "en") is None:
        return None  # a placeholder, or a single name too common to tell
    if sender_name and " ".join(sender_name.split()).casefold() == full.casefold():
        return None  # a namesake's own profile
    pattern, folded = _full_name(full)
    for field in fields:
        if field and folded in field.casefold() and pattern.search(field):
            return quote(field, 90)
    return None


# A note's opening greeting and the name it greets by: "Hi Katrin,", "Dear Mr. Okafor,", "Chào anh
# Minh,", "Linaさん、". A title or a Vietnamese word of address may stand between; the name is one
# word with a capital (a role, "Dear Hiring Manager", is two; "there", "team" are no names).
OPENING_GREETING = re.compile(
    r"^\W{0,3}(?:hi|hello|hey|dear|hola|querid[oa]|estimad[oa]|bonjour|salut|cher|chère|hallo|liebe[r]?|olá|oi|ciao|"
    r"car[oa]|gentile|привет|здравствуйте|уважаем\w{0,3}|halo|hai|xin chào|chào|kính gửi|good\s(?:morning|afternoon|evening)|"
    r"buenos\sdías|buongiorno|bom\sdia|guten\s(?:tag|morgen))[\s,]{1,3}"
    r"(?:(?:mr|mrs|ms|miss|dr|prof|herr|frau|sr|sra|srta|señor|señora|m|mme|sig|sig\.ra|г-н|г-жа|pak|bu|ibu|mas|mbak|"
    r"anh|chị|chi|em|bạn|ban|cô|co|chú|chu|thầy|thay|bác|bac|ông|ong|bà|ba)\.?\s{1,2})?"
    r"(?P<name>[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)?)\s{0,2}[,!:;.\n]",
    re.IGNORECASE)
# Japanese: a name and its honorific open the note ("Linaさん、", "田中様").
OPENING_HONORIFIC = re.compile(r"^\W{0,3}(?P<name>[^\s、,。様さ]{1,20}?)\s?(?:様|さん|さま)")
NOT_NAMES = frozenset({"there", "team", "all", "everyone", "everybody", "friend", "friends", "folks", "sir", "madam",
                       "colleague", "colleagues", "hiring", "recruiter", "manager", "todos", "equipo", "tous", "équipe",
                       "zusammen", "alle", "tutti", "pessoal", "всем", "коллеги", "semua", "kak", "mọi", "moi",
                       "người", "nguoi", "anh", "chị", "chi", "bạn", "ban", "em", "admin", "hr", "linkedin"})


def greets_someone_else(note: str | None, user_name: str | None, sender_name: str | None) -> str | None:
    """The name a note opens by greeting, when it is not one of the user's names ("Hi Katrin," to
    Sarah Chen): the note was written for someone else, or sent to many. A form of the user's name
    ("Sara" for "Sarah") and the sender's own name are theirs; None where the user's name is unknown."""
    if not note or not user_name or not user_name.strip():
        return None
    match = OPENING_GREETING.match(note) or OPENING_HONORIFIC.match(note)
    if match is None:
        return None
    greeted = match.group("name")
    if not greeted or greeted[0].islower():
        return None  # not written as a name
    said = fold(greeted.casefold())
    if said in NOT_NAMES or len(said) < 2:
        return None
    if _script(greeted) != _script(user_name):
        return None  # "Сара" for "Sarah", "サラ": another script's spelling, not compared
    own = {fold(word.casefold()) for word in re.findall(r"[^\W\d_]+", f"{user_name} {sender_name or ''}")}
    if any(word == said or (min(len(word), len(said)) >= 3 and (word.startswith(said) or said.startswith(word)))
           for word in own):
        return None
    return greeted


def _script(text: str) -> str:
    """The script of a name's first letter, roughly: Latin (with its accents), or the Unicode block."""
    letter = next((character for character in text if character.isalpha()), "")
    if not letter:
        return ""
    if ord(letter) < 0x250 or "\u1e00" <= letter <= "\u1eff":  # Latin, Vietnamese's letters among them
        return "latin"
    return hex(ord(letter) >> 7)
