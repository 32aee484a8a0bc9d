"""A signed paper in a browser (issue 21): Long Biên's officer downloads the award decision
thidua issued, signs it outside thidua with a certificate of a test CA made here (pyHanko, as
the office's signing tool would), tries the unsigned print first (refused, the reason next to
the field), uploads the signed file, sees "Đã ký số" with the signer and the time on the
decision's page, and downloads the signed original back, byte for byte; the unsigned print
stays available as "Bản in (chưa ký số)". Screenshots at desktop and 390 px."""

import pytest
from playwright.sync_api import expect

from thidua.documents.tests import signing_ca

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


@pytest.fixture
def test_ca(settings, tmp_path):
    return signing_ca.trusted_chair(settings, tmp_path)


def test_officer_uploads_the_signed_decision_and_downloads_it(
    live_server, page, phone, log_in, artifacts, tmp_path, lb_officer, decision, test_ca
):
    log_in(page, "lb_tdkt")
    page.goto(f"{live_server.url}/khen-thuong/quyet-dinh/{decision.pk}/")
    box = page.get_by_test_id("signed-original")
    expect(box).to_contain_text("Chưa có bản ký số")
    with page.expect_download() as info:
        page.get_by_role("link", name="Quyết định (PDF)").click()
    printed = tmp_path / "in.pdf"
    info.value.save_as(printed)

    # Signed outside thidua, with the office's certificate.
    signed = tmp_path / "quyet-dinh-da-ky.pdf"
    signed.write_bytes(signing_ca.sign(printed.read_bytes(), test_ca))

    box.get_by_role("link", name="Tải lên bản ký số").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bản ký số của văn bản số 01/QĐ-LĐLĐ")
    page.get_by_label("Bản PDF đã ký số").set_input_files(printed)
    page.get_by_role("button", name="Kiểm tra và lưu").click()
    expect(page.locator('[data-field-error="file"]')).to_contain_text("chưa có chữ ký số")
    page.screenshot(path=artifacts / "signed-paper-refused-desktop.png", full_page=True)

    page.get_by_label("Bản PDF đã ký số").set_input_files(signed)
    page.get_by_role("button", name="Kiểm tra và lưu").click()
    page.wait_for_url(f"{live_server.url}/khen-thuong/quyet-dinh/{decision.pk}/")
    expect(box.get_by_test_id("signed-verdict")).to_have_text("Đã ký số")
    expect(box.get_by_test_id("signers")).to_contain_text("Nguyễn Trường Giang")
    expect(box.get_by_test_id("signers")).to_contain_text("ký lúc")
    expect(box.get_by_role("link", name="Bản in (chưa ký số)")).to_be_visible()
    page.screenshot(path=artifacts / "signed-paper-desktop.png", full_page=True)

    with page.expect_download() as info:
        box.get_by_role("link", name="Tải bản ký số (PDF)").click()
    assert info.value.suggested_filename == "01-qd-ldld-2026-da-ky-so.pdf"
    back = tmp_path / "back.pdf"
    info.value.save_as(back)
    assert back.read_bytes() == signed.read_bytes()
    with page.expect_download() as info:
        page.get_by_role("link", name="Quyết định (PDF)").click()  # the paper's own link: signed too
    info.value.save_as(tmp_path / "own.pdf")
    assert (tmp_path / "own.pdf").read_bytes() == signed.read_bytes()

    log_in(phone, "lb_tdkt")
    phone.goto(page.url)
    expect(phone.get_by_test_id("signed-verdict")).to_have_text("Đã ký số")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the decision page scrolls sideways on a phone ({width} px)"
    phone.screenshot(path=artifacts / "signed-paper-phone.png", full_page=True)
