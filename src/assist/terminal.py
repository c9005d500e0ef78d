"""Text that did not come from assist, made safe to print for a person: no terminal control.

A sender's name, note or profile URL, an LLM's summary or evidence, a server's message: any of them
may carry escape sequences that repaint the screen ("IGNORE" shown as a green "ACCEPT"), set the
window title, write to the clipboard (OSC 52), or bidi overrides that reverse what follows. Every
renderer of human output passes such text through `shown` (one line) or `shown_lines` (a text whose
lines are kept, such as a draft) before it is printed, piped or not. `--json` output is not made
here: it keeps the text exactly (JSON escapes the controls itself).

What goes: escape sequences whole (CSI `ESC [ ... final`, OSC / DCS / SOS / PM / APC strings up to
their terminator, and the short `ESC x` ones), the 8-bit forms of the same (C1: U+0080-U+009F), every
other C0 control and DEL, and the bidi embeddings, overrides and isolates (U+202A-U+202E,
U+2066-U+2069) and marks (U+200E, U+200F, U+061C). Line breaks and tabs become spaces in `shown`; in
`shown_lines` every line break becomes `\\n` and tabs stay. Every pattern is linear time.
"""

from __future__ import annotations

import re

# An OSC/DCS/SOS/PM/APC string runs to BEL or ST (ESC \ or U+009C); unterminated, to the end of the
# text (a terminal would swallow it too). CSI parameters and intermediates are bounded classes.
_SEQUENCE = re.compile(
    "(?:\x1b[\\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"  # strings
    "|(?:\x1b\\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"  # CSI
    "|\x1b[\x20-\x2f]*[\x30-\x7e]?"  # the other escape sequences, and a lone ESC
)
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ONE_LINE = re.compile(f"[{_LINE_BREAKS}\t]")
_CONTROL = re.compile(f"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f{_BIDI}]")
_CRLF = re.compile("\r\n")
_BREAK = re.compile(f"[{_LINE_BREAKS}]")


def shown(text: str) -> str:
    """The text on one line with no terminal control: sequences and controls gone, line breaks and
    tabs as spaces."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return _CONTROL.sub("", _ONE_LINE.sub(" ", _SEQUENCE.sub("", text)))


def shown_lines(text: str) -> str:
    """The text with no terminal control, its lines kept (every line break as `\\n`) and tabs kept."""
    if text.isprintable():
        return text
    return _CONTROL.sub("", _BREAK.sub("\n", _CRLF.sub("\n", _SEQUENCE.sub("", text))))



def shown_data(value, lines: frozenset[str] = frozenset({"text", "note", "to", "from"})):
    """A JSON-like value (a stored dossier, a history entry) as a person is shown it: every string
    through `shown`, those under a key in `lines` (texts that keep their lines) through
    `shown_lines`."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, list):
        return [shown_data(item, lines) for item in value]
    if isinstance(value, dict):
        return {key: shown_lines(item) if key in lines and isinstance(item, str) else shown_data(item, lines)
                for key, item in value.items()}
    return value
