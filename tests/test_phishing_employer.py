"""Account and session phishing, and the user's own IT, HR or payroll department impersonated
(issue 10, scams by converging evidence). Written in my own words from the issue's categories:

- being told to sign in again, re-authenticate, reset MFA or keep access, with a link or a click,
  in the issue's languages, is a credential request;
- a notice about the reader's session, password, mailbox or payroll details is a sign;
- a department or a service of the user's own company ("IT Helpdesk", "HR Team") is not a
  colleague: a colleague is a person;
- a link whose host holds the user's company name but is not the company's own is a look-alike.

And the honest people whose work uses these words stay honest: an SRE on SSO, a service desk
analyst with a name, a payroll specialist, a security researcher on MFA fatigue.
"""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import read_signs
from helpers import request, screen, user

COMPANY = "Northwind Labs"


def me(**extra):
    return user(company=COMPANY, **extra)


def me_from_headline():
    return user()  # "Engineering Lead at Northwind Labs": the company read from the headline


IT_DESK = dict(name="IT Helpdesk", headline="Northwind Labs IT Service Desk", company="Northwind Labs",
               location="Singapore", connections=40)
HR_DESK = dict(name="HR Team", headline="People Operations | Northwind Labs", company="Northwind Labs",
               location="Singapore", connections=25)
STRANGER = dict(name="Jordan Lee", headline="Operations Coordinator", company="Brightline Services",
                location="Singapore", connections=150, has_photo=True)


def flags(result) -> set[str]:
    return {flag.id for flag in result.flags}


def reported_scam(result) -> bool:
    return result.verdict == "ignore" and result.report and "scam_or_phishing" in flags(result)


# --- 1 + 3: the case that was read as a colleague ---------------------------------------------

@pytest.mark.parametrize("config", [me(), me_from_headline()], ids=["config-company", "headline-company"])
def test_an_expired_session_notice_from_the_employers_it_desk_is_reported(config):
    result = screen(request("Your Northwind Labs single sign-on session timed out. Please sign in again within 3 hours "
                            "so you keep your access: https://northwind-sso.help/auth", **IT_DESK), config)
    assert reported_scam(result), result
    assert "known_relationship" not in flags(result)


def test_a_role_account_of_the_employer_is_no_colleague():
    result = screen(request("Welcome aboard! Connect with us to get company announcements.", **HR_DESK), me())
    assert "known_relationship" not in flags(result)
    assert result.verdict != "accept"


@pytest.mark.parametrize("name", ["Northwind Payroll", "Service Desk", "Northwind Labs IT Support", "Phòng Nhân sự",
                                  "Recursos Humanos", "人事部"])
def test_a_department_by_any_name_is_not_a_colleague(name):
    sender = dict(IT_DESK, name=name)
    result = screen(request("Hello, please accept to stay in touch with the team.", **sender), me())
    assert "known_relationship" not in flags(result)


# --- 1: a sign-in asked of the reader, with a link or a click, in the languages --------

SIGN_IN_AGAIN = [
    "Your mailbox password has expired. Log in again here to restore access: http://mail-portal.help/owa",
    "Security update: re-verify your account by clicking the button below before 5pm, or access will be paused.",
    "We reset MFA for all staff this week. Tap the link to re-enroll and sign back in: secure-auth.center/mfa",
    "Phiên đăng nhập của bạn đã hết hạn. Vui lòng đăng nhập lại tại liên kết sau để tiếp tục dùng email: mail-verify.top/vn",
    "Phien dang nhap cua ban da het han. Vui long dang nhap lai tai duong link sau de giu quyen truy cap: mail-verify.top/vn",
    "Su contraseña caduca hoy. Haga clic aquí para iniciar sesión de nuevo y conservar el acceso: acceso-seguro.co/login",
    "Votre session a expiré. Reconnectez-vous via ce lien pour conserver l'accès à votre messagerie : portail-auth.fr.to",
    "Ihr Passwort läuft heute ab. Bitte melden Sie sich über diesen Link erneut an, um den Zugriff zu behalten: konto-login.info",
    "Sua sessão expirou. Clique no link e faça login novamente para manter o acesso: acesso-conta.site",
    "La tua sessione è scaduta. Accedi di nuovo tramite questo link per mantenere l'accesso: accesso-sicuro.online",
    "Ваша сессия истекла. Войдите снова по ссылке, чтобы сохранить доступ к почте: vhod-pochta.site",
    "Sesi Anda telah berakhir. Silakan login ulang melalui tautan berikut agar akses tetap aktif: akses-akun.site",
    "您的会话已过期，请点击链接重新登录以保留访问权限：login-verify.top",
    "セッションの有効期限が切れました。こちらのリンクから再度ログインしてください：login-check.site",
    "세션이 만료되었습니다. 아래 링크를 클릭하여 다시 로그인해 주세요: login-check.site",
    "เซสชันของคุณหมดอายุแล้ว กรุณาคลิกลิงก์เพื่อเข้าสู่ระบบอีกครั้ง: login-check.site",
]


@pytest.mark.parametrize("note", SIGN_IN_AGAIN)
def test_being_told_to_sign_in_again_by_a_link_is_a_credential_request(note):
    found = read_signs(request(note, **STRANGER), me(), load_guidance())
    assert "credentials" in found and found["credentials"].strong, found
    assert reported_scam(screen(request(note, **STRANGER), me()))


def test_the_sign_in_request_in_the_about_is_read_too():
    sender = dict(STRANGER, about="Account notice: your workspace session expired. Sign in again at "
                                  "workspace-login.help to keep your files.")
    assert reported_scam(screen(request("Hi, connecting with colleagues.", **sender), me()))


# --- 2: notices about the reader's account or access -------------------------------------------

@pytest.mark.parametrize("note", [
    "Your mailbox is almost full and incoming mail will be rejected from tomorrow. Act today.",
    "Your password expires today. Update it now to avoid losing access.",
    "Your access to the VPN will be suspended today unless you confirm your details.",
])
def test_a_notice_about_the_readers_access_is_a_sign(note):
    found = read_signs(request(note, **STRANGER), me(), load_guidance())
    assert found, found
    assert screen(request(note, **STRANGER), me()).verdict != "accept"


@pytest.mark.parametrize("note", [
    "Payroll is moving to a new provider: update your direct deposit details before Friday's run so your salary is not "
    "delayed: https://nwl-payroll.com/update",
    "Ana shared 'Q3 bonus letter.pdf' with you. Sign in with your work account to view the document: docs-share.online/f/8812",
    "Open enrolment closes today: confirm your benefits and bank details on the portal, click here.",
])
def test_a_payroll_or_shared_document_notice_with_a_sign_in_is_reported(note):
    assert reported_scam(screen(request(note, **HR_DESK), me()))


# --- 4: a look-alike of the employer's own domain ----------------------------------------------

@pytest.mark.parametrize("link", ["northwind-sso.help/login", "https://northwind.login-portal.xyz", "northwindlabs-hr.com/form",
                                  "http://n0rthwind.com/reset"])
def test_a_host_that_borrows_the_employers_name_is_a_look_alike(link):
    sender = dict(name="Alex Tan", headline="Engineer at Northwind Labs", company="Northwind Labs", connections=200)
    note = f"Hi Sarah, the slides from Friday's all-hands are here: {link}"
    found = read_signs(request(note, **sender), me(), load_guidance())
    assert "link" in found and found["link"].strong, found
    assert reported_scam(screen(request(note, **sender), me()))


@pytest.mark.parametrize("link", ["https://northwindlabs.com/blog/platform", "docs.northwind.io/onboarding",
                                  "https://www.northwindlabs.com"])
def test_the_employers_own_domain_is_no_look_alike(link):
    sender = dict(name="Alex Tan", headline="Engineer at Northwind Labs", company="Northwind Labs", connections=200)
    note = f"Hi Sarah, I joined the platform team last week; my write-up of the migration is here: {link}"
    result = screen(request(note, **sender), me())
    assert "scam_or_phishing" not in flags(result)
    assert "known_relationship" in flags(result)


def test_another_users_company_in_a_link_is_nothing_to_this_user():
    sender = dict(name="Alex Tan", headline="Engineer at Cloudpath", company="Cloudpath", connections=200)
    result = screen(request("Hi Sarah, our write-up: northwind-sso.help/login", **sender),
                    user(company="Freightly", headline="Engineering Lead at Freightly"))
    found = read_signs(request("Hi Sarah, our write-up: northwind-sso.help/login", **sender),
                       user(company="Freightly", headline="Engineering Lead at Freightly"), load_guidance())
    assert "link" not in found or not found["link"].strong  # a lure in the path is a plain sign, no look-alike
    assert not result.report


# --- honest near-misses -------------------------------------------------------------------------

HONEST = [
    # an SRE on SSO and session expiry
    (dict(name="Priya Nair", headline="Site Reliability Engineer at Cloudpath", company="Cloudpath", connections=400),
     "Hi Sarah, your talk on the SSO migration and session expiry edge cases was great; we hit the same token refresh "
     "bugs when users had to log in again. Would love to connect."),
    # a security researcher on MFA fatigue
    (dict(name="Tomasz Wójcik", headline="Security Researcher", company="Redline Labs", connections=800),
     "I research MFA fatigue and push-bombing: attackers spam prompts until someone taps approve. Your post on passkeys "
     "was spot on, happy to connect."),
    # a payroll specialist describing their job
    (dict(name="Grace Lim", headline="Payroll Specialist at Paysmith", company="Paysmith", connections=300),
     "Hi Sarah, I run payroll and direct deposit changes for APAC startups and I'm curious how engineering teams plan "
     "headcount. Happy to connect."),
    # an attendee who will log in to a webinar
    (dict(name="Omar Haddad", headline="Backend Engineer at Tidewave", company="Tidewave", connections=250),
     "Hi Sarah, I'll log in to the distributed systems webinar on Thursday, see you there. Great talk last month!"),
    # a security engineer whose work is session expiry
    (dict(name="Lena Vogel", headline="Security Engineer at Cloudpath", company="Cloudpath", connections=500),
     "At Cloudpath I build the flows where users sign in again after their session expires, and I reset MFA for "
     "locked-out staff. Your Python posts helped us a lot."),
    # Vietnamese: a security engineer on login sessions
    (dict(name="Nguyễn Hoàng Nam", headline="Kỹ sư bảo mật tại VNPay", company="VNPay", connections=300),
     "Chào chị, em làm bảo mật, nghiên cứu về phiên đăng nhập hết hạn và MFA. Em đọc bài của chị về Python, rất hay ạ."),
]


@pytest.mark.parametrize("sender,note", HONEST, ids=["sre", "mfa-researcher", "payroll", "webinar", "security-eng", "vi-security"])
def test_honest_people_whose_work_uses_these_words_are_not_reported(sender, note):
    result = screen(request(note, **sender), me())
    assert not result.report, result
    assert not flags(result) & {"scam_or_phishing", "unclear_intent"}, result.flags  # (relevance is another matter)


def test_a_service_desk_analyst_with_a_name_at_the_users_company_is_a_colleague():
    sender = dict(name="Daniel Ortiz", headline="IT Service Desk Analyst at Northwind Labs", company="Northwind Labs",
                  connections=180, has_photo=True)
    note = ("Hi Sarah, I joined the Northwind Labs service desk last month and I'm connecting with the engineering leads "
            "I support. Looking forward to working together.")
    result = screen(request(note, **sender), me())
    assert "known_relationship" in flags(result)
    assert not result.report and result.verdict != "ignore"


def test_a_person_at_the_employer_sharing_the_real_intranet_is_no_scam():
    sender = dict(name="Daniel Ortiz", headline="IT Service Desk Analyst at Northwind Labs", company="Northwind Labs",
                  connections=180, has_photo=True)
    note = "Hi Sarah, welcome to the team! The IT onboarding guide is on https://northwindlabs.com/it/start if useful."
    result = screen(request(note, **sender), me())
    assert not result.report and "scam_or_phishing" not in flags(result)


def test_a_plain_sign_in_with_a_link_is_doubt_not_a_report():
    # An organiser's everyday sentence reads like this too: doubt costs a question, a report an insult.
    from assist.config import Me, UserConfig
    from assist.models import Request
    from assist.signals import extract_signals

    config = UserConfig(me=Me(name="Sarah Chen", headline="Engineering Lead at Northwind Labs", industry="Software"))
    plain = Request.model_validate({"id": "p", "sender": {"name": "Alex Kim", "headline": "Recruiter"},
                                    "note": "Please log in at jobs-portal.xyz/apply to see the role details."})
    flags = {flag.id for flag in extract_signals(plain, config).flags}
    assert "unclear_intent" in flags and "scam_or_phishing" not in flags
    again = plain.model_copy(update={"note": "Please sign in again at corp-portal.xyz/login to restore your access."})
    assert "scam_or_phishing" in {flag.id for flag in extract_signals(again, config).flags}
