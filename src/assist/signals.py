"""Step 2, extract signals: what a careful reader notices, each tied to a criterion of the guidance.

Deterministic and cheap. The offline engine decides from these alone; an LLM gets them as
evidence, and the guard uses them to cap what any backend says. The words, lists and numbers it
applies are the guidance's, in prompts/ (signals.toml, rules.toml [parameters]); this is the code
that applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .config import UserConfig
from . import selling
from .guidance import Guidance, load_guidance
from .models import Flag, Request
from .text import Text, detect_language, fold, has_invisible, has_link_or_phone, normalize, quote, tokens, user_phrases


def company_names(guidance: Guidance, companies: list[str]) -> tuple[str, ...]:
    """Each company as written and by its core name: "SSI Securities" also matches "SSI"."""
    return _company_names(guidance, tuple(companies))


@lru_cache(maxsize=256)
def _company_names(guidance: Guidance, companies: tuple[str, ...]) -> tuple[str, ...]:  # the config's: once
    names: list[str] = []
    for company in companies:
        names.append(company)
        core = company.strip()
        while (shorter := guidance.company_suffix.sub("", core).strip(" ,.-")) != core and shorter:
            core = shorter
        # What is left must be a name: two letters at least, and not the "Your" of "Your Company".
        if core != company.strip() and len(core) >= 2 and core.lower() not in guidance.not_company_names:
            names.append(core)
    return tuple(names)


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

    def raise_flag(self, criterion_id: str, evidence: str, strength: float = 1.0) -> None:
        if self.result.has(criterion_id):
            return
        criterion = self.guidance.criterion(criterion_id)
        weight = self.guidance.weights[criterion_id] * strength
        # Built from the guidance and our own evidence, so not validated again (it is on every request).
        flag = Flag.model_construct(id=criterion_id, polarity=criterion.polarity, evidence=evidence)
        self.result.signals.append(Signal(flag, weight))


def extract_signals(request: Request, config: UserConfig, guidance: Guidance | None = None) -> Signals:
    guidance = guidance or load_guidance()
    reader = _Reader(guidance)
    sender = request.sender
    lex = guidance.lexicons

    note = Text.of(request.note)
    profile_parts = [sender.headline, sender.company, sender.industry, sender.about]
    profile_parts += [f"{job.title or ''} {job.company or ''}" for job in sender.experience or []]
    profile = Text.of(" \n ".join(filter(None, profile_parts)))

    reader.result.note_language = detect_language(request.note)

    _hostile(reader, lex, note, profile, request)
    _policy(reader, config, request, profile_parts, profile)
    _selling(reader, lex, config, note, profile, request)
    _note(reader, lex, config, note, profile)
    _relevance(reader, lex, guidance, config, note, profile, request)
    _mutuals(reader, guidance, sender.mutual_connections)
    _empty_profile(reader, guidance, request)
    return reader.result


def _distinct(hits: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    kept = []
    for place, hit in hits:
        if hit not in seen:
            seen.add(hit)
            kept.append((place, hit))
    return kept


def _where(hits: list[tuple[str, str]]) -> str:
    return "; ".join(f"{place}: {quote(hit, 60)}" for place, hit in hits[:3])


def _hostile(reader: _Reader, lex, note: Text, profile: Text, request: Request) -> None:
    places = [("note", note), ("profile", profile), ("name", Text.of(request.sender.name))]
    # Every other string the request carries reaches an LLM's prompt word for word: read it too.
    other = " \n ".join(filter(None, [request.sender.location, request.sender.profile_url, request.id,
                                       request.received_at]))
    places.append(("location, profile URL, id or date", Text.of(other)))
    injection = [(place, hit) for place, text in places for hit in lex["prompt_injection"].phrases.find_all(text)]
    if not injection:  # leetspeak and spaced-out letters, undone, where that changes the text
        plain = [(place, text.deobfuscated) for place, text in places[:2]]
        injection = [(place, hit) for place, text in plain if text is not None
                     for hit in lex["prompt_injection"].phrases.find_all(text)]
    if injection:
        hidden = " (with hidden characters)" if has_invisible(request.note or "") else ""
        reader.raise_flag("prompt_injection", f"text addressed to an AI assistant{hidden}: {_where(injection)}")

    scam = lex["scam_or_phishing"]
    needs = reader.guidance.parameters["scam_or_phishing"]
    strong = [(place, hit) for place, text in places[:2] for hit in scam.phrases.find_all(text)]
    weak = _distinct([(place, hit) for place, text in places[:2] for hit in scam.weak.find_all(text)])
    # Single words ("crypto", "wallet") are everyday words in some jobs: it takes several, or
    # a couple with a link or a phone number to move the talk elsewhere.
    contact = has_link_or_phone(request.note or "")
    if strong or len(weak) >= needs["weak_hits"] or (len(weak) >= needs["weak_hits_with_contact"] and contact):
        reader.raise_flag("scam_or_phishing", _where(strong + weak))


def _policy(reader: _Reader, config: UserConfig, request: Request, profile_parts: list, profile: Text) -> None:
    name = request.sender.name
    never: list[str] = []
    if config.policy.never_accept:
        everything = Text.of(" \n ".join(filter(None, [name, request.note, *profile_parts])))
        never = user_phrases(tuple(config.policy.never_accept)).find_all(everything)
    if never:
        reader.raise_flag("never_accept", f"matches your never_accept list: {', '.join(map(quote, never))}")
    always: list[str] = []
    if config.policy.always_accept:
        listed = Text.of(f"{name} \n {profile.original}")
        always = [hit for hit in user_phrases(tuple(config.policy.always_accept)).find_all(listed)
                  if _affirmed(hit, listed, reader.guidance)]
    if always and not never:
        reader.raise_flag("always_accept", f"matches your always_accept list: {', '.join(map(quote, always))}")


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


def _selling(reader: _Reader, lex, config: UserConfig, note: Text, profile: Text, request: Request) -> None:
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
        known=lambda: _knows(reader, lex, config, note, profile),
        purposeful=lambda: any(lex[name].phrases.find_all(note) for name in vocabulary.purpose_lexicons))
    if found is not None:
        reader.raise_flag("sales_pitch", found.evidence, strength=found.strength)


def _knows(reader: _Reader, lex, config: UserConfig, note: Text, profile: Text) -> bool:
    """Whether the user knows the sender, as far as the request shows: a note that says how they
    know each other, the sender's history at the user's company or a past one."""
    if lex["known_relationship"].phrases.find_all(note):
        return True
    me = config.me
    if me is None:
        return False
    companies = list(me.past_companies)
    if me.headline and " at " in me.headline:
        companies.append(me.headline.rsplit(" at ", 1)[1])
    return bool(user_phrases(company_names(reader.guidance, companies)).find_all(profile))


def _user_words(guidance: Guidance, config: UserConfig, sender_profile: Text) -> tuple[str, ...]:
    """The user's own work, as words a personal note would mention. A company the sender works
    at is theirs to mention, not a sign that the note is about the user."""
    me = config.me
    if me is None:
        return ()
    companies = [*me.target_companies, *me.past_companies]
    if me.headline and " at " in me.headline:
        companies.append(me.headline.rsplit(" at ", 1)[1])
    names = company_names(guidance, companies)
    own = {hit.casefold() for hit in user_phrases(names).find_all(sender_profile)}
    return tuple(me.interests) + tuple(name for name in names if name.casefold() not in own)


def _note(reader: _Reader, lex, config: UserConfig, note: Text, profile: Text) -> None:
    if not note.original:
        reader.raise_flag("no_note", "no note came with the request")
        return
    if any(reader.result.has(c) for c in ("prompt_injection", "scam_or_phishing", "sales_pitch")):
        return  # the note has a purpose, and it is not the user: its quality is beside the point
    known = lex["known_relationship"].phrases.find_all(note)
    guidance = reader.guidance
    personalized = guidance.parameters["personalized_note"]
    past = user_phrases(company_names(guidance, config.me.past_companies) if config.me else ()).find_all(note)
    if known or past:
        evidence = f"note: {', '.join(map(quote, known[:2]))}" if known else ""
        if past:
            evidence = (evidence + "; " if evidence else "") + f"mentions your former employer {quote(past[0])}"
        reader.raise_flag("known_relationship", evidence)

    about_user = user_phrases(_user_words(guidance, config, profile)).find_all(note)
    content = lex["content_reference"].phrases.find_all(note)
    event = lex["event"].phrases.find_all(note)
    reason = lex["reason"].phrases.find_all(note)
    length = len(note.original)
    specific = about_user + content + event + known + past
    reader.result.topic = _topic(guidance, note.original, about_user, event)

    if (specific and length >= personalized["specific_min_chars"]) or (reason and length >= personalized["reason_min_chars"]):
        cues = (specific + reason)[:3]
        reader.raise_flag("personalized_note", f"note explains why: {', '.join(map(quote, cues))}")
        return
    generic = lex["generic_note"].phrases.find_all(note)
    if reader.result.note_language == "other" and not generic:
        reader.result.warnings.append("the note is in a language the offline engine reads only partly")
        return
    introduces = lex["introduction"].phrases.find_all(note)
    if length < guidance.parameters["generic_note"]["min_chars"] or not (introduces or reason):
        what = f"boilerplate {quote(generic[0])}" if generic else "says nothing about why you"
        reader.raise_flag("generic_note", f"note {what}: {quote(note.original, 70)}")


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


def _families(guidance: Guidance, *texts: Text) -> dict[str, str]:
    """The fields a text belongs to, strongest first: those with at least a share (a half) of the
    top count of hits, so a backend engineer who mentions payments once is an engineer, not a banker."""
    counted: dict[str, list[str]] = {}
    for text in texts:
        for family, hits in guidance.industries.hits(text).items():
            counted.setdefault(family, []).extend(hits)
    if not counted:
        return {}
    least = guidance.parameters["professional_relevance"]["field_share"] * max(len(hits) for hits in counted.values())
    ranked = sorted(counted.items(), key=lambda item: (-len(item[1]), item[0]))
    return {family: sorted(hits)[0] for family, hits in ranked if len(hits) >= least}


def _relevance(reader: _Reader, lex, guidance: Guidance, config: UserConfig, note: Text, profile: Text, request: Request) -> None:
    me = config.me
    if me is None:
        reader.result.warnings.append("no config: relevance to your goals could not be judged (run `assist init`)")
        return
    if reader.result.has("scam_or_phishing") or reader.result.has("prompt_injection"):
        reader.result.relevance_judged = True  # beside the point: a scam in your field is still a scam
        return
    sender = request.sender
    mine = Text.of(" \n ".join(filter(None, [me.industry, me.headline, *me.interests, *me.goals])))
    user_families = _families(guidance, mine)
    if not (user_families or me.target_companies or me.past_companies or me.interests or me.goals):
        reader.result.warnings.append(
            "your config says nothing about your field or goals: relevance could not be judged "
            "(fill in headline, industry, goals or interests)")
        return
    their_families = _families(guidance, profile, note)
    shared = sorted(set(user_families) & set(their_families))

    target_names = user_phrases(company_names(guidance, me.target_companies))
    targets = target_names.find_all(profile) or target_names.find_all(note)
    past_profile = user_phrases(company_names(guidance, me.past_companies)).find_all(profile)
    interests = user_phrases(tuple(me.interests)).find_all(profile) or user_phrases(tuple(me.interests)).find_all(note)
    recruiter = lex["recruiter"].phrases.find_all(profile) or lex["recruiter"].phrases.find_all(note)
    leader = lex["leader"].phrases.find_all(Text.of(sender.headline)) or lex["leader"].phrases.find_all(profile)
    seeker = lex["job_seeker"].phrases.find_all(profile) or lex["job_seeker"].phrases.find_all(note)
    goals = Text.of(" \n ".join(me.goals))
    seeks_roles = bool(lex["goal_seeks_roles"].phrases.find_all(goals))
    hires = bool(lex["goal_hires"].phrases.find_all(goals))
    reader.result.relevance_judged = bool(their_families or targets or interests or recruiter or past_profile)

    if past_profile and not reader.result.has("known_relationship"):
        reader.raise_flag("known_relationship", f"you both worked at {quote(past_profile[0])}",
                          strength=guidance.parameters["known_relationship"]["shared_employer_strength"])

    reasons: list[str] = []
    strength = 1.0
    if targets:
        role = "recruiter" if recruiter else "leader" if leader else "works"
        reasons.append(f"{'a ' + role + ' at' if role != 'works' else 'works at'} {quote(targets[0])}, one of your target companies")
        if recruiter or leader:
            strength += guidance.parameters["strong_relevance_bonus"] / guidance.weights["professional_relevance"]
    if recruiter and seeks_roles and (shared or targets or not their_families or set(their_families) <= guidance.recruiter_fields | set(user_families)):
        reasons.append(f"a recruiter ({quote(recruiter[0])}) and you are looking for roles")
    if hires and (seeker or shared) and not recruiter:
        reasons.append("a possible candidate for the team you are hiring" + (f" ({quote(seeker[0])})" if seeker else ""))
    if shared:
        reasons.append(f"same field as you ({', '.join(their_families[f] for f in shared)})")
        if leader and not targets:
            reasons.append(f"senior in your field ({quote(leader[0])})")
    if interests:
        reasons.append(f"shares your interest in {quote(interests[0])}")
    if reasons:
        reader.raise_flag("professional_relevance", "; ".join(dict.fromkeys(reasons)), strength=strength)
        return

    if their_families and not past_profile and not reader.result.has("known_relationship"):
        where = f"; based in {sender.location}" if sender.location else ""
        mine_label = me.industry or ", ".join(user_families.values()) or "your field"
        theirs = ", ".join(dict.fromkeys(their_families.values()))
        same_place = bool(sender.location and me.location and _same_place(sender.location, me.location))
        # Many people in common say they move in the user's circles: not "entirely" unrelated.
        many_mutual = (sender.mutual_connections or 0) >= guidance.parameters["many_mutual_connections"]
        p = guidance.parameters["irrelevant"]
        reader.raise_flag(
            "irrelevant",
            f"their field ({theirs}{where}) is unrelated to yours ({mine_label}) and to your goals",
            strength=(p["same_place_strength"] if same_place else 1.0) * (p["many_mutual_strength"] if many_mutual else 1.0),
        )


def _same_place(a: str, b: str) -> bool:
    parts = lambda s: {p.strip().lower() for p in s.split(",") if p.strip()}  # noqa: E731
    return bool(parts(a) & parts(b))


def _mutuals(reader: _Reader, guidance: Guidance, mutual: int | None) -> None:
    if mutual is not None and mutual >= guidance.parameters["mutual_connections_min"]:
        many = mutual >= guidance.parameters["many_mutual_connections"]
        reader.raise_flag("mutual_connections", f"{mutual} mutual connections (a count alone does not prove who they are)",
                          strength=guidance.parameters["mutual_connections"]["many_strength"] if many else 1.0)


def _empty_profile(reader: _Reader, guidance: Guidance, request: Request) -> None:
    """Little information, no photo, sparse history; only what was observed counts."""
    sender = request.sender
    if not sender.profile_known():
        return  # known only by name and note (an export): unknown is not empty
    p = guidance.parameters["empty_profile"]
    missing: list[tuple[str, float]] = []
    if sender.has_photo is False:
        missing.append(("no photo", p["no_photo"]))
    if not sender.headline:
        missing.append(("no headline", p["no_headline"]))
    if sender.experience is not None and not sender.experience:
        missing.append(("no work history", p["no_work_history"]))
    elif sender.experience and sum(job.years or 0 for job in sender.experience) < p["short_work_years"]:
        years = p["short_work_years"]
        missing.append((f"under {'a year' if years == 1 else f'{years:g} years'} of work history", p["short_work_history"]))
    if sender.connections is not None and sender.connections < p["few_connections_below"]:
        weight = p["very_few_connections"] if sender.connections < p["very_few_connections_below"] else p["few_connections"]
        missing.append((f"only {sender.connections} connections", weight))
    if not sender.about and not sender.company and missing:
        missing.append(("no about or company", p["no_about_or_company"]))
    if sum(weight for _, weight in missing) >= p["raise_at"]:
        reader.raise_flag("empty_profile", ", ".join(what for what, _ in missing))
