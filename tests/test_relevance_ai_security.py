"""Issue 10: the people who attack and defend language-model systems (AI red teams, prompt-injection
and jailbreak research) work in AI as much as in security: to a head of applied AI who wants to meet
safety researchers they are not "an unrelated field". My own profile."""

from __future__ import annotations

from pathlib import Path

from assist.config import parse_config
from helpers import request, screen

ML_LEAD = Path(__file__).parent.parent / "fixtures" / "eval" / "personas" / "ml-lead-en.toml"


def test_an_ai_red_teamer_is_in_the_field_of_an_applied_ai_lead():
    sender = dict(headline="AI Red Team Lead at Cobalt Labs", company="Cobalt Labs", industry="Computer and Network Security",
                  has_photo=True, connections=800, mutual_connections=2,
                  about="We attack LLM-backed products: jailbreaks, prompt injection through retrieved documents, agent tool abuse.",
                  experience=[{"title": "AI Red Team Lead", "company": "Cobalt Labs", "years": 2},
                              {"title": "Penetration Tester", "company": "NCC Group", "years": 4}])
    note = "Hi Aiko, your paper on refusal quality in Japanese gave us two new attack ideas; would love to swap notes."
    result = screen(request(note, **sender), parse_config(ML_LEAD))
    assert "irrelevant" not in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]
    assert result.verdict != "ignore"


def test_a_field_named_inside_a_run_of_chinese_or_japanese_is_found():
    """Words of the scripts written without spaces stand inside longer runs ("研究大语言模型的…")."""
    config = parse_config(ML_LEAD)
    for sender, note in [
        (dict(headline="博士生 | 大语言模型安全评测", company="北京大学", industry="Higher Education",
              about="研究大语言模型的拒答质量评测。"), "田中老师您好，我在做中文拒答评测，想请教评测集的设计。"),
        (dict(headline="機械学習エンジニア（自然言語処理）", company="LINEヤフー", industry="Internet",
              about="日本語の大規模言語モデルの評価基盤を作っています。"), "田中さん、評価セットの設計について意見交換できれば嬉しいです。"),
    ]:
        result = screen(request(note, has_photo=True, connections=300, mutual_connections=1, **sender), config)
        assert "irrelevant" not in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]


def test_chatbots_and_generative_models_are_ai_work():
    """"Chatbot & Generative Model Apps", "생성형 모델", "聊天机器人": the systems are language models."""
    config = parse_config(ML_LEAD)
    for headline, about, note in [
        ("Offensive Security Researcher, Chatbot & Generative Model Apps", "Pentesting of support chatbots.",
         "Hi Aiko, your refusal-evaluation talk was great; I test how support bots break and would love to compare notes."),
        ("보안 연구원 | 생성형 모델 서비스 모의해킹", "챗봇 서비스의 방어책을 평가합니다.",
         "Aiko님, 거부 응답 평가 발표 잘 들었습니다. 평가 세트에 대해 이야기 나누고 싶습니다."),
    ]:
        sender = dict(headline=headline, company="Bluewave Security", industry="Computer and Network Security",
                      has_photo=True, connections=500, mutual_connections=3, about=about,
                      experience=[{"title": "Security Researcher", "company": "Bluewave Security", "years": 3}])
        result = screen(request(note, **sender), config)
        assert "irrelevant" not in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]
