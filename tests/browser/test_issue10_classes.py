"""Issue 10's visible items between a teacher and a class, on a 360 px phone and
a 1366 px laptop, in both languages: homework given once (no retake offered, a
forged start refused), the assign list without what is assigned and grid
columns that say Quiz or Lesson, "Not started" for a quiz never begun, and the
join sheet printed in the class's language."""
import re

from playwright.sync_api import expect

from .answering import answer_first, go_on

OTHER = {"vi": "en", "en": "vi"}

WORDS = {
    "vi": {"item": "Bài học hoặc bài trắc nghiệm", "retakes": "Học sinh được làm lại sau khi đã làm xong",
           "assign": "Giao bài", "assigned": "Đã giao bài.", "not_allowed": "Không được phép",
           "quiz": "Bài trắc nghiệm", "lesson": "Bài học", "take_again": "Làm lại", "retake": "Làm lại bài này",
           "once": "Thầy cô chỉ giao bài này làm một lần, và em đã làm xong rồi.",
           "refused_title": "Bài này chỉ được làm một lần",
           "refused": "Em đã làm xong bài này, và thầy cô chỉ giao làm một lần. Kết quả của em vẫn được giữ nguyên.",
           "done": "Đã xong", "not_started": "Chưa bắt đầu", "in_progress": "Đang làm", "grid": "Bảng tiến độ",
           "sheet": "Phiếu vào lớp để in", "join_our": "Vào lớp của chúng ta: {name}", "scan": "Quét mã, hoặc truy cập:",
           "type_code": "Nhập mã lớp:", "print": "In"},
    "en": {"item": "Lesson or quiz", "retakes": "Students may take it again after finishing",
           "assign": "Assign", "assigned": "Assigned.", "not_allowed": "Not allowed",
           "quiz": "Quiz", "lesson": "Lesson", "take_again": "Take it again", "retake": "Take the quiz again",
           "once": "Your teacher gives this homework once, and you have finished it.",
           "refused_title": "This homework is given once",
           "refused": "You have finished this homework, and your teacher gives it only once. Your result is kept.",
           "done": "Done", "not_started": "Not started", "in_progress": "In progress", "grid": "Progress grid",
           "sheet": "Printable join sheet", "join_our": "Join our class: {name}", "scan": "Scan the code, or go to:",
           "type_code": "Type the class code:", "print": "Print"},
}


def assign(teacher, words, value, retakes=True):
    """Assigns "kind:slug" from the class page, the retakes box as asked."""
    teacher.get_by_label(words["item"]).select_option(value)
    if not retakes:
        teacher.get_by_label(words["retakes"]).uncheck()
    teacher.get_by_role("button", name=words["assign"], exact=True).click()
    expect(teacher.locator(".alert-success")).to_have_text(words["assigned"])


def forge_start(page, action, restart):
    """Posts the start form the page no longer offers (with the page's own CSRF
    token, so only the server's rule can refuse it); the response."""
    with page.expect_response(lambda response: response.url == action) as posted:
        page.evaluate("""([action, restart]) => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = action;
            const fields = {csrf_token: JSON.parse(document.body.dataset.hxHeaders)["X-CSRFToken"]};
            if (restart) fields.restart = "1";
            for (const [name, value] of Object.entries(fields)) {
                const input = document.createElement("input");
                input.type = "hidden"; input.name = name; input.value = value;
                form.append(input);
            }
            document.body.append(form);
            form.submit();
        }""", [action, restart])
    return posted.value


def test_homework_given_once_is_not_offered_again(new_page, live_server, library, open_class, join_class,
                                                  ui, size, lang):
    words, w, base, slug = WORDS[lang], ui[lang], live_server.url, "primary-online-safety"
    quiz = library.quizzes[slug]
    teacher = new_page()
    code = open_class(teacher, base, lang, f"once-{lang}-{size}@school.example", f"Once {lang} {size}")
    assign(teacher, words, f"quiz:{slug}", retakes=False)
    row = teacher.get_by_role("row", name=re.compile(re.escape(quiz.title.get(lang))))
    expect(row).to_contain_text(words["not_allowed"])

    student = new_page()
    join_class(student, base, lang, code, "Lan")
    student.get_by_role("link", name=f"{words['quiz']}: {quiz.title.get(lang)}").click()
    student.get_by_role("button", name=w["start"]).click()
    for index in range(len(quiz.questions)):
        answer_first(student, w)
        go_on(student, w, last=index == len(quiz.questions) - 1)
    expect(student.locator(".score-value")).to_be_visible()
    expect(student.get_by_role("button", name=words["retake"])).to_have_count(0)

    intro = f"{base}/me/quizzes/{slug}"
    student.goto(intro)
    expect(student.get_by_text(words["once"])).to_be_visible()
    expect(student.get_by_role("button", name=words["take_again"], exact=True)).to_have_count(0)
    expect(student.get_by_role("button", name=w["start"])).to_have_count(0)
    for restart in (True, False):  # the result page's "take the quiz again", the intro's "take it again"
        response = forge_start(student, f"{intro}/start", restart)
        assert response.status == 400, restart
        expect(student.get_by_role("heading", level=1)).to_have_text(words["refused_title"])
        expect(student.get_by_text(words["refused"])).to_be_visible()
    student.goto(f"{base}/me")  # nothing was started: still done
    expect(student.locator(".card", has_text=quiz.title.get(lang)).locator(".status")).to_contain_text(words["done"])


def grid_cell(teacher, student, title):
    """The grid's cell of `student` under the column whose header holds `title`."""
    headers = teacher.get_by_role("columnheader").all_inner_texts()
    column = next(i for i, text in enumerate(headers) if title in text)
    return teacher.get_by_role("row", name=re.compile(student)).get_by_role("cell").nth(column - 1)


def test_assign_list_and_grid_columns_say_quiz_or_lesson(new_page, live_server, library, open_class, join_class,
                                                         size, lang):
    words, base = WORDS[lang], live_server.url
    lesson, quiz = library.lessons["getting-help"], library.quizzes["community-scams"]
    lesson_title, quiz_title = lesson.text(lang).meta.title, quiz.title.get(lang)
    teacher = new_page()
    code = open_class(teacher, base, lang, f"columns-{lang}-{size}@school.example", f"Cols {lang} {size}")
    offered = teacher.get_by_label(words["item"]).locator("option:not([value=''])")
    before = offered.count()
    assert before == len(library.lessons) + len(library.quizzes)
    assign(teacher, words, "lesson:getting-help")
    assign(teacher, words, "quiz:community-scams")
    expect(offered).to_have_count(before - 2)
    expect(offered.filter(has_text=quiz_title)).to_have_count(0)
    expect(offered.filter(has_text=re.compile(f"^{re.escape(lesson_title)}$"))).to_have_count(0)
    assert "quiz:community-scams" not in offered.evaluate_all("options => options.map(o => o.value)")

    join_class(new_page(), base, lang, code, "Lan")  # the grid shows its table once a student has joined
    teacher.reload()
    teacher.get_by_role("link", name=words["grid"]).click()
    quiz_header = teacher.get_by_role("columnheader").filter(has_text=quiz_title)
    lesson_header = teacher.get_by_role("columnheader").filter(has_text=lesson_title)
    expect(quiz_header).to_contain_text(words["quiz"])
    expect(lesson_header).to_contain_text(words["lesson"])
    expect(quiz_header).not_to_contain_text(words["lesson"])
    expect(lesson_header).not_to_contain_text(words["quiz"])


def test_a_quiz_never_begun_is_not_started(new_page, live_server, library, open_class, join_class, ui, size, lang):
    words, w, base = WORDS[lang], ui[lang], live_server.url
    begun, untouched = library.quizzes["scam-messages"], library.quizzes["account-security"]
    teacher = new_page()
    code = open_class(teacher, base, lang, f"notstarted-{lang}-{size}@school.example", f"Ns {lang} {size}")
    assign(teacher, words, "quiz:scam-messages")
    assign(teacher, words, "quiz:account-security")

    student = new_page()
    join_class(student, base, lang, code, "Lan")
    student.get_by_role("link", name=f"{words['quiz']}: {begun.title.get(lang)}").click()
    student.get_by_role("button", name=w["start"]).click()
    answer_first(student, w)
    student.goto(f"{base}/me")
    cards = student.locator(".card")
    expect(cards.filter(has_text=untouched.title.get(lang)).locator(".status")).to_have_text(words["not_started"])
    expect(cards.filter(has_text=begun.title.get(lang)).locator(".status")).to_have_text(words["in_progress"])

    teacher.get_by_role("link", name=words["grid"]).click()
    expect(grid_cell(teacher, "Lan", untouched.title.get(lang))).to_have_text(words["not_started"])
    expect(grid_cell(teacher, "Lan", begun.title.get(lang))).to_have_text(words["in_progress"])


def test_join_sheet_prints_in_the_class_language(new_page, live_server, open_class, size, lang):
    """A teacher using the `lang` interface, a class in the other language: the
    sheet (what students read) is in the class's language; the teacher's pages are not."""
    class_lang = OTHER[lang]
    words, sheet_words, name = WORDS[lang], WORDS[class_lang], f"Sheet {lang} {size}"
    teacher = new_page()
    code = open_class(teacher, live_server.url, lang, f"sheet-{lang}-{size}@school.example", name, language=class_lang)
    teacher.get_by_role("link", name=words["sheet"]).click()
    expect(teacher.locator("html")).to_have_attribute("lang", class_lang)
    sheet = teacher.locator(".join-sheet")
    expect(sheet.get_by_role("heading", level=1)).to_have_text(sheet_words["join_our"].format(name=name))
    expect(sheet).to_contain_text(sheet_words["scan"])
    expect(sheet).to_contain_text(sheet_words["type_code"])
    expect(sheet.get_by_role("button", name=sheet_words["print"], exact=True)).to_be_visible()
    teacher.emulate_media(media="print")
    expect(sheet.get_by_role("heading", level=1)).to_be_visible()
    expect(sheet.locator(".join-code")).to_have_text(code)
    expect(sheet.locator(".qr svg")).to_be_visible()
    expect(sheet.get_by_role("button", name=sheet_words["print"], exact=True)).to_be_hidden()
    teacher.emulate_media(media="screen")
    teacher.go_back()  # the teacher's own page keeps the teacher's language
    expect(teacher.locator("html")).to_have_attribute("lang", lang)
    expect(teacher.get_by_role("link", name=words["sheet"])).to_be_visible()
