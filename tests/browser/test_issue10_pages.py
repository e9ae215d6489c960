"""Issue 10's visible items on the student's side, on a 360 px phone and a 1366 px
laptop, in both languages: partial credit said in words on the result page,
Markdown in clue explanations rendered on the review page, the re-entry code on
one line, a name that looks like a phone number or an email refused at join
with the hint, and each quiz intro's question count matching the quiz."""
import re

import pytest
from playwright.sync_api import expect

from .answering import answer_first, go_on


WORDS = {
    "vi": {"unsure": "Không chắc", "lend": "Cho mình mượn 2 triệu gấp", "hang_up": "Cúp máy và gọi 113",
           "deposit": "Chuyển khoản đặt cọc ngay để giữ chỗ rồi hỏi sau",
           "order": {"Ngừng chuyển tiền": "1", "Gọi ngân hàng": "3", "Lưu bằng chứng": "4", "Báo công an": "2"},
           "partial": "2/7 điểm, cộng điểm đúng một phần (39%)", "right": "Em làm đúng 2/7 câu.",
           "warning": "Dấu hiệu cảnh báo",
           "contact": "Tên không được giống số điện thoại hay địa chỉ email. Chỉ cần tên gọi là đủ.",
           "hint": "Chỉ cần tên của bạn là đủ. Đừng nhập số điện thoại, email hay địa chỉ.",
           "count": r"(?:Tối đa )?(\d+) câu hỏi", "up_to": "Tối đa", "ages": "Bạn bao nhiêu tuổi?",
           "counts": r"\b(mười|mươi)\b"},  # ten and up: smaller number words are everyday words
    "en": {"unsure": "Not sure", "lend": "Lend me 2 million now", "hang_up": "Hang up and call 113",
           "deposit": "Pay the deposit now to hold a place and ask later",
           "order": {"Stop sending money": "1", "Call your bank": "3", "Keep evidence": "4", "Report to the police": "2"},
           "partial": "2 of 7 points and partial credit (39%)", "right": "2 questions right out of 7.",
           "warning": "Warning sign",
           "contact": "A name must not look like a phone number or an email address. A first name is enough.",
           "hint": "Your first name is enough. Do not type a phone number, an email or an address.",
           "count": r"(?:Up to )?(\d+) questions?", "up_to": "Up to", "ages": "How old are you?",
           "counts": r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty)\b"},
}


@pytest.fixture
def sized_page(new_page):
    return new_page()


def test_partial_credit_is_said_in_words(sized_page, test_content_server, ui, lang):
    """Red flags half found (0.5) and one step of four in place (0.25): 2.75
    points, shown as whole points, a percentage and "partial credit", never 2,75."""
    page = sized_page
    words, w = WORDS[lang], ui[lang]
    page.goto(f"{test_content_server.url}/quizzes/recognition?lang={lang}")
    page.get_by_role("button", name=w["start"]).click()
    form = page.locator("form.question-form")
    answers = [  # each question of the test content in turn
        lambda: form.get_by_role("radio", name=words["unsure"], exact=True).check(),  # verdict: 0
        lambda: form.get_by_role("radio", name=words["unsure"], exact=True).check(),  # verdict: 0
        lambda: form.get_by_role("button", name=re.compile(words["lend"])).click(),  # one flag of two: 0.5
        lambda: form.get_by_role("radio", name=words["hang_up"]).check(),  # 1
        lambda: form.get_by_role("checkbox", name=words["deposit"]).check(),  # 0
        lambda: form.locator(".side").filter(has_not_text="login-secure").get_by_role("radio").check(),  # 1
        lambda: [form.get_by_label(step).select_option(n) for step, n in words["order"].items()],  # 0.25
    ]
    for index, answer in enumerate(answers):
        expect(page.get_by_text(w["question"].format(n=index + 1, total=7))).to_be_visible()
        answer()
        form.get_by_role("button", name=w["check"]).click()
        go_on(page, w, last=index == 6)
    expect(page.locator(".score-value")).to_have_text(words["partial"])
    expect(page.locator(".result-summary")).to_contain_text(words["right"])


def test_clue_explanations_render_markdown_on_the_review_page(sized_page, live_server, library, ui, lang):
    """community-scams' first question explains a clue with `code` spans."""
    page = sized_page
    w, total = ui[lang], len(library.quizzes["community-scams"].questions)
    page.goto(f"{live_server.url}/quizzes/community-scams?lang={lang}")
    page.get_by_role("button", name=w["start"]).click()
    for index in range(total):
        answer_first(page, w)
        go_on(page, w, last=index == total - 1)
    page.locator("a.review-link").first.click()
    clues = page.locator(".clue-list")
    expect(clues).to_contain_text(WORDS[lang]["warning"])
    expect(clues.locator("code", has_text="senvangbank-doidiem")).to_be_visible()
    expect(clues.locator("code", has_text=".com.vn")).to_be_visible()
    assert "`" not in clues.inner_text()


def test_reentry_code_stays_on_one_line(sized_page, live_server, open_class, join_class, size, lang, browser):
    page = sized_page
    teacher = browser.new_context().new_page()
    code = open_class(teacher, live_server.url, lang, f"reentry-{lang}-{size}@school.example", f"Re {lang} {size}")
    teacher.context.close()
    join_class(page, live_server.url, lang, code, "Lan")
    personal = page.locator(".alert .join-code")
    expect(personal).to_have_text(re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$"))
    box = personal.evaluate("""el => {
        const style = getComputedStyle(el), rect = el.getBoundingClientRect();
        const line = style.lineHeight === "normal" ? 1.2 * parseFloat(style.fontSize) : parseFloat(style.lineHeight);
        return {boxes: el.getClientRects().length, height: rect.height, line: line, right: rect.right,
                width: document.documentElement.clientWidth};
    }""")
    assert box["boxes"] == 1 and box["height"] < 1.5 * box["line"], (size, lang, box)  # one line box
    assert box["right"] <= box["width"], (size, lang, box)  # and it fits


def test_contact_details_are_refused_as_a_name(sized_page, live_server, open_class, join_class, size, lang, browser, ui):
    page = sized_page
    words = WORDS[lang]
    teacher = browser.new_context().new_page()
    code = open_class(teacher, live_server.url, lang, f"contact-{lang}-{size}@school.example", f"Ct {lang} {size}")
    teacher.context.close()
    page.goto(f"{live_server.url}/join?lang={lang}")
    expect(page.locator("#display_name")).to_have_accessible_description(words["hint"])
    for name in ("0912 345 678", "+84.912.345.678", "lan@example.com"):
        page.locator("#code").fill(code)
        page.locator("#display_name").fill(name)
        with page.expect_response(lambda response: response.request.method == "POST") as posted:
            page.get_by_role("button", name=ui[lang]["join"], exact=True).click()
        assert posted.value.status == 400, name
        expect(page.locator(".alert-error")).to_have_text(words["contact"])
        expect(page.get_by_text(words["hint"])).to_be_visible()
        expect(page.locator(".join-code")).to_have_count(0)
    assert join_class(page, live_server.url, lang, code, "Lan 7A")  # a name with a class number is fine


def intro_count(page, words):
    """The intro's "N questions" (or "Up to N questions"): its text and N."""
    count = page.locator(".meta span").filter(has_text=re.compile(f"^{words['count']}$"))
    expect(count).to_be_visible()
    text = count.inner_text()
    return text, int(re.match(words["count"], text).group(1))


def test_quiz_intro_counts_the_questions_it_gives(browser, live_server, library, lang, ui):
    """Every shipped quiz, seen for the first time: the intro's count is what the
    quiz then gives (to the oldest age band, when it asks), and the summary keeps
    no count of its own (one said "Sixteen texts" over 18 questions). A quiz that
    asks the age and gives the youngest fewer questions says "up to" until it
    knows the age, then counts what that age gets. At one size: the words do not
    change with the screen, and every quiz at two sizes took four minutes."""
    words, w = WORDS[lang], ui[lang]
    for slug, quiz in library.quizzes.items():
        total = len(quiz.questions)
        bands = [None, 15] if quiz.gated else [None]  # None: the oldest band, chosen on the intro
        for band in bands:
            page = browser.new_context().new_page()
            intro = f"{live_server.url}/quizzes/{slug}?lang={lang}"
            page.goto(intro)
            text, shown = intro_count(page, words)
            assert shown == total, (slug, text)
            assert text.startswith(words["up_to"]) == (len(quiz.for_learner(None).questions) < total), (slug, text)
            for number in re.findall(words["counts"], page.locator(".lead").inner_text(), flags=re.I):
                pytest.fail(f"{slug}: the summary says {number!r}; the quiz has {total} questions")
            if quiz.gated:
                radios = page.get_by_role("group", name=words["ages"]).get_by_role("radio")
                (radios.last if band is None else radios.nth(2)).check()  # 18 or older; 15-17
            page.get_by_role("button", name=w["start"]).click()
            given = total if band is None else len(quiz.for_learner(band).questions)
            expect(page.get_by_text(w["question"].format(n=1, total=given), exact=True)).to_be_visible()
            page.goto(intro)  # the age is known now: no "up to", the count of what was given
            text, shown = intro_count(page, words)
            assert shown == given and not text.startswith(words["up_to"]), (slug, band, text)
            page.context.close()  # one at a time: a quiz takes a few pages
