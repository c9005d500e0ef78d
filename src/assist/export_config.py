"""The config `assist init --from-export` writes: [me] filled in from the user's own LinkedIn export.

Name, headline, summary's language, industry and location from Profile.csv; the current company and
title from Positions.csv (a row with no Finished On; of several, the most recently started), past
companies from the rest (most recent first, each once, never the current one); schools from
Education.csv; a few interests from Skills.csv. Goals, target companies and openness are the user's
to answer: they are written as commented questions. A file the export lacks leaves its keys
commented, and the text says which files were missing. Every value is a TOML string written with
its escapes; what goes into a comment is one line without control characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .config import meaningful, toml_string
from .errors import InputError
from .i18n import _
from .export import LinkedInExport, Position, Profile

MAX_INTERESTS = 6
# Skills nearly everyone lists, which say nothing about what the user cares for: office tools.
OFFICE_TOOLS = re.compile(
    r"(?:microsoft|ms|google|g suite|office)?\s*(?:office|excel|word|powerpoint|outlook|teams|access|windows|"
    r"docs|sheets|slides|drive|workspace|suite|365)(?:\s+\d+)?|e-?mail|typing|internet|computer skills|"
    r"data entry", re.IGNORECASE)


@dataclass
class ExportAnswers:
    """What the export says about the user, and which files it lacked."""

    name: str
    headline: str | None = None
    industry: str | None = None
    location: str | None = None
    company: str | None = None
    title: str | None = None
    past_companies: list[str] = field(default_factory=list)
    schools: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    skills_count: int = 0
    language: str = "auto"
    missing: list[str] = field(default_factory=list)


def answers_from(export: LinkedInExport, company: str | None = None) -> ExportAnswers:
    """[me] from the export; InputError when it has no readable Profile.csv (nothing to name the user by).
    `company`, when given, is where the user works now, whatever Positions.csv says."""
    profile = export.profile()
    if profile is None:
        if export.has("Profile.csv"):
            problems = [str(p) for p in export.problems if p.file == export.member("Profile.csv")]
            raise InputError(export.path, _("{file} could not be read ({problem}): nothing to fill [me] name with; "
                                            "run `assist init` without --from-export").format(
                file="Profile.csv", problem=problems[0] if problems else _("no rows")))
        raise InputError(export.path, _("holds no {file}: nothing to fill [me] name with; run `assist init` "
                                        "without --from-export").format(file="Profile.csv"))
    answers = ExportAnswers(name=profile.name or profile.first_name or profile.last_name,
                            headline=profile.headline, industry=profile.industry, location=profile.location,
                            language=_language(profile))
    positions = export.positions()
    if positions is None:
        answers.missing.append("Positions.csv")
    else:
        _fill_positions(answers, positions, company)
    if company:
        answers.company = company.strip() or None
    if answers.headline is None and answers.title and answers.company:
        answers.headline = f"{answers.title} at {answers.company}"
    schools = export.schools()
    if schools is None:
        answers.missing.append("Education.csv")
    else:
        answers.schools = _unique(school.name for school in schools)
    skills = export.skills()
    if skills is None:
        answers.missing.append("Skills.csv")
    else:
        answers.skills_count = len(skills)
        answers.interests = _unique(skill for skill in skills if not OFFICE_TOOLS.fullmatch(skill.strip()))[:MAX_INTERESTS]
    return answers


def _fill_positions(answers: ExportAnswers, positions: list[Position], company: str | None) -> None:
    # Most recently started first; a row without a start date last; otherwise the file's order.
    ordered = sorted(positions, key=lambda p: p.started_on.toordinal() if p.started_on else 0, reverse=True)
    current = next((p for p in ordered if p.current), None)
    now = company.strip() if company and company.strip() else (current.company if current else None)
    if current is not None and not (company and company.strip()):
        answers.company, answers.title = current.company, current.title
    # Every other employer, the current one aside (another current row, a side job, is a tie too).
    answers.past_companies = [name for name in _unique(p.company for p in ordered) if now is None or _key(name) != _key(now)]


def _language(profile: Profile) -> str:
    from .language import detect_language

    text = " ".join(part for part in (profile.headline, profile.summary) if part)
    return "vi" if detect_language(text) == "vi" else "auto"


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _unique(values) -> list[str]:
    """Each once (case and spacing aside), in order; entries a config would refuse left out."""
    seen: set[str] = set()
    kept = []
    for value in values:
        if value and meaningful(value) and _key(value) not in seen:
            seen.add(_key(value))
            kept.append(value.strip())
    return kept


def _comment(text: str, limit: int = 60) -> str:
    """Text for a comment: one line, no control characters, clipped."""
    flat = " ".join("".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text).split())
    return flat if len(flat) <= limit else flat[:limit - 3].rstrip() + "..."


def _key_line(key: str, value: str | list[str] | None, note: str, example: str) -> str:
    """`key = value   # note`, or the key commented out with an example when there is no value."""
    if value:
        rendered = toml_string(value) if isinstance(value, str) else "[" + ", ".join(map(toml_string, value)) + "]"
        return f"{key} = {rendered}   # {note}"
    return f"# {key} = {example}   # {note}"


def render(answers: ExportAnswers, source: str) -> str:
    """The config text: [me] from the answers, the user's own questions commented."""
    missing = (f"# Not in the export: {', '.join(answers.missing)} (their keys stay commented: fill them in "
               "by hand).\n") if answers.missing else ""
    title = f", as {_comment(answers.title)}" if answers.title and answers.company else ""
    interests_note = (f"the first {len(answers.interests)} of your {answers.skills_count} skills (Skills.csv), "
                      "office tools and repeats left out: edit freely") if answers.skills_count else "Skills.csv"
    lines = [
        "# assist: who you are and how open your network is, filled in from your LinkedIn export",
        f"# ({_comment(source, 120)}). Check it, answer the questions below, then run `assist screen`.",
        missing.rstrip("\n") if missing else None,
        "",
        "[me]",
        f"name = {toml_string(answers.name)}",
        _key_line("headline", answers.headline, "Profile.csv", '"Market analyst at Viet Pro Finance"'),
        _key_line("company", answers.company, f"where you work now{title} (Positions.csv: no Finished On)",
                  '"Viet Pro Finance"'),
        _key_line("industry", answers.industry, "Profile.csv", '"Financial services"'),
        _key_line("location", answers.location, "Profile.csv", '"Hanoi, Vietnam"'),
        _key_line("past_companies", answers.past_companies,
                  "former employers, most recent first: colleagues from there are a known tie", '["SSI Securities"]'),
        _key_line("schools", answers.schools, "where you studied (Education.csv): alumni are a known tie",
                  '["National Economics University"]'),
        _key_line("interests", answers.interests, interests_note, '["equity research", "fintech"]'),
        f'language = "{answers.language}"       # your own language: en, vi, es, fr, de, pt, id, zh '
        f'({"read from your profile" if answers.language != "auto" else "auto: English where one is needed"})',
        'reply_language = "auto" # replies: "auto" answers in the note\'s language, else in yours; or one of the above',
        '# vi_self = "tôi"        # Vietnamese replies: how you refer to yourself (tôi, mình, anh, chị, em)',
        '# vi_address = "anh/chị" # and how you call a stranger by default (anh/chị, or bạn for peers)',
        "",
        "# What do you want from your network? (a role, hires, clients, investors, to learn...)",
        '# goals = ["Hear about senior analyst roles at fintech companies"]',
        "# Which companies would you like to work with or at?",
        '# target_companies = ["MoMo", "VNPay"]',
        "",
        "[policy]",
        "# How open is your network? selective (only people who serve your goals), balanced, or open",
        '# openness = "balanced"',
        "always_accept = []      # company or person names",
        "never_accept = []       # words or phrases that mean ignore",
    ]
    return "\n".join(line for line in lines if line is not None) + "\n"
