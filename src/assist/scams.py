"""Scams by converging evidence: signs of what a text does to its reader.

A sign is something the reader is asked, promised or told (prompts/scams.toml lists the words,
by kind): credentials or money asked for, returns promised, software to install, the talk moved
off LinkedIn, pressure or secrecy, a voice borrowed from LinkedIn or from the reader's employer,
a look-alike link, a paid task or a job without hiring steps, flattery of the reader's looks.

What makes words a sign is whom they are aimed at. "Send your one-time code" asks the reader;
"I research OTP phishing" is a sender describing their work, and "LinkedIn will never ask for
your password" denies the very thing. So a request counts where an ask verb stands near what it
asks for, in a clause aimed at the reader (a second person, a "please", an imperative), not
denied by a negation just before it, and not in a clause where the sender describes their own
work. The user's field and the sender's stated job are never evidence.

Deciding (rules.toml [parameters.scam_or_phishing]): each kind found adds points, more for an
unambiguous sign (credentials or money asked for, a notice about the reader's account, a
look-alike domain, guaranteed returns, remote access) than for a plain one. Enough points is a
scam, reported; one plain sign alone is, as its kind says, doubt (unclear_intent: ask, never a
report) or nothing.

Cheap first: a text none of whose words could start a sign (and with no pattern that could
match, no link) is not read further, which is nearly every text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import evidence as wording
from .config import UserConfig
from .guidance import Guidance, load_guidance
from .models import Request
from .scam_words import DIGIT, UNSPACED, WORD_RUN, Hit, Kind, SignVocabulary
from .text import QUOTED, Text, clip, detect_language, flat, normalize, once
from .terms import company_names, is_everyday
from .workplace import impersonated_employer, own_company

# Sentences end at a full stop followed by a space, at ! ? ; (and their full-width forms), at a
# line break and at the separators of a headline (| • ·). Clauses also end at commas and colons
# (not those inside a number or a link), brackets and dashes.
SENTENCE_MARKS = frozenset("!?;\n|•·。！？；")
# A comma before or after a letter of a script without spaces ends a clause too: NFKC reads "，"
# as "," ("准证，COMPASS").
CLAUSE_BREAK = re.compile(r"[!?;\n|•·。！？；，、：()\[\]—–]|[.,:](?=\s|$)|,(?=[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af])"
                          r"|(?<=[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]),")
JOINED_QUOTE = re.compile(r"\W{0,3}(?:and|và|y|et|und|e|и|dan|和|与|や|와|และ|,)?\s*", re.IGNORECASE)
MENTION_REACH = 4  # words between the word that names an example and the quote
QUOTE_MARK = re.compile("['\"“‘«「]")
MESSAGE_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
# The commas of a list ("we reset passwords, send new codes, check IDs").
LIST_COMMAS = frozenset(",，、")
# What opens or goes on with the list a verb asks for ("请发给我：护照、身份证").
LIST_OPENERS = frozenset(":：、")
# A host name in a link, with or without a scheme: bounded labels (the regex stays linear).
HOST_HINT = re.compile(r"[a-z0-9]\.[a-z]")  # what every host holds: found in C before the regex below runs
HOST = re.compile(r"(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}[a-z]{2,24})(?![a-z0-9-])(/[^\s]{0,200})?")
LINK_HINTS = ("/", "www.", "http", "linked", "lnkd", "nkedin", "nkedln", "nked1n")
# Letters a look-alike host swaps in, to compare with a brand by its skeleton.
SKELETON = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "3": "e", "4": "a", "5": "s", "7": "t"})
CHARS_PER_WORD = 3  # distances involving a script without spaces are measured in characters
# Where to look for a hit's neighbours, in characters per word of reach: generous (a word and the
# spaces around it), then measured exactly. Bounded, so a long text is read in linear time.
WINDOW_PER_WORD = 24
WINDOW_SLACK = 64
QUOTE_AROUND = 45
PRICE_REACH = 3  # words between a fee and its price ("a compliance fee of USD 4,500")
PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)")
OTHER = "location, profile URL, id or date"
LINKEDIN_PROFILE = ("https://www.linkedin.com/in/", "https://linkedin.com/in/", "http://www.linkedin.com/in/")
EMPLOYER = "headline and note"


@dataclass(frozen=True)
class Sign:
    kind: str
    strong: bool  # unambiguous: reported alone
    place: str
    quote: str


@dataclass(frozen=True)
class Judgement:
    criterion: str  # scam_or_phishing or unclear_intent
    evidence: str


def read_signs(request: Request, config: UserConfig | None, guidance: Guidance | None = None,
               texts: Iterable[tuple[str, Text]] | None = None) -> dict[str, Sign]:
    """The kinds of sign in the request, each with its strongest instance. `texts`: the request's
    strings as (place, Text), note first, when the caller has them prepared already (the note,
    the profile, the name, and the location, profile URL, id and date as one)."""
    guidance = guidance or load_guidance()
    vocabulary = guidance.scams
    places = list(texts) if texts is not None else _places(request)
    if all(place != OTHER for place, _ in places):
        other = _other(request)  # the location, profile URL, id and date, read for links
        if other is not None:
            places.append((OTHER, other))
    found: dict[str, Sign] = {}
    reach = guidance.parameters["scam_or_phishing"]
    enough = lambda: _points(found, guidance) >= reach["report_at"]  # noqa: E731
    employer = _employer(request, config, guidance, places[0][1]) or _role_account(request, config, guidance)
    if employer is not None:
        found[employer.kind] = employer
    lookalike = _employer_lookalike(places, config, guidance)
    if lookalike is not None:
        found[lookalike.kind] = lookalike
    skipped = []
    labels = _labels(request)
    for place, text in places:
        if not text.normalized:
            continue
        if _worth_reading(vocabulary, text):
            _Doc(text, place, vocabulary, reach).read(found)
            _drop_label_asks(found, labels)
            if enough():
                return found  # a scam already: the rest would only add evidence
        else:
            skipped.append((place, text))
    if found and not enough():
        # A sign found, not yet enough: what counts only beside one (pressure, a borrowed voice) counts now.
        for place, text in skipped:
            if place != OTHER:  # no sentence there to press or borrow a voice
                _Doc(text, place, vocabulary, reach).read(found)
                _drop_label_asks(found, labels)
                if enough():
                    break
    return found


# Kinds of sign that ask something of the reader: a headline or a job title names the sender's
# work and asks nothing ("Chuyển tiền quốc tế", "Pay & Transfer Operations"), so there they are none.
ASKS_OF_THE_READER = frozenset({"credentials", "money", "software", "fee"})


def _labels(request: Request) -> tuple[str, ...]:
    """The strings of the profile that name the sender's work rather than say something: the
    headline, the industry, and each job's title."""
    sender = request.sender
    return tuple(filter(None, [sender.headline, sender.industry, *(job.title for job in sender.experience or [])]))


def _drop_label_asks(found: dict[str, Sign], labels: tuple[str, ...]) -> None:
    """Forgets a sign of asking the reader whose words are all in one label."""
    for name in [name for name, sign in found.items() if name in ASKS_OF_THE_READER and sign.place.startswith("profile")]:
        quote = found[name].quote.strip(" \"“”'…")
        if quote and any(quote in label for label in labels):
            del found[name]


def _places(request: Request) -> list[tuple[str, Text]]:
    sender = request.sender
    parts = [sender.headline, sender.company, sender.industry, sender.about]
    parts += [f"{job.title or ''} {job.company or ''}" for job in sender.experience or []]
    places = [("note", Text.of(request.note)), ("profile", Text.of(" \n ".join(filter(None, parts)))),
              ("name", Text.of(sender.name))]
    other = _other(request)
    return places + ([(OTHER, other)] if other is not None else [])


def _other(request: Request) -> Text | None:
    """The location, profile URL, id and date: fields that hold no sentence (another flag says when
    they do), read for a link to look at. A plain address of a profile on LinkedIn is none."""
    sender = request.sender
    url = sender.profile_url
    if url and url.startswith(LINKEDIN_PROFILE) and len(url.split()) == 1:
        url = None
    other = " \n ".join(filter(None, [sender.location, url, request.id, request.received_at]))
    return Text.of(other) if other and HOST_HINT.search(other.lower()) else None


def judge(signs: dict[str, Sign], guidance: Guidance) -> Judgement | None:
    """scam_or_phishing for enough signs, unclear_intent for one plain sign whose kind says so."""
    if not signs:
        return None
    p = guidance.parameters["scam_or_phishing"]
    kinds = guidance.scams.kinds
    points = {name: _points({name: sign}, guidance) for name, sign in signs.items()}
    ranked = sorted(signs.values(), key=lambda sign: -points[sign.kind])
    if sum(points.values()) >= p["report_at"]:
        return Judgement("scam_or_phishing", "; ".join(wording.SIGN.format(kind=kinds[sign.kind].says, sign=sign.quote)
                                                       for sign in ranked[:4]))
    unclear = [sign for sign in ranked if kinds[sign.kind].alone == "unclear"]
    if unclear:
        sign = unclear[0]
        return Judgement("unclear_intent", wording.SIGN_ALONE.format(kind=kinds[sign.kind].says, sign=sign.quote))
    return None


def _points(signs: dict[str, Sign], guidance: Guidance) -> float:
    """What the signs weigh together: each kind once, more for an unambiguous one."""
    p = guidance.parameters["scam_or_phishing"]
    kinds = guidance.scams.kinds
    return sum(p["strong_points"] if sign.strong or kinds[name].alone == "report" else p["plain_points"]
               for name, sign in signs.items())


def _worth_reading(vocabulary: SignVocabulary, text: Text) -> bool:
    """A first look, by the words the text holds: could a sign worth reading it for be in it?
    Kept with the text (a profile, a name or a place comes back from request to request)."""
    key = (_worth_reading, vocabulary)
    known = text.found.get(key)
    if known is None:
        known = text.found[key] = _first_look(vocabulary, text)
    return known


def _first_look(vocabulary: SignVocabulary, text: Text) -> bool:
    if vocabulary.first_look(text):
        return True
    string = text.normalized
    if "." not in string or HOST_HINT.search(string) is None:
        return False
    string = vocabulary.real_host.sub(" ", string)  # LinkedIn's own addresses hold the brand: no hint
    if HOST_HINT.search(string) is None:
        return False
    return any(hint in string for hint in vocabulary.link_hints) and any(
        not _is_real(match.group(1), vocabulary.real_hosts) for match in HOST.finditer(text.normalized))


class _Doc:
    """One place's text, read closely: its words with their places, clauses and sentences."""

    def __init__(self, text: Text, place: str, vocabulary: SignVocabulary, reach: dict) -> None:
        self.text = text
        self.place = place
        self.vocabulary = vocabulary
        self.reach = reach
        string = self.string = text.normalized
        spans = [match.span() for match in WORD_RUN.finditer(string)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        # The text's own words are these runs of word characters where no "-" or "'" joins two.
        joined = "-" in string or "'" in string
        self.tokens = [string[start:end] for start, end in spans] if joined else list(text.words)
        breaks = [(match.start(), match.group()) for match in CLAUSE_BREAK.finditer(string)]
        self.clause_breaks = [position for position, _ in breaks]
        self.commas = {position for position, mark in breaks if mark in LIST_COMMAS}
        self.sentence_breaks = [position for position, mark in breaks if mark in SENTENCE_MARKS
                                or mark == "." and (position + 1 == len(string) or string[position + 1].isspace())]
        # Entries typed without diacritics ("so the" for "số thẻ") apply only to Vietnamese text
        # that has none anywhere: in English they are other words.
        plain = text.plain_words is text.words and not vocabulary.lexicon.plain_keys.isdisjoint(text.word_runs) \
            and detect_language(text.original) == "vi"
        self.hits = vocabulary.lexicon.scan(self.tokens, self.starts, self.ends, string, plain,
                                            None if joined else text.positions)
        v = vocabulary
        self.negations = _Sorted(self.hits.get(v.negations, []))
        self.waivers = _Sorted(self.hits.get(v.waivers, []))
        self.quoted = self._quoted_mentions() if self.hits.get(v.mentions) or QUOTE_MARK.search(string) else []
        greeted = self._greeted_as_you()
        if greeted:
            self.hits[v.you] = sorted([*self.hits.get(v.you, []), *greeted], key=lambda hit: hit.cstart)
        # A "you" or a "please" inside a quoted example speaks to no one ("'verify your account' emails").
        self.markers = _Sorted([hit for list_id in (v.you, v.please, v.particles) for hit in self.hits.get(list_id, [])
                                if not self.mentioned(hit)])
        self.you = _Sorted([hit for hit in self.hits.get(v.you, []) if not self.mentioned(hit)])
        self.particle_clauses = {self.clause(hit) for hit in self.hits.get(v.particles, [])}
        self.pleas = _Sorted([hit for list_id in (v.please, v.particles) for hit in self.hits.get(list_id, [])])
        self.topics = _Sorted(self.hits.get(v.topics, []))
        self.own_work = _Sorted(self._own_work())
        self.sorted: dict[int, _Sorted] = {}
        self.patterns_found: dict[int, list[Hit]] = {}

    @once
    def verb_starts(self) -> frozenset[int]:
        """Where a verb of any kind starts, as a word index."""
        return frozenset(hit.start for list_id in self.vocabulary.verb_lists for hit in self.hits.get(list_id, [])
                         if not hit.unspaced)

    @once
    def ordering(self) -> set[int]:
        """The clauses that open with an order (an imperative verb of any kind)."""
        return {self.clause(hit) for list_id in self.vocabulary.verb_lists for hit in self.hits.get(list_id, [])
                if self.imperative(hit)}

    @once
    def aimed(self) -> set[int]:
        """The clauses aimed at the reader: a second person, a "please", an imperative."""
        verbs = [hit for list_id in self.vocabulary.verb_lists for hit in self.hits.get(list_id, [])]
        return {self.clause(hit) for hit in self.markers.hits} | {self.clause(verb) for verb in verbs if self.imperative(verb)}

    @once
    def asks_to_act(self) -> bool:
        """Whether the text asks the reader to do something: a verb of asking in a clause aimed at
        them ("send me the deck"), any verb in the imperative, or a verb of asking and a "please"
        anywhere ("I need the deck sent tonight. ... please"); not a "your" alone ("loved your talk")."""
        verbs = [hit for list_id in self.vocabulary.verb_lists for hit in self.hits.get(list_id, [])]
        return any(self.imperative(verb) or self.clause(verb) in self.aimed for verb in verbs) or bool(
            verbs and self.hits.get(self.vocabulary.please))

    def sorted_list(self, list_id: int) -> "_Sorted":
        known = self.sorted.get(list_id)
        if known is None:
            hits = self.hits.get(list_id)
            known = self.sorted[list_id] = _Sorted(hits) if hits else EMPTY
        return known

    def around(self, hits: "_Sorted", hit: Hit, reach: float) -> list[Hit]:
        """The hits that may stand within `reach` words of `hit` (to be measured exactly): by
        words where the text has them, by characters in a script without spaces."""
        if hit.unspaced or not self.tokens:
            window = reach * WINDOW_PER_WORD + WINDOW_SLACK
            return hits.between(hit.cstart - window, hit.cend + window)
        words = int(reach) + 1
        low = self.starts[max(0, hit.start - words - self.vocabulary.lexicon.longest)]
        high = self.ends[min(len(self.tokens) - 1, hit.end + words)]
        chars = reach * CHARS_PER_WORD + 1
        return hits.between(min(low, hit.cstart - chars), max(high, hit.cend + chars))

    # --- where things stand -------------------------------------------------------------

    def clause(self, hit: Hit) -> int:
        return bisect_right(self.clause_breaks, hit.cstart)

    def sentence(self, hit: Hit) -> int:
        return bisect_right(self.sentence_breaks, hit.cstart)

    def distance(self, a: Hit, b: Hit) -> float:
        """How many words apart two hits stand (0 when they touch or overlap)."""
        if a.unspaced or b.unspaced:
            gap = max(a.cstart, b.cstart) - min(a.cend, b.cend)
            return max(0, gap) / CHARS_PER_WORD
        return max(0, max(a.start, b.start) - min(a.end, b.end))

    def near(self, a: Hit, b: Hit, reach: float) -> bool:
        return self.distance(a, b) <= reach and self.sentence(a) == self.sentence(b)

    def in_sentence(self, hits: "_Sorted", hit: Hit) -> list[Hit]:
        sentence = self.sentence(hit)
        low = self.sentence_breaks[sentence - 1] if sentence else -1
        high = self.sentence_breaks[sentence] if sentence < len(self.sentence_breaks) else len(self.string)
        return hits.between(low, high)

    def any_near(self, hits: "_Sorted", hit: Hit, reach: float) -> bool:
        return any(self.near(hit, other, reach) for other in self.around(hits, hit, reach))

    def imperative(self, verb: Hit) -> bool:
        """The verb opens its clause, after nothing but fillers ("just paste it here"), or goes on
        from a request in it ("please install it and grant it access")."""
        clause = self.clause(verb)
        start_char = self.clause_breaks[clause - 1] + 1 if clause else 0
        if verb.unspaced:
            return verb.cstart - start_char <= CHARS_PER_WORD
        first = bisect_left(self.starts, start_char)
        if verb.start - first <= self.reach["imperative_reach"] and \
                all(word in self.vocabulary.fillers for word in self.tokens[first:verb.start]):
            return True
        if verb.start <= first or self.tokens[verb.start - 1] not in self.vocabulary.fillers:
            return False
        if any(self.clause(plea) == clause and plea.cstart < verb.cstart for plea in self.pleas.between(start_char, verb.cstart)):
            return True
        opening = first  # the clause opens with a verb, after fillers: "install it and accept ..."
        while opening < verb.start and self.tokens[opening] in self.vocabulary.fillers:
            opening += 1
        return opening < verb.start - 1 and opening in self.verb_starts

    def denied(self, hit: Hit) -> bool:
        """A negation stands shortly before the hit, in its clause ("never send your password")."""
        return self._beside(self.negations, hit, before=True)

    def waived(self, hit: Hit) -> bool:
        """A waiver follows the hit shortly, in its clause ("the participation fee is waived")."""
        return self._beside(self.waivers, hit, before=False)

    def _beside(self, words: "_Sorted", hit: Hit, before: bool) -> bool:
        """One of `words` within negation_reach words before (or after) the hit, in its clause."""
        clause = self.clause(hit)
        reach = self.reach["negation_reach"]
        span = reach * WINDOW_PER_WORD + WINDOW_SLACK
        window = words.between(hit.cstart - span, hit.cstart) if before else words.between(hit.cend, hit.cend + span)
        return any((word.cend <= hit.cstart if before else word.cstart >= hit.cend)
                   and self.distance(word, hit) < reach and self.clause(word) == clause for word in window)

    def _own_work(self) -> list[Hit]:
        """Where the sender starts describing their own work ("I audit ...", "em làm ...")."""
        v = self.vocabulary
        verbs = {verb.start for verb in self.hits.get(v.self_verbs, []) if not verb.unspaced}
        marks = [subject for subject in self.hits.get(v.self_subjects, [])
                 if subject.end in verbs or subject.end + 1 in verbs]
        return marks + self.hits.get(v.self_phrases, [])

    def theirs(self, hit: Hit) -> bool:
        """The hit stands after the sender starts describing their own work, in the same
        sentence, with no request between the two ("please", a particle, or a clause of its own
        that opens with an order)."""
        sentence = self.sentence(hit)
        start = self.sentence_breaks[sentence - 1] if sentence else -1
        marks = self.own_work.between(start, hit.cstart)
        if not marks or self.pleas.between(marks[0].cstart, hit.cstart):
            return False
        # The reader made the subject of a verb after the description ("we will remove your account
        # unless you send your ID"): what follows is asked of them.
        if any(you.end in self.verb_starts for you in self.you.between(marks[0].cend, hit.cend) if not you.unspaced):
            return False
        # A clause of its own that opens with an order after the description ("I built a demo:
        # clone it and run ...") asks the reader, whatever the sender said of their work before it.
        clause = self.clause(hit)
        return clause == self.clause(marks[0]) or clause not in self.ordering or self._listed(marks[0], clause)

    def _listed(self, mark: Hit, clause: int) -> bool:
        """The clause is one more item of the sender's list of their own work, after nothing but
        commas, or a colon that opens the list ("we reset passwords, send new codes to customers,
        check IDs", "saya memimpin tim di Kredivo: verifikasi KTP, ..."), and says "you" or "please"
        nowhere: its opening verb goes on from the sender's subject."""
        between = self.clause_breaks[self.clause(mark):clause]
        # commas, or a colon that opens a list, one with commas ("I lead onboarding at Kredivo:
        # verifying IDs, checking statements"; not "I built a demo: clone it and run it")
        if not between or any(position not in self.commas and not (index == 0 and self.string[position] in ":：")
                              for index, position in enumerate(between)):
            return False
        if between[0] not in self.commas:  # the list after a colon: with commas, and "you" nowhere in it
            sentence_end = next((at for at in self.sentence_breaks if at > between[0]), len(self.string))
            if not any(between[0] < comma < sentence_end for comma in self.commas) \
                    or self.markers.between(between[0], sentence_end):
                return False
        start = between[-1]
        end = self.clause_breaks[clause] if clause < len(self.clause_breaks) else len(self.string)
        return not self.markers.between(start, end)

    def names_a_unit(self, hit: Hit) -> bool:
        """A request phrase right after a word for a team or a department names the unit, not an
        order ("tim verifikasi akun sedang mencari analis": the account verification team)."""
        return not hit.unspaced and hit.start > 0 and self.tokens[hit.start - 1] in self.vocabulary.units

    def counts(self, *hits: Hit) -> bool:
        return not any(self.denied(hit) or self.theirs(hit) or self.mentioned(hit) for hit in hits)

    def _greeted_as_you(self) -> list[Hit]:
        """Each place the word a Vietnamese note greets its reader by stands again ("Chào cháu, …
        Cháu cần chuyển …"): "you", as "bạn" is."""
        pattern = self.vocabulary.greeted_as
        match = pattern.search(self.string) if pattern is not None and self.tokens else None
        if match is None:
            return []
        term = match.group(1)
        return [Hit(self.vocabulary.you, index, index + 1, self.starts[index], self.ends[index])
                for index, word in enumerate(self.tokens) if word == term and self.starts[index] >= match.start(1)]

    def _quoted_mentions(self) -> list[tuple[int, int]]:
        """The quoted phrases named as examples: a word of `mentions` before the quote, within a
        few words, in its sentence; a word for a kind of message right before or after it ("'reset
        your password' emails", "SMS 'kirim kode OTP'"); a quote joined to such a one by "and" or a
        comma too ("phrases «you won» and «pay the fee»")."""
        spans: list[tuple[int, int]] = []
        mentions = self.hits.get(self.vocabulary.mentions, [])
        for match in QUOTED.finditer(self.string):
            start = match.start()
            named = any(mention.cend <= start and self.string.count(" ", mention.cend, start) <= MENTION_REACH
                        and bisect_right(self.sentence_breaks, mention.cstart) == bisect_right(self.sentence_breaks, start)
                        for mention in mentions) or self._names_a_message(start, match.end())
            joined = bool(spans) and JOINED_QUOTE.fullmatch(self.string, spans[-1][1], start) is not None
            if named or joined:
                spans.append((match.start(1), match.end(1) + 1))
        return spans

    def _names_a_message(self, start: int, end: int) -> bool:
        """A word for a kind of message (one or two words) right before the quote or right after it."""
        nouns = self.vocabulary.message_nouns
        before = MESSAGE_WORDS.findall(self.string[max(0, start - 40):start])[-2:]
        after = MESSAGE_WORDS.findall(self.string[end:end + 40])[:2]
        if before and (before[-1] in nouns or " ".join(before) in nouns) and self._touches(start, before[-1], left=True):
            return True
        return bool(after) and (after[0] in nouns or " ".join(after) in nouns) and self._touches(end, after[0], left=False)

    def _touches(self, at: int, word: str, left: bool) -> bool:
        """The word stands right beside the quote: only spaces between."""
        if left:
            return self.string[:at].rstrip().endswith(word)
        return self.string[at:].lstrip().startswith(word)

    def mentioned(self, hit: Hit) -> bool:
        """The hit lies in a quoted phrase named as an example ("scripts like 'pay now'")."""
        return any(start <= hit.cstart and hit.cend <= end for start, end in self.quoted)

    # --- reading ------------------------------------------------------------------------

    @once
    def amounts(self) -> list[Hit]:
        """Amounts of money, looked for only where a kind needs them."""
        return self._pattern_hits(self.vocabulary.amounts) if DIGIT.search(self.string) else []

    def read(self, found: dict[str, Sign]) -> None:
        """Adds the signs of each kind the text holds to `found` (every kind: the evidence names them all)."""
        present = self.hits.keys()
        for kind in self.vocabulary.kinds.values():
            if kind.beside and kind.beside not in found:
                continue  # counts only beside that kind ("I'll show you how", beside returns told)
            if kind.triggers.isdisjoint(present) and not (kind.link and self.hosts) \
                    and not (kind.amounts and kind.lists.get("verbs") in present) \
                    and not any(self._kind_patterns(kind, key) for key in kind.sign_patterns):
                continue  # nothing of this kind in the text
            for hit, strong in self._signs(kind):
                self._keep(found, kind, hit, strong)
                if found[kind.name].strong:
                    break  # nothing stronger to find of this kind
            if kind.link and self.hosts:
                for hit, strong in self._links(kind):
                    self._keep(found, kind, hit, strong)

    def _keep(self, found: dict[str, Sign], kind: Kind, hit: Hit, strong: bool) -> None:
        strong = strong or kind.alone == "report"
        known = found.get(kind.name)
        if known is None or (strong and not known.strong):
            found[kind.name] = Sign(kind.name, strong, self.place, self.quote(hit))

    def _signs(self, kind: Kind):
        lists = kind.lists
        get = lambda key: self.hits.get(lists[key], []) if key in lists else []  # noqa: E731
        strong = self.sorted_list(lists["strong"]) if "strong" in lists else EMPTY
        reach = self.reach

        def graded(hit: Hit, short_rate: bool = False) -> tuple[Hit, bool]:
            if kind.strong_in_text:  # a qualifier anywhere in the text ("... it is refunded later")
                return hit, any(not self.denied(q) for q in strong.hits)
            qualified = bool(strong) and any(self.near(hit, q, reach["strong_reach"]) and not self.denied(q)
                                             for q in self.around(strong, hit, reach["strong_reach"]))
            if qualified and "magnitudes" in kind.patterns and not short_rate:
                qualified = self._magnitude(kind, hit)  # "guaranteed" alone is a sales word
            return hit, qualified

        verbs = self.hits.get(self.vocabulary.ask, []) + get("verbs")
        objects = get("objects") + (self.amounts if kind.amounts and verbs else [])
        if objects and verbs:
            verbs = _Sorted(verbs)
            # What the sentence before named, asked for now by a word that stands for it ("you
            # will get a code by SMS. Read me that code").
            named = {self.sentence(obj) + 1 for obj in get("objects")}
            objects += [ref for ref in get("references") if self.sentence(ref) in named]
            for obj in objects:
                if self.mentioned(obj):
                    continue  # what a quoted example names is asked of no one ("email 'verifikasi rekening Anda'")
                for verb in self.around(verbs, obj, reach["ask_reach"]):
                    if self._asks_for(verb, obj) and self.counts(verb) and not self.theirs(obj) \
                            and not (kind.negated_objects and self.denied(obj)) and not (kind.waivable and self.waived(obj)):
                        yield graded(_span(verb, obj))
                        break
        for reply in get("replies"):  # "I just sent a 6-digit code to your phone, please reply with it here"
            if not self.counts(reply) or not self._told(reply):
                continue
            # the code named in the same sentence, or in the one before ("…texted a code to your
            # phone. Could you reply with it here?")
            before = [obj for obj in get("objects") if obj.end <= reply.start
                      and 0 <= self.sentence(reply) - self.sentence(obj) <= 1]
            if before:
                yield graded(_span(before[-1], reply))
                break
        for hit in get("requests"):
            if self.counts(hit) and not self.names_a_unit(hit):
                yield graded(hit)
        if "sign_in" in lists:
            yield from self._sign_ins(get)
        for hit in get("standalone"):
            if self.counts(hit) and not (kind.waivable and self.waived(hit)):
                yield graded(hit)
        for hit in self._kind_patterns(kind, "strong_patterns"):
            if self.counts(hit):
                yield hit, True
        rates = self._kind_patterns(kind, "patterns")
        # A rate for a month, where the kind names returns: a sign only beside returns named or
        # earned in its sentence ("members earn 15% a month"), not a metric ("churn fell 2% per month").
        returns = _Sorted(get("offers") + get("earn")) if rates and "offers" in lists else None
        for hit in rates:
            if self.counts(hit) and (returns is None or self.in_sentence(returns, hit)):
                yield graded(hit, short_rate="magnitudes" in kind.patterns)
        for hit in get("when_aimed") + self._kind_patterns(kind, "aimed_patterns"):
            if self.clause(hit) in self.aimed and self.counts(hit):
                yield graded(hit)
        asked = get("when_asked")
        if asked and self.asks_to_act:  # "this is my private profile", beside "send me the deck tonight"
            for hit in asked:
                if self.counts(hit):
                    yield graded(hit)
        earn = self.sorted_list(lists["earn"]) if "earn" in lists else EMPTY
        for offer in get("offers"):
            if not self.counts(offer):
                continue
            hit, is_strong = graded(offer)
            if is_strong or self._offered(kind, offer, earn):
                yield hit, is_strong
        for verb in earn.hits:  # "members made 300% this year"
            if self.counts(verb) and self._magnitude(kind, verb, boast=True):
                yield verb, False
        if "tell" in lists:
            yield from self._secrecy(get)
        if "accounts" in lists or "brand" in lists:
            yield from self._notices(kind, get)
        if "easy" in lists or "tasks" in lists:
            yield from self._tasks(kind, get)
        if "priced" in lists:
            yield from self._priced(kind, get)

    def _offered(self, kind: Kind, offer: Hit, earn: "_Sorted") -> bool:
        """Returns promised to the reader: theirs ("your returns", "lợi nhuận của bạn"), earned by
        them ("you earn", an imperative "earn"), or large ("returns of 80%")."""
        if self.any_near(self.you, offer, 1):
            return True
        for verb in self.around(earn, offer, self.reach["reader_reach"]):
            if self.near(verb, offer, self.reach["reader_reach"]) and (
                    self.imperative(verb) or any(marker.cend <= verb.cstart and self.distance(marker, verb) <= 2
                                                 for marker in self.around(self.you, verb, 3))):
                return True
        return "magnitudes" in kind.patterns and self._magnitude(kind, offer, boast=True)

    def _secrecy(self, get):
        """Secrecy asked of the reader: a verb of telling, denied, beside whom not to tell ("don't
        loop in finance"), or beside no one at all ("tell no one", "никому не рассказывайте")."""
        reach = self.reach["possessive_reach"] + 1
        audience = _Sorted(get("audience"))
        nobody = _Sorted(get("nobody"))
        for verb in get("tell"):
            if self.theirs(verb):
                continue
            if self.any_near(nobody, verb, reach) or (self.denied(verb) and self.any_near(audience, verb, reach)):
                yield verb, False

    def _notices(self, kind: Kind, get):
        """A notice about the reader's account (unambiguous), or a sender speaking as a brand's staff."""
        if "threats" in kind.lists:
            threats = self.sorted_list(kind.lists["threats"])
            for account in get("accounts"):
                owned = self.any_near(self.you, account, self.reach["possessive_reach"])
                if account.unspaced and not owned:  # pronouns left unsaid: a request to the reader next to it
                    sentence = self.sentence(account)
                    owned = any(0 <= self.sentence(marker) - sentence <= 1
                                for marker in self.markers.between(account.cstart - 200, account.cend + 200))
                if not owned or account.end < len(self.tokens) and self.tokens[account.end] in _ROLES:
                    continue
                for threat in self.around(threats, account, self.reach["ask_reach"]):
                    if self.near(account, threat, self.reach["ask_reach"]) and self.counts(account):
                        yield _span(account, threat), kind.notice_strong
                        break
        teams = self.sorted_list(kind.lists["teams"]) if "teams" in kind.lists else EMPTY
        for brand in get("brand"):
            for team in self.around(teams, brand, self.reach["ask_reach"]):
                if self.clause(brand) == self.clause(team) and self.distance(brand, team) <= self.reach["ask_reach"] \
                        and self.counts(brand, team):
                    yield _span(brand, team), False
                    break

    def _sign_ins(self, get):
        """Being told to sign in (again), re-authenticate or keep access, where a link or a click
        goes with it: how a stolen password is asked for. Told: an imperative, a "please" or a
        particle before it in its clause, a click in its sentence; not "I'll log in to the webinar"
        (the sender's own), not denied, not a sender describing their work. As strong as its kind,
        or made strong by a qualifier in its clause (the reader's work account as the way in)."""
        sign_ins = get("sign_in")
        if not sign_ins:
            return
        clicks = _Sorted(get("clicks"))
        # A file to open, told to the reader, is a link, and tells the sign-in beside it too.
        files = _Sorted([hit for hit in get("files") if self.counts(hit)
                         and (self.imperative(hit) or self.clause(hit) in self.aimed)])
        # An address written out is a link to open: in the sentence of a sign-in aimed at the reader
        # ("open partner-drive.net/brief and sign in with your work account"), it tells it as a click does.
        addresses = {bisect_right(self.sentence_breaks, match.start()) for match in HOST.finditer(self.string)} \
            if HOST_HINT.search(self.string) else set()  # the sentences that hold one
        linked = bool(clicks) or bool(files) or bool(addresses)
        # A place to open that is the sender's own ("in unserem Datenraum", "our data room"), in the
        # sentence of a sign-in told to the reader or the one before, is where the sign-in leads.
        places = [hit for hit in get("files") if not hit.unspaced]
        if not linked and not places:
            return
        qualifiers = get("strong")
        for hit in sign_ins:
            if not self.counts(hit) or self.names_a_unit(hit):
                continue
            sentence = self.sentence(hit)
            told = self._told(hit) or bool(self.in_sentence(clicks, hit)) or bool(self.in_sentence(files, hit)) \
                or (sentence in addresses and self.clause(hit) in self.aimed)
            if told and (linked or any(0 <= sentence - self.sentence(place) <= 1 for place in places)):
                # As strong as its kind (a credential request alone, a plain sign-in doubt), or strong
                # with the reader's work account in its clause.
                yield hit, any(self.clause(way) == self.clause(hit) and not self.denied(way) for way in qualifiers)

    def _told(self, hit: Hit) -> bool:
        """Told to the reader: an imperative, a "please" or a particle in its clause (in a script
        without spaces, a marker of a request in its sentence)."""
        if hit.unspaced:
            sentence = self.sentence(hit)
            return any(self.sentence(marker) == sentence for marker in self.markers.between(hit.cstart - 200, hit.cend + 200))
        clause = self.clause(hit)
        start = self.clause_breaks[clause - 1] if clause else -1
        return self.imperative(hit) or clause in self.particle_clauses \
            or any(self.clause(plea) == clause for plea in self.pleas.between(start, hit.cstart))

    def _tasks(self, kind: Kind, get):
        """Easy work paid by the day, or micro-tasks for a commission."""
        easy = [hit for hit in get("easy") if self.counts(hit)]
        amounts = self.amounts if easy else []
        rates = _Sorted(self._pattern_hits(kind.patterns.get("rates"))) if amounts else EMPTY
        paid = [_span(amount, rate) for amount in amounts for rate in rates.between(amount.cstart - 40, amount.cend + 16)
                if min(abs(rate.cstart - amount.cend), abs(amount.cstart - rate.cend)) <= 16
                and self.sentence(amount) == self.sentence(rate)]
        if amounts and len({self.string[hit.cstart:hit.cend] for hit in easy}) >= 2:
            paid += amounts  # easy work said twice over: any amount will do
        # Easy work paid too well is a plain sign; micro-tasks paid by the piece, unambiguous.
        for first, seconds, strong in ((easy, _Sorted(paid), False), (get("tasks"), _Sorted(get("pay")), True)):
            for hit in first:
                second = next(iter(self.in_sentence(seconds, hit)), None)
                if second is not None and self.counts(hit):
                    yield _span(hit, second), strong

    def _priced(self, kind: Kind, get):
        """A fee with its price beside it, in a sentence that asks for it ("to proceed we need a
        compliance fee of USD 4,500", "the vetting fee: USD 180"): a plain sign, whatever the fee
        is called. A fee the sender describes ("we cut the transfer fee from $25 to $4") or only
        prices asks nothing. Without a fee's name, an amount paid ("USD 180, paid via Wise") in a
        text that says the money comes back ("refunded on your first payslip") is a fee paid first:
        a plain sign too, as an honest organiser's refunded ticket may read the same."""
        amounts = _Sorted(self.amounts)
        if not amounts:
            return
        asks = self.sorted_list(self.vocabulary.ask)
        refunded = [qualifier for qualifier in (get("strong") if kind.strong_in_text else []) if not self.denied(qualifier)]
        for fee in get("priced"):
            if not self.counts(fee) or (kind.waivable and self.waived(fee)):
                continue
            price = next((amount for amount in self.around(amounts, fee, PRICE_REACH)
                          if self.near(fee, amount, PRICE_REACH) and self._priced_as(fee, amount)), None)
            if price is None:
                continue
            # What the fee buys, or that it comes back, said beside it: not the fee's own name ("the
            # speaker fee" is as often what the speaker is paid).
            qualified = any(qualifier.cend <= fee.cstart or qualifier.cstart >= fee.cend for qualifier in refunded)
            if qualified or self._asked_in_sentence(fee, asks):  # "a refundable bond of USD 1,200": paid first
                yield _span(fee, price), qualified
        if refunded:
            for paid in get("paid"):
                price = next((amount for amount in self.around(amounts, paid, PRICE_REACH)
                              if self.near(paid, amount, PRICE_REACH)), None)
                if price is not None and self.counts(paid) and not self._to_reader(paid) \
                        and self._asked_in_sentence(price, asks):
                    yield _span(price, paid), False

    def _asked_in_sentence(self, hit: Hit, asks: "_Sorted") -> bool:
        """The hit's clause is aimed at the reader, or its sentence holds a "please" or a verb of
        asking ("we need", "is payable") that is not "we pay you"."""
        return self.clause(hit) in self.aimed or bool(self.in_sentence(self.pleas, hit)) or any(
            self.counts(verb) and not self._to_reader(verb) for verb in self.in_sentence(asks, hit))

    def _priced_as(self, fee: Hit, amount: Hit) -> bool:
        """The amount is the fee's price: in its clause, or right after a colon that follows it
        ("the verification fee: USD 180")."""
        clause = self.clause(fee)
        if self.clause(amount) == clause:
            return True
        return fee.cend <= amount.cstart and self.clause(amount) == clause + 1 \
            and self.string[self.clause_breaks[clause]] in ":："

    def _links(self, kind: Kind):
        """Hosts that imitate a brand (unambiguous), hide where they go or lure a click; for a
        kind that lists `hosts` (messaging apps), a link to one of them."""
        link = kind.link
        for host, path, hit in self.hosts:
            if _is_real(host, link.get("real", ())):
                continue
            if host in link.get("hosts", ()):
                yield hit, False
            elif "brands" in link and _imitates(host, link["brands"]):
                yield hit, True
            elif host in link.get("shorteners", ()) or any(lure in host or lure in path for lure in link.get("lures", ())):
                yield hit, False

    @once
    def hosts(self) -> list[tuple[str, str, Hit]]:
        if not HOST_HINT.search(self.string) or not any(hint in self.string for hint in LINK_HINTS):
            return []
        return [(match.group(1), match.group(2) or "", _token_hit(self, match.start(), match.end()))
                for match in HOST.finditer(self.string)]

    def _magnitude(self, kind: Kind, hit: Hit, boast: bool = False) -> bool:
        """The hit's sentence promises a magnitude: a rate for a short period, money multiplied,
        or a percentage from high_return_percent on (boast: from boast_percent on, close by)."""
        least = self.reach["boast_percent" if boast else "high_return_percent"]
        if not boast and self.in_sentence(_Sorted(self._kind_patterns(kind, "patterns")), hit):
            return True  # a rate for a short period
        found_all = self.in_sentence(_Sorted(self._pattern_hits(kind.patterns["magnitudes"])), hit)
        if boast:
            found_all = [found for found in found_all if self.distance(found, hit) <= self.reach["reader_reach"]]
        for found in found_all:
            text = self.string[found.cstart:found.cend]
            if "%" not in text:
                return True  # multiplied
            number = PERCENT.match(text)
            if number and float(number.group(1).replace(",", ".")) >= least:
                return True
        return False

    @once
    def live_patterns(self) -> set[tuple[str, str]] | None:
        """The (kind, key) whose sign patterns could match in this text (None: any of them)."""
        v = self.vocabulary
        live = v.sign_patterns.live(self.text)
        if live is None:
            return None
        return {v.sign_pattern_owner[id(part)] for part in live}

    def _kind_patterns(self, kind: Kind, key: str) -> list[Hit]:
        """What a kind's sign patterns find, run only where the joined look says they could match."""
        alternatives = kind.patterns.get(key)
        if alternatives is None:
            return []
        live = self.live_patterns
        if live is not None and (kind.name, key) not in live:
            return []
        return self._pattern_hits(alternatives)

    def _pattern_hits(self, alternatives) -> list[Hit]:
        """What the patterns find in the text (looked for once a text)."""
        if alternatives is None:
            return []
        known = self.patterns_found.get(id(alternatives))
        if known is None:
            known = self.patterns_found[id(alternatives)] = self._find_patterns(alternatives)
        return known

    def _find_patterns(self, alternatives) -> list[Hit]:
        live = alternatives.live(self.text)
        if live is not None and not live:
            return []
        return [_token_hit(self, match.start(), match.end()) for match in alternatives.finditer(self.string, live)
                if match.group().strip()]

    def _asks_for(self, verb: Hit, obj: Hit) -> bool:
        """The verb asks the reader for the object: close by in one clause (or the next clause
        names it by a pronoun: "..., forward it to me"), and the verb aimed at the reader."""
        unspaced = verb.unspaced or obj.unspaced
        if verb.start < obj.end and obj.start < verb.end and not unspaced:
            return False  # the object's own word ("top up")
        if not verb.unspaced and self._beside_relative(verb):
            return False  # "fake texts that ask for the OTP code": what the texts do
        if self.sentence(verb) != self.sentence(obj) or self.distance(verb, obj) > self.reach["ask_reach"]:
            return False
        if self.topics and self._about(verb, obj):
            return False  # "tell me about your OTP design": knowledge asked, not the object
        nearby = self.around(self.markers, verb, self.reach["ask_reach"])
        if unspaced:
            if obj.cstart <= verb.cstart and verb.cend <= obj.cend and (verb.cstart, verb.cend) != (obj.cstart, obj.cend):
                return False  # the verb's letters are the object's own ("验证" in "验证码")
            if verb.cend <= obj.cstart and any(self.string[at] not in LIST_OPENERS for at in self.clause_breaks
                                               if verb.cend <= at < obj.cstart):
                return False  # "若候选人需要就业准证，护照…": across a comma, not a list the verb opens
            # Aimed: a "please" in the sentence, or the reader named in the verb's or the object's
            # clause ("..., 希望与您交流" speaks to the reader about something else).
            sentence, clauses = self.sentence(verb), {self.clause(verb), self.clause(obj)}
            return any(self.sentence(marker) == sentence and (marker.list_id != self.vocabulary.you
                                                               or self.clause(marker) in clauses) for marker in nearby)
        clause = self.clause(verb)
        if clause != self.clause(obj) and not (obj.cstart < verb.cstart and self._names_back(verb)) \
                and not (verb.cstart < obj.cstart and self._aimed_sentence(verb)):
            return False  # another clause: only what a pronoun names back, or a list the request goes on with
        if obj.end == verb.start or self._to_reader(verb):
            return False  # a noun before it ("phí chuyển khoản": a transfer fee), or "we pay you"
        if self.imperative(verb) or clause in self.particle_clauses:
            return True
        for marker in nearby:
            if self.clause(marker) != clause:
                continue
            if marker.cend <= verb.cstart and self.distance(marker, verb) <= 2 or marker.start == verb.end \
                    or marker.start <= verb.start < marker.end:
                return True  # "can you forward", "please send", "đọc giúp", "is required"
            if marker.cend <= obj.cstart and self.distance(marker, obj) <= 2 and marker.list_id == self.vocabulary.you:
                return True  # the reader's own: "confirm your recovery phrase"
            if marker.cstart >= obj.cend and marker.list_id == self.vocabulary.you and self._owned_after(obj, marker):
                return True  # the reader's own, named after it: "the password of your online banking"
        return False

    def _beside_relative(self, verb: Hit) -> bool:
        """A relative pronoun right before the verb (its subject is the noun before: "texts that ask
        for"), or right after it (the word is that noun: "email yang meminta", an email that asks)."""
        relatives, tokens = self.vocabulary.relatives, self.tokens
        if verb.start > 0 and tokens[verb.start - 1] in relatives \
                and not self.string[self.ends[verb.start - 1]:verb.cstart].strip():
            return True
        return verb.end < len(tokens) and tokens[verb.end] in relatives \
            and not self.string[verb.cend:self.starts[verb.end]].strip()

    def _owned_after(self, obj: Hit, owner: Hit) -> bool:
        """The owner stands just after the object, tied to it by a word such as "of" or "from" and at
        most one word more ("the code from your phone", "kode OTP dari ponsel Anda"); not "the
        password policy of your bank", where another word stands first."""
        if obj.unspaced or owner.unspaced:
            return False
        between = self.tokens[obj.end:owner.start]
        return 1 <= len(between) <= 2 and between[0] in self.vocabulary.owned_by

    def _about(self, verb: Hit, obj: Hit) -> bool:
        """A word of what a question is about stands between the verb and the object: the sender
        asks for knowledge ("tell me about your OTP design")."""
        low, high = min(verb.cend, obj.cend), max(verb.cstart, obj.cstart)
        if any(low <= topic.cstart and topic.cend <= high for topic in self.topics.between(low, high)):
            return True
        if not (verb.unspaced or obj.unspaced):
            return False
        # Without spaces, also after both in the object's clause ("告诉我验证码风控是怎么做的": how it is done).
        end, clause = max(verb.cend, obj.cend), self.clause(obj)
        return any(self.clause(topic) == clause for topic in self.topics.between(end, end + WINDOW_SLACK))

    def _aimed_sentence(self, hit: Hit) -> bool:
        """The hit's sentence speaks to the reader somewhere: a list in it ("send your bank name,
        account number and login") belongs to the request."""
        return bool(self.in_sentence(self.markers, hit))

    def _names_back(self, verb: Hit) -> bool:
        """A pronoun after the verb, or fused to it ("forward it", "inviacelo"), names what came before."""
        v = self.vocabulary
        if verb.end < len(self.tokens) and self.tokens[verb.end] in v.pronouns:
            return True
        return self.tokens[verb.end - 1].endswith(v.pronoun_endings)

    def _to_reader(self, verb: Hit) -> bool:
        """"we pay you": the reader receives, nothing is asked of them."""
        return not verb.unspaced and verb.end < len(self.tokens) and self.tokens[verb.end] in self.vocabulary.receives

    def quote(self, hit: Hit) -> str:
        string = self.string
        sentence = bisect_right(self.sentence_breaks, hit.cstart)
        low = self.sentence_breaks[sentence - 1] + 1 if sentence else 0
        high = self.sentence_breaks[sentence] if sentence < len(self.sentence_breaks) else len(string)
        start = max(low, hit.cstart - QUOTE_AROUND)
        end = min(high, hit.cend + QUOTE_AROUND)
        original = self.text.original
        source = original if len(original) == len(string) else string  # as written, where offsets agree
        snippet = flat(source[start:end]).strip(" ,;:-")
        prefix = "…" if start > low else ""
        suffix = "…" if end < high else ""
        return f"\"{prefix}{clip(snippet, 2 * QUOTE_AROUND + 40)}{suffix}\""


_ROLES = frozenset({"manager", "managers", "executive", "executives", "director", "lead", "team", "management",
                    "based", "planning", "owner", "servicing", "strategy"})


class _Sorted:
    """Hits in text order, found by where they start."""

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = sorted(hits, key=_start) if len(hits) > 1 else hits
        self.keys = [hit.cstart for hit in self.hits]

    def between(self, low: float, high: float) -> list[Hit]:
        if not self.keys:
            return []
        return self.hits[bisect_left(self.keys, low):bisect_right(self.keys, high)]

    def __bool__(self) -> bool:
        return bool(self.hits)


EMPTY = _Sorted([])


def _start(hit: Hit) -> int:
    return hit.cstart


def _span(a: Hit, b: Hit) -> Hit:
    return Hit(a.list_id, min(a.start, b.start), max(a.end, b.end), min(a.cstart, b.cstart), max(a.cend, b.cend),
               a.unspaced or b.unspaced)


def _token_hit(doc: _Doc, cstart: int, cend: int) -> Hit:
    first = max(0, bisect_right(doc.starts, cstart) - 1)
    last = max(first + 1, bisect_left(doc.starts, cend))
    return Hit(-1, first, last, cstart, cend, bool(UNSPACED.search(doc.string, cstart, cend)))


def _is_real(host: str, real: tuple[str, ...]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in real)


def _imitates(host: str, brands: tuple[str, ...]) -> bool:
    """A label (or part of one) of the host is a brand, its look-alike, or a letter off it."""
    labels = host.split(".")[:-1]  # the top-level domain names no brand
    parts = {part for label in labels for part in (label, *label.split("-")) if part}
    for brand in brands:
        target = brand.translate(SKELETON)
        for part in parts:
            skeleton = part.translate(SKELETON).replace("rn", "m").replace("vv", "w")
            if target in skeleton or (len(target) >= 5 and _one_edit(skeleton, target)):
                return True
    return False


def _one_edit(a: str, b: str) -> bool:
    """At most one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _role_account(request: Request, config: UserConfig | None, guidance: Guidance) -> Sign | None:
    """A department or a service of the user's own company ("IT Helpdesk", "Northwind Payroll")
    as the sender: the employer's voice borrowed (a sign beside another: what it asks is read too)."""
    kind = guidance.scams.kinds.get("impersonation")
    company = impersonated_employer(config.me if config else None, request.sender, guidance) if kind else None
    if company is None:
        return None
    return Sign(kind.name, False, "name and headline",
                wording.DEPARTMENT.format(quoted_name=repr(clip(flat(request.sender.name or ''), 40)), company=company))


def _employer_lookalike(places: list[tuple[str, Text]], config: UserConfig | None, guidance: Guidance) -> Sign | None:
    """A link whose host borrows the name of the user's own company but is not the company's own
    address ("northwind-sso.help", "northwind.login-portal.xyz", "n0rthwind.com"): a look-alike of
    the employer, as unambiguous as one of LinkedIn. An everyday word for a name ("Grab") counts
    only with a word of a sign-in or a department beside it in the host ("grab-sso.help")."""
    kind = next((kind for kind in guidance.scams.kinds.values() if "employer_lures" in kind.link), None)
    own = own_company(config.me if config else None, guidance) if kind else None
    if own is None:
        return None
    forms = _company_forms(own, guidance)
    if not forms:
        return None
    lures = kind.link["employer_lures"] + kind.link.get("lures", ())
    for place, text in places:
        string = text.normalized
        if "." not in string or HOST_HINT.search(string) is None:
            continue
        for match in HOST.finditer(string):
            host = match.group(1)
            if _borrows(host, forms, lures):
                return Sign(kind.name, True, place, wording.BORROWED.format(said=f"\"{clip(match.group(0), 80)}\"",
                                                                            company=own))
    return None


@lru_cache(maxsize=64)
def _company_forms(company: str, guidance: Guidance) -> tuple[tuple[str, str, bool], ...]:
    """The user's company as a host would spell it: (letters, their skeleton, an everyday word),
    by its whole name and its core name ("northwindlabs", "northwind")."""
    forms = {}
    for name in company_names(guidance, [company]):
        letters = "".join(re.findall(r"[a-z0-9]", normalize(name)))
        if len(letters) >= 3:
            forms[letters] = (letters, letters.translate(SKELETON), is_everyday(name, guidance))
    return tuple(forms.values())


@lru_cache(maxsize=1024)  # a host comes back from request to request (every profile address's)
def _borrows(host: str, forms: tuple[tuple[str, str, bool], ...], lures: tuple[str, ...]) -> bool:
    labels = host.split(".")
    if len(labels) < 2:
        return False
    # The registered name: the label before the top-level domain (or before "co.uk", "com.vn").
    owner = len(labels) - 2
    if owner > 0 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL:
        owner -= 1
    names = labels[:owner + 1]
    for letters, skeleton, everyday in forms:
        if labels[owner] == letters:
            return False  # the company's own address, or one of its subdomains
    for letters, skeleton, everyday in forms:
        for label in names:
            parts = label.split("-")
            candidates = {label, *parts, label.replace("-", "")}
            borrowed = any(part.translate(SKELETON) == skeleton for part in candidates) or \
                (not everyday and len(letters) >= 5 and letters in label)
            if not borrowed:
                continue
            if not everyday:
                return True
            words = {word for name in names for word in name.split("-")}
            if any(lure in words or len(lure) >= 4 and any(lure in name for name in names) for lure in lures):
                return True
    return False


SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "gov", "edu", "or", "ne"})


@lru_cache(maxsize=64)
def _own_company(headline: str) -> str | None:
    """The company of the user's headline ("Market analyst at Viet Pro Finance"), if it names one."""
    if " at " not in headline:
        return None
    company = headline.rsplit(" at ", 1)[1].strip(" .")
    return company if len(company) >= 3 else None


def _employer(request: Request, config: UserConfig | None, guidance: Guidance, note: Text) -> Sign | None:
    """The sender's headline claims a leader's title at the user's own company, and the note asks
    a favour or something else: an executive's voice borrowed (a sign only beside another: what is
    asked is read too)."""
    me = config.me if config else None
    headline = request.sender.headline or ""
    if me is None or not me.headline or not headline or not note.normalized:
        return None
    company = _own_company(me.headline)
    if company is None or company.casefold() not in f"{headline} {request.sender.company or ''}".casefold():
        return None
    claimed = normalize(f"{headline} {request.sender.company or ''}")
    if not re.search(rf"(?<!\w){re.escape(normalize(company))}(?!\w)", claimed):
        return None
    if not guidance.lexicons["leader"].phrases.find_all(Text.of(headline)):
        return None
    kind = next((kind for kind in guidance.scams.kinds.values() if "favours" in kind.lists), None)
    if kind is None:
        return None
    doc = _Doc(note, "note", guidance.scams, guidance.parameters["scam_or_phishing"])
    asks = doc.hits.get(kind.lists["favours"], []) or [hit for list_id in guidance.scams.verb_lists
                                                        for hit in doc.hits.get(list_id, [])]
    if not asks:
        return None
    return Sign(kind.name, False, EMPLOYER,
                wording.ASKS_BY_MESSAGE.format(quoted_headline=repr(clip(flat(headline), 60)), said=doc.quote(asks[0])))
