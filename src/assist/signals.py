"""Step 2, extract signals: what a careful reader notices, each tied to a criterion of the guidance.

Deterministic and cheap. The offline engine decides from these alone; an LLM gets them as
evidence, and the guard uses them to cap what any backend says. The words, lists and numbers it
applies are the guidance's, in prompts/ (signals.toml, rules.toml [parameters]); this is the code
that applies them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from . import evidence as wording
from . import selling
from .config import UserConfig
from .guidance import Guidance, load_guidance
from .injection import evidence as injection_evidence
from .injection import read_request
from . import known as known_kinds
from .known import KnownTie, shared_schools
from .models import Flag, Request
from .note_voice import of_sender
from .doubt_model import doubt
from .scams import judge, read_signs
from .grounds import named_event
from .terms import as_companies, company_names, terms, word_forms
from .unread import unread_in_about, unread_in_note
from .third_person import greets_someone_else, profile_names_the_user, speaks_of_the_user
from .text import LOOKALIKE_WORDS, Text, detect_language, visible, fold, normalize, note_length, quote, tokens
from .workplace import own_company, profile_ties


STUDENT_PLACES = frozenset({"education"})  # the field of where a student studies, not of what
RECRUITING = frozenset({"hr"})  # a recruiter's own trade, not the field of whom they hire
MEDIA = frozenset({"media"})  # a journalist's own trade, beside the field they cover


@dataclass
class Signal:
    flag: Flag
    weight: float  # contribution to the offline engine's score


@dataclass
class Signals:
    """Everything the later steps need to know about one request."""

    signals: list[Signal] = field(default_factory=list)
    note_language: str | None = None
    relevance_judged: bool = False
    topic: str | None = None  # something concrete from the note, for a personal reply
    warnings: list[str] = field(default_factory=list)
    # What makes an accept checkable (rules.toml [parameters] grounded_accept): something in the
    # profile, or a note that names something specific. Empty: nothing can be checked.
    grounds: list[str] = field(default_factory=list)
    note_only: bool = False  # an export row (name and note alone) with a note, judged with a complete config
    # What the user's own LinkedIn export says about the sender (known.py), for the prompt: every
    # line, those that raised no flag (a one-way message, colleagues at their company) among them.
    known: list[KnownTie] = field(default_factory=list)
    # For the reply (situation.py): what the sales_pitch flag found (selling.Finding.kind: "offer",
    # "role" or "favour"); the note claims the two have met and names nothing to check it by.
    pitch: str | None = None
    claim_only: bool = False

    @property
    def flags(self) -> list[Flag]:
        return [signal.flag for signal in self.signals]

    def has(self, criterion_id: str) -> bool:
        return any(signal.flag.id == criterion_id for signal in self.signals)

    @property
    def score(self) -> float:
        return sum(signal.weight for signal in self.signals)


class _Reader:
    """Collects flags for one request; the guidance supplies polarity and weights."""

    def __init__(self, guidance: Guidance):
        self.guidance = guidance
        self.result = Signals()
        self.tied = False  # the profile shows a tie to the user's company or a past employer

    def raise_flag(self, criterion_id: str, evidence: str, strength: float = 1.0) -> None:
        if self.result.has(criterion_id):
            return
        criterion = self.guidance.criterion(criterion_id)
        weight = self.guidance.weights[criterion_id] * strength
        # Built from the guidance and our own evidence, so not validated again (it is on every request).
        flag = Flag.model_construct(id=criterion_id, polarity=criterion.polarity, evidence=evidence)
        self.result.signals.append(Signal(flag, weight))

    def reinforce(self, criterion_id: str, evidence: str, strength: float = 1.0) -> None:
        """Raise the flag, or add to it where it is raised: the evidence joined, the stronger weight."""
        for index, signal in enumerate(self.result.signals):
            if signal.flag.id == criterion_id:
                weight = max(signal.weight, self.guidance.weights[criterion_id] * strength)
                flag = Flag.model_construct(id=criterion_id, polarity=signal.flag.polarity,
                                            evidence=f"{signal.flag.evidence}; {evidence}")
                self.result.signals[index] = Signal(flag, weight)
                return
        self.raise_flag(criterion_id, evidence, strength)


def extract_signals(request: Request, config: UserConfig, guidance: Guidance | None = None,
                    known: Sequence[KnownTie] = ()) -> Signals:
    """The signals of one request; `known`: what the user's export says about its sender (known.py)."""
    guidance = guidance or load_guidance()
    reader = _Reader(guidance)
    sender = request.sender
    lex = guidance.lexicons

    note = Text.of(request.note)
    profile_parts = [sender.headline, sender.company, sender.industry, sender.about]
    profile_parts += [f"{job.title or ''} {job.company or ''}" for job in sender.experience or []]
    profile = Text.of(" \n ".join(filter(None, profile_parts)))
    # The fields that name a company: there a name is a name ("Grab" is no verb there).
    companies = Text.of(" \n ".join(filter(None, [sender.company, *(job.company for job in sender.experience or [])])))

    reader.result.note_language = detect_language(request.note)

    _hostile(reader, lex, note, profile, request, config)
    _policy(reader, config, request, profile_parts, profile, companies)
    colleague = _ties(reader, config, request, companies, profile)
    _known(reader, config, request, known)
    _selling(reader, lex, config, note, request)
    _note(reader, lex, config, note, profile, companies, request, colleague)
    _relevance(reader, lex, guidance, config, note, profile, companies, request)
    _mutuals(reader, guidance, sender.mutual_connections)
    _empty_profile(reader, guidance, request)
    _colleagues(reader, known)
    _learned(reader, request, config)
    return reader.result


def _hostile(reader: _Reader, lex, note: Text, profile: Text, request: Request, config: UserConfig) -> None:
    places = [("note", note), ("profile", profile), ("name", Text.of(request.sender.name))]
    # Every other string the request carries reaches an LLM's prompt word for word: read it too.
    other = " \n ".join(filter(None, [request.sender.location, request.sender.profile_url, request.id,
                                       request.received_at]))
    places.append(("location, profile URL, id or date", Text.of(other)))
    # The injection reader reads every string of the request; these texts (and their readings) it
    # shares with the scams' reading below.
    _injection(reader, request, tuple(text for _, text in places))
    _disguised(reader, places)
    _third_person(reader, config, request)
    _unread(reader, request)
    # And each of them as it reads undone or decoded (text.py): a scam in base64 is a scam.
    places += [(f"{place}, {reading.how} {quote(reading.shown, 40)}", reading.text)
               for place, text in places for reading in text.other_readings]

    # Scams by converging evidence (scams.py): what the text asks of, promises or tells the reader.
    # The location, profile URL, id and date are read there too, for a link.
    judged = judge(read_signs(request, config, reader.guidance, places), reader.guidance)
    if judged is not None:
        reader.raise_flag(judged.criterion, judged.evidence)


def _learned(reader: _Reader, request: Request, config: UserConfig) -> None:
    """Where no rule found anything hostile, the learned reader (doubt_model.py) may still doubt a
    sentence: it caps the verdict at `ask` and weighs nothing else (strength 0), never a report.
    Read last, and only where the request could still be accepted: an `accept` needs grounds
    (guard.py) for this openness, and without them its doubt would change nothing."""
    if any(reader.result.has(flag) for flag in ("prompt_injection", "scam_or_phishing", "unclear_intent")):
        return
    if not reader.result.grounds and reader.guidance.accept_needs_grounds(config.policy.openness):
        return
    found = doubt(request, reader.guidance)
    if found is not None:
        reader.raise_flag("unclear_intent", wording.LEARNED.format(
            said_words=quote(", ".join(found.words)), said=quote(found.sentence, 120)), strength=0.0)


# The disguises no honest note needs (text.py's readings): what they hide is read like any text,
# and the disguise itself costs the question. Leetspeak, percent-encoding and escapes are everyday.
DISGUISES = ("written in base64", "written in hex", "written in rot13", "written backwards", "letters split apart",
             LOOKALIKE_WORDS, "written in Atbash", "written in binary", "quoted-printable", "written in Braille",
             "letters written as numbers")
# Markup written for a program, in a note written to a person: an HTML or XML tag, a code fence,
# a chat template's token or role marker. Not "<3", "<40 ms", an email in angle brackets or
# `inline code`; not an HTML comment (a draft's "<!-- check the spelling -->" is left in by people,
# and what a comment says is read like any text). Only the note: an `about` is pasted from pages.
MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9:_-]{0,30}(?:\s[^<>\n]{0,200})?/?>|```|<\|[A-Za-z_]{1,30}\|>"
                    r"|\[/?(?:INST|SYS|system|assistant|user|developer)\]|<<SYS>>", re.IGNORECASE)
MARKUP_HOW = "markup written for a program"
TAGS = re.compile("[\U000E0020-\U000E007F]")  # Unicode tag characters: invisible, but for a flag's
FLAG = "\U0001F3F4"  # ... which follow the black flag (🏴 and the tags of Scotland)


def _third_person(reader: _Reader, config: UserConfig, request: Request) -> None:
    """A note that names the user in the third person speaks about them to someone else
    (third_person.py): doubt, never a report on its own."""
    if reader.result.has("unclear_intent") or reader.result.has("prompt_injection"):
        return
    name = config.me.name if config.me else None
    said = speaks_of_the_user(request.note, name, request.sender.name, reader.guidance)
    if said:
        reader.raise_flag("unclear_intent", wording.THIRD_PERSON.format(said=said))
        return
    sender = request.sender
    fields = [sender.headline, sender.company, sender.about, sender.location, sender.industry,
              *(f"{job.title or ''} {job.company or ''}" for job in sender.experience or [])]
    said = profile_names_the_user(fields, name, sender.name)
    if said:
        reader.raise_flag("unclear_intent", wording.PROFILE_NAMES_YOU.format(said=said))


def _unread(reader: _Reader, request: Request) -> None:
    """A sentence in a language the offline engine does not read (unread.py): in the note, or one
    the About leaves its own language for. What it asks cannot be vouched for: doubt, never a report."""
    if reader.result.has("unclear_intent") or reader.result.has("prompt_injection"):
        return
    settings = reader.guidance.unread
    for place, found in (("note", unread_in_note(request.note, settings)),
                         ("about", unread_in_about(request.sender.about, settings))):
        if found is not None:
            language, sentence = found
            name = wording.UNREAD_LANGUAGE_NAMES[language].format()
            reader.raise_flag("unclear_intent", wording.UNREAD.format(place=place, language=name,
                                                                      said=quote(sentence, 80)))
            return


def _disguised(reader: _Reader, places: list[tuple[str, Text]]) -> None:
    """Text written to be hard to read, anywhere in the request: at least `unclear_intent` (an
    `ask`), whatever it hides; never a report on its own (issue 10: a disguise is doubt)."""
    if reader.result.has("unclear_intent") or reader.result.has("prompt_injection"):
        return
    for place, text in places:
        for reading in text.other_readings:
            how = next((name for name in DISGUISES if name in (reading.disguise or "")), None)
            if how is not None:
                reader.raise_flag("unclear_intent", wording.DISGUISED.format(how=how, place=place,
                                                                             said=quote(reading.shown, 60)))
                return
        original = text.original
        if LOOKALIKE_WORDS in text.hidden:  # letters of another script inside Latin words, read as Latin
            reader.raise_flag("unclear_intent", wording.DISGUISED.format(how=LOOKALIKE_WORDS, place=place,
                                                                         said=quote(original, 60)))
            return
        if TAGS.search(original) and FLAG not in original:
            reader.raise_flag("unclear_intent", wording.DISGUISED.format(how="hidden characters", place=place,
                                                                         said=quote(visible(original), 60)))
            return
        if place == "note" and MARKUP.search(original):
            reader.raise_flag("unclear_intent", wording.DISGUISED.format(how=MARKUP_HOW, place=place,
                                                                         said=quote(original, 60)))
            return


def _injection(reader: _Reader, request: Request, prepared: tuple[Text, ...]) -> None:
    """Text written for the screening rather than for the user, read by what it does
    (injection.py): a clear attempt raises prompt_injection; a sentence that only might be one
    raises unclear_intent, whose evidence says why without accusing anyone (and how a text was
    hidden, when it was). `prepared`: texts of the request's strings the other signals read too."""
    findings = read_request(request, reader.guidance, tuple(text for text in prepared if text.original))
    clear = [finding for finding in findings if finding.tier == "clear"]
    if clear:
        reader.raise_flag("prompt_injection", wording.INJECTED.format(details=injection_evidence(clear)))
    elif findings:
        reader.raise_flag("unclear_intent", wording.UNCLEAR.format(details=injection_evidence(findings)))


def _policy(reader: _Reader, config: UserConfig, request: Request, profile_parts: list, profile: Text,
            companies: Text) -> None:
    name = request.sender.name
    guidance = reader.guidance
    never: list[str] = []
    if config.policy.never_accept:
        forms = word_forms(tuple(config.policy.never_accept), guidance)
        everything = Text.of(" \n ".join(filter(None, [name, request.note, *profile_parts])))
        never = forms.find(everything)
        if forms.everyday:  # a company field names a company: "Grab" there needs no context
            never = list(dict.fromkeys(forms.find(companies, names_company=True) + never))
    if never:
        reader.raise_flag("never_accept", wording.NEVER_ACCEPT.format(said=', '.join(map(quote, never))))
    always: list[str] = []
    if config.policy.always_accept:
        listed = terms(tuple(config.policy.always_accept), guidance)
        always = listed.find(Text.of(name), names_company=True) + listed.find(companies, names_company=True)
        always += [hit for hit in listed.find(profile) if _affirmed(hit, profile, guidance)]
        always = list(dict.fromkeys(always))
    if always and not never:
        reader.raise_flag("always_accept", wording.ALWAYS_ACCEPT.format(said=', '.join(map(quote, always))))
        reader.result.grounds.append("on your always_accept list")


def _affirmed(hit: str, text: Text, guidance: Guidance) -> bool:
    """Whether the text names `hit` somewhere without denying it ("not affiliated with Stripe")."""
    reach = guidance.parameters["always_accept"]["negation_reach"]
    negations = guidance.negations
    seen = False
    wanted = tokens(normalize(hit))
    for words, positions, phrase in ((text.words, text.positions, wanted),
                                     (text.plain_words, text.plain_positions, tuple(fold(w) for w in wanted))):
        if not phrase:
            continue
        for position in positions.get(phrase[0], ()):
            if words[position:position + len(phrase)] != phrase:
                continue
            seen = True
            if not negations.intersection(words[max(0, position - reach):position]):
                return True
    return not seen  # found only where denied: not on the list; not found word for word: as matched


def _selling(reader: _Reader, lex, config: UserConfig, note: Text, request: Request) -> None:
    """Selling by role and offer (selling.py); the user's goals say what is welcome. A sender on the
    user's always_accept list is the user's to judge."""
    if reader.result.has("always_accept"):
        return
    sender = request.sender
    current = sender.experience[0] if sender.experience else None
    # Who they are now: the headline, the company, the current title (not a past job, nor the about).
    now = Text.of(" \n ".join(filter(None, [sender.headline, sender.company, current and current.title])))
    me = config.me
    goals = tuple(me.goals) if me else ()
    own = " \n ".join(filter(None, [me.headline, me.industry])) if me else ""
    vocabulary = reader.guidance.selling
    company = sender.company or (current.company if current else None)
    found = selling.read(
        vocabulary, reader.guidance.parameters["sales_pitch"], note, now, company,
        company_names(reader.guidance, [company]) if company else (), goals, own,
        # Known: the profile shows a tie to the user's company or a past employer (_ties), or the
        # note says how they know each other.
        # A claim that names nothing to check it by ("great meeting you at the conference") does
        # not make a seller someone the user knows.
        known=lambda: reader.tied or bool(lex["known_relationship"].phrases.find_all(note)) and _checkable(reader, config, note),
        purposeful=lambda: any(lex[name].phrases.find_all(note) for name in vocabulary.purpose_lexicons))
    if found is not None:
        reader.raise_flag("sales_pitch", found.evidence, strength=found.strength)
        reader.result.pitch = found.kind


def _checkable(reader: _Reader, config: UserConfig, note: Text) -> bool:
    """Whether the note names something a claim of knowing the user can be checked by: the user's
    work, a past employer or the company of the user's, a named event."""
    guidance = reader.guidance
    me = config.me
    if guidance.lexicons["content_reference"].phrases.find_all(note) or named_event(note.original, guidance):
        return True
    if me is None:
        return False
    names = terms(company_names(guidance, [*me.past_companies, *filter(None, [own_company(me, guidance)])]), guidance)
    return bool(as_companies(names.find(note), note.original))


def _user_words(guidance: Guidance, config: UserConfig, sender_profile: Text, sender_companies: Text) -> tuple[str, ...]:
    """The user's own work, as words a personal note would mention. A company the sender works
    at is theirs to mention, not a sign that the note is about the user."""
    me = config.me
    if me is None:
        return ()
    names, listed = _user_companies(guidance, tuple(me.target_companies), tuple(me.past_companies),
                                    own_company(me, guidance))
    theirs = {hit.casefold() for hit in listed.find(sender_companies, names_company=True) + listed.find(sender_profile)}
    if not theirs:
        return tuple(me.interests) + names
    return tuple(me.interests) + tuple(name for name in names if name.casefold() not in theirs)


@lru_cache(maxsize=64)
def _user_companies(guidance: Guidance, targets: tuple[str, ...], past: tuple[str, ...], own: str | None):
    """The names of the companies of the user's config, and those names compiled (once a config)."""
    names = company_names(guidance, [*targets, *past, *([own] if own else [])])
    return names, terms(names, guidance)


def _ties(reader: _Reader, config: UserConfig, request: Request, companies: Text, profile: Text) -> bool:
    """The sender at the user's company or at a past employer of theirs, as the profile shows it:
    a known relationship, and a ground for accepting. True when they work where the user works."""
    colleague = False
    for tie in profile_ties(config.me, request.sender, companies, profile, reader.guidance):
        reader.tied = True
        reader.reinforce("known_relationship", tie.evidence, strength=tie.strength)
        reader.result.grounds.append(f"profile: {tie.evidence}")
        colleague = colleague or tie.colleague
    return colleague


def _known(reader: _Reader, config: UserConfig, request: Request, known: Sequence[KnownTie]) -> None:
    """What the user's export says (known.py): a conversation in which the user wrote, or an
    invitation the user sent, is a known relationship; a school or an employer the profile shares
    with the user's export is a weaker one (a tie the config's past companies already showed is not
    counted twice). The user's `[me] schools` count as their Education.csv does."""
    p = reader.guidance.parameters["known_relationship"]
    schools = [tie for tie in known if tie.kind == "school"]
    listed = tuple(config.me.schools) if config.me else ()
    if listed:
        named = {tie.matched for tie in schools}
        schools += [dataclasses.replace(tie, source=wording.YOUR_CONFIG.format()) for tie in shared_schools(listed, request.sender, reader.guidance)
                    if tie.matched not in named]
    reader.result.known = [*known, *(tie for tie in schools if tie not in known)]
    configured = set(config.me.past_companies) | {own_company(config.me, reader.guidance)} if config.me else set()
    strengths = {"conversation": p["conversation_strength"], "invited": p["invitation_strength"],
                 "school": p["shared_school_strength"], "employer": p["shared_employer_strength"]}
    for tie in reader.result.known:
        if tie.kind not in known_kinds.FLAGGED:
            continue
        if tie.kind == "employer" and tie.matched.removeprefix("company ") in configured:
            continue  # the profile's tie to a company of the config already said so (_ties)
        if tie.kind in known_kinds.RELATIONSHIPS:
            reader.tied = True
        reader.reinforce("known_relationship", wording.FROM_EXPORT.format(tie=tie.line()), strength=strengths[tie.kind])
        reader.result.grounds.append(f"export: {tie.evidence}")


def _colleagues(reader: _Reader, known: Sequence[KnownTie]) -> None:
    """Many of the user's connections at the sender's company: weak-tie evidence for the relevance
    found otherwise, never a flag of its own."""
    if not reader.result.has("professional_relevance"):
        return
    for tie in known:
        if tie.kind == "colleagues":
            reader.reinforce("professional_relevance", wording.FROM_EXPORT.format(tie=tie.line()), strength=0.0)


def _yours(guidance, note: str, company: str) -> bool:
    """Whether every mention of a past employer of the user in the note is theirs ("your years at
    Zalando"), read off their profile: no past the sender shares."""
    mentions = [match.start() for match in re.finditer(re.escape(company), note, re.IGNORECASE)]
    return bool(mentions) and all(guidance.your_past.search(note[max(0, start - 60):start]) for start in mentions)


def _contradicted(guidance, past: list[str], request: Request, profile: Text) -> bool:
    """Whether the sender's profile lists jobs and names none of the user's past companies that the
    note claims as shared: no job, headline, about or title there. A profile without a work history
    contradicts nothing."""
    if not any(job.company for job in request.sender.experience or []):
        return False
    return not terms(company_names(guidance, past), guidance).find(profile)


def _note(reader: _Reader, lex, config: UserConfig, note: Text, profile: Text, companies: Text, request: Request,
          colleague: bool) -> None:
    if not note.original:
        reader.raise_flag("no_note", wording.NO_NOTE.format())
        return
    if any(reader.result.has(c) for c in ("prompt_injection", "scam_or_phishing", "sales_pitch")):
        return  # the note has a purpose, and it is not the user: its quality is beside the point
    guidance = reader.guidance
    me = config.me
    greeted = greets_someone_else(note.original, me.name if me else None, request.sender.name)
    if greeted:  # whatever it says of "your talk", it says it to someone else
        reader.raise_flag("generic_note", wording.TO_SOMEONE_ELSE.format(name=quote(greeted)))
        return
    known = lex["known_relationship"].phrases.find_all(note)
    personalized = guidance.parameters["personalized_note"]
    past = as_companies(terms(company_names(guidance, me.past_companies), guidance).find(note), note.original) if me else []
    past = [company for company in past if not _yours(guidance, note.original, company)]
    if known and past and _contradicted(guidance, past, request, profile):
        # "we worked together at Grab", from a work history that lists jobs but none at
        # Grab: a claim the sender's own profile belies is no relationship, and worth a question.
        # (Naming the user's past alone, "your Grab to Northwind move", claims nothing shared.)
        reader.raise_flag("unclear_intent", wording.PAST_CONTRADICTED.format(said=quote(past[0])))
        known, past = [], []
    own = own_company(me, guidance)
    mine = terms(company_names(guidance, [own]), guidance).find(note) if own else []
    if known or past:
        # The user's own record in the config is the evidence a claim can be checked against.
        claims = [wording.NOTE_CLAIMS.format(said=', '.join(map(quote, known[:2])))] if known else []
        if past:
            claims.append(wording.NAMES_PAST.format(said=quote(past[0])))
        if known and mine:
            claims.append(wording.NAMES_OWN.format(said=quote(mine[0])))
        reader.reinforce("known_relationship", "; ".join(claims))

    about_user = terms(_user_words(guidance, config, profile, companies), guidance).find(note)
    if about_user and me:  # a company of the user's named as a product ("SAP-FI") is not about the user
        names = {name.casefold() for name in _user_companies(guidance, tuple(me.target_companies), tuple(me.past_companies),
                                                             own_company(me, guidance))[0]}
        kept = as_companies(about_user, note.original)
        about_user = [hit for hit in about_user if hit.casefold() not in names or hit in kept]
    content = lex["content_reference"].phrases.find_all(note)  # the user's work, named
    refers = lex["content_reference"].weak.find_all(note)  # the user, but no work of theirs
    event = lex["event"].phrases.find_all(note)
    reason = lex["reason"].phrases.find_all(note) + _job_reason(lex, config, note, profile) + _purposes(guidance, config, note)
    length = note_length(note.original)  # a Chinese, Japanese or Korean note says more a character
    specific = about_user + content + refers + event + known + past
    if specific:  # a courtesy ("keen to learn from you") is a reason beside something about the user
        reason += lex["reason"].weak.find_all(note)
    reader.result.topic = _topic(guidance, note.original, about_user, event)
    _note_grounds(reader, note, content, past, mine, event or known, known)

    if (specific and length >= personalized["specific_min_chars"]) or (reason and length >= personalized["reason_min_chars"]):
        cues = list(dict.fromkeys(specific + reason))[:3]  # a phrase two lexicons hold, once
        reader.raise_flag("personalized_note", wording.EXPLAINS.format(said=', '.join(map(quote, cues))))
        return
    if colleague:
        return  # a colleague at the user's company: why they connect goes without saying
    generic = lex["generic_note"].phrases.find_all(note)
    if reader.result.note_language == "other" and not generic:
        reader.result.warnings.append(wording.PARTLY_READ.format())
        return
    introduces = lex["introduction"].phrases.find_all(note)
    if length < guidance.parameters["generic_note"]["min_chars"] or not (introduces or reason):
        written = quote(note.original, 70)
        reader.raise_flag("generic_note", wording.BOILERPLATE.format(said_phrase=quote(generic[0]), said=written) if generic
                          else wording.SAYS_NOTHING.format(said=written))


def _job_reason(lex, config: UserConfig, note: Text, profile: Text) -> list[str]:
    """A job on offer, as a reason: for a user whose goals seek roles, or from a sender who is no
    recruiter (a candidate about "the role"). A recruiter's opening to a user who is not looking
    says nothing about the user."""
    job = lex["job_offer"].phrases.find_all(note)
    if not job:
        return []
    goals = Text.of(" \n ".join(config.me.goals)) if config.me else Text.of(None)
    if lex["goal_seeks_roles"].phrases.find_all(goals) or not lex["recruiter"].phrases.find_all(profile):
        return job
    return []


# Purposes a goal makes relevant whatever the sender's field: an investor, a possible acquirer,
# partner or customer, a journalist. Not a recruiter or a candidate: their field must be the user's.
SOUGHT = frozenset({"investor", "acquirer", "partner", "buyer", "press"})


def _sought_purposes(guidance: Guidance, config: UserConfig, note: Text, profile: Text) -> list[str]:
    """The sender's purpose, stated in the note or shown by the profile (selling.toml [purposes]),
    where the user's goals seek it ([goals.*] welcomes): an investor to a founder raising a round,
    a possible partner or customer to one who seeks them. The purpose's label."""
    vocabulary = guidance.selling
    welcome = vocabulary.welcome(tuple(config.me.goals) if config.me else ())
    if not welcome.kinds:
        return []
    in_note, in_profile = vocabulary.book.present(note), vocabulary.book.present(profile)
    return [purpose.label for purpose in vocabulary.purposes if purpose.name in welcome.kinds and purpose.name in SOUGHT
            and (purpose.note.number in in_note or purpose.profile.number in in_profile)]


def _purposes(guidance: Guidance, config: UserConfig, note: Text) -> list[str]:
    """An honest purpose the note states (selling.toml [purposes]: an investor, a journalist, a
    student, a buyer...): the reason it is written, in any language the vocabulary holds."""
    vocabulary = guidance.selling
    found = vocabulary.book.present(note)
    welcome = vocabulary.welcome(tuple(config.me.goals) if config.me else ())
    stated: list[str] = []
    for purpose in vocabulary.purposes:
        if purpose.note.number in found and not (purpose.needs_goal and purpose.name not in welcome.kinds):
            stated += purpose.note.find_all(note)[:1] or [purpose.label]
    return stated


def _note_grounds(reader: _Reader, note: Text, content: list[str], past: list[str], mine: list[str],
                  met: list[str], known: list[str]) -> None:
    """What in the note can be checked: the user's work or posts, a named event, a past employer
    or the company of the user's. A claim of having met, or a topic the user cares about, cannot."""
    grounds = reader.result.grounds
    before = len(grounds)
    if content:
        grounds.append(f"note names your work: {quote(content[0])}")
    if past:
        grounds.append(f"note names {quote(past[0])}, where you worked")
    if mine:
        grounds.append(f"note names {quote(mine[0])}, where you work")
    if met:
        event = named_event(note.original, reader.guidance)
        if event:
            grounds.append(f"note names the event: {quote(event)}")
    reader.result.claim_only = bool(known) and len(grounds) == before and not reader.tied


def _topic(guidance: Guidance, original: str, about_user: list[str], event: list[str]) -> str | None:
    if event:
        match = guidance.event_name.search(original)
        if match and len(match.group(1).split()) >= guidance.parameters["personalized_note"]["topic_min_words"]:
            return match.group(1).strip(" .,!?;:")
    if about_user:
        # The user's word as the sender wrote it.
        match = re.search(re.escape(about_user[0]), original, re.IGNORECASE)
        return match.group(0) if match else about_user[0]
    return None


def _families(guidance: Guidance, *texts: Text, besides: frozenset[str] = frozenset()) -> dict[str, str]:
    """The fields a text belongs to, strongest first: those with at least a share (a half) of the
    top count of hits, so a backend engineer who mentions payments once is an engineer, not a banker.
    `besides`: families not counted."""
    counted: dict[str, list[str]] = {}
    for text in texts:
        for family, hits in guidance.industries.hits(text).items():
            if family not in besides:
                counted.setdefault(family, []).extend(hits)
    if not counted:
        return {}
    least = guidance.parameters["professional_relevance"]["field_share"] * max(len(hits) for hits in counted.values())
    ranked = sorted(counted.items(), key=lambda item: (-len(item[1]), item[0]))
    return {family: sorted(hits)[0] for family, hits in ranked if len(hits) >= least}


@lru_cache(maxsize=64)
def _user_families(guidance: Guidance, industry: str | None, headline: str | None, goals: tuple[str, ...],
                   interests: tuple[str, ...]) -> dict[str, str]:
    """The user's field: what their industry and headline say, and also each field their goals or
    interests name, whatever its share: a recruiter of data people wants data people. Once a
    config (read only: the same dict for every request)."""
    families = _families(guidance, Text.of(" \n ".join(filter(None, [industry, headline]))))
    for wanted in (goals, interests):
        for family, word in _families(guidance, Text.of(" \n ".join(wanted))).items():
            families.setdefault(family, word)
    return families


@lru_cache(maxsize=64)
def _people_sought(guidance: Guidance, goals: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The people a goal seeks by their field's plural noun, and the field the goal names beside
    it: "Meet researchers working on LLM evaluation" is (research, {ai}); "Hire nurses" (healthcare,
    {}). Once a config."""
    sought = []
    for goal in map(Text.of, goals):
        singular = set(_families(guidance, goal))
        everything = guidance.wanted_industries.hits(goal)
        for family in set(everything) - singular:  # found only in the plural: whom the goal seeks
            sought.append((family, frozenset(everything) - {family}))
    return tuple(sought)


def _sought_by_goal(guidance: Guidance, goals: tuple[str, ...], profile: Text) -> dict[str, str]:
    """The families of people a goal seeks that the sender's profile holds, with the field the goal
    names beside them, however small a part of the profile it is: a research scientist whose
    headline says "LLM Safety" is one of the "researchers working on LLM evaluation and safety";
    a UX researcher at a games studio is not."""
    held = guidance.industries.hits(profile)
    return {family: sorted(held[family])[0] for family, topic in _people_sought(guidance, goals)
            if family in held and (not topic or topic & set(held))}


def _relevance(reader: _Reader, lex, guidance: Guidance, config: UserConfig, note: Text, profile: Text,
               companies: Text, request: Request) -> None:
    me = config.me
    if me is None:
        reader.result.warnings.append(wording.NO_CONFIG.format())
        return
    if reader.result.has("scam_or_phishing") or reader.result.has("prompt_injection"):
        reader.result.relevance_judged = True  # beside the point: a scam in your field is still a scam
        return
    sender = request.sender
    user_families = _user_families(guidance, me.industry, me.headline, tuple(me.goals), tuple(me.interests))
    if not (user_families or me.target_companies or me.past_companies or me.interests or me.goals):
        reader.result.warnings.append(wording.NOTHING_TO_JUDGE.format())
        return
    # Judged from the note alone, unless the user's export said something that raised a flag.
    reader.result.note_only = bool(note.original) and not sender.profile_known() \
        and not any(tie.kind in known_kinds.FLAGGED for tie in reader.result.known)
    # Who the sender is comes from their profile. The note tells it only where the profile does
    # not, and only in what it says of the sender: "your post on chargebacks" is the user's field,
    # not the writer's (note_voice.py). Read once, when first needed.
    said = _OfSender(note, guidance, lex)
    # A student's field is what they study, not their university's.
    student = bool(lex["student"].phrases.find_all(Text.of(sender.headline)))
    # A recruiter's field is whom they hire ("Tuyển dụng điều dưỡng" hires nurses), whatever the
    # words of their own trade; only when their profile names nothing else is it recruiting.
    recruiter_in_profile = lex["recruiter"].phrases.find_all(profile)
    recruiter = recruiter_in_profile or said.find(lex["recruiter"].phrases.find_all)
    besides = STUDENT_PLACES if student else RECRUITING if recruiter else frozenset()
    # The field the profile names (a student's school and a recruiter's own trade apart): then the
    # note adds nothing to it, but for a student's, which is what they study, and the note may say it.
    told = _families(guidance, profile, besides=besides)
    if told and next(iter(told)) in MEDIA:
        # A journalist's field is what they cover ("Redakteurin IT-Sicherheit"), beside their own.
        beat = _families(guidance, profile, besides=besides | MEDIA)
        told = {**beat, **told} if beat else told
    their_families = (told if told and not student else None) \
        or (besides and _families(guidance, profile, said.fields, besides=besides)) or _families(guidance, profile, said.fields)
    shared = sorted(set(user_families) & set(their_families))
    if not shared:  # the people a goal names, in its field ("researchers working on LLM safety")
        sought = _sought_by_goal(guidance, tuple(me.goals), profile)
        their_families = {**their_families, **sought}
        shared = sorted(sought)

    target_names = terms(company_names(guidance, me.target_companies), guidance)
    targets_in_profile = target_names.find(companies, names_company=True) or target_names.find(profile)
    names_company = bool(sender.company or any(job.company for job in sender.experience or []))
    targets = targets_in_profile or ([] if names_company else said.find(target_names.find))
    interest_terms = terms(tuple(me.interests), guidance)
    interests_in_profile = interest_terms.find(profile)
    # What the sender says they work on is theirs, whatever their field ("I'm exploring LLMs for...").
    interests = interests_in_profile or said.find(interest_terms.find)
    leader = lex["leader"].phrases.find_all(Text.of(sender.headline)) or lex["leader"].phrases.find_all(profile)
    seeker = lex["job_seeker"].phrases.find_all(profile) or said.find(lex["job_seeker"].phrases.find_all)
    goals = Text.of(" \n ".join(me.goals))
    seeks_roles = bool(lex["goal_seeks_roles"].phrases.find_all(goals))
    hires = bool(lex["goal_hires"].phrases.find_all(goals))
    reader.result.relevance_judged = bool(their_families or targets or interests or recruiter or reader.tied)

    sought = _sought_purposes(guidance, config, note, profile)
    reader.result.relevance_judged = reader.result.relevance_judged or bool(sought)

    reasons: list[str] = []
    strength = 1.0
    purpose = wording.GOAL_PURPOSE.format(seller=sought[0]) if sought else None
    if purpose:  # "an investor, whom your goals seek": relevant for that, whatever their field
        reasons.append(purpose)
    if targets:
        role = "recruiter" if recruiter else "leader" if leader else "works"
        if targets_in_profile:
            reasons.append(wording.AT_TARGET[role].format(said=quote(targets[0])))
        else:  # the note's word for it: the profile names no company
            if role != "works":
                reasons.append(wording.ROLE_ONLY[role].format())
            reasons.append(wording.NOTE_TARGET.format(said=quote(targets[0])))
        if recruiter or leader:
            strength += guidance.parameters["strong_relevance_bonus"] / guidance.weights["professional_relevance"]
    recruits_for_you = recruiter and seeks_roles and (
        shared or targets or not their_families or set(their_families) <= guidance.recruiter_fields | set(user_families))
    if recruits_for_you:
        reasons.append(wording.RECRUITS_FOR_YOU.format(said=quote(recruiter[0])))
    # A head of X is not a candidate; a seeker is, in the user's field or where no field is named.
    if hires and ((seeker and (shared or not their_families)) or (shared and not leader)) and not recruiter:
        reasons.append(wording.CANDIDATE_SAID.format(said=quote(seeker[0])) if seeker else wording.CANDIDATE.format())
    if shared:
        reasons.append(wording.SAME_FIELD.format(fields=', '.join(their_families[f] for f in shared)))
        if leader and not targets:
            reasons.append(wording.SENIOR.format(said=quote(leader[0])))
    if interests:
        reasons.append(wording.INTEREST.format(said=quote(interests[0])))
    if purpose and reasons == [purpose]:
        # Only the purpose: relevant, never "unrelated", but no ground for an accept by itself (a
        # stranger who says they invest is a claim: asked about, not taken on trust).
        reader.raise_flag("professional_relevance", reasons[0], strength=guidance.parameters["sought_purpose_strength"])
        return
    if reasons:
        reader.raise_flag("professional_relevance", "; ".join(dict.fromkeys(reasons)), strength=strength)
        if _substantial(sender) and not reader.result.claim_only:
            # A real profile (a role, where they work, a history) that the note shows is relevant:
            # the user can check it. Not when the accept would rest on a claim of having met.
            reader.result.grounds.append("profile: a full profile, and relevant")
        _profile_grounds(reader, guidance, user_families, profile, sender.industry, targets_in_profile, interests_in_profile,
                         bool(recruits_for_you and recruiter_in_profile))
        return

    # Unrelated, as the profile reads; not where the sender says their own work touches the user's
    # field ("we invest in supply-chain software"): their word is not proof, and not a reason to turn them away.
    if their_families and not reader.tied and not reader.result.has("known_relationship") \
            and not set(_families(guidance, said.fields)) & set(user_families):
        mine_label = me.industry or ", ".join(user_families.values()) or wording.YOUR_FIELD.format()
        theirs = ", ".join(dict.fromkeys(their_families.values()))
        same_place = bool(sender.location and me.location and _same_place(sender.location, me.location))
        # Many people in common say they move in the user's circles: not "entirely" unrelated.
        many_mutual = (sender.mutual_connections or 0) >= guidance.parameters["many_mutual_connections"]
        p = guidance.parameters["irrelevant"]
        reader.raise_flag(
            "irrelevant",
            wording.UNRELATED_AT.format(theirs=theirs, location=sender.location, mine=mine_label) if sender.location
            else wording.UNRELATED.format(theirs=theirs, mine=mine_label),
            strength=(p["same_place_strength"] if same_place else 1.0) * (p["many_mutual_strength"] if many_mutual else 1.0),
        )


class _OfSender:
    """What the note says of its sender (note_voice.py), read only where the whole note holds
    what is looked for (a cheap first look), and then once."""

    def __init__(self, note: Text, guidance: Guidance, lex):
        self.note, self.guidance, self.lex = note, guidance, lex
        self._text: Text | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            references = self.lex["content_reference"].phrases
            self._text = of_sender(self.note, self.guidance.note_voice,
                                   lambda part: bool(references.find_all(self.note if part == self.note.original else Text.of(part))))
        return self._text

    def find(self, look: Callable[[Text], list[str]]) -> list[str]:
        """What `look` finds in what the note says of the sender: nothing where the whole note has none."""
        return look(self.text) if self.note.original and look(self.note) else []

    @property
    def fields(self) -> Text:
        """The text to read the sender's fields in: none where the whole note names no field."""
        return self.text if self.note.original and self.guidance.industries.hits(self.note) else Text.of(None)


def _profile_grounds(reader: _Reader, guidance: Guidance, user_families: dict[str, str], profile: Text,
                     industry: str | None, targets: list[str], interests: list[str], recruiter: bool) -> None:
    """The relevance the sender's own profile shows (not only what their note says)."""
    grounds = reader.result.grounds
    if targets:
        grounds.append(f"profile: works at {quote(targets[0])}, one of your target companies")
    # The field the profile is mostly about, or the industry it states: a logistics analyst shares
    # a word with a market analyst, not a field.
    hits = guidance.industries.hits(profile)
    if hits:
        most = max(map(len, hits.values()))
        stated = guidance.industries.hits(Text.of(industry)) if industry else {}
        if any(len(hits[family]) == most or family in stated for family in user_families.keys() & hits.keys()):
            grounds.append("profile: in your field")
    if interests:
        grounds.append(f"profile: {quote(interests[0])}, one of your interests")
    if recruiter:
        grounds.append("profile: a recruiter in your field")


def _substantial(sender) -> bool:
    """A profile with a role, a company and a work history, and a photo if that was observed."""
    return bool(sender.headline and (sender.company or sender.experience) and sender.experience
                and sender.has_photo is not False)


def _same_place(a: str, b: str) -> bool:
    parts = lambda s: {p.strip().lower() for p in s.split(",") if p.strip()}  # noqa: E731
    return bool(parts(a) & parts(b))


def _mutuals(reader: _Reader, guidance: Guidance, mutual: int | None) -> None:
    if mutual is not None and mutual >= guidance.parameters["mutual_connections_min"]:
        many = mutual >= guidance.parameters["many_mutual_connections"]
        reader.raise_flag("mutual_connections", wording.MUTUAL.format(count=mutual),
                          strength=guidance.parameters["mutual_connections"]["many_strength"] if many else 1.0)


def _empty_profile(reader: _Reader, guidance: Guidance, request: Request) -> None:
    """Little information, no photo, sparse history; only what was observed counts."""
    sender = request.sender
    if not sender.profile_known():
        return  # known only by name and note (an export): unknown is not empty
    p = guidance.parameters["empty_profile"]
    missing: list[tuple[str, float]] = []
    if sender.has_photo is False:
        missing.append((wording.NO_PHOTO.format(), p["no_photo"]))
    if not sender.headline:
        missing.append((wording.NO_HEADLINE.format(), p["no_headline"]))
    if sender.experience is not None and not sender.experience:
        missing.append((wording.NO_HISTORY.format(), p["no_work_history"]))
    elif sender.experience and sum(job.years or 0 for job in sender.experience) < p["short_work_years"]:
        years = p["short_work_years"]
        under = wording.UNDER_A_YEAR.format() if years == 1 else wording.UNDER_YEARS.format(years=f"{years:g}")
        missing.append((under, p["short_work_history"]))
    if sender.connections is not None and sender.connections < p["few_connections_below"]:
        weight = p["very_few_connections"] if sender.connections < p["very_few_connections_below"] else p["few_connections"]
        missing.append((wording.FEW_CONNECTIONS.format(count=sender.connections), weight))
    if not sender.about and not sender.company and missing:
        missing.append((wording.NO_ABOUT.format(), p["no_about_or_company"]))
    if sum(weight for _, weight in missing) >= p["raise_at"]:
        reader.raise_flag("empty_profile", ", ".join(what for what, _ in missing))
