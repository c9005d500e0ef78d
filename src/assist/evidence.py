"""Each flag's evidence, and the notes beside a verdict, as assist writes them: English message
templates with placeholders, and the same text shown in the interface's language.

The design: evidence is computed once, in English, and stays English wherever it is kept or read by
a program: the store, `--json` (its field names and values are English; only `summary` follows the
interface), an LLM's prompt (the model reads English evidence whatever the interface), and the later
steps that compare it ("your export: ...", "works at ..."). So the screening key, a resumed verdict
and every comparison are the same in every interface language. A person reads it through `shown()`,
at display time: the English is read back against these templates (a filled template is one piece;
pieces are joined by "; " or ", ", as the signals join them) and each piece is said with the
catalogue's words, its values as they were (a sender's quoted words, names, counts, files), a value
that is itself one of these templates (a month, a seller's role, "once") said too. A verdict screened
under another interface is shown in this one, as its summary is (explain.shown_in). Text that no
template wrote whole (an LLM's own evidence, a warning of a backend) is shown as it is: a line is
never half translated by a guess.

Placeholder names say what a value may be: `said...` a sender's words as `text.quote` writes them
(in double quotes), `quoted...` a sender's words as `repr` writes them (in single or double quotes),
`count`, `day`, `year`, `years` a number; `verdict`, `capped`, `rules` a verdict word; those in
NESTED are said again (a template themselves; those in WHOLE only where they are one; `sign` a
sender's words in double quotes or one); any other, any text on one line (never ending with a
separator's comma or semicolon).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache

from .i18n import N_, _, active

NESTED = frozenset({"tie", "seller", "role", "month", "date", "times", "matched", "source", "mine", "details",
                    "field", "place", "how", "how_also", "how_then", "why", "kind", "sign",
                    "problem", "contact", "language", "detected", "issue", "failure", "attempts", "what"})
WHOLE = frozenset({"seller", "month", "date", "times",  # nested, and always one of these templates
                   "field", "place", "how", "how_also", "how_then", "why", "kind",
                   "problem", "contact", "language", "detected", "issue", "attempts"})
QUOTED_OR_WHOLE = frozenset({"sign"})  # a sender's words in double quotes, or one of these templates
VERDICT_FIELDS = frozenset({"verdict", "capped", "rules"})
NUMBERS = frozenset({"count", "day", "year", "years", "limit", "seconds", "wait", "status"})
FIELD_WORDS = frozenset({"fields", "theirs"})  # words of fields (signals.toml [industries]): field_names.shown
SEPARATORS = ("; ", ", ")
LONGEST = 4000  # characters: longer evidence (no template writes it) is shown as it is, unread
BUDGET = 20_000  # values tried in one reading, at most: a text built to be slow to read is shown as it is


@dataclass(frozen=True)
class Template:
    message: str  # the English, as `N_()` marks it for the catalogue
    literals: tuple[str, ...]  # the text around the placeholders: one more than `fields`
    fields: tuple[str, ...]

    def format(self, **values: object) -> str:
        """The evidence in English (what is kept, printed in --json and read by the model)."""
        return self.message.format(**values)


TEMPLATES: list[Template] = []


def said(message: str) -> Template:
    """A template of evidence, known to `shown()`."""
    literals, fields, pending = [], [], ""
    for literal, field, _spec, _conversion in string.Formatter().parse(message):
        pending += literal
        if field is not None:
            literals.append(pending)
            fields.append(field)
            pending = ""
    literals.append(pending)
    template = Template(message, tuple(literals), tuple(fields))
    TEMPLATES.append(template)
    return template


# -- signals.py --------------------------------------------------------------------------------------
INJECTED = said(N_("text written for an AI screening tool, not for you: {details}"))
UNCLEAR = said(N_("worth asking what they meant: {details}"))
DISGUISED = said(N_("part of it is written to be hard to read ({how}, in the {place}): {said}"))
THIRD_PERSON = said(N_("the note speaks of you in the third person, as if to someone else: {said}"))
TO_SOMEONE_ELSE = said(N_("the note greets {name}, not you: written for someone else, or sent to many"))
LEARNED = said(N_("worth asking what they meant: to a model learned from labelled examples, this sentence reads like "
                    "those written to steer the screening or to ask for money or access (the words that weighed "
                    "most: {said_words}): {said}"))
PROFILE_NAMES_YOU = said(N_("their profile names you, as if written for whoever screens it: {said}"))
NEVER_ACCEPT = said(N_("matches your never_accept list: {said}"))
ALWAYS_ACCEPT = said(N_("matches your always_accept list: {said}"))
FROM_EXPORT = said(N_("your export: {tie}"))
NO_NOTE = said(N_("no note came with the request"))
NOTE_CLAIMS = said(N_("note: {said}"))
NAMES_PAST = said(N_("names {said}, where you worked"))
PAST_CONTRADICTED = said(N_("the note claims a past shared at {said}, and their work history lists no job there: "
                            "ask how you know each other"))
NAMES_OWN = said(N_("names {said}, where you work"))
EXPLAINS = said(N_("note explains why: {said}"))
BOILERPLATE = said(N_("note boilerplate {said_phrase}: {said}"))
SAYS_NOTHING = said(N_("note says nothing about why you: {said}"))
AT_TARGET = {"works": said(N_("works at {said}, one of your target companies")),
             "recruiter": said(N_("a recruiter at {said}, one of your target companies")),
             "leader": said(N_("a leader at {said}, one of your target companies"))}
ROLE_ONLY = {"recruiter": said(N_("a recruiter")), "leader": said(N_("a leader"))}
NOTE_TARGET = said(N_("note mentions {said}, one of your target companies"))
RECRUITS_FOR_YOU = said(N_("a recruiter ({said}) and you are looking for roles"))
CANDIDATE = said(N_("a possible candidate for the team you are hiring"))
CANDIDATE_SAID = said(N_("a possible candidate for the team you are hiring ({said})"))
SAME_FIELD = said(N_("same field as you ({fields})"))
SENIOR = said(N_("senior in your field ({said})"))
INTEREST = said(N_("shares your interest in {said}"))
UNRELATED = said(N_("their field ({theirs}) is unrelated to yours ({mine}) and to your goals"))
UNRELATED_AT = said(N_("their field ({theirs}; based in {location}) is unrelated to yours ({mine}) and to your goals"))
YOUR_FIELD = said(N_("your field"))
MUTUAL = said(N_("{count} mutual connections (a count alone does not prove who they are)"))
NO_PHOTO = said(N_("no photo"))
NO_HEADLINE = said(N_("no headline"))
NO_HISTORY = said(N_("no work history"))
UNDER_A_YEAR = said(N_("under a year of work history"))
UNDER_YEARS = said(N_("under {years} years of work history"))
FEW_CONNECTIONS = said(N_("only {count} connections"))
NO_ABOUT = said(N_("no about or company"))
# The notes beside a verdict (signals.warnings).
NO_CONFIG = said(N_("no config: relevance to your goals could not be judged (run `assist init`)"))
NOTHING_TO_JUDGE = said(N_("your config says nothing about your field or goals: relevance could not be judged "
                           "(fill in headline, industry, goals or interests)"))
PARTLY_READ = said(N_("the note is in a language the offline engine reads only partly"))

# -- workplace.py and known.py: where the sender works or worked, studies or studied ----------------
WORKS_WHERE_YOU_WORK = said(N_("works at {company}, where you work"))
WORKED_WHERE_YOU_WORK = said(N_("worked at {company}, where you work"))
WORKS_WHERE_YOU_WORKED = said(N_("works at {company}, where you worked"))
WORKED_WHERE_YOU_WORKED = said(N_("worked at {company}, where you worked"))
STUDIES_WHERE_YOU_STUDIED = said(N_("studies at {school}, where you studied"))
STUDIED_WHERE_YOU_STUDIED = said(N_("studied at {school}, where you studied"))

# -- known.py: the export's lines -----------------------------------------------------------------------
TIE_LINE = said(N_("{tie} ({source}, matched by {matched})"))
BY_URL = said(N_("profile URL"))
BY_NAME = said(N_("exact name"))
BY_COMPANY = said(N_("company {company}"))
BY_SCHOOL = said(N_("school {school}"))
YOUR_CONFIG = said(N_("your config"))
CONNECTED = said(N_("already a connection"))
CONNECTED_SINCE = said(N_("already a connection since {date}"))
INVITED = said(N_("you invited them to connect"))
INVITED_ON = said(N_("you invited them to connect on {date}"))
ONE_COLLEAGUE = said(N_("1 of your connections works at {company}"))
COLLEAGUES = said(N_("{count} of your connections work at {company}"))
EXCHANGED = said(N_("you exchanged {count} messages with them"))
EXCHANGED_LAST = said(N_("you exchanged {count} messages with them, the last in {month}"))
WROTE = said(N_("you wrote to them {times}"))
WROTE_LAST = said(N_("you wrote to them {times}, the last in {month}"))
UNANSWERED = said(N_("they wrote to you {times}, and you never replied"))
UNANSWERED_LAST = said(N_("they wrote to you {times}, the last in {month}, and you never replied"))
ONCE = said(N_("once"))
TIMES = said(N_("{count} times"))
MONTHS = tuple(said(message) for message in (
    N_("January {year}"), N_("February {year}"), N_("March {year}"), N_("April {year}"), N_("May {year}"),
    N_("June {year}"), N_("July {year}"), N_("August {year}"), N_("September {year}"), N_("October {year}"),
    N_("November {year}"), N_("December {year}")))
DAYS = tuple(said(message) for message in (
    N_("{day} Jan {year}"), N_("{day} Feb {year}"), N_("{day} Mar {year}"), N_("{day} Apr {year}"),
    N_("{day} May {year}"), N_("{day} Jun {year}"), N_("{day} Jul {year}"), N_("{day} Aug {year}"),
    N_("{day} Sep {year}"), N_("{day} Oct {year}"), N_("{day} Nov {year}"), N_("{day} Dec {year}")))

GOAL_PURPOSE = said(N_("{seller}, whom your goals seek"))  # {seller}: a label of selling.toml [purposes]

# -- selling.py: who sells, what, and how -----------------------------------------------------------------
SELLER_AT = said(N_("{role} at {company} ({said})"))
SELLER = said(N_("{role} ({said})"))
THE_SENDER = said(N_("the sender"))
NO_NOTE_SELLER = said(N_("{seller}, with no note"))
SELLING_PROFILE = said(N_("profile built around selling: {seller}"))
NO_REASON = said(N_("{seller}, with a note that gives no reason of its own: {said}"))
FAVOUR = said(N_("asks a stranger for a favour right away: {said}"))
# The first of what the sender does follows who they are; the others follow it, after a comma.
FIRST = {"supply": said(N_("{seller} offers {said}")), "offer": said(N_("{seller} offers their services: {said}")),
         "audience": said(N_("{seller} to {said}")), "price": said(N_("{seller} names a price: {said}")),
         "claims": said(N_("{seller} promising {said}")), "proof": said(N_("{seller} citing {said}")),
         "urgency": said(N_("{seller} pressing {said}")), "reassurance": said(N_("{seller} reassuring {said}")),
         "time": said(N_("{seller} and asks for your time: {said}"))}
THEN = {"supply": said(N_("offers {said}")), "offer": said(N_("offers their services: {said}")),
        "audience": said(N_("to {said}")), "price": said(N_("at {said}")), "claims": said(N_("promising {said}")),
        "proof": said(N_("citing {said}")), "urgency": said(N_("pressing {said}")),
        "reassurance": said(N_("reassuring {said}")), "time": said(N_("and asks for your time: {said}"))}
# The labels of prompts/selling.toml ([roles.*] and [purposes.*] label): a test checks each is here.
LABELS = tuple(said(message) for message in (
    N_("a sales development representative"), N_("an account executive"), N_("a salesperson"),
    N_("an outsourcing vendor"), N_("a recruitment agency"), N_("a marketing agency"), N_("a coach"),
    N_("a vendor's affiliate manager"), N_("an insurance or financial-products seller"), N_("a property agent"),
    N_("an investor"), N_("a journalist"), N_("a student"), N_("a possible acquirer"), N_("a possible customer"),
    N_("a candidate"), N_("a recruiter with roles"), N_("a possible partner")))

# -- guard.py: the notes beside a verdict -----------------------------------------------------------------
NO_CRITERIA = said(N_("guard: {backend} cited no criteria; the offline signals are shown instead"))
CAPPED = said(N_("guard: {backend} said {verdict}; capped to {capped} because of {criterion}"))
UNGROUNDED = said(N_("guard: {backend} said accept; asked instead, because nothing in the profile or the note "
                     "can be checked"))
CONTRADICTED = said(N_("guard: {backend} said {verdict} and the offline rules say {rules}: in doubt, ask"))
DISAGREEMENT = said(N_("disagreement: {backend} said {verdict}; the offline rules say {rules}"))
DISAGREEMENT_MODEL = said(N_("disagreement: {backend} ({model}) said {verdict}; the offline rules say {rules}"))

# -- injection.py: text written for the screening: where it is, how it was hidden, what it does -----------
# The fields a finding names (injection.label of each text field of a request: a test checks each is
# here), and the places signals.py looks for a disguise in ("note" and "name" are both).
UNREAD = said(N_("part of the {place} is in {language}, which the offline engine does not read: {said}; read it "
                  "yourself before accepting"))
# The languages of signals.toml [unread] other, by name (unread.py).
UNREAD_LANGUAGE_NAMES = {code: said(name) for code, name in (
    ("nl", N_("Dutch")), ("af", N_("Afrikaans")), ("tr", N_("Turkish")), ("pl", N_("Polish")), ("cs", N_("Czech")),
    ("sk", N_("Slovak")), ("sv", N_("Swedish")), ("da", N_("Danish")), ("no", N_("Norwegian")), ("fi", N_("Finnish")),
    ("et", N_("Estonian")), ("lv", N_("Latvian")), ("lt", N_("Lithuanian")), ("hu", N_("Hungarian")),
    ("ro", N_("Romanian")), ("hr", N_("Croatian")), ("sr", N_("Serbian")), ("sl", N_("Slovenian")),
    ("sq", N_("Albanian")), ("el", N_("Greek")), ("uk", N_("Ukrainian")), ("bg", N_("Bulgarian")), ("kk", N_("Kazakh")),
    ("az", N_("Azerbaijani")), ("tl", N_("Tagalog")), ("sw", N_("Swahili")), ("he", N_("Hebrew")), ("ar", N_("Arabic")),
    ("fa", N_("Persian")), ("ur", N_("Urdu")), ("hi", N_("Hindi")), ("mr", N_("Marathi")), ("bn", N_("Bengali")),
    ("ta", N_("Tamil")), ("te", N_("Telugu")), ("ka", N_("Georgian")), ("hy", N_("Armenian")))}
FIELDS = tuple(said(message) for message in (
    N_("note"), N_("name"), N_("headline"), N_("company"), N_("industry"), N_("location"), N_("about"),
    N_("experience title"), N_("experience company"), N_("education school"), N_("education degree"),
    N_("profile url"), N_("id"), N_("received at"), N_("profile"), N_("location, profile URL, id or date")))
# How a text was hidden (text.py, disguises.py, injection.py): one way, two at once, or one inside another.
HOW = tuple(said(message) for message in (
    N_("hidden characters"), N_("look-alike letters"), N_("letters split apart"), N_("leetspeak"), N_("emoji inside words"),
    N_("written in base64"), N_("written in hex"), N_("percent-encoded"), N_("written as escapes"),
    N_("written in rot13"), N_("written backwards"), N_("words joined in hashtags or an identifier"),
    N_("an acrostic"), N_("markup written for a program"), N_("written in Atbash"), N_("written in binary"),
    N_("quoted-printable"), N_("written in Braille"), N_("letters written as numbers")))
HOW_BOTH = said(N_("{how} and {how_also}"))
HOW_INSIDE = said(N_("{how}, then {how_then}"))
FOUND = said(N_("{field}: {said} ({why})"))
FOUND_WITH = said(N_("{field} (with {how}): {said} ({why})"))
FOUND_READ = said(N_("{field}, {how} {said_shown}, reads: {said} ({why})"))
# Why a text reads as written for the screening (injection.py: a test checks each reason is here).
WHY = tuple(said(message) for message in (
    N_("a name, company or place carries a status or a verdict, which it never holds"),
    N_("a name, place or address that holds an order to an AI or a screening tool"),
    N_("a profile is written before any request, and this one speaks of this very request"),
    N_("it addresses an AI or a screening tool, not you, and claims your consent"),
    N_("it addresses an AI or a screening tool, not you, and tells it what to do"),
    N_("it asks for a decision to be made without any question asked"),
    N_("it says this very request needs no question asked"),
    N_("a hashtag carries a verdict or a status, a label for a sorting tool"),
    N_("it asks someone who reads your requests, not you, for a decision"),
    N_("it asks to set rules aside, and it is not clear whose"),
    N_("it asks your assistant or your tools for a decision"),
    N_("it casts the reader in a role, to change what it decides"),
    N_("it claims an approval already given and that the request passes by itself"),
    N_("it claims the screening itself already approved it"),
    N_("it claims the user's consent on their behalf and asks for the request to pass"),
    N_("it claims the user's consent, and speaks of an AI or a screening tool, not to you"),
    N_("it claims to speak for the system, a developer or LinkedIn, and gives orders"),
    N_("it dictates the screening's verdict"),
    N_("it fills in the screening's outcome, as a form or a config line written for a program"),
    N_("it gives orders about the screening itself"),
    N_("it hands encoded text to an assistant"),
    N_("it holds a fake system tag or verdict, written for an AI"),
    N_("it holds a made-up chat in which a screening tool says it accepted this request"),
    N_("it mentions an approval or an agreement that cannot be checked here"),
    N_("it reads like an instruction about a decision, and it is not clear who it is for"),
    N_("it says the screening of this request is done or not needed, and decides it or says so to a screening tool"),
    N_("it says the screening of this request is done, and decides it or says so to a screening tool"),
    N_("it says the screening of this request is done, passed or not needed, which cannot be checked here"),
    N_("it says this very request is already approved, which cannot be checked here"),
    N_("it says how this request should come out for whatever sorts or screens it, which is not said to you"),
    N_("it asks whatever scores the requests for a top score for this one"),
    N_("it says this very request is approved and files it where accepted requests go"),
    N_("it speaks to an AI or a screening tool rather than to you"),
    N_("it states as a fact that requests like this are approved by themselves"),
    N_("it sets a standing rule for whoever reads it, from now on"),
    N_("it tells a screening tool it may skip the question"),
    N_("it claims an earlier agreement and says what you will decide"),
    N_("it asks you to pass a message on to your tool or assistant"),
    N_("it is headed for you as \"the user\", as if for a program that shows you a summary"),
    N_("it tells an AI or a screening tool what to do with this request"),
    N_("it tells someone who reads your requests, not you, what to flag"),
    N_("it tells a screening tool what not to flag"),
    N_("it tells the reader to set aside its previous instructions"),
    N_("it tells the screening to decide without asking, and claims the decision is made"),
    N_("it tells whoever writes the reply or the summary what to put in it"),
    N_("it tells your AI or screening tool which decision to make"),
    N_("it tells your AI or your tools there is nothing to check"),
    N_("it tells your assistant there is nothing to check"),
    N_("it writes an answer line for an assistant, as in a chat transcript"),
    N_("it writes out a decision as a form or a config line, and it is not clear who it is for"),
    N_("text in a comment or a link title, which a rendered page hides, is written for an AI"),
    N_("text in a comment or a link title, which a rendered page hides, tells whatever reads it what to do"),
    N_("the first letters of its lines spell a decision, and it tells the reader to read them"),
    N_("this field normally holds a name or a label, and it holds a sentence"),
    N_("this field holds an identifier, a link or a date, and it holds words after it")))
WHY_ENCODED = said(N_("{why}, and it is hidden in an encoding"))

# -- scams.py: the signs of a scam, each told by its kind ------------------------------------------------
# What each kind of prompts/scams.toml says ([kinds.*] says): a test checks each is here.
KINDS = tuple(said(message) for message in (
    N_("asks for credentials or identity documents"), N_("tells you to sign in through a link"),
    N_("asks you for money"), N_("promises returns"), N_("offers to teach you how, beside the returns it tells"),
    N_("asks you to sign or approve a transaction with your wallet"), N_("asks you to install software"),
    N_("asks to continue outside LinkedIn"), N_("presses for speed or secrecy"),
    N_("waves away a check on who they are"), N_("speaks for LinkedIn or for your employer"),
    N_("tells you about your account or access, as an IT, HR or payroll department would"),
    N_("links to a look-alike or masked address"), N_("offers paid tasks or a job without the usual hiring steps"),
    N_("comments on your looks or seeks romance"), N_("names a fee to pay first"),
    N_("offers you money out of nowhere (a prize, an inheritance)"),
    N_("offers you a cut of each transfer or payment"), N_("wants your account to receive money for them")))
SIGN = said(N_("{kind}: {sign}"))
SIGN_ALONE = said(N_("{kind}: {sign} (one sign alone, which can be innocent: worth asking before accepting)"))
DEPARTMENT = said(N_("{quoted_name} presents as a department of {company}, where you work, not as a person"))
BORROWED = said(N_("{said} borrows the name of {company}, where you work, and is not its address"))
ASKS_BY_MESSAGE = said(N_("{quoted_headline} asks something of you by message: {said}"))

# -- the LLM path (backends/llm.py, validate.py): the notes beside a verdict -----------------------------
LLM_NO_REPLY = said(N_("llm: it gave no reply, so the template reply is used"))
LLM_REPLY_UNUSED = said(N_("llm: its reply was not used ({problem}), so the template reply is used"))
DROPPED_FLAG = said(N_("llm: dropped flag citing no criterion of the guidance: {quoted_names}"))
DROPPED_FLAGS = said(N_("llm: dropped flags citing no criterion of the guidance: {quoted_names}"))

# -- reply_checks.py: the rules a reply broke (sent back to the model as they are, in English) -------------
REPLY_TOO_LONG = said(N_("the reply is {count} characters; it must be at most {limit}"))
REPLY_CLAIMS = said(N_("the reply claims to know the sender ({quoted_claim}); the user does not know them"))
REPLY_CONTACT = said(N_("the reply contains {contact} ({quoted_contact}); a reply never passes on links or contact details"))
CONTACTS = {"link": said(N_("a link")), "email": said(N_("an email address")), "handle": said(N_("a handle")),
            "phone": said(N_("a phone number"))}
REPLY_COPIED = said(N_("the reply repeats the sender's own words ({quoted_words}); mention at most a short topic"))
REPLY_NO_QUESTION = said(N_("the reply must ask its question (a sentence ending in '?')"))
REPLY_PLACEHOLDER = said(N_("the reply holds a placeholder ({quoted_placeholder}); write the real words or leave it out"))
REPLY_LANGUAGE = said(N_("the reply must be written in {language}, not {detected}"))
LANGUAGE_NAMES = {"en": said(N_("English")), "vi": said(N_("Vietnamese")), "es": said(N_("Spanish")),
                  "fr": said(N_("French")), "de": said(N_("German")), "pt": said(N_("Portuguese")),
                  "id": said(N_("Indonesian")), "zh": said(N_("Chinese"))}
REPLY_CALLS_BAN = said(N_('the reply calls them "bạn"; call them {said_you} and yourself {said_me}'))
REPLY_ADDRESS = said(N_("the reply must call them {said_you} and the user {said_me}"))
REPLY_EMPTY = said(N_("the reply is empty"))
LLM_REPLY_FAILED = said(N_("the LLM reply failed ({failure}); this is the template reply"))

# -- an answer the model could not get right (validate.py, backends/llm.py, batch_api.py): its error --------
STILL_INVALID = said(N_("the model's answer is still invalid after {count} re-asks: {issue}; last answer: {quoted_answer}"))
BATCH_INVALID = said(N_("the model's answer is invalid: {issue}; answer: {quoted_answer}"))
REPLY_UNUSABLE = said(N_("the model's reply cannot be used: {problem}"))
ANSWER_EMPTY = said(N_("the answer was empty"))
TOO_DEEP = said(N_("the answer is not valid JSON (nested too deeply)"))
NOT_JSON = said(N_("the answer is not valid JSON ({decoder_message})"))  # the decoder's words, as written
ANSWER_TOO_LONG = said(N_("the answer is {count} characters long; the whole answer must be under {limit} characters"))
NOT_AN_OBJECT = said(N_("expected a JSON object, got {type_name}"))
NOT_THE_SCHEMA = said(N_("the JSON does not match the schema: {validation}"))  # pydantic's words, as the model reads them
WHOLE_TOO_LONG = said(N_("the answer is {count} characters long; write at most {limit}"))
FIELD_TOO_LONG = said(N_("{path} is {count} characters long; write at most {limit}"))
WHOLE_TOO_MANY = said(N_("the answer has {count} items; give at most {limit}"))
FIELD_TOO_MANY = said(N_("{path} has {count} items; give at most {limit}"))

# -- backends/openai_backend.py: a server that failed, and the fix ---------------------------------------
GAVE_UP = said(N_("{url}: {failure} (gave up after {attempts} in {seconds}s)"))
GAVE_UP_DOWN = said(N_("{url}: {failure} (gave up after {attempts} in {seconds}s); is the server running? check --base-url"))
GAVE_UP_WAIT = said(N_("{url}: {failure} (gave up after {attempts} in {seconds}s); the server asks to wait {wait}s, "
                       "try again later"))
ATTEMPTS = {True: said(N_("1 attempt")), False: said(N_("{count} attempts"))}
CANNOT_CONNECT = said(N_("cannot connect"))
CANNOT_CONNECT_AS = said(N_("cannot connect: {os_error}"))  # the system's words, as written
NO_ANSWER_WITHIN = said(N_("no answer within {seconds}s (timeout)"))
RATE_LIMITED = said(N_("rate limited (HTTP 429: {server_message})"))
BAD_KEY = said(N_("{url} rejected the API key (HTTP 401: {server_message}): set {key_env} to a valid key"))
DENIED = said(N_("{url} denied access (HTTP 403: {server_message}): check that the key may use model {quoted_model}"))
NO_MODEL = said(N_("model {quoted_model} not found at {url} (HTTP 404: {server_message}): check --model (or "
                   "ASSIST_MODEL, [llm].model) and that --base-url ends in /v1"))
REJECTED = said(N_("{url} rejected {what} (HTTP {status}: {server_message})"))
THE_REQUEST = said(N_("the request"))
MODE_REJECTED = said(N_("{url} rejected --structured-output {mode} ({server_said}): use --structured-output auto, "
                        "or one the server supports"))
EVERY_MODE_REJECTED = said(N_("{url} rejected every structured-output mode; last: {server_said}"))

# -- batch_api.py: a Batch API call that failed, what it was, and a request the batch failed -------------
BATCH_NO_ANSWER = said(N_("{url}: no answer to {what} within {seconds}s"))
BATCH_CANNOT_CONNECT = said(N_("{url}: cannot connect for {what}; is the server running? check --base-url"))
BATCH_CANNOT_CONNECT_AS = said(N_("{url}: cannot connect for {what}: {os_error}; is the server running? check --base-url"))
NO_BATCH_API = said(N_("{url} rejected {what} (HTTP 404: {server_message}): this server has no Batch API (vLLM and "
                       "most local servers do not; screen live instead)"))
BATCH_UPLOAD = said(N_("the batch file upload"))
BATCH_CREATE = said(N_("creating the batch"))
BATCH_STATUS = said(N_("the status of {batch_id}"))
BATCH_DOWNLOAD = {"output": said(N_("downloading the output file")), "error": said(N_("downloading the error file"))}
BATCH_FAILED = said(N_("the batch failed it ({code}: {server_message})"))
BATCH_FAILED_HTTP = said(N_("the batch failed it (HTTP {status}: {server_message})"))

REFUSED = said(N_("the model refused to answer: {quoted_refusal}"))
FILTERED = said(N_("the provider's content filter withheld the answer (finish_reason=content_filter)"))
CUT_OFF = said(N_("the answer was cut off at the token limit (finish_reason=length, {count} tokens): use a model with a "
                  "larger context or output limit"))

# Said the same in Vietnamese (only its values change): for the test that each template is translated.
SAME_IN_VIETNAMESE = frozenset({SELLER.message, SIGN.message, FOUND.message})

# The most specific first: where two templates read the same text, the one with more words of its own.
_ORDER = tuple(sorted(TEMPLATES, key=lambda template: -sum(map(len, template.literals))))


def shown(evidence: str) -> str:
    """The evidence (or a note beside a verdict) in the interface's language; in English, as it is."""
    language = active()
    if language == "en" or not evidence:
        return evidence
    return _shown(evidence, language)


@lru_cache(maxsize=4096)
def _shown(evidence: str, language: str) -> str:
    pieces = _read(evidence) if len(evidence) <= LONGEST else None
    if pieces is None:
        return evidence
    return "".join(separator + _(template.message).format(**{name: _value(name, value) for name, value in values.items()})
                   for separator, template, values in pieces)


def _quoted(value: str) -> bool:
    return len(value) >= 2 and value[0] == '"' and value[-1] == '"'


def _value(name: str, value: str) -> str:
    if name in QUOTED_OR_WHOLE and _quoted(value):
        return value
    if name in NESTED:
        return _shown(value, active())
    if name in FIELD_WORDS:
        from .field_names import shown as fields_shown

        return fields_shown(value)
    if name in VERDICT_FIELDS:
        from .shown_words import verdict_word

        word = verdict_word(value)
        return word[:1].lower() + word[1:] if word != value else value
    return value


def _fits(name: str, value: str) -> bool:
    if not value or "\n" in value or value.endswith((",", ";")):
        return False
    if name in WHOLE:
        return _readable(value)
    if name.startswith("said"):
        return _quoted(value)
    if name.startswith("quoted"):  # a value as Python's repr writes it: in single quotes, or double
        return len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0]
    if name in QUOTED_OR_WHOLE:
        return _quoted(value) or _readable(value)
    if name in NUMBERS:
        return value.replace(".", "", 1).isdigit()
    return value.strip() == value


@lru_cache(maxsize=1024)
def _readable(text: str) -> bool:
    return _read(text) is not None


def _read(text: str) -> list[tuple[str, Template, dict[str, str]]] | None:
    """The text as pieces (separator before it, template, values), each piece a whole template, or
    None where no reading covers it all. Short texts: a search with a memory of where it failed."""
    failed: set[int] = set()
    budget = [BUDGET]

    def rest(start: int) -> list[tuple[str, Template, dict[str, str]]] | None:
        if start in failed or budget[0] < 0:
            return None
        for template in _ORDER:
            for end, values in _matches(template, text, start, budget):
                if end == len(text):
                    return [("", template, values)]
                separator = next((sep for sep in SEPARATORS if text.startswith(sep, end)), None)
                if separator is None:
                    continue
                after = rest(end + len(separator))
                if after is not None:
                    after[0] = (separator, *after[0][1:])
                    return [("", template, values), *after]
        failed.add(start)
        return None

    reading = rest(0)
    return None if budget[0] < 0 else reading  # past BUDGET values tried: no reading, shown as it is


def _matches(template: Template, text: str, start: int, budget: list[int]):
    """Where `template` read from `start` can end, with its values: shortest values first."""
    if not text.startswith(template.literals[0], start):
        return
    yield from _fill(template, text, start + len(template.literals[0]), 0, {}, budget)


def _fill(template: Template, text: str, start: int, index: int, values: dict[str, str], budget: list[int]):
    if index == len(template.fields):
        yield start, values
        return
    name, literal = template.fields[index], template.literals[index + 1]
    if literal:
        ends = _occurrences(text, literal, start + 1)
    else:  # the template ends with this value: it ends where a piece can
        ends = [*sorted(end for sep in SEPARATORS for end in _occurrences(text, sep, start + 1)), len(text)]
    for end in ends:
        budget[0] -= 1
        if budget[0] < 0:
            return  # more values than BUDGET: _read gives up
        value = text[start:end]
        if _fits(name, value):
            yield from _fill(template, text, end + len(literal), index + 1, {**values, name: value}, budget)


def _occurrences(text: str, literal: str, start: int) -> list[int]:
    found = []
    position = text.find(literal, start)
    while position != -1:
        found.append(position)
        position = text.find(literal, position + 1)
    return found
