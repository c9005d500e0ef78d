"""Everything assist shows a person, in one place: a verdict, a run's summary, the progress bar and
the evaluation tables. `--json` output is the models' own JSON, not made here.

rich (which typer brings) draws the progress bar and the tables; it is imported only when one is
drawn, so a command that draws neither starts fast.
"""

from __future__ import annotations

import io
import statistics
import sys
from typing import TYPE_CHECKING

import typer

from .cli_common import err, style
from .i18n import N_, _, ngettext
from .shown_words import kind_word, status_cell, status_word, verdict_word  # noqa: F401 (shown here too)
from .models import VERDICTS, ScreenResult
from .report import RunReport
from .evidence import shown as in_words
from .terminal import shown, shown_lines
from .vocabulary import ACCEPTED_SHOULD_IGNORE, IGNORED_SHOULD_ACCEPT

if TYPE_CHECKING:
    from .evaluate import Report

VERDICT_STYLE = {"accept": "green", "ask": "yellow", "ignore": "red"}
FAILED_SHOWN = 20  # request ids listed in the closing line of a run


# -- one verdict ------------------------------------------------------------------------------------

def verdict_text(result: ScreenResult) -> str:
    """A screen result for a person, as it stands: the verdict (the user's own when they decided,
    marked as theirs), why, and the draft on record with its state. Every text in it that is not
    assist's own (the sender's, an LLM's) goes through terminal.shown: no terminal control."""
    decision = result.decision
    word = verdict_word(decision).upper()
    head = style(f"{word:<{max(6, len(word))}}", fg=VERDICT_STYLE[decision], bold=True)
    if result.user_decision:
        said = _("your decision; assist said {verdict}, confidence {confidence}").format(
            verdict=verdict_word(result.verdict).lower(), confidence=f"{result.confidence:.2f}")
    else:
        said = _("confidence {confidence}").format(confidence=f"{result.confidence:.2f}")
    lines = [f"{head} {shown(result.sender)}  ({shown(result.id)}, {said})", f"  {shown(result.summary)}"]
    for flag in result.flags:
        mark = style("+", fg="green") if flag.polarity == "green" else style("-", fg="red")
        lines.append(f"  {mark} {shown(flag.id)}: {shown(in_words(flag.evidence))}")
    if result.report:
        lines.append("  ! " + _("worth reporting to LinkedIn (likely fake, scam or manipulation)"))
    if result.reply:
        lines += draft_lines(shown(result.id), result.reply.kind, result.reply.language, result.reply.text,
                             result.draft_status, result.draft_edited)
    if result.backend != "rules":  # who produced it, and the guard's notes
        origin = result.backend + (f" {shown(result.model)}" if result.model else "")
        by = _("by {backend}, cached, prompt {version}") if result.cached else _("by {backend}, prompt {version}")
        lines.append("  " + by.format(backend=origin, version=result.prompt_version))
        lines += ["  " + _("note: {warning}").format(warning=shown(in_words(warning))) for warning in result.warnings]
    return "\n".join(lines) + "\n"


def draft_lines(request_id: str, kind: str, language: str, text: str, status: str | None, edited: bool) -> list[str]:
    """The draft on record, headed by its state: pending (review before sending), approved (send it
    yourself), sent (final); a rejected or withdrawn one is named, not printed. The text (an LLM's
    or the user's) has its lines kept, with no terminal control."""
    what = {"kind": kind_word(kind),
            "language": _("{language}, edited by you").format(language=language) if edited else language}
    body = body_lines(text)
    if status == "approved":
        return ["  " + _("Your reply ({kind}, {language}), approved - send it yourself, then `assist review mark-sent "
                         "{id}`:").format(id=request_id, **what), *body]
    if status == "sent":
        return ["  " + _("Your reply ({kind}, {language}), sent (final):").format(**what), *body]
    if status == "rejected":
        return ["  " + _("Draft reply ({kind}, {language}) rejected by you (`assist review reopen {id}` brings it back)"
                         ).format(id=request_id, **what)]
    if status == "withdrawn":
        return ["  " + _("Draft reply ({kind}, {language}) withdrawn by your decision (kept in its history)").format(**what)]
    return ["  " + _("Draft reply ({kind}, {language}) - review before sending:").format(**what), *body]


def body_lines(text: str, indent: str = "    ") -> list[str]:
    """A text that keeps its lines (a draft, a note), each indented, with no terminal control."""
    return [f"{indent}{line}" if line else "" for line in shown_lines(text).split("\n")]


# -- a run ------------------------------------------------------------------------------------------

def summary_line(report: RunReport, timed: bool = True) -> str:
    """`3 requests: 1 accept, 1 ask, 1 ignore; 1 worth reporting to LinkedIn; 1 failed; 2.4 s`."""
    counts = report.counts
    line = ngettext("{count} request", "{count} requests", report.screened).format(count=report.screened) + ": " \
        + ", ".join(f"{counts[v]} {verdict_word(v).lower()}" for v in VERDICTS)
    if report.yours:
        line += " " + _("({count} by your own decision)").format(count=report.yours)
    if report.reported:
        line += "; " + _("{count} worth reporting to LinkedIn").format(count=report.reported)
    if report.failures:
        line += "; " + _("{count} failed").format(count=report.failures)
    return line + (f"; {report.elapsed:.1f} s" if timed else "")


def usage_line(report: RunReport) -> str | None:
    """Tokens and cost of the LLM calls, or None when no LLM was involved."""
    usage = report.usage
    if usage is None:
        return None
    if usage.cost_usd is not None:
        line = _("LLM usage: {prompt} prompt + {completion} completion tokens, about ${cost}").format(
            prompt=usage.prompt_tokens, completion=usage.completion_tokens, cost=f"{usage.cost_usd:.4f}")
    else:
        line = _("LLM usage: {prompt} prompt + {completion} completion tokens, cost unknown").format(
            prompt=usage.prompt_tokens, completion=usage.completion_tokens)
    return line + ("; " + _("{count} from the cache").format(count=report.cached) if report.cached else "")


def failures_line(report: RunReport) -> str:
    ids = ", ".join(report.failed[:FAILED_SHOWN])
    more = report.failures - FAILED_SHOWN
    line = ngettext("{count} request failed: {ids}", "{count} requests failed: {ids}", report.failures).format(
        count=report.failures, ids=ids)
    return line + (" " + _("and {count} more").format(count=more) if more > 0 else "")


# -- the progress bar -------------------------------------------------------------------------------

PROGRESS_AFTER = 1.0  # seconds: a run shorter than this shows no progress bar


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressBar:
    """`━━━━━━━━━━──── 120/1000 screened, 2 failed 0:00:12` on stderr, only once a run has lasted
    PROGRESS_AFTER seconds; lines said meanwhile (`say`) appear above it. Off, it only counts."""

    def __init__(self, enabled: bool):
        import time

        self.enabled = enabled
        self.started = time.monotonic()
        self.done = self.failed = 0
        self._progress = None
        self._task = None

    def advance(self, total: int, failed: bool = False) -> None:
        """One more request done, of `total` read so far (the whole is not known until the input ends)."""
        import time

        self.done += 1
        self.failed += failed
        if not self.enabled:
            return
        if self._progress is None:
            if time.monotonic() - self.started < PROGRESS_AFTER:
                return
            self._start()
        self._progress.update(self._task, completed=self.done, total=max(total, self.done),
                              failed=", " + _("{count} failed").format(count=self.failed) if self.failed else "")

    def say(self, message: str) -> None:
        """A line on stderr (`assist: ...`), above the bar when it shows; no terminal control."""
        if self._progress is None:
            err(message)
        else:
            self._progress.console.print(f"assist: {shown(message)}", markup=False, highlight=False, soft_wrap=True)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=sys.stderr, force_terminal=True)
        self._progress = Progress(
            BarColumn(), MofNCompleteColumn(), TextColumn(_("screened") + "{task.fields[failed]}"), TimeElapsedColumn(),
            console=console, transient=True, redirect_stdout=_same_terminal(), redirect_stderr=False,
        )
        self._task = self._progress.add_task("screen", total=None, failed="")
        self._progress.start()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _same_terminal() -> bool:
    """Verdicts printed to a terminal go above the bar; to a file or a pipe, they go there, as written."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


# -- evaluation tables ------------------------------------------------------------------------------

def _table_text(table) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=200, color_system=None, force_terminal=False).print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())


def _table(*columns: str, title: str | None = None):
    from rich.table import Table

    table = Table(title=title, box=None, title_justify="left", pad_edge=False, header_style=None, title_style=None)
    for index, column in enumerate(columns):
        table.add_column(column, justify="left" if index == 0 else "right")
    return table


def eval_report(report: "Report") -> str:
    figures = [
        (_("agreement with labels"), f"{report.agreement:.1%}"),
        (_("acceptable verdicts"), f"{report.acceptable_rate:.1%}"),
        (_("harmful errors"), str(len(report.harmful))),
        (_("hostile accepted"), str(len(report.hostile_accepted))),
        (_("honest reported"), str(len(report.honest_reported))),
        (_("honest ignored"), str(len(report.honest_ignored))),
    ]
    width = max(len(label) for label, _value in figures) + 1  # the figures in one column
    lines = [_("cases: {count}").format(count=report.total)]
    lines += [f"{label + ':':<{width}} {value}" for label, value in figures] + [""]
    confusion = _table("", *(verdict_word(verdict) for verdict in VERDICTS))
    for expected, row in report.confusion().items():
        confusion.add_row(verdict_word(expected), *(str(row[got]) for got in VERDICTS))
    lines += [_("confusion (rows: expected, columns: assist)"), _table_text(confusion)]
    flags = report.flag_scores()
    if flags:
        table = _table(_("flag"), _("precision"), _("recall"), _("cases"))
        for name, score in flags.items():
            table.add_row(name, f"{score['precision']:.2f}", f"{score['recall']:.2f}", str(score["support"]))
        lines += ["", _table_text(table)]
    latency = report.latency_ms()
    if latency:
        lines += ["", _("latency per case: median {median} ms, p95 {p95} ms").format(
            median=f"{latency['median']:.2f}", p95=f"{latency['p95']:.2f}")]
    usage = report.run.usage
    if usage is not None:
        tokens = _("tokens: {prompt} prompt + {completion} completion").format(
            prompt=usage.prompt_tokens, completion=usage.completion_tokens)
        lines.append(tokens + (_(", about ${cost}").format(cost=f"{usage.cost_usd:.4f}") if usage.cost_usd is not None
                               else _(", cost unknown")))
    if report.failures:
        lines += ["", _("failed cases: {count}").format(count=len(report.failures))] + [f"  {f}" for f in report.failures[:10]]
    if report.harmful:
        lines += ["", _("harmful errors:")]
        lines += ["  " + _("{case} ({persona}): expected {expected}, got {got}: {harm}").format(
            case=o.case, persona=o.persona, expected=verdict_word(o.expected), got=verdict_word(o.got), harm=_(o.harm))
            for o in report.harmful]
    mismatches = [o for o in report.outcomes if not o.agrees]
    if mismatches:
        lines += ["", _("disagreements:")]
        lines += ["  " + (_("{case} ({persona}): expected {expected} (or {acceptable}), got {got}") if o.acceptable
                          else _("{case} ({persona}): expected {expected}, got {got}")).format(
            case=o.case, persona=o.persona, expected=verdict_word(o.expected), got=verdict_word(o.got),
            acceptable=", ".join(verdict_word(v) for v in o.acceptable)) for o in mismatches]
    if report.bad_items:
        lines += ["", _("bad items skipped: {count}").format(count=len(report.bad_items))]
    return "\n".join(lines)


def eval_comparison(table: dict[str, dict[str, "Report"]]) -> str:
    blocks = []
    for part, columns in table.items():
        reports = list(columns.values())
        grid = _table("", *columns, title=_("{part} ({count} labelled cases)").format(part=part, count=reports[0].total))

        def row(title: str, cell) -> None:
            grid.add_row(title, *(cell(report) for report in reports))

        def harms(harm: str):
            return lambda r: str(sum(o.harm == harm for o in r.outcomes))

        row(_("agreement"), lambda r: f"{r.agreement:.1%}")
        row(_("acceptable"), lambda r: f"{r.acceptable_rate:.1%}")
        row(_("harmful errors"), lambda r: str(len(r.harmful)))
        row("  " + _("hostile accepted"), lambda r: str(len(r.hostile_accepted)))
        row("  " + _("accepted, should ignore"), harms(ACCEPTED_SHOULD_IGNORE))
        row("  " + _("ignored, should accept"), harms(IGNORED_SHOULD_ACCEPT))
        row(_("honest reported"), lambda r: str(len(r.honest_reported)))
        row(_("honest ignored"), lambda r: str(len(r.honest_ignored)))
        for expected in VERDICTS:
            row(_("expected {verdict} ->").format(verdict=verdict_word(expected)),
                lambda r, e=expected: "/".join(str(r.confusion()[e][g]) for g in VERDICTS))
        row(_("flag precision (mean)"), lambda r: _mean_flag(r, "precision"))
        row(_("flag recall (mean)"), lambda r: _mean_flag(r, "recall"))
        row(_("latency median ms"), lambda r: f"{r.latency_ms()['median']:.2f}" if r.latency_ms() else "-")
        row(_("tokens (prompt+compl.)"), lambda r: f"{r.run.usage.prompt_tokens}+{r.run.usage.completion_tokens}" if r.run.usage else "-")
        row(_("cost USD"), lambda r: f"{r.run.usage.cost_usd:.4f}" if r.run.usage and r.run.usage.cost_usd is not None else "-")
        row(_("failed cases"), lambda r: str(len(r.failures)))
        blocks.append(_table_text(grid) + "\n" + _("(confusion rows read {verdicts} as assist's verdicts)").format(
            verdicts="/".join(verdict_word(verdict) for verdict in VERDICTS)))
    return "\n\n".join(blocks)


def _mean_flag(report: "Report", key: str) -> str:
    scores = report.flag_scores()
    return f"{statistics.mean(s[key] for s in scores.values()):.2f}" if scores else "-"


# -- times and tables for people ---------------------------------------------------------------------

def ago(at: str | None, now: "datetime | None" = None) -> str:
    """A stored time (ISO 8601) as a person says it: `just now`, `5 min ago`, `2 h ago`, `3 d ago`,
    then the local date."""
    from datetime import datetime, timezone

    if not at:
        return "-"
    try:
        then = datetime.fromisoformat(at)
    except ValueError:
        return at
    if then.tzinfo is None:
        then = then.replace(tzinfo=timezone.utc)
    seconds = ((now or datetime.now(timezone.utc)) - then).total_seconds()
    if seconds < 0:
        return then.astimezone().strftime("%Y-%m-%d %H:%M")
    if seconds < 60:
        return _("just now")
    if seconds < 3600:
        return _("{count} min ago").format(count=int(seconds // 60))
    if seconds < 86400:
        return _("{count} h ago").format(count=int(seconds // 3600))
    if seconds < 14 * 86400:
        return _("{count} d ago").format(count=int(seconds // 86400))
    return then.astimezone().strftime("%Y-%m-%d")


def local_time(at: str | None) -> str:
    """A stored time in the user's local time, to the minute, and how long ago: `2026-05-03 14:02 (2 h ago)`."""
    from datetime import datetime

    if not at:
        return "-"
    try:
        local = datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at
    relative = ago(at)
    return local if local.startswith(relative) else f"{local} ({relative})"


def width_of(text: str) -> int:
    """Columns a text takes on a terminal: East Asian wide characters take two, combining marks none."""
    import unicodedata

    return sum(0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
               for char in text)


def cut(text: str, width: int) -> str:
    """The text on one line with no terminal control (terminal.shown), in at most `width` columns,
    the cut marked with an ellipsis. Every cell of a table goes through it."""
    text = " ".join(shown(text).split())
    if width_of(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        size = width_of(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out).rstrip() + "…"


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - width_of(text))


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def aligned(header: list[str], rows: list[list[str]], caps: list[int | None], width: int | None = None) -> list[str]:
    """A table as aligned lines, a header first: each column as wide as its widest cell (at most its
    cap), the last one taking what is left of the line; a cut cell ends with an ellipsis."""
    width = width or terminal_width()
    widths = []
    for index, cap in enumerate(caps[:-1]):
        natural = max([width_of(header[index])] + [width_of(cut(row[index], 10**6)) for row in rows])
        widths.append(min(natural, cap) if cap else natural)
    rest = max(10, width - sum(widths) - 2 * len(widths))
    lines = []
    for row in [header, *rows]:
        cells = [pad(cut(cell, size), size) for cell, size in zip(row, widths)]
        lines.append("  ".join([*cells, cut(row[-1], rest)]).rstrip())
    return lines


# -- a week at a glance -----------------------------------------------------------------------------

TABLE_COLUMNS = ((N_("VERDICT"), 14), (N_("NAME"), 22), (N_("HEADLINE"), 34))


def table_header(width: int | None = None) -> str:
    return _table_row([_(name) for name, _size in TABLE_COLUMNS] + [_("REASON")], width)


def table_line(result: ScreenResult, headline: str | None, width: int | None = None) -> str:
    """A screen result on one line: the verdict that stands (yours marked `(you)`; `!` worth
    reporting), name, headline, and the main reason (the first flag's evidence)."""
    verdict = verdict_word(result.decision).lower()
    verdict = _("{verdict} (you)").format(verdict=verdict) if result.user_decision else verdict
    verdict += " !" if result.report else ""
    reason = f"{result.flags[0].id}: {in_words(result.flags[0].evidence)}" if result.flags else result.summary
    return _table_row([verdict, result.sender, headline or "", reason], width, colour=VERDICT_STYLE[result.decision])


def _table_row(cells: list[str], width: int | None = None, colour: str | None = None) -> str:
    width = width or terminal_width()
    fixed = [size for _name, size in TABLE_COLUMNS]
    rest = max(10, width - sum(fixed) - 2 * len(fixed))
    parts = [pad(cut(cell, size), size) for cell, size in zip(cells, fixed)]
    if colour:
        parts[0] = style(parts[0], fg=colour, bold=True)
    return "  ".join([*parts, cut(cells[-1], rest)]).rstrip()
