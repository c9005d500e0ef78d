"""`assist review export`: the drafts as Markdown, CSV or JSON, for a person to paste into LinkedIn.

Every cell and line here may hold a sender's text (a name, a profile URL, an id from the input file)
or an LLM's (the draft), so nothing of it may become something else where the export is opened:

- CSV: OWASP's rule against CSV injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
  carriage return (also after leading whitespace, and their full-width forms) gets a leading `'`,
  so a spreadsheet shows it as text instead of running it; the cell is otherwise kept exactly.
- Markdown: names and ids are one line with every ASCII punctuation character backslash-escaped
  (CommonMark allows escaping any of them), so they make no heading, link, image, emphasis or HTML;
  a profile URL becomes a link only when it is a plain `http(s)://` URL, otherwise it is escaped
  text; the draft is printed inside a fence longer than any run of backticks in it, exactly but for
  terminal controls (an export is often printed to a terminal: terminal.py).
- JSON: the text exactly (a JSON reader takes it as data).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from .i18n import _
from .terminal import shown, shown_lines

CSV_HEADER = ["id", "sender", "profile_url", "kind", "language", "status", "text"]
FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")  # and the full-width = + - @


def csv_cell(value: str) -> str:
    """The cell a spreadsheet shows as text: a leading `'` when it would start a formula."""
    stripped = value.lstrip()
    if value[:1] in FORMULA_START or stripped[:1] in FORMULA_START:
        return "'" + value
    return value


def csv_text(header: list[str], rows: Iterable[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue()


_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f-\x9f]{1,2000}", re.IGNORECASE)


def md_inline(text: str) -> str:
    """Sender text as one line of inert Markdown: line breaks and controls as spaces, every ASCII
    punctuation character escaped."""
    flat = " ".join(shown(text).split())
    return _PUNCTUATION.sub(r"\\\1", flat)


def md_url(url: str) -> str:
    """A profile URL: an autolink when it is a plain http(s) URL, else inert text."""
    if _SAFE_URL.fullmatch(url):
        return f"<{url}>"
    return md_inline(url)


def md_fenced(text: str) -> str:
    """The text, in a fenced block no line of it can close (nothing in it renders); only terminal
    controls are taken out (terminal.shown_lines), so it is what the user pastes."""
    text = shown_lines(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def markdown_text(drafts: Iterable[tuple[str, str, str | None, str]]) -> str:
    """(id, sender's name, profile URL, draft text) as Markdown: a heading per draft."""
    blocks = []
    for request_id, sender, url, text in drafts:
        block = f"## {md_inline(sender) or md_inline(_('(no name)'))} ({md_inline(request_id)})\n"
        if url:
            block += f"\n{md_url(url)}\n"
        blocks.append(block + "\n" + md_fenced(text) + "\n")
    return "\n".join(blocks)


def export(drafts: list, profile_url, format: str) -> str:
    """The drafts in the format (md, csv or json); profile_url(request_id) gives each one's URL."""
    urls = {draft.request_id: profile_url(draft.request_id) for draft in drafts}
    if format == "json":
        return json.dumps([d.as_json() | {"profile_url": urls[d.request_id]} for d in drafts],
                          ensure_ascii=False, indent=2) + "\n"
    if format == "csv":
        return csv_text(CSV_HEADER, ([d.request_id, d.sender, urls[d.request_id] or "", d.kind, d.language, d.status, d.text]
                                     for d in drafts))
    return markdown_text((d.request_id, d.sender, urls[d.request_id], d.text) for d in drafts)
