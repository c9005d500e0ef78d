"""Issue 10, breadth of the note vocabularies: what people write when they read the user's post,
met them, worked with them, say who they are and why they write, look for a job, recruit, lead,
or sell, in the languages people write to the user in, read as intended; and honest notes with
the same words are not read as selling. Every note here is my own, written for the concept."""

from __future__ import annotations

import pytest

from assist.config import Me, Policy, UserConfig
from helpers import request, screen


def lead(goals=("Hire senior backend engineers",), openness: str = "balanced") -> UserConfig:
    """An engineering lead in Lisbon who hires."""
    return UserConfig(me=Me(name="Inês Duarte", headline="Head of Platform Engineering at Corvina", industry="Software",
                            location="Lisbon, Portugal", goals=list(goals), past_companies=["Farfetch"],
                            interests=["Kubernetes", "observability"], language="en", signature="Inês"),
                      policy=Policy(openness=openness))


def founder() -> UserConfig:
    """A SaaS founder who wants customers, partners and investors, and does not hire."""
    return UserConfig(me=Me(name="Tomás Ferreira", headline="Founder at Ledgerfox", industry="Software",
                            location="Madrid, Spain",
                            goals=["Win customers among finance teams", "Meet investors for our seed round"],
                            interests=["B2B SaaS", "accounting automation"], language="en", signature="Tomás"),
                      policy=Policy(openness="balanced"))


def flags(result) -> dict[str, str]:
    return {flag.id: flag.evidence for flag in result.flags}


def engineer(headline: str, company: str = "Brisa Systems") -> dict:
    return dict(headline=headline, company=company, industry="Software", has_photo=True, connections=420,
                experience=[{"title": headline.split(" at ")[0], "company": company, "years": 3}])


EMPTY = dict(has_photo=False, connections=12)


# --- boilerplate, in the languages LinkedIn offers it in -------------------------------------------

@pytest.mark.parametrize("note", [
    "Hola, me gustaría conectar contigo.",
    "Bonjour, je souhaiterais rejoindre votre réseau.",
    "Hallo, ich würde mich gerne mit Ihnen vernetzen.",
    "Olá, gostaria de me conectar com você.",
    "Halo, saya ingin terhubung dengan Anda.",
    "Ciao, vorrei aggiungerti alla mia rete professionale.",
    "Hi there, I came across your profile and would be glad to connect.",
])
def test_boilerplate_in_other_languages_reads_as_generic(note):
    result = screen(request(note, **EMPTY), lead())
    assert "generic_note" in flags(result), flags(result)


# --- the user's work, read or heard ----------------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Ciao Inês, ho letto il tuo articolo sul tracing distribuito e mi ha fatto ripensare i nostri allarmi.",
    "Инес, прочитал вашу статью про наблюдаемость в Kubernetes, очень полезно для нашей команды.",
    "Chào chị Inês, em vừa xem video của chị về giám sát hệ thống, phần cảnh báo rất hay ạ.",
    "Hi Inês, I watched your keynote recording on alert fatigue and we changed our on-call rota after it.",
])
def test_a_note_about_the_users_work_is_personal(note):
    result = screen(request(note, **engineer("Site Reliability Engineer at Brisa Systems")), lead())
    assert "personalized_note" in flags(result), flags(result)
    assert "generic_note" not in flags(result)


# --- met, worked or studied together ---------------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Hola Inês, fuimos compañeros en Farfetch hace unos años, me alegra ver lo que estás construyendo.",
    "Oi Inês, trabalhei com você na Farfetch, no time de pagamentos. Que bom te reencontrar por aqui!",
    "Ciao Inês, eravamo colleghi in Farfetch, nel team checkout. Piacere di ritrovarti qui.",
    "Halo Inês, kita dulu satu tim di Farfetch, senang bisa terhubung lagi.",
    "Hallo Inês, wir waren Kollegen bei Farfetch im Plattform-Team. Schön, dich hier wiederzufinden.",
    "Chị Inês ơi, em là cựu đồng nghiệp của chị ở Farfetch, team thanh toán ạ.",
])
def test_a_shared_past_at_the_users_old_company_is_a_known_relationship(note):
    result = screen(request(note, **engineer("Backend Engineer at Brisa Systems")), lead())
    assert "known_relationship" in flags(result), flags(result)


@pytest.mark.parametrize("note", [
    "Hi Inês, we crossed paths at KubeCon in Amsterdam, at the observability booth, and I kept thinking about it.",
    "Ciao Inês, è stato un piacere conoscerti al meetup di Kubernetes a Milano la settimana scorsa.",
    "Oi Inês, foi um prazer conhecer você na conferência de observabilidade no Porto.",
])
def test_having_met_at_a_named_event_is_personal(note):
    result = screen(request(note, **engineer("Platform Engineer at Brisa Systems")), lead())
    assert "personalized_note" in flags(result) or "known_relationship" in flags(result), flags(result)
    assert "generic_note" not in flags(result)


# --- who they are and why they write ---------------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Hola Inês, me llamo Lucía y trabajo como ingeniera de plataforma; quería pedirte un consejo sobre on-call.",
    "Bonjour Inês, je m'appelle Hugo, je travaille sur la fiabilité chez un éditeur logiciel et j'aimerais votre avis.",
    "Hallo Inês, mein Name ist Jonas, ich arbeite an unserer Plattform und hätte gern Ihre Einschätzung zu SLOs.",
    "Ciao Inês, mi chiamo Marco, sto lavorando a una migrazione su Kubernetes e vorrei un tuo parere.",
    "Halo Inês, nama saya Rina, saya sedang mengerjakan migrasi platform dan ingin meminta saran Anda.",
])
def test_an_introduction_with_a_reason_is_not_generic(note):
    result = screen(request(note, **engineer("Platform Engineer at Brisa Systems")), lead())
    assert "generic_note" not in flags(result), flags(result)


# --- looking for a job, recruiting -------------------------------------------------------------------

@pytest.mark.parametrize("headline", [
    "Ingeniero backend | En búsqueda de empleo",
    "Développeur backend, en recherche d'emploi",
    "Backend-Entwickler – auf Jobsuche",
    "Desenvolvedor backend em busca de recolocação",
    "Backend engineer, actively seeking new opportunities",
])
def test_a_job_seeker_is_a_possible_candidate_for_a_lead_who_hires(headline):
    sender = dict(headline=headline, industry="Software", has_photo=True, connections=300,
                  experience=[{"title": "Backend Engineer", "company": "Quinta Labs", "years": 4}])
    result = screen(request(None, **sender), lead())
    # The seeking itself is read, not only the shared field: the evidence quotes it.
    assert "the team you are hiring (" in flags(result).get("professional_relevance", ""), flags(result)


@pytest.mark.parametrize("headline", [
    "Reclutadora IT en Talentia",
    "Chargée de recrutement tech chez Rhéa",
    "Recrutadora de tecnologia na Vitta",
    "Selezionatrice IT presso Orsa",
])
def test_a_recruiter_is_read_as_one_by_a_user_looking_for_roles(headline):
    company = headline.split()[-1]
    sender = dict(headline=headline, company=company, has_photo=True,
                  connections=2000, experience=[{"title": headline.rsplit(" ", 2)[0], "company": company, "years": 5}])
    result = screen(request(None, **sender), lead(goals=("Find a staff engineer role in Europe",)))
    assert "a recruiter" in flags(result).get("professional_relevance", ""), flags(result)


# --- selling, and honest notes with the same words ---------------------------------------------------

@pytest.mark.parametrize(("sender", "note"), [
    (engineer("Ejecutivo comercial en Nubeplus", "Nubeplus"),
     "Hola Tomás, ofrecemos contabilidad automatizada para startups a un precio especial de lanzamiento. "
     "¿Tienes unos minutos esta semana?"),
    (engineer("Account Manager chez Factyo", "Factyo"),
     "Bonjour Tomás, nous aidons les éditeurs SaaS à réduire leurs coûts d'infrastructure, forfait à partir de "
     "490 euros par mois. Un créneau de 15 minutes ?"),
])
def test_a_pitch_with_a_price_and_a_request_for_time_is_selling(sender, note):
    result = screen(request(note, **sender), founder())
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict == "ignore"


@pytest.mark.parametrize(("sender", "note"), [
    (engineer("Controller at Hostal Ribera", "Hostal Ribera"),
     "Hola Tomás, estamos evaluando herramientas para automatizar nuestra contabilidad y me gustaría saber "
     "cuánto cuesta Ledgerfox por mes para un equipo de cinco personas."),
    (dict(headline="Estudiante de ADE en la Universidad de Sevilla", has_photo=True, connections=150),
     "Hola Tomás, soy estudiante y estoy escribiendo mi tesis sobre startups de software contable. "
     "¿Podrías dedicarme unos minutos para una entrevista?"),
    (dict(headline="Journaliste économique chez Le Quotidien", company="Le Quotidien", has_photo=True, connections=800),
     "Bonjour Tomás, je suis journaliste et je prépare un article sur les fintechs espagnoles. "
     "Auriez-vous quelques minutes pour un échange ?"),
])
def test_honest_purposes_with_a_price_question_or_a_request_for_time_are_not_selling(sender, note):
    result = screen(request(note, mutual_connections=3, **sender), founder())
    assert "sales_pitch" not in flags(result), flags(result)
    assert result.verdict != "ignore", flags(result)
