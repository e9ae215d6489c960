"""The six newer mockup kinds (issue 15): notification, group chat, document,
QR code, bank transfer and video call. Each loads from YAML; a wrong field is
named by file and field; part ids are unique; each is drawn in both languages
with every part markable in a red-flags question, and after the answer its
clues are numbered on the parts they point at; a teacher's report names its
parts. The test quiz is tests/data/content/quizzes/new-mockups.yaml."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
import yaml
from sqlmodel import select

from edu.models import QuizAttempt
from edu.teach.wording import choice_label, mockup_label, part_label, question_text
from edu.web.db import get_session
from edu.web.mockup_view import qr_pattern

QUIZ_FILE = "quizzes/new-mockups.yaml"
URL = "/quizzes/new-mockups"
KINDS = ["notification", "group_chat", "document", "qr", "bank_transfer", "video_call"]
PARTS = {
    "notification": ["update", "update-link", "weather"],
    "group_chat": ["group", "member-count", "teacher", "copy", "parent", "pin", "fee", "ok", "mine"],
    "document": ["issuer", "number", "motto", "date", "title", "who", "case", "secret", "stamp", "signature"],
    "qr": ["issuer", "heading", "price", "code"],
    "bank_transfer": ["app", "warning", "from-account", "to-account", "to-name", "to-bank", "amount", "memo"],
    "video_call": ["caller", "number", "duration", "badge", "scene", "threat", "reply"],
}
CAPTIONS = {
    "en": ["A phone's lock screen: 2 notifications, from Messages, Weather", "Group chat “Class 4A parents”",
           "Image of a summons from MINISTRY OF PUBLIC SECURITY TEST INVESTIGATION DEPARTMENT",
           "A poster with a QR code: Pay your parking fee", "Transfer screen of the banking app TestBank",
           "Video call with Officer Test"],
}
# What each kind shows in each language: its words reach the page in that language.
SHOWS = {
    "vi": ["Tài khoản định danh của bạn sẽ bị khoá", "Quản trị viên", "GIẤY TRIỆU TẬP", "Quét để thanh toán",
           "2.500.000 VND", "Con bạn đang bị tạm giữ"],
    "en": ["Your identity account will be locked", "Admin", "SUMMONS", "Scan to pay", "2,500,000 VND",
           "Your child is being held"],
}
OPENS = {"vi": "Mở tới: https://baixe-test-pay.top/thanhtoan", "en": "Opens: https://baixe-test-pay.top/thanhtoan"}


@pytest.fixture
def quiz(content, load):
    return load(content).quizzes["new-mockups"]


def edit(root, index, change):
    path = root / QUIZ_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["questions"][index]["mockup"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


# --- loading --------------------------------------------------------------------------

def test_each_new_kind_loads_with_its_parts(quiz):
    assert [q.mockup.kind for q in quiz.questions] == KINDS
    assert {q.mockup.kind: q.mockup.part_ids() for q in quiz.questions} == PARTS
    group = quiz.question("n2").mockup
    assert [m.admin for m in group.members] == [True, False, False]
    assert group.messages[0].from_ == "copy" and group.pinned.from_ == "teacher"
    assert quiz.question("n4").mockup.code.sticker is True
    assert quiz.question("n5").mockup.amount == 2_500_000
    # Plain strings serve both languages where a name or a number reads the same.
    assert quiz.question("n1").mockup.notifications[0].title.vi == "DINHDANH-CAPNHAT"


BAD_FIELDS = [
    (0, lambda m: m["notifications"][0].pop("text"), "mockup.notifications[0].text: this field is required"),
    (0, lambda m: m["notifications"][1].update(icon="WTH"),
     "mockup.notifications[1].icon: String should have at most 2 characters"),
    (1, lambda m: m["messages"][0].update({"from": "ghost"}),
     "mockup: message 'fee': from 'ghost' is not one of the members (teacher, copy, parent) nor me"),
    (1, lambda m: m["members"][0].pop("admin"),
     "mockup: members: mark at least one member admin: true (every group has an admin)"),
    (1, lambda m: m.update(member_count=2), "mockup: member_count: 2 is fewer than the 3 members listed"),
    (2, lambda m: m.update(document="passport"),
     "mockup.document: Input should be 'summons', 'warrant', 'admission-letter', 'transfer-receipt', "
     "'invoice', 'contract', 'certificate' or 'notice'"),
    (2, lambda m: m["fields"][0]["label"].pop("en"), "mockup.fields[0].label.en: the English text is missing"),
    (2, lambda m: (m.pop("fields"), m.pop("body")), "mockup: a document needs fields or a body"),
    (3, lambda m: m["code"].pop("target"), "mockup.code.target: this field is required"),
    (3, lambda m: m.update(printed_on="wall"), "mockup.printed_on: Input should be 'poster' or 'bill'"),
    (4, lambda m: m.update(amount="lots"),
     "mockup.amount: Input should be a valid integer, unable to parse string as an integer"),
    (4, lambda m: m.update(to_acount="0506 777 999"), "mockup.to_acount: unknown field (check its spelling)"),
    (5, lambda m: m.update(duration="3 minutes"), "mockup.duration: String should match pattern "
     "'^\\d{1,2}:[0-5]\\d(:[0-5]\\d)?$'"),
    (5, lambda m: m.pop("scene"), "mockup.scene: this field is required"),
]


@pytest.mark.parametrize("index, change, message", BAD_FIELDS,
                         ids=[f"{KINDS[i]}-{n}" for n, (i, _, _) in enumerate(BAD_FIELDS)])
def test_a_bad_field_is_named_by_file_and_field(content, problems, index, change, message):
    edit(content, index, change)
    assert problems(content) == [f"{QUIZ_FILE}: questions[{index}].{message}"]


DUPLICATES = [
    (0, lambda m: m["notifications"][1].update(id="update-link"), "update-link"),
    (1, lambda m: m["members"][2].update(id="group"), "group"),  # a member named like a header part
    (1, lambda m: m["messages"][1].update(id="pin"), "pin"),
    (2, lambda m: m["body"][0].update(id="who"), "who"),
    (3, lambda m: m["lines"][0].update(id="code"), "code"),
    (5, lambda m: m["badges"][0].update(id="threat"), "threat"),
]


@pytest.mark.parametrize("index, change, part", DUPLICATES, ids=[KINDS[i] for i, _, _ in DUPLICATES])
def test_part_ids_are_unique_in_a_mockup(content, problems, index, change, part):
    edit(content, index, change)
    assert problems(content) == [
        f"{QUIZ_FILE}: questions[{index}].mockup: part id {part!r} is used twice in this mockup"]


def test_a_clue_must_point_at_a_part_of_the_new_kind(content, problems):
    path = content / QUIZ_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"][4]["red_flags"][0]["part"] = "button"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert problems(content) == [f"{QUIZ_FILE}: questions[4]: red_flags: part 'button' is not in the mockup "
                                 f"(its parts: {', '.join(PARTS['bank_transfer'])})"]


# --- drawn, marked, revealed ----------------------------------------------------------

class _CluedParts(HTMLParser):
    """Each part with a clue on it after the answer: its clue numbers and its text."""

    def __init__(self):
        super().__init__()
        self.depth, self.open, self.found = 0, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "span":
            self.depth += 1
            if "part-clue" in (dict(attrs).get("class") or "").split():
                self.open.append([self.depth, ""])

    def handle_endtag(self, tag):
        if tag == "span":
            if self.open and self.open[-1][0] == self.depth:
                self.found.append(" ".join(self.open.pop()[1].split()))
            self.depth -= 1

    def handle_data(self, data):
        for item in self.open:
            item[1] += data


def clued_parts(page: str) -> dict[int, str]:
    """{clue number: the text of the part it is on} in the page's first figure."""
    parser = _CluedParts()
    parser.feed(re.search(r"<figure.*?</figure>", page, re.S).group(0))
    parts = {}
    for text in parser.found:  # each starts with its clue numbers: "Clue 1", "Dấu hiệu 2"
        for number in re.findall(r"^(?:(?:Clue|Dấu hiệu) (\d+) ?)", text):
            parts[int(number)] = text
    return parts


def figure(page: str) -> str:
    return re.search(r"<figure.*?</figure>", page, re.S).group(0)


def attempt_seed(app) -> int:
    with app.app_context():
        return get_session().exec(select(QuizAttempt.seed).order_by(QuizAttempt.id.desc())).first()


def test_each_kind_is_drawn_marked_and_revealed_in_both_languages(client, app, page_form):
    quiz = app.extensions["content"].library.quizzes["new-mockups"]
    client.post(f"{URL}/start", data={"age_band": "18"})
    seed = attempt_seed(app)
    for index, question in enumerate(quiz.questions):
        kind, parts = KINDS[index], question.mockup.part_ids()
        for lang in ("vi", "en"):
            page = html.unescape(client.get(f"{URL}/question?lang={lang}").text)
            drawn = figure(page)
            assert f'<figure class="mockup mockup-{kind}"' in drawn
            caption = re.search(r'<figcaption class="mockup-caption">(.*?)</figcaption>', drawn).group(1)
            assert caption and (lang == "vi" or caption == CAPTIONS["en"][index]), caption
            assert SHOWS[lang][index] in drawn, (kind, lang)
            boxes = re.findall(r'<input type="checkbox" class="part-box" name="choice" value="(p\d+)">', drawn)
            if question.type == "red_flags":  # every part is a checkbox, named by position only
                assert boxes == [f"p{n}" for n in range(1, len(parts) + 1)], (kind, boxes)
            else:
                assert boxes == []
            # No author's id in the drawing (a member called "copy" would tell): parts are p1, p2...
            values = re.findall(r'\b(?:id|value|for|aria-[a-z]+)="([^"]*)"', drawn)
            named = {word for value in values for word in [value, *re.split(r"[\s-]+", value)]}
            authored = set(parts) - set(question.mockup.HEADER_PARTS)
            assert not authored & named, (kind, authored & named)
            assert not any(f"from-{part}" in drawn for part in authored), kind
        if kind == "qr":
            assert OPENS["en"] in drawn
            assert re.search(r'<span class="mock-link" tabindex="0" aria-describedby="([^"]+)">', drawn)
            assert 'class="qr-frame qr-sticker"' in drawn and "on a sticker stuck over the printed code" in drawn
        if question.type == "red_flags":
            chosen = [question.red_flags[0].part, parts[0]]
        else:
            chosen = [o.id for o in question.options if o.correct]
        form = page_form(app, "new-mockups", question.id, chosen, seed=seed)
        response = client.post(f"{URL}/answer?lang=en", data=form)
        assert response.status_code == 200, response.text
        check_revealed(question, html.unescape(response.text), marked=chosen if question.type == "red_flags" else [])
    for number, question in enumerate(quiz.questions, start=1):
        explained = html.unescape(client.get(f"{URL}/result/{number}?lang=vi").text)
        check_revealed(question, explained, marked=None)


def check_revealed(question, page, marked):
    """Each clue numbered on the part it points at, in the order of the clue list; the student's marks tagged."""
    numbered = clued_parts(page)
    assert sorted(numbered) == list(range(1, len(question.clues) + 1)), (question.id, numbered)
    expected = {"update-link": "dinhdanh.gov.vn/capnhat", "update": "DINHDANH-CAPNHAT", "copy": "Cô Hạnh - GVCN",
                "fee": "0312 888 777", "secret": "", "case": "", "code": "", "warning": "", "memo": "",
                "badge": "", "threat": ""}
    for number, (flag, red) in enumerate(question.clues, start=1):
        assert expected.get(flag.part, "") in numbered[number], (question.id, flag.part, numbered[number])
    drawn = figure(page)
    assert drawn.count('class="clue-number clue-red"') == len(question.red_flags)
    assert len(re.findall(r'<li class="clue-item-red">', page)) == len(question.red_flags)
    if marked is not None:
        assert drawn.count('class="mark-tag"') == len(set(marked))
    if question.mockup.kind == "qr":
        shown = r'<span class="link-target is-shown" id="[^"]+">(Opens|Mở tới): https://baixe-test-pay.top/thanhtoan'
        assert re.search(shown, drawn)


# --- in a teacher's words -------------------------------------------------------------

def test_a_report_names_the_parts_and_the_mockup(app):
    quiz = app.extensions["content"].library.quizzes["new-mockups"]
    q = quiz.question
    with app.test_request_context("/?lang=en"):
        assert choice_label(quiz, q("n1"), "update-link", "en") == "Link: dinhdanh.gov.vn/capnhat"
        assert choice_label(quiz, q("n2"), "copy", "en") == "Cô Hạnh - GVCN"
        assert choice_label(quiz, q("n2"), "member-count", "en") == "Members: 38"
        assert choice_label(quiz, q("n3"), "case", "en") == "Reason: Linked to a money-laundering ring"
        assert choice_label(quiz, q("n3"), "stamp", "en") == "Stamp: Test Investigation Department"
        assert part_label(q("n4").mockup, "code", "en") == "QR code: https://baixe-test-pay.top/thanhtoan"
        assert part_label(q("n5").mockup, "amount", "vi") == "Amount: 2.500.000 VND"
        assert part_label(q("n5").mockup, "warning", "en") == "App's warning: This account has been reported for fraud."
        assert choice_label(quiz, q("n6"), "badge", "en") == "POLICE - VERIFIED"
        assert [mockup_label(x.mockup, "en") for x in quiz.questions] == [
            "Messages: DINHDANH-CAPNHAT", "Class 4A parents",
            "MINISTRY OF PUBLIC SECURITY TEST INVESTIGATION DEPARTMENT: SUMMONS", "Pay your parking fee",
            "TestBank: NGUYEN VAN TESTER 0506 777 999", "Officer Test 0799 456 123"]
        assert question_text(quiz, q("n6"), "en").endswith("(Officer Test 0799 456 123)")


def test_the_qr_drawing_is_a_look_not_a_code():
    """Two targets, two looks, the same each time; the target is not in the drawing (it is shown in words)."""
    one, two = qr_pattern("https://a.example/pay"), qr_pattern("https://b.example/pay")
    assert one == qr_pattern("https://a.example/pay") and one != two
    assert "a.example" not in one and 'aria-hidden="true"' in one
