"""Token usage per request and per batch, with an estimated cost where the model's price is known.

Prices are US dollars per million tokens (input, output), from OpenAI's public price list; a model
not listed (any local or self-hosted one) has an unknown cost: null, never a guess.
"""

from __future__ import annotations

from .models import Usage

PRICES_PER_MILLION: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "o4-mini": (1.10, 4.40),
    "o3-mini": (1.10, 4.40),
}


def price_for(model: str | None) -> tuple[float, float] | None:
    """The price of a model by name; a dated snapshot ("gpt-4o-mini-2024-07-18") costs what its family does."""
    if not model:
        return None
    name = model.lower().removeprefix("openai/")
    best = None
    for known in PRICES_PER_MILLION:
        if (name == known or name.startswith(known + "-")) and (best is None or len(known) > len(best)):
            best = known
    return PRICES_PER_MILLION[best] if best else None


def make_usage(model: str | None, prompt_tokens: int, completion_tokens: int, priced: bool = True) -> Usage:
    """`priced=False` for servers whose prices are not OpenAI's (a local or self-hosted one)."""
    price = price_for(model) if priced else None
    cost = None
    if price is not None:
        cost = round((prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000, 6)
    return Usage(prompt_tokens=prompt_tokens, completion_tokens=completion_tokens, cost_usd=cost)


def add_usage(first: Usage, second: Usage) -> Usage:
    cost = None
    if first.cost_usd is not None or second.cost_usd is not None:
        cost = round((first.cost_usd or 0.0) + (second.cost_usd or 0.0), 6)
    return Usage(prompt_tokens=first.prompt_tokens + second.prompt_tokens,
                 completion_tokens=first.completion_tokens + second.completion_tokens, cost_usd=cost)
