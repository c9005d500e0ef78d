"""The guidance, read once from `prompts/`: criteria, the engine's lexicons, weights and
parameters, templates.

Everything that cites a criterion (the engine, the LLM prompt, a verdict's flags) gets it from
here, and every id that `signals.toml` or `rules.toml` names is checked against `guidance.toml`.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .injection import Vocabulary
from .note_voice import Voice
from .scam_words import SignVocabulary, VocabularyError
from .selling import Vocabulary as SellingVocabulary
from .text import PhraseIndex, PhraseSet, Text, compile_phrases, fold, normalize, tokens

if TYPE_CHECKING:
    import jinja2

PROMPTS_PACKAGE = "assist.prompts"


@dataclass(frozen=True)
class Criterion:
    id: str
    polarity: Literal["green", "red"]
    title: str
    title_vi: str
    description: str
    description_vi: str
    source: str

    def title_in(self, language: str) -> str:
        return self.title_vi if language == "vi" else self.title


@dataclass(frozen=True)
class Lexicon:
    criterion: str
    phrases: PhraseSet  # one hit raises the flag
    weak: PhraseSet  # two hits do


@dataclass(frozen=True)
class Thresholds:
    accept: float
    ignore: float


UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


_ENGLISH_WORD = re.compile(r"[a-z]+")


def _plural(word: str) -> str:
    """The English plural of a phrase's last word: "researcher" -> "researchers", "policy" ->
    "policies", "analysis" (a Latin -is) -> "analyses"."""
    if word.endswith("is"):
        return word[:-2] + "es"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _with_plurals(words: list[str]) -> list[str]:
    """A field's words and, for those whose last word is a plain English one of four letters or
    more, its plural, where the plural is not itself listed. For the user's goals, which say whom
    they seek in the plural ("Meet researchers working on...", "Hire nurses"); not for the sender,
    whose plural nouns are mostly other people ("we catch fake recruiters")."""
    listed = set(words)
    out = list(words)
    for word in words:
        *head, last = word.split(" ")
        if len(last) >= 4 and _ENGLISH_WORD.fullmatch(last) and (last.endswith("is") or not last.endswith("s")):
            plural = " ".join([*head, _plural(last)])
            if plural not in listed:
                out.append(plural)
                listed.add(plural)
    return out


class Industries:
    """Families of related fields, matched in one pass: which families a text belongs to."""

    def __init__(self, families: dict[str, list[str]]):
        self.words = compile_phrases([word for words in families.values() for word in words])
        self.first_words = frozenset(self.words.marked) | frozenset(self.words.plain)
        self.family_of: dict[tuple[str, ...], set[str]] = {}
        for family, words in families.items():
            probe = compile_phrases(words)
            for phrase in [*(p for group in probe.marked.values() for p in group),
                           *(p for group in probe.plain.values() for p in group)]:
                self.family_of.setdefault(phrase, set()).add(family)
        # Words of the scripts written without spaces ("人工智能", "機械学習") stand inside a run of
        # text ("研究长文档自动摘要的…"): found as substrings, of the texts that hold such a script.
        self.unspaced = tuple((normalize(word), family) for family, words in families.items() for word in words
                              if UNSPACED_SCRIPT.search(word))

    def hits(self, text: Text) -> dict[str, list[str]]:
        """Family -> the words of it found in the text (read-only: kept with the text, which is
        looked at once). The longest phrase wins where phrases overlap: "civil engineering" is
        construction, not also software's "engineering"."""
        known = text.found.get(self)
        if known is None:
            known = text.found[self] = self._hits(text)
        return known

    def _hits(self, text: Text) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        passes = [(text.words, text.positions)]
        if text.plain_words is not text.words:
            passes.append((text.plain_words, text.plain_positions))
        for words, positions in passes:
            # From left to right, a phrase found skips the words it covers. Only where a phrase
            # could start is looked at: the positions of the words that start one.
            starts = sorted(position for word in self.first_words.intersection(positions) for position in positions[word])
            covered = 0
            for position in starts:
                if position < covered:
                    continue
                phrase = self._longest_at(words, position)
                if phrase is None:
                    continue
                for family in self.family_of.get(phrase, ()):
                    found.setdefault(family, []).append(" ".join(phrase))
                covered = position + len(phrase)
        if self.unspaced and UNSPACED_SCRIPT.search(text.normalized):
            for word, family in self.unspaced:
                if word in text.normalized and word not in found.get(family, ()):
                    found.setdefault(family, []).append(word)
        return found

    def _longest_at(self, words: tuple[str, ...], position: int) -> tuple[str, ...] | None:
        for index in (self.words.marked, self.words.plain):
            for phrase in index.get(words[position], ()):  # longest first
                if words[position : position + len(phrase)] == phrase:
                    return phrase
        return None


class GuidanceError(RuntimeError):
    """prompts/ is inconsistent: a bug in the package, not the user's input."""


class Guidance:
    def __init__(self, root: Path | Traversable | None = None) -> None:
        """The guidance in `root` (a copy of prompts/, say), by default the installed `assist.prompts`."""
        self.root = root if root is not None else resources.files(PROMPTS_PACKAGE)
        guidance = self._toml("guidance.toml")
        self.title: str = guidance["title"]
        self.source: str = guidance["source"]
        self.criteria: dict[str, Criterion] = {}
        for entry in guidance["criteria"]:
            criterion = Criterion(**entry)
            if criterion.id in self.criteria:
                raise GuidanceError(f"guidance.toml: criterion {criterion.id!r} is defined twice")
            self.criteria[criterion.id] = criterion
        self._signals = self._toml("signals.toml")
        self._rules = self._toml("rules.toml")
        self._injection = self._toml("injection.toml")
        self._scams = self._toml("scams.toml")
        self._everyday = self._toml("everyday_words.toml")
        self._selling = self._toml("selling.toml")
        self._check_ids()

    def _toml(self, name: str) -> dict:
        return tomllib.loads(self.root.joinpath(name).read_text(encoding="utf-8"))

    def _check_ids(self) -> None:
        # Every table of signals.toml but [industries] says which criterion it serves.
        tables = {f"lexicon.{name}": entry for name, entry in self._signals["lexicon"].items()}
        tables |= {name: entry for name, entry in self._signals.items() if name not in ("lexicon", "industries")}
        named: list[str] = []
        for name, entry in tables.items():
            served = _served(entry)
            if not served:
                raise GuidanceError(f"signals.toml: [{name}] names no criterion (criterion = \"...\")")
            named += served
        for name, entry in self._injection.items():  # every table of injection.toml names its criteria too
            served = _served(entry) if isinstance(entry, dict) else []
            if not served:
                raise GuidanceError(f"injection.toml: [{name}] names no criterion (criterion = \"...\")")
            named += served
        # So does every table of scams.toml.
        scam_tables = {name: entry for name, entry in self._scams.items() if name != "kinds"}
        scam_tables |= {f"kinds.{name}": entry for name, entry in self._scams.get("kinds", {}).items()}
        for name, entry in scam_tables.items():
            served = _served(entry)
            if not served:
                raise GuidanceError(f"scams.toml: [{name}] names no criterion (criteria = [...])")
            named += served
        named += [criterion for entry in self._everyday.values() for criterion in _served(entry)]
        named += _served(self._selling)
        named += list(self._rules["caps"]) + list(self._rules["report"]["flags"])
        named += list(self._rules["weights"])
        # [parameters.X] tables are named after the criterion X they serve.
        named += [name for name, value in self._rules["parameters"].items() if isinstance(value, dict)]
        unknown = sorted({name for name in named if name not in self.criteria})
        if unknown:
            raise GuidanceError(f"prompts/ names criteria that guidance.toml does not define: {', '.join(unknown)}")
        fields = sorted(set(self._signals["recruiter_fields"]["families"]) - set(self._signals["industries"]))
        if fields:
            raise GuidanceError(f"signals.toml: [recruiter_fields] names fields [industries] does not define: {', '.join(fields)}")
        self._check_selling()

    def _check_selling(self) -> None:
        """selling.toml names signals.toml lexicons (`extends`, purpose_lexicons) and its own kinds
        and purposes (a goal's `welcomes`): each must exist."""
        selling = self._selling
        lexicons = set(self._signals["lexicon"])
        tables = [*selling["roles"].values(), *selling["offers"].values(), *selling["cues"].values(),
                  *selling["purposes"].values(), *selling["goals"].values(), selling["favour"]]
        named = [entry[key] for entry in tables for key in ("extends", "note_extends", "profile_extends") if key in entry]
        unknown = sorted(set(named + selling["purpose_lexicons"]) - lexicons)
        if unknown:
            raise GuidanceError(f"selling.toml names lexicons signals.toml does not define: {', '.join(unknown)}")
        known = {entry.get("kind") for entry in selling["roles"].values()} | set(selling["offers"]) | set(selling["purposes"])
        welcomed = {name for goal in selling["goals"].values() for name in goal["welcomes"]} | set(selling["sought"])
        if welcomed - known:
            raise GuidanceError(f"selling.toml names kinds or purposes it does not define: {', '.join(sorted(welcomed - known))}")

    def criterion(self, criterion_id: str) -> Criterion:
        return self.criteria[criterion_id]

    @cached_property
    def lexicons(self) -> dict[str, Lexicon]:
        compiled = {}
        index = PhraseIndex()  # every lexicon's phrases: a text is looked up once for all of them
        for name, entry in self._signals["lexicon"].items():
            compiled[name] = Lexicon(
                criterion=entry["criterion"],
                phrases=compile_phrases(entry.get("phrases", []) + entry.get("strong", []), entry.get("patterns"),
                                        entry.get("triggers"), index=index),
                weak=compile_phrases(entry.get("weak", []), index=index),
            )
        return compiled

    @cached_property
    def injection(self) -> Vocabulary:
        """injection.toml: how a sentence addresses a reader, orders it or claims authority; with
        the patterns of fake structure from signals.toml [lexicon.prompt_injection]."""
        structure = self._signals["lexicon"]["prompt_injection"]
        return Vocabulary(self._injection, self.lexicons["prompt_injection"].phrases,
                          [normalize(trigger) for trigger in structure["triggers"]])

    @cached_property
    def scams(self) -> SignVocabulary:
        """scams.toml compiled: the signs of a scam, by kind (scams.py reads them)."""
        try:
            reach = self.parameters["scam_or_phishing"]
            window = max(value for key, value in reach.items() if key.endswith("_reach"))
            return SignVocabulary(self._scams, window=int(window) + 1)
        except (KeyError, VocabularyError) as error:
            raise GuidanceError(f"scams.toml: {error}") from error

    @cached_property
    def selling(self) -> SellingVocabulary:
        """selling.toml, compiled: who sells, what a pitch is built from, what the user's goals welcome.
        Its phrases have an index of their own: they are looked for in the note and the profile
        only, and would make every other lookup dearer."""
        return SellingVocabulary(self._selling, self._signals["lexicon"])

    @cached_property
    def note_voice(self) -> Voice:
        """Whom each part of a note is about: the words for its reader, and for its writer saying
        who they are (signals.toml [note_voice])."""
        return Voice.of(self._signals["note_voice"], self.negations)

    @cached_property
    def industries(self) -> "Industries":
        return Industries(self._signals["industries"])

    @cached_property
    def wanted_industries(self) -> "Industries":
        """The fields as the user's goals and interests name them: in the plural too."""
        return Industries({family: _with_plurals(words) for family, words in self._signals["industries"].items()})

    @cached_property
    def event_name(self) -> re.Pattern[str]:
        """A named event in a note ("Vietnam Fintech Summit 2026"): capitalised words (or numbers)
        around one of the event nouns of signals.toml's [event_names]. Case matters."""
        nouns = "|".join(re.escape(noun) for noun in self._signals["event_names"]["nouns"])
        return re.compile(rf"((?:[A-ZĐ0-9][\w&'’-]*[ \t]+){{0,5}}(?:{nouns})(?:[ \t]+[A-ZĐ0-9][\w&'’-]*){{0,3}})")

    @cached_property
    def event_nouns(self) -> tuple[str, ...]:
        """The nouns an event's name ends with ([event_names] nouns and more_nouns)."""
        names = self._signals["event_names"]
        return tuple(names["nouns"]) + tuple(names.get("more_nouns", []))

    @cached_property
    def event_joiners(self) -> frozenset[str]:
        """The words between an event noun and the name after it ("of", "của")."""
        return frozenset(word.lower() for word in self._signals["event_names"]["joiners"])

    @cached_property
    def company_suffix(self) -> re.Pattern[str]:
        """One of the words that end a company's name ([company_names] suffixes), at the end, with
        or without a dot."""
        suffixes = "|".join(re.escape(suffix) for suffix in self._signals["company_names"]["suffixes"])
        return re.compile(rf"\b(?:{suffixes})\.?$", re.IGNORECASE)

    @cached_property
    def not_company_names(self) -> frozenset[str]:
        """What is left of "Your Company" without its suffix is no name ([company_names] not_names)."""
        return frozenset(self._signals["company_names"]["not_names"])

    @cached_property
    def recruiter_fields(self) -> frozenset[str]:
        return frozenset(self._signals["recruiter_fields"]["families"])

    @cached_property
    def negations(self) -> frozenset[str]:
        """Words that deny what follows them ([negation]), as the matchers read words."""
        words = {tokens(normalize(word))[0] for word in self._signals["negation"]["words"] if tokens(normalize(word))}
        return frozenset(words | {fold(word) for word in words})  # "khong" typed for "không"

    @cached_property
    def everyday_words(self) -> frozenset[str]:
        """Words of ordinary speech that also name things ("go", "grab", "swift"), as the matchers
        read words, with and without Vietnamese marks (everyday_words.toml [everyday])."""
        entry = self._everyday["everyday"]
        # Written lower case and composed (NFC), as normalize() leaves such words.
        words = {word for language in ("english", "vietnamese") for word in entry[language].split()}
        return frozenset(words | {fold(word) for word in words if not word.isascii()})

    @cached_property
    def term_context(self) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
        """The words right before and right after an everyday term that make it the term ("at
        Grab", "Go developer"), as tuples of words (everyday_words.toml [context])."""
        entry = self._everyday["context"]

        def words(key: str) -> frozenset[tuple[str, ...]]:
            phrases = {tokens(normalize(phrase)) or (normalize(phrase),) for phrase in entry[key]}
            return frozenset(phrases | {tuple(fold(word) for word in phrase) for phrase in phrases})

        return words("before"), words("after")

    @cached_property
    def word_forms(self) -> dict[str, Any]:
        """How a never_accept entry finds other forms of its words (signals.toml [word_forms])."""
        return self._signals["word_forms"]

    @cached_property
    def unread(self) -> dict[str, Any]:
        """Which languages the offline engine reads, and when a sentence is in another (signals.toml [unread])."""
        return self._signals["unread"]

    @cached_property
    def workplace(self) -> dict[str, Any]:
        """How the user's company is read from their headline (signals.toml [workplace])."""
        return self._signals["workplace"]

    @cached_property
    def your_past(self) -> re.Pattern[str]:
        """The words before a company that make it the user's own past ([your_past] patterns)."""
        patterns = self._signals["your_past"]["patterns"]
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)

    @cached_property
    def claims_to_know(self) -> re.Pattern[str]:
        """How a drafted reply would claim to know the sender ([claims_to_know] patterns)."""
        patterns = self._signals["claims_to_know"]["patterns"]
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)

    @property
    def weights(self) -> dict[str, float]:
        return self._rules["weights"]

    @cached_property
    def parameters(self) -> dict[str, Any]:
        """rules.toml's [parameters]: numbers, and one table of them per criterion ([parameters.X]).
        Read once: the signals look them up for every request."""
        return self._rules["parameters"]

    def thresholds(self, openness: str) -> Thresholds:
        return Thresholds(**self._rules["thresholds"][openness])

    def accept_needs_grounds(self, openness: str) -> bool:
        """Whether, for this openness, an `accept` needs something checkable (rules.toml
        [parameters] grounded_accept), from any backend."""
        return openness in self._rules["parameters"]["grounded_accept"]

    @property
    def caps(self) -> dict[str, str]:
        return self._rules["caps"]

    @property
    def report_flags(self) -> frozenset[str]:
        return frozenset(self._rules["report"]["flags"])

    @cached_property
    def templates(self) -> "jinja2.Environment":
        import jinja2

        return jinja2.Environment(
            loader=jinja2.FunctionLoader(self._template_source),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_bytecode_cache(),
        )

    def _template_source(self, name: str) -> str:
        path = self.root.joinpath(*name.split("/"))
        if not path.is_file():
            import jinja2

            raise jinja2.TemplateNotFound(name)
        return path.read_text(encoding="utf-8")

    @cached_property
    def version(self) -> str:
        """A short hash of everything in prompts/: the engine's rules, lexicons and templates."""
        digest = hashlib.sha256()
        for path in sorted(_files(self.root), key=lambda item: item[0]):
            digest.update(path[0].encode() + b"\0" + path[1].read_bytes())
        return digest.hexdigest()[:12]

    def template_hash(self, *names: str) -> str:
        """A short hash of templates' sources and the guidance: the prompt version."""
        digest = hashlib.sha256()
        for name in ("guidance.toml", *names):
            digest.update(self._template_source(name).encode())
        return digest.hexdigest()[:12]


def _served(entry: dict) -> list[str]:
    """The criteria a table of prompts/ serves: `criterion = "..."` or `criteria = [...]`."""
    served = entry.get("criteria", [])
    return [entry["criterion"], *served] if "criterion" in entry else list(served)


def _files(root, prefix: str = ""):
    for entry in root.iterdir():
        name = prefix + entry.name
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _files(entry, name + "/")
        elif entry.name.endswith((".toml", ".j2", ".json")):
            yield name, entry


def _bytecode_cache() -> "jinja2.BytecodeCache | None":
    """Templates compiled once and kept in the user cache directory (keyed by their source, so an
    edited template is compiled again): a run renders its first summary without compiling it.
    Without a writable cache directory, templates are compiled in memory as before."""
    import jinja2

    from .paths import cache_dir

    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return None
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=1)
def load_guidance() -> Guidance:
    return Guidance()
