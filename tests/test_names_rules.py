"""Issue 11, round 2: greeting names by RULE, each rule over every language and shape it covers.

The names are invented for these tables (none is a fixture's); each block is one rule:
- honorifics and titles BEFORE a name, in English, German (with the doctorate's faculty: "Dr. rer.
  nat."), French, Spanish, Portuguese, Italian, Dutch, Polish, Indonesian and Malay, Vietnamese;
- degrees and credentials AFTER a name, listed or of the shape credentials have (a comma-separated
  list of capitals; dotted Indonesian degrees "S.Kom., M.M.");
- a South Indian initial before the given name ("R. Karthik"), never before a family name ("J. Smith");
- "Last, First" where the given name is of two words ("Tan, Mei Ling", "Ferreira, Ana Paula");
- a page, a platform or a brand is no person;
- a name in two scripts: the CJK one in a Chinese, Japanese or Korean reply, the Latin one elsewhere.
"""

from __future__ import annotations

import pytest

from assist.names import greeting_name

BEFORE = [
    # English
    ("Mx. Jordan Reyes", "Jordan"),
    ("Dr Priyanka Bose", "Priyanka"),
    ("Rev. Samuel Otieno", "Samuel"),
    # German: the doctorate's faculty and "habil." after "Dr." are no names; "Phil" alone is one
    ("Dr. rer. nat. Julia Hoffmann", "Julia"),
    ("Dr. med. Peter Braun", "Peter"),
    ("Dr. phil. Lena Vogt", "Lena"),
    ("Dr. rer. pol. Jonas Wolf", "Jonas"),
    ("Prof. Dr. med. habil. Karl Berger", "Karl"),
    ("Dr. h.c. Otto Kern", "Otto"),
    ("Dr.-Ing. Mia Kraus", "Mia"),
    ("Phil Jordan", "Phil"),
    ("Dr. Phil Jordan", "Phil"),
    # French
    ("Mlle Inès Garnier", "Inès"),
    ("Pr Alain Roux", "Alain"),
    # Spanish
    ("Lic. Fernanda Ortiz", "Fernanda"),
    ("Ing. Raúl Medina", "Raúl"),
    ("Dña. Rocío Navarro", "Rocío"),
    # Portuguese, with ordinal indicators
    ("Eng.º Rui Costa", "Rui"),
    ("Eng.ª Marta Pires", "Marta"),
    ("Dr.ª Inês Silva", "Inês"),
    ("Sr.ª Joana Reis", "Joana"),
    # Italian
    ("Dott. Luca Bianchi", "Luca"),
    ("Dott.ssa Chiara Rossi", "Chiara"),
    ("Avv. Marco Neri", "Marco"),
    ("Arch. Paola Conti", "Paola"),
    ("Sig.ra Anna Greco", "Anna"),
    ("Geom. Davide Serra", "Davide"),
    # Dutch
    ("Dhr. Pieter Jansen", "Pieter"),
    ("Mevr. Sanne de Boer", "Sanne"),
    ("Drs. Willem Bakker", "Willem"),
    ("Ir. Joost Visser", "Joost"),
    # Polish
    ("mgr inż. Tomasz Nowak", "Tomasz"),
    # Indonesian and Malay
    ("Bapak Agus Salim", "Agus"),
    ("Bpk. Joko Susilo", "Joko"),
    ("Pak Dedi Kurniawan", "Dedi"),
    ("Ibu Ratna Sari", "Ratna"),
    ("Bu Rina Kartika", "Rina"),
    ("Sdr. Fajar Nugroho", "Fajar"),
    ("Encik Faizal Hassan", "Faizal"),
    ("Puan Aminah Yusof", "Aminah"),
    ("Datuk Ahmad Zaki", "Ahmad"),
    ("Hj. Ismail Daud", "Ismail"),
    # Vietnamese
    ("ThS. Đỗ Thị Lan", "Lan"),
    ("KS. Trịnh Văn Hào", "Hào"),
    ("LS. Mai Quốc Bảo", "Bảo"),
]

AFTER = [
    # listed credentials, with and without commas
    ("Grace Mwangi, FCCA", "Grace"),
    ("Grace Mwangi FCCA", "Grace"),
    ("Tom Baker, CEng, MIET", "Tom"),
    ("Laura Chen, CSCP, CPIM", "Laura"),
    ("Nikhil Rao, ACA", "Nikhil"),
    ("Helen Ward, ITIL, CAPM", "Helen"),
    # credentials by their shape: a list of capitals after a listed one
    ("Owen Price, PMP, CSPO, SAFe", "Owen"),
    ("Ruth Adeyemi, CPA, CGMA", "Ruth"),
    # Indonesian degrees, dotted
    ("Siti Rahma, S.E., M.Ak.", "Siti"),
    ("Yoga Pratama, S.T., M.T.", "Yoga"),
    ("Dewi Lestari S.Psi.", "Dewi"),
    ("Bapak Andi Wijaya, S.Kom., M.Kom.", "Andi"),
    # generations
    ("William Hart Jr.", "William"),
    ("James Moore III", "James"),
    # but a given name after the comma is still read as one
    ("Ward, Helen", "Helen"),
    ("Mwangi, GRACE", "Grace"),
]

INITIALS = [
    # a South Indian initial (father's or place name) before the given name
    ("R. Karthik", "Karthik"),
    ("K. Priya", "Priya"),
    ("S. Lakshmi", "Lakshmi"),
    ("M. Arun", "Arun"),
    ("T. Senthil Kumar", "Senthil"),
    ("V.S. Ramesh", "Ramesh"),
    ("A. Divya", "Divya"),
    # an initial before a family name gives none
    ("J. Smith", None),
    ("A. Johnson", None),
    ("P. Müller", None),
    ("T. Nguyen", None),
    # "M." before a French name is Monsieur
    ("M. Pierre Dubois", "Pierre"),
]

LAST_FIRST = [
    ("Tan, Mei Ling", "Mei Ling"),
    ("Lim, Wei Jie", "Wei Jie"),
    ("Chen, Xiaoming", "Xiaoming"),
    ("Park, Ji-hoon", "Ji-hoon"),
    ("Ferreira, Ana Paula", "Ana Paula"),
    ("Gómez, María José", "María José"),
    ("Nguyễn, Thị Lan", "Lan"),
    ("Smith, John Paul", "John"),
    ("Weber, Lukas", "Lukas"),
]

NOT_A_PERSON = [
    ("LinkedIn Premium", None),
    ("LinkedIn Premium Indonesia", None),
    ("Google Vietnam", None),
    ("WhatsApp Business Support", None),
    ("Facebook Ads Global", None),
    ("Binance Asia", None),
    ("Telegram Premium VN", None),
    ("Microsoft Recruiting APAC", None),
]

# â, ê, ô are French and Portuguese letters too: alone they do not make a name Vietnamese
SHARED_LETTERS = [
    ("Inês Silva", "Inês"),
    ("Jérôme Blanc", "Jérôme"),
    ("Ângela Moura", "Ângela"),
    ("Côme Périer", "Côme"),
    ("Lê Tâm", "Tâm"),
    ("Thanh Tâm", "Tâm"),
    ("Đinh Ngọc Ân", "Ân"),
]

# a family name in capitals, first or last, marks the rest as the given name, kept whole where it
# is an East Asian given name of two syllables
CAPITAL_FAMILY = [
    ("Wei Jie LIM", "Wei Jie"),
    ("Mei Ling TAN", "Mei Ling"),
    ("Seo-yeon PARK", "Seo-yeon"),
    ("LIM Wei Jie", "Wei Jie"),
    ("Jean-Pierre DUBOIS", "Jean-Pierre"),
    ("Camille DUPONT", "Camille"),
    ("DUPONT Camille", "Camille"),
    # Korean given names of two syllables, hyphenated or not, after the family name
    ("Lee Min-ho", "Min-ho"),
    ("Choi Jin-woo", "Jin-woo"),
    ("Kang Do-yeon", "Do-yeon"),
]

# departments in Vietnamese are no person either
DEPARTMENTS = [
    ("Phòng Nhân sự FPT", None),
    ("Phong Nhan Su Viettel", None),
    ("Hành chính Nhân sự VNG", None),
    ("Ban Tuyển dụng Techcombank", None),
    # but the given name Phong is a name
    ("Trần Thanh Phong", "Phong"),
]

TABLES = SHARED_LETTERS + CAPITAL_FAMILY + DEPARTMENTS + BEFORE + AFTER + INITIALS + LAST_FIRST + NOT_A_PERSON


@pytest.mark.parametrize(("written", "given"), TABLES, ids=[written for written, _ in TABLES])
def test_the_greeting_name_by_rule(written, given):
    assert greeting_name(written) == given


TWO_SCRIPTS = [
    # (written, reply language, greeting)
    ("David Chen 陈伟", "zh", "陈伟"),
    ("David Chen 陈伟", "en", "David"),
    ("陈伟 David Chen", "zh", "陈伟"),
    ("陈伟 David Chen", "de", "David"),
    ("Yuki Sato 佐藤由紀", "en", "Yuki"),
    ("이민호 Minho Lee", "en", "Minho"),
    ("이민호 Minho Lee", "vi", "Minho"),
    # with the Latin name in parentheses, it is the form the sender wrote for Latin readers (as an
    # independent reply labeller reads it, replies round5): used in a reply in Latin letters
    ("张伟 (Wei Zhang)", "en", "Wei"),
    ("张伟 (Wei Zhang)", "zh", "张伟"),
    # the CJK name alone, in any language
    ("王芳", "en", "王芳"),
    # no language given: the name as written in its own script
    ("David Chen 陈伟", None, "陈伟"),
]


@pytest.mark.parametrize(("written", "language", "given"), TWO_SCRIPTS)
def test_a_name_in_two_scripts_is_greeted_in_the_script_of_the_reply(written, language, given):
    assert greeting_name(written, language) == given


def test_the_draft_greets_a_two_script_name_in_the_reply_language():
    from assist.draft import draft_reply
    from helpers import request, user

    english = draft_reply(request("Hello!", name="David Chen 陈伟"), user("balanced", language="en")).text
    assert english.splitlines()[0] == "Hi David,", english
    chinese = draft_reply(request("你好，我们在上海的会议上见过", name="David Chen 陈伟"), user("balanced", language="en"),
                          language="zh").text
    assert "陈伟" in chinese.splitlines()[0] and "David" not in chinese, chinese
