"""The names of the families of fields (prompts/signals.toml [industries]), for a person to read.

Evidence names a field by the word of it that was found ("same field as you (analyst)"), in English
wherever it is kept. Shown in another language, each word is said beside its family's name from the
catalogue ("tài chính: analyst"); a word of no family, or of two, is shown as it is.
"""

from __future__ import annotations

from functools import lru_cache

from .i18n import N_, _

# Family (a key of [industries]) -> its name: a test checks each family is here.
FAMILIES = {
    "finance": N_("finance and banking"), "accounting": N_("accounting, audit and tax"),
    "software": N_("software"), "data": N_("data and analytics"), "marketing": N_("marketing"),
    "sales": N_("sales"), "insurance": N_("insurance"), "real_estate": N_("real estate"),
    "hospitality": N_("hospitality"), "healthcare": N_("healthcare"), "photography": N_("photography"),
    "retail": N_("retail"), "education": N_("education and training"), "manufacturing": N_("manufacturing"),
    "logistics": N_("logistics and supply chain"), "construction": N_("construction"),
    "agriculture": N_("agriculture"), "beauty": N_("beauty"), "crypto": N_("crypto and blockchain"),
    "ai": N_("artificial intelligence"), "security": N_("cybersecurity"), "legal": N_("legal"),
    "compliance": N_("compliance and risk"), "hr": N_("human resources"), "public_sector": N_("public sector"),
    "consulting": N_("consulting"), "media": N_("media and publishing"), "design": N_("design"),
    "research": N_("research and science"), "energy": N_("energy"), "telecom": N_("telecommunications"),
    "automotive": N_("automotive"), "aviation": N_("aviation"), "nonprofit": N_("non-profit"),
}
WORD_OF_FAMILY = N_("{family}: {word}")


@lru_cache(maxsize=1)
def _family_of() -> dict[tuple[str, ...], set[str]]:
    from .guidance import load_guidance

    return load_guidance().industries.family_of


def shown(words: str) -> str:
    """Words of fields joined by ", " (as the evidence joins them), each beside its family's name."""
    family_of = _family_of()
    parts = []
    for word in words.split(", "):
        families = family_of.get(tuple(word.split(" ")), set())
        name = FAMILIES.get(next(iter(families))) if len(families) == 1 else None
        parts.append(_(WORD_OF_FAMILY).format(family=_(name), word=word) if name else word)
    return ", ".join(parts)
