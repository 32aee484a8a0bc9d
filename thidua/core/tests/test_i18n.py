"""The English catalogue: a user switches language through the button in the top bar (Django's
set_language, a POST with its csrf token) and reads the pages in English; switching back gives
Vietnamese again. The committed catalogue translates every msgid, keeps no fuzzy entry, and
the compiled .mo says the same as the .po (so `make run` needs no gettext tools)."""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


@pytest.fixture(autouse=True)
def _vietnamese_after_each_test():
    """A request leaves its language active in the thread; the next test must not read English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def switch_language(client, code: str, on: str):
    """Press the language button of the page at `on`, as a browser without scripts would: the
    form's csrf token, its hidden `next`, the button's value."""
    page = client.get(on).content.decode()
    form = re.search(r'<form action="/i18n/setlang/".*?</form>', page, re.S)
    assert form, "the page has no language switch"
    form = form.group(0)
    assert f'name="language" value="{code}"' in form
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    next_url = re.search(r'name="next" type="hidden" value="([^"]*)"', form).group(1)
    response = client.post(reverse("set_language"), {"csrfmiddlewaretoken": token, "next": next_url, "language": code})
    assert response.status_code == 302
    assert response["Location"] == on
    return client.get(on).content.decode()


@pytest.fixture
def browsing(client):
    """The test client with csrf checks on, as a browser meets them."""
    client.handler.enforce_csrf_checks = True
    return client


def test_login_page_switches_to_english_and_back(browsing):
    page = switch_language(browsing, "en", reverse("login"))
    assert '<html lang="en">' in page
    for english in ("Log in", "Username", "Password"):
        assert english in page
    for vietnamese in ("Đăng nhập", "Tên đăng nhập", "Mật khẩu"):
        assert vietnamese not in page
    # The button names the other language in itself.
    assert '<button type="submit" name="language" value="vi" lang="vi"' in page
    assert ">Tiếng Việt</button>" in page

    page = switch_language(browsing, "vi", reverse("login"))
    assert '<html lang="vi">' in page
    assert "Tên đăng nhập" in page and "Username" not in page
    assert ">English</button>" in page


def test_a_browser_set_to_english_still_gets_vietnamese_until_the_user_switches(client):
    """Offices run browsers in English; the interface stays Vietnamese unless the user chooses."""
    english_browser = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
    page = client.get(reverse("login"), **english_browser).content.decode()
    assert '<html lang="vi">' in page and "Tên đăng nhập" in page and "Username" not in page

    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")}, **english_browser)
    page = client.get(reverse("login"), **english_browser).content.decode()
    assert '<html lang="en">' in page and "Username" in page


def test_an_unknown_language_in_the_cookie_falls_back_to_vietnamese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in page and "Tên đăng nhập" in page


def test_officer_reads_home_members_and_plans_in_english(browsing, login, officer, members):
    login(officer)
    home = switch_language(browsing, "en", reverse("home"))
    for english in ("Acting as", "Emulation and Commendation officer", "Member list", "Organisation tree", "Log out"):
        assert english in home
    for vietnamese in ("Đang làm việc với tư cách", "Cán bộ Thi đua – Khen thưởng", "Danh sách đoàn viên", "Đăng xuất"):
        assert vietnamese not in home

    member_list = browsing.get(reverse("org:member_list")).content.decode()
    # Long Biên's three members, counted with English plural forms.
    assert re.search(r'data-testid="result-count">\s*3 members\s*<', member_list)
    for english in ("Full name", "Year of birth", "Export to Excel", "Search by name or card number"):
        assert english in member_list
    for vietnamese in ("3 đoàn viên", "Họ và tên", "Xuất Excel", "Tìm theo tên, số thẻ"):
        assert vietnamese not in member_list
    # Names are data, not interface: they stay as written.
    assert "Nguyễn Văn An" in member_list

    plans = browsing.get(reverse("campaigns:list")).content.decode()
    for english in ("Plans and emulation campaigns", "All plans in scope", "No plans yet.", "Subject"):
        assert english in plans
    for vietnamese in ("Kế hoạch, phong trào thi đua", "Tất cả kế hoạch trong phạm vi", "Chưa có kế hoạch nào."):
        assert vietnamese not in plans

    home = switch_language(browsing, "vi", reverse("home"))
    assert "Đang làm việc với tư cách" in home and "Acting as" not in home
    member_list = browsing.get(reverse("org:member_list")).content.decode()
    assert re.search(r'data-testid="result-count">\s*3 đoàn viên\s*<', member_list)
    assert "Export to Excel" not in member_list


def test_a_singular_count_reads_singular_in_english(browsing, login, officer, federation):
    from thidua.org.tests.factories import MemberFactory

    MemberFactory(full_name="Nguyễn Văn An", unit=federation.school, card_number="LB0001")
    login(officer)
    switch_language(browsing, "en", reverse("home"))
    member_list = browsing.get(reverse("org:member_list")).content.decode()
    assert re.search(r'data-testid="result-count">\s*1 member\s*<', member_list)


# --- the catalogue ---------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False
    line: int = 0


def _unquote(text: str) -> str:
    # PO strings use C escapes (\" \\ \n \t), which a Python string literal reads the same way.
    return ast.literal_eval(text)


def read_po(path: Path) -> list[Entry]:
    """A small PO reader: enough for what makemessages writes (no dependency on polib)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    key: tuple[str, int] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            entry, key = None, None
            continue
        if entry is None:
            entry = Entry(line=number)
            entries.append(entry)
        if line.startswith("#,"):
            entry.fuzzy = entry.fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            name, index = key
            value = _unquote(line)
            if name == "msgstr":
                entry.msgstr[index] += value
            else:
                setattr(entry, name, (getattr(entry, name) or "") + value)
        else:
            match = re.fullmatch(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])? (\".*\")", line)
            assert match, f"{path.name}:{number}: cannot read {raw!r}"
            name, index, value = match.group(1), int(match.group(2) or 0), _unquote(match.group(3))
            key = (name, index)
            if name == "msgstr":
                entry.msgstr[index] = value
            else:
                setattr(entry, name, value)
    return entries


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    entries = read_po(LOCALE / "django.po")
    header = [e for e in entries if e.msgid == "" and e.msgctxt is None]
    assert len(header) == 1 and "Plural-Forms: nplurals=2; plural=(n != 1);" in header[0].msgstr[0]
    assert "Language: en" in header[0].msgstr[0]
    return [e for e in entries if e is not header[0]]


PLACEHOLDER = re.compile(r"%\(\w+\)[-+ #0]*\d*(?:\.\d+)?[sdifr]|%%|\{\w*\}")


def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    assert len(catalogue) > 500
    untranslated = [
        e.msgid for e in catalogue if not all(e.msgstr.values()) or len(e.msgstr) != (2 if e.msgid_plural else 1)
    ]
    fuzzy = [e.msgid for e in catalogue if e.fuzzy]
    assert untranslated == []
    assert fuzzy == []


def test_translations_keep_every_placeholder(catalogue):
    wrong = []
    for entry in catalogue:
        for form, text in entry.msgstr.items():
            # A plural entry's forms follow msgid_plural (English: "All %(n)s rows…"), except
            # the singular, which follows msgid and may leave the count out ("The row is valid").
            source = entry.msgid_plural if entry.msgid_plural and form > 0 else entry.msgid
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                wrong.append((entry.msgid, text))
    assert wrong == []


def test_no_entry_is_its_vietnamese_copied_over(catalogue):
    """msgmerge and hurried hands fill an entry with its own msgid; English has no "đ" or "ơ"."""
    vietnamese = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
    copied = [e.msgid for e in catalogue if vietnamese.search(e.msgid) and e.msgid in e.msgstr.values()]
    assert copied == []


def test_compiled_catalogue_agrees_with_the_po(catalogue):
    with open(LOCALE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for entry in catalogue:
        if entry.msgid_plural:
            got = [
                compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                if entry.msgctxt
                else compiled.ngettext(entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
            want = [entry.msgstr[0], entry.msgstr[1]]
        else:
            got = compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else compiled.gettext(entry.msgid)
            want = entry.msgstr[0]
        if got != want:
            stale.append(entry.msgid)
    assert stale == [], "django.mo is older than django.po: run `make messages`"
    # And nothing compiled that the .po no longer holds.
    assert len(compiled._catalog) - 1 == sum(len(e.msgstr) for e in catalogue)
