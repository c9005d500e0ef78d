"""Issue 10: a note that greets someone else by name ("Hi Katrin," to Sarah Chen) was written for
another reader, or sent to many: it says nothing about why the user, whatever it says of "your
talk". It is no personal note. A greeting by the user's own name in any of its forms, by no name,
or by a role ("Dear Hiring Manager") is left alone. My own sentences."""

from __future__ import annotations

import pytest

from helpers import request, screen, user

PROFILE = dict(headline="Senior Backend Engineer at Stripe", company="Stripe", industry="Software", has_photo=True,
               connections=500, mutual_connections=4,
               experience=[{"title": "Senior Backend Engineer", "company": "Stripe", "years": 4}])


def flags(note: str, **me) -> dict[str, str]:
    result = screen(request(note, name="Jonas Weber", **PROFILE), user(**me))
    return {flag.id: flag.evidence for flag in result.flags} | {"_verdict": result.verdict}


SOMEONE_ELSE = [
    "Hi Katrin, your talk on retry budgets matched what our payment queues see. Happy to share our numbers.",
    "Dear Mr. Okafor, I enjoyed your post on idempotency keys and would love to compare notes.",
    "Chào anh Minh, em đọc bài anh viết về hàng đợi thanh toán và muốn trao đổi thêm.",
    "Hola Lucía, vi tu charla sobre colas distribuidas y me encantaría conversar.",
    "Linaさん、分散キューについての記事を拝見しました。ぜひ情報交換させてください。",
]


@pytest.mark.parametrize("note", SOMEONE_ELSE)
def test_a_note_that_greets_someone_else_is_no_personal_note(note):
    found = flags(note)
    assert "personalized_note" not in found, found
    assert "generic_note" in found, found
    assert found["_verdict"] != "accept"


THE_USER = [
    "Hi Sarah, your talk on retry budgets matched what our payment queues see. Happy to share our numbers.",
    "Hi Sara, your talk on retry budgets matched what our payment queues see.",
    "Dear Ms. Chen, I enjoyed your post on idempotency keys and would love to compare notes.",
    "Chào chị Sarah, em đọc bài chị viết về hàng đợi thanh toán và muốn trao đổi thêm.",
    "Sarahさん、分散キューについての記事を拝見しました。ぜひ情報交換させてください。",
    "Hi there, your talk on retry budgets matched what our payment queues see.",
    "Dear Hiring Manager, I saw your post about backend roles and would love to apply.",
    "Hello team, your talk on retry budgets matched what our payment queues see.",
]


@pytest.mark.parametrize("note", THE_USER)
def test_a_note_that_greets_the_user_or_no_one_by_name_is_left_alone(note):
    found = flags(note)
    assert "addressed to" not in found.get("generic_note", ""), found
