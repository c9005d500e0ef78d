"""The language model, restricted to the languages a note is told among, is kept in the user cache
directory once made (issue 10, offline speed): a later run reads it in a few hundredths of a second
instead of decompressing py3langid's whole model, and it tells every text's language exactly as
the model it was made from does."""

from __future__ import annotations

import os

import pytest

from assist import language_model
from assist.paths import cache_dir

TEXTS = [
    "Hi Sarah, loved your talk on Kafka at the meetup!",
    "Chào anh, em là sinh viên năm cuối ngành tài chính",
    "Chao anh, em la sinh vien nam cuoi, mong duoc ket noi voi anh",
    "Hola, me encantaría conectar contigo y aprender de tu experiencia",
    "Bonjour, ravi de vous avoir croisé au salon la semaine dernière",
    "Hallo, ich würde mich gerne mit Ihnen vernetzen",
    "Olá, gostaria de me conectar com você",
    "Halo kak, saya tertarik dengan posisi data engineer",
    "你好，很高兴在大会上认识你",
    "はじめまして、先日のイベントでお話しした田中です",
    "안녕하세요, 연결하고 싶습니다",
    "สวัสดีครับ ยินดีที่ได้รู้จัก",
    "Привет, давай обменяемся опытом",
    "Ciao, piacere di conoscerti",
    "Hoi, leuk je te ontmoeten",
    "Merhaba, tanıştığımıza memnun oldum",
    "Cześć, miło cię poznać",
    "Hi",
    "",
    "12345 !!!",
    "ok ok ok ok",
]


def _answers(identifier) -> list[tuple[str, float]]:
    return [identifier.classify(text) for text in TEXTS]


@pytest.fixture
def slow_answers():
    return _answers(language_model.from_package())


def _cached_files() -> list:
    folder = cache_dir() / "language"
    return sorted(folder.glob("*.npz")) if folder.is_dir() else []


def test_a_cold_cache_is_filled_and_a_warm_one_read_without_the_package_model(monkeypatch, slow_answers):
    assert _cached_files() == []
    first = language_model.load()
    assert len(_cached_files()) == 1
    assert _answers(first) == slow_answers

    def no_package_model(*_candidates):
        raise AssertionError("the package's model was decompressed again")

    monkeypatch.setattr(language_model, "from_package", no_package_model)
    second = language_model.load()
    assert second is not first
    assert _answers(second) == slow_answers  # the very same numbers, not merely the same labels


def test_a_damaged_cache_file_is_ignored_and_made_again(slow_answers):
    language_model.load()
    [path] = _cached_files()
    path.write_bytes(b"not a model")
    assert _answers(language_model.load()) == slow_answers
    assert _cached_files() == [path] and path.stat().st_size > 1000  # written anew


def test_without_a_writable_cache_directory_the_package_model_is_used(monkeypatch, tmp_path, slow_answers):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert _answers(language_model.load()) == slow_answers
    assert not os.path.isdir(blocked)
