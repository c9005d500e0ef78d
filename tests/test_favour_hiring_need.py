"""Issue 10: asking a recruiter to introduce candidates is a client's hiring need, not a favour
asked for the sender ("nhờ chị giới thiệu ứng viên phù hợp", "¿podrías presentarme candidatos?").
A favour for the sender's own job search is still one. My own sentences, to the recruiter persona."""

from __future__ import annotations

from pathlib import Path

import pytest

from assist.config import parse_config
from helpers import request, screen

RECRUITER = Path(__file__).parent.parent / "fixtures" / "eval" / "personas" / "recruiter-open-en.toml"
HIRING_MANAGER = dict(headline="Engineering Manager at VNG", company="VNG", industry="Software", has_photo=True,
                      connections=500, mutual_connections=3,
                      experience=[{"title": "Engineering Manager", "company": "VNG", "years": 4}])

HIRING_NEEDS = [
    "Chào chị, nhóm tôi ở VNG sắp cần thêm ba kỹ sư dữ liệu, muốn nhờ chị giới thiệu ứng viên phù hợp.",
    "Chao chi, nhom toi can tuyen hai ky su backend, muon nho chi gioi thieu ung vien phu hop.",
    "Hola Lina, en VNG buscamos dos ingenieros senior; ¿podrías presentarme candidatos con experiencia en pagos?",
    "Halo Kak Lina, tim saya di VNG butuh tiga engineer backend; boleh minta tolong kenalkan saya dengan kandidat yang cocok?",
]


def _favour(result) -> list[str]:
    return [flag.evidence for flag in result.flags if flag.id == "sales_pitch" and "favour" in flag.evidence]


@pytest.mark.parametrize("note", HIRING_NEEDS)
def test_candidates_asked_of_a_recruiter_are_no_favour(note):
    result = screen(request(note, **HIRING_MANAGER), parse_config(RECRUITER))
    assert not _favour(result), [(flag.id, flag.evidence) for flag in result.flags]


@pytest.mark.parametrize("note", [
    "Chào chị, em đang tìm việc backend, nhờ chị giới thiệu em vào vị trí phù hợp ở VNG ạ.",
    "Hi Lina, could you refer me for the senior backend role at your client?",
])
def test_a_favour_for_the_sender_s_own_job_is_still_one(note):
    result = screen(request(note, **HIRING_MANAGER), parse_config(RECRUITER))
    assert _favour(result), [(flag.id, flag.evidence) for flag in result.flags]
