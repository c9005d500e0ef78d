"""Vietnamese address (xưng hô) for a reply: how the user calls the sender, and themselves.

The sender's own words come first: "Chào chị, em là sinh viên…" is answered as "chị" to "em". Then
a title kept in greetings ("TS.") or a senior headline calls for "anh/chị", never "bạn". Then the
user's defaults (`[me] vi_address`, `[me] vi_self`). Gender only where the middle name says it
("Thị", "Văn"); otherwise the neutral "anh/chị". A user who is the junior of the two ("em") thanks
and asks with the particle "ạ". The words are data in prompts/address.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .config import UserConfig
from .models import Request
from .names import greeting_name
from .text import fold, has_diacritics

WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")
RESPECT = "anh/chị"
GENDERED = ("anh", "chị")  # the elder words that say a gender
CASUAL_SELF = ("mình", "tớ")  # a user's own word that a formal sender is not answered with
# A note that opens by calling its reader by pronoun and name, then a comma: "Anh Minh, em …".
CALLED_BY_NAME = re.compile(r"\s*(?i:anh|chị|chi|em|thầy|thay|cô|co|bạn|ban)\s+([^\W\d_]+)\s*[,!]")


@dataclass(frozen=True)
class Address:
    you: str  # what the reply calls the sender: "anh/chị", "chị", "em", "bạn", "thầy"
    me: str  # what the user calls themselves: "tôi", "mình", "em", "chị"
    greet: str  # after "Chào": "chị Hương", "TS. Bích", "anh/chị"
    particle: str  # " ạ" when the user is the junior, else ""


@dataclass(frozen=True)
class _Words:
    reader: tuple[str, ...]
    self: tuple[str, ...]
    greetings: tuple[tuple[str, ...], ...]
    vocatives: frozenset[str]
    self_verbs: frozenset[str]
    titles: frozenset[str]  # upper case
    respect: frozenset[str]  # upper case: titles not kept in the greeting that still rule out "bạn"
    seniority: tuple[tuple[str, ...], ...]
    female: frozenset[str]  # with and without diacritics
    male: frozenset[str]
    juniors: frozenset[str]  # "em", "cháu", "con"
    elders: frozenset[str]  # "anh", "chị", "chú", ...
    ambiguous: frozenset[str]  # "con": a pronoun only before a verb of the writer's
    abbreviations: dict[str, str]  # "a" -> "anh"
    unmistakable_self: frozenset[str]  # "tớ": the writer's wherever it stands
    friends: dict[str, str]  # "tớ" -> "cậu": old friends' pairs, answered in kind


@cache
def _words() -> _Words:
    data = tomllib.loads(resources.files("assist.prompts").joinpath("address.toml").read_text(encoding="utf-8"))
    pronouns = data["pronouns"]
    return _Words(tuple(pronouns["reader"]), tuple(pronouns["self"]),
                  tuple(tuple(WORD.findall(g.lower())) for g in pronouns["greetings"]),
                  frozenset(pronouns["vocatives"]), frozenset(pronouns["self_verbs"]), frozenset(title.upper() for title in data["titles"]["kept"]),
                  frozenset(title.upper() for title in data["titles"]["respect"]),
                  tuple(tuple(WORD.findall(w.lower())) for w in data["seniority"]["words"]),
                  frozenset(data["gender"]["female"]) | {fold(w) for w in data["gender"]["female"]},
                  frozenset(data["gender"]["male"]) | {fold(w) for w in data["gender"]["male"]},
                  frozenset(pronouns["juniors"]), frozenset(pronouns["elders"]), frozenset(pronouns["ambiguous"]),
                  dict(pronouns["abbreviations"]), frozenset(pronouns["unmistakable_self"]), dict(pronouns["friends"]))


def vietnamese_address(config: UserConfig, request: Request) -> Address:
    words = _words()
    me = config.me
    own_self = (me.vi_self if me else None) or "tôi"
    own_address = (me.vi_address if me else None) or RESPECT
    reader, writer = _pair_in_note(request.note, words)
    gendered = _gendered(request.sender.name, words)
    title = _title(request.sender.name, words)
    # a title, or a senior role in the headline or in the name's own tail ("Huy – Giám đốc …")
    senior = (title is not None or _first(request.sender.name).upper() in words.respect
              or _senior(request.sender.headline, words) or _senior(request.sender.name, words))

    if writer in words.juniors:  # "em là …", "cháu là …": the sender is the junior
        # The elder word the note calls the user by, unless the user said which of anh/chị they are;
        # else the user's own elder word, or "mình": "tôi" to an "em" is stiff, "em" upside down.
        told = own_self in GENDERED and reader in GENDERED
        own_elder = own_self if own_self in words.elders or own_self == "mình" else "mình"
        you, mine = writer, reader if reader in words.elders and not told else own_elder
    elif reader in words.juniors:  # "Chào em": the sender is the elder
        you, mine = writer if writer in words.elders else gendered, reader
    elif writer in words.friends or reader in words.friends.values():  # "tớ"/"cậu": answered in kind
        mine = writer if writer in words.friends else next(me for me, you in words.friends.items() if you == reader)
        you = words.friends[mine]
    elif (writer == "mình" and reader not in words.elders) or (reader == "bạn" and writer is None):
        you, mine = "bạn", "mình"
    elif reader in words.elders or writer in words.elders or senior:
        # The register the sender set is kept: to a formal "tôi", or to a doctorate or a
        # professorship, the user's casual "mình" becomes "tôi".
        formal = writer == "tôi" or title is not None
        you, mine = gendered, ("tôi" if own_self in CASUAL_SELF and formal else own_self)
    else:  # a gender the name says plainly ("Thị", "Văn") before the user's default
        you, mine = (gendered if own_address == RESPECT or gendered != RESPECT else own_address), own_self
    name = greeting_name(request.sender.name, "vi", note=request.note)
    if title and name:
        greet = f"{title} {name}"
    else:
        greet = f"{you} {name}" if name else you
    return Address(you, mine, greet, " ạ" if mine in words.juniors else "")


def _pair_in_note(note: str | None, words: _Words) -> tuple[str | None, str | None]:
    """How the note calls its reader (after a greeting), and how its writer calls themselves (a
    pronoun before a verb: "em là", "mình đang"). A note typed without diacritics is read folded."""
    if not note:
        return None, None
    tokens = [token.lower() for token in WORD.findall(note)]
    plain = not has_diacritics(note)
    key = (lambda word: fold(word)) if plain else (lambda word: word)
    seen = [key(token) for token in tokens]
    readers = {key(word): word for word in words.reader}
    selves = {key(word): word for word in words.self}
    if plain:  # folded, "minh" is a name and "co", "chi" other words: only the unambiguous ones
        selves = {k: v for k, v in selves.items() if k in ("em", "toi")}
    abbreviations = {} if plain else words.abbreviations
    reader = writer = None
    greeted: set[int] = set()
    at = _positions(seen)  # a greeting is tried only where its first word stands
    for greeting in words.greetings:
        g = tuple(key(word) for word in greeting)
        last = len(seen) - len(g)  # a reader's word must follow the greeting
        for start in (at.get(g[0], ()) if g else range(last)):
            if start >= last:
                break
            called = seen[start + len(g)]
            called = abbreviations.get(called, called)
            if called in ("anh", "chi" if plain else "chị") and start + len(g) + 1 < len(seen) and \
                    {called, seen[start + len(g) + 1]} in ({"anh", "chị"}, {"anh", "chi"}):
                called = key("anh/chị")  # "Em chào anh chị": no gender said
            if tuple(seen[start:start + len(g)]) == g and called in readers:
                greeted.add(start + len(g))
                if reader is None:
                    reader = readers[called]
    vocatives = {key(word) for word in words.vocatives}
    raw = WORD.findall(note)
    for index, token in enumerate(seen[:-1]):  # "chị ơi", "chị Hạnh ơi": the reader, called
        token = abbreviations.get(token, token)
        named = index + 2 < len(seen) and raw[index + 1][:1].isupper() and seen[index + 2] in vocatives
        if reader is None and token in readers and (seen[index + 1] in vocatives or named):
            reader = readers[token]
            greeted.add(index)
    called = CALLED_BY_NAME.match(note)
    if reader is None and seen and seen[0] in readers and called and called.group(1)[:1].isupper():
        reader = readers[seen[0]]  # "Anh Minh, em …": called by pronoun and name, no greeting word
        greeted.add(0)
    verbs = {key(word) for word in words.self_verbs}
    for index, token in enumerate(seen[:-1]):
        token = abbreviations.get(token, token)
        if index not in greeted and token in selves and seen[index + 1] in verbs and selves[token] != reader:
            writer = selves[token]
            break
    if writer is None and not plain:  # "tớ Huyền lớp 12A1 đây": a word only the writer calls themselves
        writer = next((selves[token] for token in seen if token in words.unmistakable_self), None)
    if writer is None and reader is not None:
        # Once the reader is called, another pronoun is the writer's own: "kết nối với em nha"
        # (not a word that is also a noun: "những con số").
        ambiguous = {key(word) for word in words.ambiguous}
        writer = next((selves[token] for index, token in enumerate(seen)
                       if index not in greeted and token in selves and token not in ambiguous
                       and selves[token] != reader), None)
    return reader, writer


def _gendered(name: str, words: _Words) -> str:
    """"chị" or "anh" where the middle name says it plainly, else "anh/chị"."""
    parts = [part.lower() for part in WORD.findall(name or "")]
    middle = parts[1:-1]
    if any(part in words.female for part in middle):
        return "chị"
    if any(part in words.male for part in middle):
        return "anh"
    return RESPECT


def _title(name: str, words: _Words) -> str | None:
    """A title kept in the greeting ("TS.", "PGS.TS."), as the name writes it."""
    first = _first(name)
    return first if first.upper() in words.titles else None


def _first(name: str | None) -> str:
    return (name or "").strip().split(" ", 1)[0]


def _senior(headline: str | None, words: _Words) -> bool:
    tokens = [token.lower() for token in WORD.findall(headline or "")]
    at = _positions(tokens)  # a phrase is tried only where its first word stands
    return any(not phrase or any(tuple(tokens[start:start + len(phrase)]) == phrase for start in at.get(phrase[0], ()))
               for phrase in words.seniority)


def _positions(tokens: list[str]) -> dict[str, list[int]]:
    """Each token's positions, in order."""
    at: dict[str, list[int]] = {}
    for index, token in enumerate(tokens):
        at.setdefault(token, []).append(index)
    return at
