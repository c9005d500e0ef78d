"""The fields named inside evidence ("same field as you (analyst)"): the English stays as written;
under vi each word is shown with the Vietnamese name of its family of fields (prompts/signals.toml
[industries]), from the catalogue."""

from __future__ import annotations

import tomllib

import pytest

from helpers import ROOT


@pytest.fixture
def vi():
    from assist import i18n

    i18n.setup("vi")
    yield
    i18n.setup("en")


def test_every_family_of_fields_has_a_name():
    from assist.field_names import FAMILIES

    families = tomllib.loads((ROOT / "prompts" / "signals.toml").read_text(encoding="utf-8"))["industries"]
    assert set(families) == set(FAMILIES)


def test_a_shared_field_is_shown_with_its_familys_vietnamese_name(vi):
    from assist.evidence import SAME_FIELD, shown

    assert shown(SAME_FIELD.format(fields="analyst")) == "cùng lĩnh vực với bạn (tài chính – ngân hàng: analyst)"
    assert shown(SAME_FIELD.format(fields="analyst, developer")) == \
        "cùng lĩnh vực với bạn (tài chính – ngân hàng: analyst, phần mềm: developer)"


def test_an_unrelated_field_is_shown_with_its_familys_vietnamese_name(vi):
    from assist.evidence import UNRELATED, shown

    text = shown(UNRELATED.format(theirs="developer", mine="Financial services"))
    assert text.startswith("lĩnh vực của họ (phần mềm: developer)"), text
    assert "Financial services" in text


def test_a_word_of_no_family_or_of_two_is_shown_as_it_is(vi):
    from assist.evidence import SAME_FIELD, shown

    assert shown(SAME_FIELD.format(fields="risk management")) == "cùng lĩnh vực với bạn (risk management)"
    assert shown(SAME_FIELD.format(fields="basket weaving")) == "cùng lĩnh vực với bạn (basket weaving)"


def test_the_english_evidence_is_unchanged():
    from assist.evidence import SAME_FIELD, shown

    assert shown(SAME_FIELD.format(fields="analyst")) == "same field as you (analyst)"
