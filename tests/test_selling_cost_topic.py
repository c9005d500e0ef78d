"""Issue 10: "chi phí" is a cost, not a price: a tax adviser who read the user's article on
e-wallets' compliance costs ("bài anh về chi phí tuân thủ") names its topic, as "your post on
compliance costs" does in English; a price is "chi phí thấp", "báo giá", "phí dịch vụ". My own
sentences."""

from __future__ import annotations

import pytest

from helpers import analyst, request, screen

CONSULTANT = dict(headline="Tư vấn thuế tại KPMG Việt Nam", company="KPMG Việt Nam", industry="Accounting", has_photo=True,
                  connections=400, mutual_connections=3)


def flags(note: str) -> dict[str, str]:
    return {flag.id: flag.evidence for flag in screen(request(note, **CONSULTANT), analyst()).flags}


@pytest.mark.parametrize("note", [
    "Chào anh Minh, em làm tư vấn thuế cho các công ty thanh toán. Bài anh về chi phí tuân thủ của ví điện tử giúp em nhiều khi làm hồ sơ cho khách. Em muốn kết nối để trao đổi thêm.",
    "Chào anh, em là kiểm toán viên, đang tìm hiểu chi phí vận hành của các ví điện tử; bài phân tích của anh rất hữu ích với em.",
])
def test_a_cost_named_as_a_topic_is_no_price(note):
    assert "sales_pitch" not in flags(note)


@pytest.mark.parametrize("note", [
    "Chào anh, bên em cung cấp dịch vụ kế toán thuế cho doanh nghiệp, chi phí thấp, báo giá trong ngày. Anh cần em gửi bảng giá không ạ?",
    "Chào anh, em bên dịch vụ tư vấn thuế, chi phí chỉ từ 2 triệu một tháng, anh quan tâm em gửi thông tin nhé.",
])
def test_a_price_is_still_a_price(note):
    assert "sales_pitch" in flags(note)
