"""Every page a demo login can reach opens (issue 14, item 2).

On the demo federation, each demo login (README "Tài khoản dùng thử"; lb_kiemnhiem in each of its
two roles) follows every link from its home page, breadth first, GET only, a few URLs of each
shape (numeric ids folded into one shape). Each page must: answer below 500; if HTML, carry one
<h1>; show no English UI word in the Vietnamese interface and, switched to English as a user
does (the language button), no Vietnamese sentence of our catalogue. Then axe-core runs in
Chromium on one page per shape (shapes shared by several roles are checked once) and must find
no serious or critical violation.

The status, <h1> and word checks use Django's test client (fast); only axe needs the browser,
which borrows the client's session cookie instead of logging in again. Text inside
``translate="no"`` (official papers, data typed by users) and form fields' own values is not
checked: it is data, not our interface.
"""

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from thidua.org.demo.federation import DEMO_USERS
from thidua.org.tests.demo_snapshot import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "thidua2026"  # README "Tài khoản dùng thử"
# (username, which of its roles on the role picker; None when it has one)
# Every demo login (the README's table is built from the same list), each of its roles.
LOGINS = [
    (demo.username, index)
    for demo in DEMO_USERS
    for index in (range(len(demo.roles)) if len(demo.roles) > 1 else [None])
]
PER_SHAPE = 3
# Not followed: leaving (logout), the language switch (done as a POST on purpose below), Django's
# own admin (its interface and translations are Django's), static files, the API's Swagger UI
# page and documents (/api/: drawn by the package's script, in its own English, for IT officers;
# thidua/api/tests try them).
SKIP_PREFIXES = ("/dang-xuat/", "/i18n/", "/admin/", "/static/", "/media/", "/favicon.ico", "/api/")

# English UI words that are not Vietnamese syllables (so "in", "no", "to", "an", "can" are left
# out: they are Vietnamese words too). Matched as whole words, case-insensitively.
ENGLISH_WORDS = {
    "order",
    "save",
    "delete",
    "edit",
    "search",
    "submit",
    "cancel",
    "next",
    "previous",
    "none",
    "true",
    "false",
    "yes",
    "home",
    "page",
    "of",
    "the",
    "and",
    "or",
    "select",
    "choose",
    "upload",
    "download",
    "back",
    "close",
    "view",
    "add",
    "remove",
    "create",
    "update",
    "details",
    "name",
    "date",
    "status",
    "filter",
    "login",
    "logout",
    "password",
    "username",
    "required",
    "field",
    "this",
    "is",
    "invalid",
    "error",
    "loading",
    "total",
    "more",
    "show",
    "hide",
    "print",
    "export",
    "clear",
    "currently",
    "change",
    "unknown",
    "with",
    "from",
    "for",
    "your",
    "please",
    "enter",
    "first",
    "last",
    "all",
    "new",
    "list",
    "open",
    "file",
    "files",
    "yesterday",
    "today",
    "ago",
    "minutes",
    "hours",
    "days",
    "month",
    "year",
    "draft",
    "sent",
    "returned",
    "accepted",
    "approved",
    "rejected",
    "pending",
    "submitted",
    "issued",
    "description",
    "title",
    "number",
}
WORD = re.compile(r"[A-Za-z]+")
CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


class PageReader(HTMLParser):
    """What a crawler needs from one HTML page: its links, its <h1> count and its visible text
    (element text plus the attributes a reader sees or hears: placeholder, title, aria-label,
    alt, and a button's value)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    # Not our interface: scripts, typed values, and <code> (the column names of Vietnamese files).
    SILENT = {"script", "style", "template", "textarea", "noscript", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.h1 = 0
        self.text: list[str] = []
        self.chunks: list[str] = []  # each piece of text between tags, for whole-string matches
        self._stack: list[bool] = []  # per open element: is its content skipped?

    @property
    def _skipping(self) -> bool:
        return bool(self._stack) and self._stack[-1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = self._skipping or tag in self.SILENT or attrs.get("translate") == "no"
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "h1":
            self.h1 += 1
        if not skip:
            for name in ("placeholder", "title", "aria-label", "alt"):
                if attrs.get(name):
                    self.text.append(attrs[name])
            if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
                self.text.append(attrs["value"])
        if tag not in self.VOID:
            self._stack.append(skip)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self._stack.pop()

    def handle_endtag(self, tag):
        if tag in self.VOID or not self._stack:
            return
        self._stack.pop()

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.text.append(data)
            self.chunks.append(" ".join(data.split()))

    def visible_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def shape(url: str) -> str:
    """/sang-kien/12/?don-vi=7 → /sang-kien/<n>/?don-vi: one shape for every id."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/<n>", parts.path)
    keys = sorted({key for key, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return path + ("?" + "&".join(keys) if keys else "")


def local(href: str, base: str) -> str | None:
    if href.startswith(("mailto:", "tel:", "javascript:", "#")):
        return None
    parts = urlsplit(href)
    if (parts.scheme or parts.netloc) and parts.netloc not in {"testserver", ""}:
        return None
    path = parts.path
    if not path.startswith("/"):  # relative to the page
        path = base.rsplit("/", 1)[0] + "/" + path
    if path.startswith(SKIP_PREFIXES):
        return None
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return path + ("?" + query if query else "")


def catalogue_sentences(data: set[str]) -> set[str]:
    """The catalogue's Vietnamese sentences that would be ours, not data, if seen verbatim in the
    English interface, as the whole text of an element: translated msgids of three words or more,
    without placeholders, that are not part of a name in the data (a unit named "Công đoàn cơ
    sở …", a kind of unit, a person)."""
    found = set()
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        strings: dict[str, list[str]] = {}
        current = None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            keyword, _space, rest = line.partition(" ")
            if keyword in {"msgid", "msgstr", "msgid_plural", "msgctxt"} or keyword.startswith("msgstr["):
                current = strings.setdefault(keyword, [])
                line = rest
            if current is not None and line.startswith('"'):
                current.append(line[1:-1].replace('\\"', '"'))
        sentence = " ".join("".join(strings.get("msgid", [])).split())
        translated = "".join(strings.get("msgstr", strings.get("msgstr[0]", [])))
        if not sentence or not translated or "%" in sentence or "{" in sentence or len(sentence.split()) < 3:
            continue
        if not re.search(r"[^\x00-\x7f]", sentence):  # Vietnamese: at least one letter with a mark
            continue
        if any(sentence in name for name in data):
            continue
        found.add(sentence)
    return found


def data_names() -> set[str]:
    from django.contrib.auth import get_user_model

    from thidua.awards.models import CriterionCheck
    from thidua.councils.models import Council
    from thidua.org.models import Member, Unit, UnitKind

    names = set(Unit.objects.values_list("name", flat=True))
    names |= set(UnitKind.objects.values_list("name", flat=True))
    names |= set(Member.objects.values_list("full_name", flat=True))
    names |= {user.get_full_name() for user in get_user_model().objects.all()}
    names |= set(Council.objects.values_list("name", flat=True))
    # A criterion's verdict keeps the sentence it was checked with (awards.eligibility writes it
    # in the checker's language): stored text, reported to the lead as such.
    names |= set(CriterionCheck.objects.values_list("detail", flat=True))
    return names


def log_in(username: str, role_index: int | None) -> Client:
    client = Client(raise_request_exception=False)
    # Through the login page, as a person does (and as a login-lockout backend expects).
    response = client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302, f"{username} cannot log in with the README's password"
    if role_index is not None:
        page = client.get("/", follow=True).content.decode()
        roles = re.findall(r'name="role" value="(\d+)"', page)
        assert len(roles) >= 2, f"{username}: the role picker lists {len(roles)} roles"
        client.post(reverse("org:choose_role"), {"role": roles[role_index], "next": "/"})
    return client


class Crawl:
    def __init__(self):
        self.problems: list[str] = []
        self.shapes: dict[str, tuple[str, str]] = {}  # shape → (login, first HTML url seen)
        self.english_done: set[str] = set()  # shapes read in English (by any login)

    def walk(self, who: str, client: Client) -> list[str]:
        """Breadth first from the home page; returns the HTML pages it read."""
        seen_per_shape: dict[str, int] = {}
        earlier = set(self.shapes)  # shapes an earlier login already read
        queued = {"/"}
        queue = deque(["/"])
        pages = []
        while queue:
            url = queue.popleft()
            response = client.get(url)
            if response.status_code >= 500:
                self.problems.append(f"{who}: {url} answers {response.status_code}")
                continue
            if response.status_code in (301, 302, 303, 307, 308):
                target = local(response["Location"], url)
                if target and target not in queued:
                    queued.add(target)
                    queue.append(target)
                continue
            if response.streaming:
                b"".join(response.streaming_content)  # read, never close twice (docs/testing.md)
                continue
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            reader = PageReader()
            reader.feed(response.content.decode())
            pages.append(url)
            self.shapes.setdefault(shape(url), (who, url))
            if reader.h1 != 1:
                self.problems.append(f"{who}: {url} has {reader.h1} <h1>")
            english = sorted({w for w in WORD.findall(reader.visible_text()) if w.lower() in ENGLISH_WORDS})
            if english:
                self.problems.append(f"{who}: {url} shows English words {english}")
            for href in reader.links:
                target = local(href, url)
                if target is None or target in queued:
                    continue
                key = shape(target)
                # A shape an earlier login already read is sampled once more (this login's
                # scope and permissions), not three times: the crawl stays short.
                if seen_per_shape.get(key, 0) >= (1 if key in earlier else PER_SHAPE):
                    continue
                seen_per_shape[key] = seen_per_shape.get(key, 0) + 1
                queued.add(target)
                queue.append(target)
        return pages

    def in_english(self, who: str, client: Client, pages: list[str], sentences: set[str]) -> None:
        """Switch to English with the language button's own request, then read one page per shape."""
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        for url in pages:
            if shape(url) in self.english_done:
                continue
            self.english_done.add(shape(url))
            response = client.get(url)
            if response.status_code >= 500:
                self.problems.append(f"{who} (en): {url} answers {response.status_code}")
                continue
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            reader = PageReader()
            reader.feed(response.content.decode())
            left = sorted(set(reader.chunks) & sentences)
            if left:
                self.problems.append(f"{who} (en): {url} still says {left[:3]}")
        client.post("/i18n/setlang/", {"language": "vi", "next": "/"})


def test_every_page_each_demo_login_reaches_opens_in_both_languages_and_passes_axe(live_server, browser):
    load_demo(scale=0.03)
    crawl = Crawl()
    sentences = catalogue_sentences(data_names())
    clients = {}
    for username, role_index in LOGINS:
        who = username if role_index is None else f"{username}#{role_index + 1}"
        client = log_in(username, role_index)
        clients[who] = client
        pages = crawl.walk(who, client)
        crawl.in_english(who, client, pages, sentences)

    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    host = urlsplit(live_server.url).hostname
    contexts = {}
    # One page per path shape (query strings filter the same template) for axe.
    by_path = {}
    for key, (who, url) in sorted(crawl.shapes.items()):
        by_path.setdefault(key.split("?")[0], (who, url))
    # Every context closed whatever happens: an open one keeps the live server on the test
    # database, which PostgreSQL then cannot drop.
    try:
        for who, url in by_path.values():
            if who not in contexts:
                context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
                cookie = clients[who].cookies["sessionid"]
                context.add_cookies([{"name": "sessionid", "value": cookie.value, "domain": host, "path": "/"}])
                contexts[who] = context.new_page()
            page = contexts[who]
            page.goto(live_server.url + url)
            result = axe.run(page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa"]})
            for violation in result.response["violations"]:
                if violation["impact"] in {"serious", "critical"}:
                    targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
                    crawl.problems.append(f"{who}: {url} axe {violation['id']} ({violation['impact']}) at {targets}")
    finally:
        for page in contexts.values():
            page.context.close()

    assert crawl.shapes, "the crawl read no page"
    assert not crawl.problems, f"{len(crawl.problems)} problems:\n" + "\n".join(crawl.problems)


def test_the_crawls_reader_catches_what_it_is_meant_to():
    """The checks themselves: an English label, a placeholder and a second <h1> are seen; an
    official paper (translate="no") and a typed value are not; ids fold into one shape."""
    reader = PageReader()
    reader.feed(
        '<h1>Kế hoạch</h1><label>Order</label><input placeholder="Search"><h1>Hai</h1>'
        '<article translate="no"><p>the paper</p></article><textarea>and</textarea><a href="/a/12/?x=1">Xem</a>'
    )
    assert reader.h1 == 2
    assert [w for w in WORD.findall(reader.visible_text()) if w.lower() in ENGLISH_WORDS] == ["Order", "Search"]
    assert shape(local(reader.links[0], "/")) == shape("/a/7/?x=2") == "/a/<n>/?x"
