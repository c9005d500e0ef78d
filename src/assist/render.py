"""Step 3, render the prompt an LLM receives: guidance first (a cacheable prefix), then the case.

The sender's text goes in as JSON inside <sender_data>, with angle brackets escaped so that no
fake tag can close the block. `assist prompt show` prints exactly this.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .context import RunContext
from .draft import reply_language
from .guidance import Guidance, load_guidance
from .models import Flag, Request
from .signals import Signals
from .situation import Situation

SYSTEM_TEMPLATE = "system.j2"
USER_TEMPLATE = "user.j2"


REDACTION_NOTE = ("emails, phone numbers, links and messenger handles in the sender's text were replaced by [email], "
                  "[phone], [url] and [handle] before this prompt was written; the offline signals were computed on "
                  "the original text")


def untrusted_json(request: Request, redact: bool = False) -> str:
    data = request.model_dump(mode="json", exclude_none=True)
    if redact:
        from .redact import redact_data

        data = redact_data(data)
    return escape_tags(json.dumps(data, ensure_ascii=False, indent=2))


def escape_tags(text: str) -> str:
    """No angle brackets from the sender reach the prompt: no fake tag can open or close a block."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def evidence_for_prompt(signals: Signals, redact: bool = False, details: Sequence[str] = ()) -> list[Flag]:
    """The offline flags, whose evidence quotes the sender, with the same escaping (and redaction:
    a quote cut short in the middle of one of the request's contact details, `details`, loses that
    piece too)."""
    return [flag.model_copy(update={"evidence": escape_tags(_quoted(flag.evidence, redact, details))})
            for flag in signals.flags]


def _details(request: Request, redact: bool) -> list[str]:
    """The request's contact details, as written, for redacting quotes of it (none unless redacting)."""
    if not redact:
        return []
    from .redact import contact_details

    return contact_details(request.model_dump(mode="json", exclude_none=True))


def _quoted(text: str, redact: bool, details: Sequence[str]) -> str:
    if not redact:
        return text
    from .redact import redact_quote

    return redact_quote(text, details)


def _redacted(text: str, redact: bool) -> str:
    if not redact:
        return text
    from .redact import redact_text

    return redact_text(text)


def _warnings_for_prompt(signals: Signals, redact: bool, details: Sequence[str] = ()) -> list[str]:
    warnings = [escape_tags(_quoted(w, redact, details)) for w in signals.warnings]
    return warnings + [REDACTION_NOTE] if redact else warnings


def prompt_version(guidance: Guidance | None = None) -> str:
    return (guidance or load_guidance()).template_hash(SYSTEM_TEMPLATE, USER_TEMPLATE)


def examples_for_prompt(examples: list[dict] | None, redact: bool = False) -> list[dict]:
    """The user's past decisions and replies (store.similar_examples), escaped like sender text."""
    shown = []
    for example in examples or []:
        sent = example["request"]
        summary = {"name": sent.get("sender", {}).get("name"), "headline": sent.get("sender", {}).get("headline"),
                   "note": sent.get("note")}
        summary = {k: _redacted(v, redact) for k, v in summary.items() if v}
        reply = _redacted(example["reply"], redact) if example.get("reply") else None
        shown.append({
            "request_json": escape_tags(json.dumps(summary, ensure_ascii=False)),
            "decision": example.get("decision"),
            "reply_json": escape_tags(json.dumps(reply, ensure_ascii=False)) if reply else None,
            "kind": example.get("kind"),
        })
    return shown


def render_messages(request: Request, signals: Signals, ctx: RunContext) -> list[dict[str, str]]:
    """The verdict prompt. Under `ctx.redact`, emails, phones and URLs in sender text become placeholders."""
    details = _details(request, ctx.redact)
    guidance = ctx.guidance
    templates = guidance.templates
    system = templates.get_template(SYSTEM_TEMPLATE).render(
        guidance=guidance, criteria=list(guidance.criteria.values())
    )
    user = templates.get_template(USER_TEMPLATE).render(
        me=ctx.config.me,
        policy=ctx.config.policy,
        signature=ctx.config.signature,
        reply_language=reply_language(ctx.config, request, ctx.reply_language),
        request_json=untrusted_json(request, ctx.redact),
        flags=evidence_for_prompt(signals, ctx.redact, details),
        warnings=_warnings_for_prompt(signals, ctx.redact, details),
        max_chars=ctx.max_chars,
        examples=examples_for_prompt(ctx.examples(request), ctx.redact),
        # The user's own data, sent as written like [me] (with --redact too); names in it come
        # from their export's files, so no tag gets through either.
        known=[escape_tags(tie.line()) for tie in signals.known],
    )
    return [{"role": "system", "content": system.strip()}, {"role": "user", "content": user.strip()}]


REPLY_SYSTEM_TEMPLATE = "reply_system.j2"
REPLY_USER_TEMPLATE = "reply_user.j2"


def reply_prompt_version(guidance: Guidance | None = None) -> str:
    return (guidance or load_guidance()).template_hash(REPLY_SYSTEM_TEMPLATE, REPLY_USER_TEMPLATE)


def render_reply_messages(request: Request, signals: Signals, situation: Situation, ctx: RunContext) -> list[dict[str, str]]:
    """The messages for an LLM-written reply (`assist draft-reply` with an LLM backend): the
    situation (situation.py), the language, the address pair, the safety and length rules that
    reply_checks.py then holds the answer to."""
    from .address import vietnamese_address
    from .draft import formal_register, safe_topic
    from .names import formal_name, greeting_name

    language = reply_language(ctx.config, request, ctx.reply_language)
    formal = formal_register(request, language)

    templates = ctx.guidance.templates
    system = templates.get_template(REPLY_SYSTEM_TEMPLATE).render(guidance=ctx.guidance)
    user = templates.get_template(REPLY_USER_TEMPLATE).render(
        kind=situation.kind,
        reason=situation.reason,
        missing=situation.missing,
        me=ctx.config.me,
        signature=ctx.config.signature,
        reply_language=language,
        address=vietnamese_address(ctx.config, request) if language == "vi" else None,
        first_name=formal_name(request.sender.name) if formal else greeting_name(request.sender.name, language, note=request.note),
        formal=formal,
        topic=_redacted(safe_topic(signals) or "", ctx.redact) or None,
        request_json=untrusted_json(request, ctx.redact),
        flags=evidence_for_prompt(signals, ctx.redact, _details(request, ctx.redact)),
        max_chars=ctx.max_chars,
        examples=examples_for_prompt(ctx.examples(request), ctx.redact),
    )
    return [{"role": "system", "content": system.strip()}, {"role": "user", "content": user.strip()}]
