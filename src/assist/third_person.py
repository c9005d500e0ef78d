"""Whom a note speaks to: a note written to the user calls them "you", or by name to address them
("Thanks, Sarah!", "Sarah, your post..."). A note that names the user in the third person ("Sarah
will want to accept this one", "Sarah's assistant can file this") speaks about them to someone
else, whoever that is (issue 10: read who a text addresses, not which words it uses).

Only in languages that address a person as "you": in Vietnamese, Japanese, Korean, Chinese,
Indonesian or Thai a name with a title is itself the second person ("bài viết của chị Linh"). A
name that is also an everyday word ("Will", "Hope") and a sender who shares the user's given name
are left alone.
"""

from __future__ import annotations

import re

from .guidance import Guidance
from .names import greeting_name
from .terms import is_everyday
from .language import note_language
from .text import quote

# Languages whose notes say "you" to their reader.
YOU_LANGUAGES = frozenset({"en", "es", "fr", "de", "pt", "it", "ru"})
# What stands right after a name said to its reader: a comma, an end of sentence, a bracket, a dash.
VOCATIVE_AFTER = re.compile(r"\s{0,2}(?:[,!?.:;)\]\-–—]|$)")
# What stands right before one: a greeting, thanks, or the start of the note or of a line.
VOCATIVE_BEFORE = re.compile(
    r"(?:^|\n|\b(?:hi|hello|hey|dear|hola|querid[oa]|estimad[oa]|bonjour|salut|cher|chère|hallo|liebe[r]?|"
    r"olá|oi|ciao|car[oa]|gentile|привет|здравствуйте|уважаем\w{0,3}|dorog\w{0,3}|thanks|thank you|gracias|merci|"
    r"danke|obrigad[oa]|grazie|спасибо|good\s(?:morning|afternoon|evening)|buenos\sdías|buongiorno|bom\sdia|"
    r"guten\s(?:tag|morgen)|with|para|pour|für|per))[\s,]{0,3}$",
    re.IGNORECASE)
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
        if VOCATIVE_AFTER.match(note, match.end()):
            continue  # "Thanks, Sarah!", "Sarah, your post"
        if VOCATIVE_BEFORE.search(note[max(0, match.start() - BEFORE_REACH):match.start()]):
            continue  # "Hi Sarah", "Dear Sarah"
        start = max(0, note.rfind(".", 0, match.start()) + 1)
        return quote(note[start:match.end() + 60].strip(), 90)
    return None
