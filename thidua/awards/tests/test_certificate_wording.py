"""The certificate's sentence follows the seeds: "Đã có thành tích xuất sắc trong <the campaign>"
(QA walk, session 6: the demo's Giấy khen read "Đã có thành tích tích cực hưởng ứng…", the
achievement glued after "thành tích")."""

from thidua.awards import documents
from thidua.awards.tests.test_documents import flat, pdf_text

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


def test_a_campaigns_certificate_says_the_seeds_sentence(federation, campaign, kinds, members, new_decision):
    decision = new_decision(
        federation.long_bien,
        campaign,
        [(kinds["giay-khen-cap-tren-co-so"], members["an"], "Tích cực hưởng ứng đợt thi đua cao điểm.")],
    )
    text = flat(pdf_text(documents.certificates_pdf(decision)))
    assert (
        "Đã có thành tích xuất sắc trong đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên."
        in text
    )
    assert "thành tích tích cực" not in text.lower()


def test_without_a_campaign_the_achievement_is_printed_and_a_long_one_cut(federation, kinds, members, new_decision):
    decision = new_decision(
        federation.long_bien,
        None,
        [(kinds["giay-khen-cap-tren-co-so"], members["an"], "Có hành động dũng cảm cứu người " * 30)],
    )
    text = flat(pdf_text(documents.certificates_pdf(decision)))
    assert "Có hành động dũng cảm cứu người" in text and "…" in text
