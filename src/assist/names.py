"""The name a reply greets someone by: the given name, from a name as real profiles write it.

    "Prof. Dr. Hans Müller"      -> "Hans"      titles before the name go
    "Sarah Klein, PhD | Hiring"  -> "Sarah"     degrees after it, and any tail after a separator
    "Klein, Sarah"               -> "Sarah"     "Last, First"
    "nguyễn thị hương (Rose)"    -> "Hương"     Vietnamese: the given name is the last word
    "Tan Wei Jie", "Li Na"       -> "Wei Jie", "Li Na"   East Asian, family name first: the given
                                                    name whole; one syllable alone: the full name
    "Ana Paula Ferreira Lima"    -> "Ana Paula"  a compound given name
    "J. Smith", "Dr. Klein"      -> None        no given name can be told: greet without one
    "Customer Support | Acme"    -> None        a role or a business, not a person

The words (titles, degrees, placeholders, roles, family names and given-name syllables) are data
in prompts/names.toml.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .text import fold

PROMPTS_PACKAGE = "assist.prompts"
# What ends the name and starts something else: "Sarah Klein | Hiring", "Sarah Klein - Recruiter".
TAIL = re.compile(r"\s*(?:[|•·/]|\s[-–—]\s|\s[-–—]$|:)\s*")
# Asides: "(Rose)", "(she/her)", "“Kate”", '"Bob"'.
ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\"[^\"]*\"|“[^”]*”|«[^»]*»|'[^']*'(?=\s)")
HASHTAG = re.compile(r"#\w+")
HANDLE = re.compile(r"(?<!\S)@\S+")  # "@sarahk": a handle, no name
# Scripts whose names are greeted as written, whole: Chinese, Japanese, Korean.
WHOLE_NAME_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Letters only Vietnamese writes: a name with one is Vietnamese, its given name last. Not â, ê, ô:
# French and Portuguese write them too ("Inês", "Jérôme").
VIETNAMESE_LETTERS = frozenset("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỵỹ")
# A Vietnamese family name read as the last word of a Western-order name ("Linh Nguyen") only when
# it is this common: rarer ones are given names as often ("Hồng Đào").
WESTERN_ORDER_MAX_RANK = 30
# The small words inside a compound given name, kept in lower case ("María de los Ángeles").
PARTICLES = frozenset({"de", "del", "los", "las", "la", "da", "das", "do", "dos"})


@dataclass(frozen=True)
class _Words:
    titles: frozenset[str]
    post_nominals: frozenset[str]
    placeholders: frozenset[str]
    organisations: frozenset[str]
    roles: tuple[str, ...]  # words and phrases, padded with spaces: " customer service "
    roles_cjk: tuple[str, ...]
    family_names: dict[str, int]  # each by its rank: the most common first
    syllables: frozenset[str]
    east_asian_families: frozenset[str]
    east_asian_syllables: frozenset[str]
    compound_given: frozenset[str]
    compound_tails: tuple[tuple[str, ...], ...]
    bound_given: frozenset[str]  # never a given name alone: "Abdul" (Rahman)
    japanese_families: frozenset[str]
    patronymic: re.Pattern[str]  # "Сергеевич", "Petrovna"
    family_particles: frozenset[str]  # "de", "van": no name of their own in "de la Cruz, Juan"
    balinese_markers: frozenset[str]  # "I", "Ni"
    balinese_prefixes: frozenset[str]  # "Made", "Putu", "Gusti"
    doctors: frozenset[str]  # "dr", "prof": a doctorate's faculty may follow
    faculties: frozenset[str]  # "rer", "nat", "med", "habil"
    south_indian: frozenset[str]  # given names an initial comes before: "R. Karthik"
    introductions: re.Pattern[str]  # what a note's writer says before their own name: "i'm", "em là"
    given_titles: frozenset[str]  # titles said with a given name: "Khun Ploy", "Pak Joko"
    thai_prefixes: tuple[str, ...]  # written against a Thai name: "นายสมชาย"
    abbreviated: frozenset[str]  # "Ma.", "Mohd": a devotional first name, abbreviated
    lineage: frozenset[str]  # "bin", "binti": the personal name is before it
    hungarian_families: frozenset[str]
    hungarian_given: frozenset[str]
    greek_endings: tuple[str, ...]
    burmese_honorifics: frozenset[str]
    burmese_syllables: frozenset[str]
    burmese_distinct: frozenset[str]
    mongolian_genitive: tuple[str, ...]
    mongolian_elements: frozenset[str]
    ambiguous_titles: frozenset[str]  # titles that are given names too: "Ato", "Doc"
    page_tails: frozenset[str]  # what a business does, after its one-word name: "Giải pháp", "Supply Chain"


@cache
def _words() -> _Words:
    raw = resources.files(PROMPTS_PACKAGE).joinpath("names.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)

    def listed(table: str) -> frozenset[str]:
        return frozenset(_key(word) for words in data[table].values() for word in words)

    vietnamese, east_asian, compound = data["vietnamese"], data["east_asian"], data["compound_given"]
    roles = data["roles"]
    return _Words(listed("titles"), listed("post_nominals"), listed("placeholders"), listed("organisations"),
                  tuple(f" {_key(role)} " for language, words in roles.items() if language != "cjk" for role in words),
                  tuple(roles["cjk"]),
                  {name: rank for rank, name in enumerate(vietnamese["family_names"])},
                  frozenset(vietnamese["syllables"]), frozenset(east_asian["family_names"]),
                  frozenset(east_asian["syllables"]), frozenset(compound["names"]),
                  tuple(tuple(tail.split()) for tail in compound["tails"]), frozenset(compound["bound"]),
                  frozenset(data["japanese"]["family_names"]),
                  re.compile(f"(?:{'|'.join(map(re.escape, data['patronymics']['endings']))})$"),
                  listed("family_particles"), frozenset(data["balinese"]["markers"]),
                  frozenset(data["balinese"]["prefixes"]), frozenset(map(_key, data["doctor_faculties"]["doctors"])),
                  frozenset(map(_key, data["doctor_faculties"]["all"])), frozenset(data["south_indian"]["given_names"]),
                  re.compile(r"(?<!\w)(?:" + "|".join(sorted((re.escape(phrase) for phrases in data["introductions"].values()
                                                              for phrase in phrases), key=len, reverse=True)) + r")\s+"),
                  listed("given_titles"), tuple(data["thai_prefixes"]["all"]), frozenset(compound["abbreviated"]),
                  frozenset(compound["lineage"]), frozenset(data["hungarian"]["family_names"]),
                  frozenset(data["hungarian"]["given_names"]), tuple(data["greek"]["family_endings"]),
                  frozenset(data["burmese"]["honorifics"]), frozenset(data["burmese"]["syllables"]),
                  frozenset(data["burmese"]["distinct"]), tuple(data["mongolian"]["genitive"]),
                  frozenset(data["mongolian"]["elements"]), listed("ambiguous_titles"), listed("page_tails"))


def _key(word: str) -> str:
    """A word as the lists hold it: lower case, without diacritics, without a trailing dot."""
    return fold(unicodedata.normalize("NFC", word).lower()).rstrip(".")


# Reply languages written in the scripts of WHOLE_NAME_SCRIPTS: a name given in two scripts ("David
# Chen 陈伟") is greeted in the reply's ("陈伟" in Chinese, "David" in English).
CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})


def greeting_name(full_name: str | None, language: str | None = None, note: str | None = None) -> str | None:
    """The given name to greet by, in the case a person writes it, or None when none is safe.
    `language`: the reply's; of a name written in two scripts, the Latin one is used in a reply in
    a language of Latin letters, the Chinese, Japanese or Korean one otherwise (and without one).
    `note`: the sender's own; the name they introduce themselves by there ("em là Hà", "I'm
    Linh"), when it is a word of their name, settles which word to greet ("Thu Hà" -> "Hà")."""
    given = _greeting_name(full_name, language)
    if given is None or not note:
        return given
    introduced = _introduced(note)
    if introduced is None or _key(introduced) == _key(given):
        return given
    for word in WORD.findall(unicodedata.normalize("NFKC", full_name or "")):
        if _key(word) == _key(introduced) and word[:1].isupper():
            return _cased(word)
    return given


WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LATIN_ASIDE = re.compile(r"\(([^()]+)\)")  # a name's other form, in parentheses


def _introduced(note: str) -> str | None:
    """The name a note's writer gives themselves: the word after "I'm", "em là", "soy", "tớ"."""
    text = unicodedata.normalize("NFKC", note)
    lowered = text.lower()
    for match in _words().introductions.finditer(lowered):
        after = WORD.match(text, match.end())
        if after is not None and after.group(0)[:1].isupper():
            return after.group(0)
    return None


@lru_cache(maxsize=4096)
def _greeting_name(full_name: str | None, language: str | None = None) -> str | None:
    words = _words()
    text = unicodedata.normalize("NFKC", full_name or "")
    latin = LATIN_ASIDE.search(text)
    if latin and language is not None and language not in CJK_LANGUAGES and WHOLE_NAME_SCRIPTS.search(text[:latin.start()]) \
            and not WHOLE_NAME_SCRIPTS.search(latin.group(1)):
        text = latin.group(1)  # "이서연 (Seoyeon Lee)" in a reply in Latin letters: the name they wrote for it
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LMNPZ" or ch in "'’-.,|")
    text = HANDLE.sub(" ", HASHTAG.sub(" ", ASIDE.sub(" ", text)))
    head, *tail = TAIL.split(_without_slashed_titles(text.strip(), words), maxsplit=1)
    if tail and len(head.split()) == 1 and any(f" {word} " in f" {_key(tail[0])} " for word in words.page_tails):
        return None  # "VNID - Giải pháp Định danh": one word before what a business does is its name
    text = head
    text = _without_thai_prefix(text.strip(), words)
    if not text.strip() or _key(" ".join(text.split())) in words.placeholders:
        return None
    if WHOLE_NAME_SCRIPTS.search(text):
        # A role ("招聘经理") is no name; what is left is ("Amy"), read as any other name.
        kept = [word for word in text.split() if not any(word.endswith(role) or role in word for role in words.roles_cjk)]
        if not kept:
            return None
        whole = [word for word in kept if WHOLE_NAME_SCRIPTS.search(word)]
        latin = [word for word in kept if not WHOLE_NAME_SCRIPTS.search(word)]
        if whole and (not latin or language is None or language in CJK_LANGUAGES):
            return " ".join(whole)  # as the sender wrote it, spaces kept ("田中 太郎")
        text = " ".join(latin)
    padded = f" {_key(' '.join(text.replace(',', ' ').split()))} "
    if any(role in padded for role in words.roles):
        return None  # "Customer Support", "HR Tuyển Dụng": a role or a business
    parts = [part.strip() for part in text.split(",")]
    tokens = parts[0].split()
    after_initials = _after_initials(tokens, words)
    if after_initials:
        return _cased(after_initials)  # "R. Karthik": a South Indian initial, then the given name
    head = _without_titles(tokens, words)
    if len(head) == 1 and len(tokens) > 1 and len(parts) == 1:
        if len(tokens) == 2 and _key(tokens[0]) in words.ambiguous_titles:
            return None  # "Ato Boldon": "Ato" is a given name as well as a title
        if _key(tokens[-2]) in words.given_titles and not _initial(head[0], head):
            return _cased(head[0])  # "Khun Ploy", "Pak Joko": a title said with a given name
        return None  # "Dr. Klein": a title before a family name
    after_initials = _after_initials(head, words) if len(head) < len(tokens) else None
    if after_initials:
        return _cased(after_initials)  # "Drs. H. Ahmad Yani": a title, an initial, then the name
    rest = []
    for part in parts[1:]:
        if part and _credentials(part, parts, head, words):
            break  # "Jane Doe, MBA, PMP, SAFe 6 SPC": once the tail lists credentials, all of it does
        if part:
            rest.append(part)
    if rest and len([word for word in head if _key(word) not in words.family_particles]) <= 2:  # "Klein, Sarah": the given name comes after the comma
        given_part = _without_titles(rest[0].split(), words)
        family_first = _family_first(head, given_part, words)
        if family_first:
            return family_first
        head = given_part
    while head and _key(head[-1]) in words.post_nominals:
        head.pop()
    if not head or _key(head[-1]) in words.organisations or any(ch.isdigit() for word in head for ch in word):
        return None
    if len(head) >= 2 and head[0].islower() and _key(head[0]) in words.family_particles \
            and not all(word.islower() for word in head):
        return None  # "Dr. van Leeuwen": a family name, its particle first
    if len(head) >= 2 and all(INITIAL.fullmatch(word) for word in head[1:]) \
            and sum(ch.isalpha() for word in head[1:] for ch in word) >= 2:
        return None  # "Sharma A.K.", "Иванов И. И.": a family name, then the given names' initials
    head, family = _without_capitalised_family(head)
    if family and len(head) >= 2 and all(piece in words.east_asian_syllables for word in head for piece in _key(word).split("-")):
        return " ".join(_cased(word) for word in head)  # "Wei Jie LIM": the given name whole
    given = _given(head, words)
    if given is None or _initial(given, head):
        return None
    return _cased(given)


# Titles a formal greeting keeps ("Guten Tag Dr. Thomas Brandt"), and the words by which a name
# says its own gender plainly ("Herr", "Frau"): then the family name alone follows them.
ACADEMIC = {"dr": "Dr.", "prof": "Prof.", "professor": "Prof.", "dr.-ing": "Dr.-Ing."}
GENDERED = {"herr": "Herr", "frau": "Frau"}


@lru_cache(maxsize=1024)
def formal_name(full_name: str | None) -> str | None:
    """The name a formal greeting uses ("Guten Tag Dr. Thomas Brandt"): academic titles kept, the
    given and the family name, in a person's case; "Herr Brandt" or "Frau Dr. Weber" only when the
    name itself says "Herr" or "Frau" (a gender is never guessed). None when no full name can be
    told safely: one word, another script, a role."""
    words = _words()
    text = unicodedata.normalize("NFKC", full_name or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LMNPZ" or ch in "'’-.,|")
    text = HASHTAG.sub(" ", ASIDE.sub(" ", text))
    text = TAIL.split(text.strip(), maxsplit=1)[0]
    if not text.strip() or WHOLE_NAME_SCRIPTS.search(text) or _key(" ".join(text.split())) in words.placeholders:
        return None
    padded = f" {_key(' '.join(text.replace(',', ' ').split()))} "
    if any(role in padded for role in words.roles):
        return None
    parts = [part.strip() for part in text.split(",")]
    tokens = parts[0].split()
    rest = [part for part in parts[1:] if part and not _credentials(part, parts, tokens, words)]
    if rest:  # "Brandt, Thomas": the given name after the comma
        if len(tokens) != 1 or len(rest) != 1 or len(rest[0].split()) != 1:
            return None
        tokens = [rest[0], tokens[0]]
    kept, gender, start = [], None, 0
    while start < len(tokens):
        key = _key(tokens[start])
        if key in GENDERED and gender is None and not kept:
            gender = GENDERED[key]
        elif key in ACADEMIC:
            kept.append(ACADEMIC[key])
        elif not (key in words.titles or (key in words.faculties and (tokens[start][:1].islower() or tokens[start].endswith(".")))):
            break  # a faculty ("rer.", "med.") only as a title writes it: "Dr. Phil Jordan" is Phil
        start += 1
    head = tokens[start:]
    while head and _key(head[-1]) in words.post_nominals:
        head.pop()
    if len(head) < 2 or any(ch.isdigit() for word in head for ch in word) or _key(head[-1]) in words.organisations:
        return None
    head = [_cased(word) if _all_capitals(word) or word.islower() else word for word in head]
    if gender:
        return " ".join([gender, *kept, head[-1]])
    return " ".join([*kept, *head])


def _without_titles(tokens: list[str], words: _Words) -> list[str]:
    """The tokens after the leading titles ("Prof. Dr.-Ing.", "PGS.TS.", "Dr. rer. nat.")."""
    start = 0
    doctor = False
    while start < len(tokens):
        token, key = tokens[start], _key(tokens[start])
        if start + 1 < len(tokens) and f"{key} {_key(tokens[start + 1])}" in words.titles:
            start += 2  # "Tan Sri", "Dato' Sri": an honour of two words ("Tan" alone is a family name)
            continue
        glued = _glued_title(token, words)
        if glued:
            return [glued, *tokens[start + 1:]]  # "Dr.Sarah": the title written against the name
        if key in words.titles or all(_key(piece) in words.titles for piece in token.rstrip(".").split(".") if piece):
            doctor = key in words.doctors
        elif not (doctor and key in words.faculties and (token[:1].islower() or token.endswith("."))):
            break  # a faculty ("rer.", "med.") only after a doctor's title: "Dr. Phil Jordan" is Phil
        start += 1
    return tokens[start:]


DOTTED = re.compile(r"[^\W\d_]{1,4}(?:\.[^\W\d_]{1,4})+\.?")  # "Sp.PD", "M.Kes", "S.T."
INITIAL = re.compile(r"(?:[^\W\d_]\.){1,3}|[^\W\d_]")


def _without_slashed_titles(text: str, words: _Words) -> str:
    """"W/ro Almaz Ayana" -> "Almaz Ayana": a title written with a slash, before the slash can be
    read as the end of the name ("Sarah Klein / Open to work")."""
    tokens = text.split()
    start = 0
    while start < len(tokens) - 1 and "/" in tokens[start] and _key(tokens[start]) in words.titles:
        start += 1
    return " ".join(tokens[start:]) if start else text


THAI = re.compile(r"[\u0e00-\u0e7f]")


def _without_thai_prefix(text: str, words: _Words) -> str:
    """"นายสมชาย ใจดี" -> "สมชาย ใจดี": Thai honorifics are written against the name."""
    first = text.split()[0] if text.split() else ""
    if THAI.search(first):
        for prefix in sorted(words.thai_prefixes, key=len, reverse=True):
            if first.startswith(prefix) and len(first) >= len(prefix) + 2:
                return text[len(prefix):]
    return text


def _glued_title(token: str, words: _Words) -> str | None:
    """"Dr.Sarah" -> "Sarah": titles and a capitalised word joined by dots, no space between."""
    pieces = token.split(".")
    name = pieces[-1]
    if len(pieces) < 2 or not name[:1].isupper() or not name.replace("-", "").isalpha() or len(name) < 2:
        return None
    return name if all(_key(piece) in words.titles for piece in pieces[:-1] if piece) and any(pieces[:-1]) else None


def _after_initials(tokens: list[str], words: _Words) -> str | None:
    """"R. Karthik", "V.S. Ramesh", "T. Senthil Kumar": one or two initials before a South Indian
    given name of the list. Before any other word ("J. Smith") None: that may be a family name."""
    start = 0
    while start < min(len(tokens), 2) and INITIAL.fullmatch(tokens[start]):
        start += 1
    if start and start < len(tokens) and _key(tokens[start]) in words.south_indian:
        return tokens[start]
    if start and start == len(tokens) - 1 and _mongolian(_key(tokens[start]), words):
        return tokens[start]  # "B. Enkhjargal": the father's name as an initial, then the given name
    if start and all(token.endswith(".") for token in tokens[:start]) and len(tokens) - start >= 2 \
            and not INITIAL.fullmatch(tokens[start]) \
            and _key(tokens[start]) not in words.family_particles and _key(tokens[start]) not in words.titles:
        return tokens[start]  # "J. Robert Oppenheimer", "H. Ahmad Fauzi": a given name and a family name follow
    return None


def _credentials(part: str, parts: list[str], head: list[str], words: _Words) -> bool:
    """A part after a comma that lists degrees or credentials, not a given name: each word listed,
    or, after a full name (two words at least) and in a tail that lists one credential, of their
    shape: capitals ("FCCA, CGMA") or dotted ("S.Kom., M.M.")."""
    tokens = part.split()
    if all(_key(token) in words.post_nominals for token in tokens):
        return True
    if len(head) < 2 or _all_capitals(" ".join(head).replace(" ", "")):
        return False  # "Smith, JR", "KLEIN SARAH, ANNA": a given name may be written so
    if len(tokens) == 1 and tokens[0].isalpha() and tokens[0].isupper() and 2 <= len(tokens[0]) <= 6 \
            and len([word for word in head if _key(word) not in words.family_particles]) >= 2:
        return True  # "Chinedu Eze, MNSE": one membership in capitals after a full name
    if tokens and _key(tokens[0]) in words.titles:
        return True  # "Tomasz Wiśniewski, prof. PW", "Anna Nowak, Dr. hab.": a title's tail
    if tokens and all(DOTTED.fullmatch(token) for token in tokens):
        return True  # "Sp.PD", "M.Kes": letters broken by dots are a degree, never a given name
    tail = [token for other in parts[1:] for token in other.split()]
    if not any(_key(token) in words.post_nominals for token in tail):
        return False
    return all(_credential_shape(token) for token in tokens)


def _credential_shape(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    if "." in token.rstrip("."):
        return all(len(piece) <= 4 for piece in token.rstrip(".").split("."))
    return 2 <= len(letters) <= 6 and sum(ch.isupper() for ch in letters) >= 2 and token[:1].isupper()


def _family_first(family: list[str], given: list[str], words: _Words) -> str | None:
    """"Tan, Mei Ling" -> "Mei Ling", "Nguyễn, Thị Lan" -> "Lan", "Ferreira, Ana Paula" -> "Ana
    Paula": after "Last, First", a given name of two words, read by the rules of its kind."""
    if len(family) != 1 or len(given) < 2:
        return None
    family_key, keys = _key(family[0]), [_key(word) for word in given]
    if family_key in words.east_asian_families or family_key in words.family_names:
        name = _given(family + given, words)
        return _cased(name) if name and not _initial(name, given) else None
    if len(given) == 2 and all(key in words.compound_given for key in keys):
        return " ".join(_cased(word) for word in given)
    return None


def _without_capitalised_family(head: list[str]) -> tuple[list[str], bool]:
    """"KLEIN Sarah" -> ["Sarah"], "Wei Jie LIM" -> ["Wei", "Jie"]: a first or last word in capitals,
    the rest not, is the family name (as French, Singaporean and many official forms write it).
    Also says whether one was found."""
    if len(head) >= 2 and _all_capitals(head[0]) and not any(_all_capitals(word) for word in head[1:]) \
            and all(word[:1].isupper() for word in head[1:]):  # not "SARAH klein": the rest is capitalised
        return head[1:], True
    if len(head) >= 2 and _all_capitals(head[-1]) and not any(_all_capitals(word) for word in head[:-1]) \
            and all(word[:1].isupper() for word in head[:-1]):
        return head[:-1], True
    return head, False


def _all_capitals(word: str) -> bool:
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 3


def _given(head: list[str], words: _Words) -> str | None:
    """The given name among a name's words: Vietnamese names put it last; East Asian names written
    family name first put it after the family name; other names first (a compound one whole)."""
    if len(head) == 1:
        return head[0]
    keys = [_key(word) for word in head]
    convention = _by_convention(head, keys, words)
    if convention is not UNDECIDED:
        return convention
    if head[0].lower() in words.abbreviated:
        head, keys = head[1:], keys[1:]  # "Ma. Theresa Santos", "Md. Rahim Uddin": the name after
        if len(head) == 1:
            return head[0]
    patronymic = next((index for index, key in enumerate(keys) if index and words.patronymic.search(key)), None)
    if patronymic is not None and len(head) == 3:
        return head[patronymic - 1]  # "Петров Иван Сергеевич", "Иван Сергеевич Петров": Иван
    if keys[0] in words.balinese_markers and len(head) >= 3:
        personal = [word for word, key in zip(head[1:], keys[1:]) if key not in words.balinese_prefixes]
        return personal[0] if personal else None  # "I Made Wirawan": Wirawan
    if keys[0] in words.bound_given:
        return " ".join(head[:2])  # "Abdul Rahman Al-Sayed"
    if len(head) == 2 and keys[0] in words.japanese_families and keys[1] not in words.japanese_families:
        return " ".join(_cased(word) for word in head)  # "Tanaka Aiko": the order cannot be told
    families = words.family_names
    before = [key in words.syllables for key in keys[:-1]]
    western = keys[-1] in families and families[keys[-1]] < WESTERN_ORDER_MAX_RANK and (all(before) or not any(before)) and (
        keys[0] not in families or families[keys[-1]] < families[keys[0]])  # "Mai" is a family name too, "Nguyen" more so
    if western:
        return head[-2]  # "Mai Anh Nguyen", "Lily Trần": the given name before the family name
    vietnamese_letters = any(ch in VIETNAMESE_LETTERS for ch in " ".join(head).lower())
    vietnamese_rest = all(key in words.syllables for key in keys[1:])
    if keys[0] in families and (vietnamese_letters or vietnamese_rest or keys[0] not in words.east_asian_families):
        return head[-1]  # "Nguyễn Thị Thanh Linh", "Tran Khai"
    if vietnamese_letters or all(key in words.syllables or key in families for key in keys):
        return head[-1]  # "Thanh Linh", "Ngọc Hân"
    east_asian = _east_asian_given(head, keys, words)
    if east_asian:
        return east_asian
    return _compound_given(head, keys, words)


UNDECIDED = object()


def _by_convention(head: list[str], keys: list[str], words: _Words) -> str | None | object:
    """The given name of a name whose convention its words tell (Malay and Arabic "bin", Hungarian,
    Greek, Burmese, Mongolian): the name, None when it has none, or UNDECIDED."""
    lineage = next((index for index, key in enumerate(keys) if 0 < index < len(keys) - 1 and key in words.lineage
                    and (key != "bin" or head[index].islower() or keys[0] not in words.east_asian_families)), None)
    if lineage is not None:
        personal = head[:lineage]  # "Siti Nurhaliza binti Tarudin": all before "binti"
        if len(personal) > 1 and personal[0].lower() in words.abbreviated:
            personal = personal[1:]  # "Mohd Faizal bin Ahmad": Faizal
        return " ".join(personal)
    married = [index for index, word in enumerate(head) if word.lower().endswith("né") and len(word) > 4]
    for index in married:
        stem = keys[index][:-2]
        if stem in words.hungarian_given:
            return None  # "Kovács Jánosné": Mrs János Kovács, her own given name not in it
        if stem in words.hungarian_families:
            head, keys = head[:index] + head[index + 1:], keys[:index] + keys[index + 1:]  # "Szabóné Kiss Éva"
    if len(head) >= 2 and all(piece in words.hungarian_families for piece in keys[0].split("-")) \
            and keys[0] not in words.hungarian_given and keys[1] in words.hungarian_given:
        return head[1]  # "Kovács Péter", "Nagy Anna": Hungarian, the family name first
    if len(head) == 2 and _greek_family(keys[0], words) and not _greek_family(keys[1], words):
        return head[1]  # "Papadopoulos Georgios": a Greek family name by its ending, first
    burmese = [key in words.burmese_syllables for key in keys]
    if keys[0] in words.burmese_honorifics and all(burmese[1:]) and any(key in words.burmese_distinct for key in keys[1:]):
        return " ".join(head[1:])  # "Daw Khin Myat Thu": no family name, the honorific dropped
    if all(burmese) and any(key in words.burmese_distinct for key in keys):
        return " ".join(head)  # "Aung Myo Htet"
    if len(head) == 2 and _mongolian(keys[1], words):
        if any(keys[0].endswith(ending) and len(keys[0]) > len(ending) + 2 for ending in words.mongolian_genitive):
            return head[1]  # "Batbayaryn Enkhjargal": the father's name in the genitive, first
        if _mongolian(keys[0], words):
            return None  # "Batbayar Enkhjargal": which is the father's cannot be told
    return UNDECIDED


def _greek_family(key: str, words: _Words) -> bool:
    return any(key.endswith(ending) and len(key) > len(ending) + 1 for ending in words.greek_endings)


def _mongolian(key: str, words: _Words) -> bool:
    """A Mongolian given name: a compound of two elements or more ("enkhjargal", "bat-erdene")."""
    return _syllables(key.replace("-", ""), words.mongolian_elements, 8) >= 2


def _east_asian_given(head: list[str], keys: list[str], words: _Words) -> str | None:
    """"Tan Wei Jie" -> "Wei Jie", "Lee Seo-yeon" -> "Seo-yeon"; "Li Na" -> "Li Na" (one syllable
    alone is too familiar from a stranger); None when the name is not of this shape."""
    if len(head) > 3 or keys[0] not in words.east_asian_families:
        return None
    rest = keys[1:]
    if len(rest) == 1 and "-" not in rest[0] and _syllables(rest[0], words.east_asian_syllables) >= 2:
        return _cased(head[1])  # "Wang Xiaoming": a given name of two syllables written as one word
    if not all(piece in words.east_asian_syllables for key in rest for piece in key.split("-")):
        return None
    if len(rest) == 1 and "-" not in rest[0]:
        return " ".join(_cased(word) for word in head)
    return " ".join(_cased(word) for word in head[1:])


@lru_cache(maxsize=1024)
def _syllables(word: str, syllables: frozenset[str], longest: int = 6) -> int:
    """How many syllables of the list make up the word exactly ("xiaoming": 2), or 0 if they cannot."""
    if not word:
        return 0
    best = 0
    for end in range(min(len(word), longest), 0, -1):
        first, rest = word[:end], word[end:]
        if first in syllables:
            after = _syllables(rest, syllables, longest) if rest else 0
            if not rest or after:
                best = max(best, 1 + after)
    return best


def _compound_given(head: list[str], keys: list[str], words: _Words) -> str:
    """"Ana Paula Ferreira Lima" -> "Ana Paula", "María de los Ángeles Pérez" -> "María de los
    Ángeles": in a name of three words or more, a Spanish or Portuguese compound given name."""
    if len(head) >= 3 and keys[0] in words.compound_given:
        for tail in words.compound_tails:
            if tuple(keys[1:1 + len(tail)]) == tail and len(head) > len(tail) + 1:
                return " ".join(head[:1 + len(tail)])
        if keys[1] in words.compound_given:
            return " ".join(head[:2])
    return head[0]


def _initial(given: str, head: list[str]) -> bool:
    """An initial, not a name: "J.", "J.R.", or a lone "JS" of capitals."""
    letters = [ch for ch in given if ch.isalpha()]
    if len(letters) <= 1 or "." in given.rstrip(".") or given.endswith("."):
        return True
    return len(letters) <= 2 and given.isupper() and (len(head) == 1 or not all(word.isupper() for word in head))


def _cased(word: str) -> str:
    """All capitals or all lower case read as a person writes a name ("SARAH" -> "Sarah"); a name
    written with its own capitals ("McKenzie", "Jean-Luc") stays as it is."""
    if " " in word:
        return " ".join(piece if piece in PARTICLES else _cased(piece) for piece in word.split())
    if len(word) > 1 and word[0].islower() and word[1:].isupper():
        return word[0].upper() + word[1:].lower()  # "mARIA": written with caps lock on
    if word.isupper() or word.islower():
        return "-".join(piece[:1].upper() + piece[1:].lower() for piece in word.split("-"))
    return word

