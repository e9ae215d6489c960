"""Practice of a quiz with questions for older learners asks the age band
first, with and without JavaScript, in both languages: a band below every
question is told so and starts nothing; an older band gets the questions
written for it."""
import pytest
from playwright.sync_api import expect

QUIZ = "sextortion-response"  # every question is for 13 and up
WORDS = {
    "vi": {"age": "Bạn bao nhiêu tuổi?", "young": "11–14 tuổi", "older": "15–17 tuổi",
           "none": "Mọi câu hỏi trong bài này dành cho người lớn tuổi hơn"},
    "en": {"age": "How old are you?", "young": "11–14", "older": "15–17",
           "none": "Every question in this quiz is written for older learners"},
}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_practice_asks_the_age_band_and_keeps_to_it(browser, live_server, library, ui, lang, javascript):
    words = WORDS[lang]
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/quizzes/{QUIZ}?lang={lang}")
    ages = page.get_by_role("group", name=words["age"])
    expect(ages).to_be_visible()
    ages.get_by_label(words["young"], exact=True).check()
    page.get_by_role("button", name=ui[lang]["start"]).click()
    expect(page.get_by_role("alert").filter(has_text=words["none"])).to_be_visible()
    expect(ages.get_by_label(words["young"], exact=True)).to_be_checked()  # the band chosen is kept
    ages.get_by_label(words["older"], exact=True).check()
    page.get_by_role("button", name=ui[lang]["start"]).click()
    total = len(library.quizzes[QUIZ].for_learner(15).questions)
    assert 0 < total < len(library.quizzes[QUIZ].questions)
    expect(page.get_by_text(ui[lang]["question"].format(n=1, total=total))).to_be_visible()
    context.close()
