"""The review page's routes (behind guard.Guard): GET / (a week of cards, filtered), POST /act (one
button: done, then 303 back to the same view with a one-line message), and the page's own CSS and
JS. Rendered by Jinja with autoescape on: sender and LLM text is never marked safe."""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode

from ..i18n import N_, _, active, ngettext
from .actions import Outcome, apply
from .cards import STATES, VERDICTS, read_week, valid_week, week_days
from .guard import Guard, Secrets, same

if TYPE_CHECKING:
    from ..config import UserConfig
    from ..store import Store

MAX_FORM_BYTES = 4 << 20  # a form: a reply and the text it replaces (MAX_REPLY_CHARS each, percent-encoded)
ASSETS = {"review.css": "text/css; charset=utf-8", "review.js": "text/javascript; charset=utf-8",
          "icon.svg": "image/svg+xml"}
# The page's keys, shown on it (review.js acts on them).
SHORTCUTS = (("j", "k", N_("next / previous card")), ("e", None, N_("edit the draft")), ("a", None, N_("approve")),
             ("c", None, N_("copy the draft")), ("o", None, N_("open the profile")), ("s", None, N_("mark as sent")),
             ("x", None, N_("reject")), ("u", None, N_("undo")))


@dataclass
class Page:
    """What the app holds: the store, the user's config, the secrets, the messages to show once."""

    store: "Store"
    user: "UserConfig"
    config: str | None
    secrets: Secrets
    can_vary: bool  # the backend can word a draft anew (not the offline engine)
    backend: str

    def __post_init__(self) -> None:
        self.flashes: OrderedDict[str, Outcome] = OrderedDict()

    def flash(self, outcome: Outcome) -> str:
        key = secrets.token_urlsafe(8)
        self.flashes[key] = outcome
        while len(self.flashes) > 50:
            self.flashes.popitem(last=False)
        return key


def build(store: "Store", user: "UserConfig", config: str | None, secrets_: Secrets):
    """The ASGI app: Starlette's routing and responses inside the guard."""
    from starlette.applications import Starlette
    from starlette.responses import RedirectResponse, Response
    from starlette.routing import Route

    from ..backends import BackendChoice, resolve_backend_name

    backend = resolve_backend_name(user, BackendChoice())
    page = Page(store, user, config, secrets_, backend != "rules", backend)
    templates = _environment()

    def view_query(params) -> dict:
        view = {}
        week = valid_week(params.get("week"))
        if week:
            view["week"] = week
        if params.get("verdict") in VERDICTS:
            view["verdict"] = params["verdict"]
        if params.get("state") in STATES:
            view["state"] = params["state"]
        return view

    async def index(request):
        params = request.query_params
        view = view_query(params)
        week = read_week(store, view.get("week"), view.get("verdict"), view.get("state"))
        outcome = page.flashes.pop(params.get("m", ""), None)
        unknown = [value for key, value in params.items() if key in ("week", "verdict", "state") and value
                   and view.get(key) != value]
        monday, sunday = week_days(week.label)
        html = templates.get_template("page.html.j2").render(
            lang=active(), week=week, view=view, monday=monday, sunday=sunday, outcome=outcome, csrf=secrets_.csrf, page=page,
            unknown=unknown, verdicts=VERDICTS, states=STATES, shortcuts=SHORTCUTS, query=urlencode(view),
            link=lambda **change: "?" + urlencode({k: v for k, v in (view | change).items() if v}))
        return Response(html, media_type="text/html; charset=utf-8")

    async def act(request):
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FORM_BYTES:
                return Response(status_code=413)
        form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        if not same(form.get("csrf", ""), secrets_.csrf):
            return Response(status_code=403)
        outcome = apply(store, user, config, form.get("action", ""), form.get("id", ""),
                        form.get("seen"), form.get("text"))
        target = view_query(form) | {"m": page.flash(outcome)}
        anchor = f"#card-{outcome.request_id}" if outcome.request_id else ""
        return RedirectResponse(f"/{secrets_.token}/?{urlencode(target)}{anchor}", status_code=303)

    async def asset(request):
        name = request.path_params["name"]
        if name not in ASSETS:
            return Response(status_code=404)
        data = resources.files("assist.web").joinpath("static", name).read_bytes()
        return Response(data, media_type=ASSETS[name])

    routes = [Route("/", index, methods=["GET", "HEAD"]), Route("/act", act, methods=["POST"]),
              Route("/static/{name}", asset, methods=["GET", "HEAD"])]
    return Guard(Starlette(routes=routes), secrets_)


def _environment():
    """Jinja with autoescape on for every template, and the interface's catalogue."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    from ..evidence import shown as in_words
    from ..output import kind_word, status_word, verdict_word

    environment = Environment(loader=PackageLoader("assist.web", "templates"),
                              autoescape=select_autoescape(default=True, default_for_string=True),
                              extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    environment.install_gettext_callables(lambda message: _(message), lambda s, p, n: ngettext(s, p, n), newstyle=False)
    environment.globals.update(verdict_word=verdict_word, kind_word=kind_word, status_word=status_word,
                               in_words=in_words)
    return environment
