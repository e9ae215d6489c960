"""axe-core finds nothing on the pages anyone can open (home, lesson and quiz
lists with and without matches, every lesson and quiz intro (without JavaScript,
the first lesson and a gated and an open quiz intro), help, a 404,
sign-in and sign-up fresh and refused, sign-up closed, joining a class and
continuing with a personal code fresh and refused), in both languages, with
JavaScript on and off, at 360x740 and 1920x1080 (tests/browser/axe.py)."""
import pytest

from edu.web.vocabulary import AUDIENCES, TOPICS

from .axe import Auditor, audit_context


def _no_match(items) -> str:
    """A topic and audience that no lesson or quiz of `items` (topic, audiences) has."""
    for topic in TOPICS:
        for audience in AUDIENCES:
            if not any(t == topic and audience in a for t, a in items):
                return f"topic={topic}&audience={audience}"
    raise AssertionError("every filter matches something")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_public_pages(browser, live_server, test_content_server, library, lang, javascript):
    audit, context = Auditor(javascript), audit_context(browser, javascript)
    page = context.new_page()

    def visit(path, state, base=live_server.url):
        page.goto(f"{base}{path}{'&' if '?' in path else '?'}lang={lang}")
        audit(page, state)

    visit("/", "home")
    visit("/lessons/", "lesson list")
    visit(f"/lessons/?{_no_match([(l.meta.topic, l.meta.audience) for l in library.lessons.values()])}",
          "lesson list, nothing matches")
    # Every lesson and quiz intro with JavaScript on; without it, the first of each: a content page
    # differs without JavaScript only in its scripts' parts, which the first already shows.
    lessons, quizzes = library.sorted_lessons(lang), library.sorted_quizzes(lang)
    if not javascript:
        lessons, quizzes = lessons[:1], [q for q in quizzes if q.gated][:1] + [q for q in quizzes if not q.gated][:1]
    for lesson in lessons:
        visit(f"/lessons/{lesson.slug}", f"lesson {lesson.slug}")
    visit("/quizzes/", "quiz list")
    visit(f"/quizzes/?{_no_match([(q.topic, q.audience) for q in library.quizzes.values()])}",
          "quiz list, nothing matches")
    for quiz in quizzes:
        visit(f"/quizzes/{quiz.slug}", f"quiz intro {quiz.slug}")
        if quiz.gated:
            page.locator(".start-form button[type=submit]").click()  # no age band chosen
            audit(page, f"quiz intro {quiz.slug}, age band missing")
    visit("/help", "help directory")
    visit("/no-such-page", "404")

    visit("/auth/signin", "teacher sign-in")
    page.locator("#email").fill(f"nobody-{lang}-{javascript}@school.example")
    page.locator("#password").fill("not the password")
    page.locator("form.stack button[type=submit]").click()
    audit(page, "teacher sign-in refused")
    visit("/auth/signup", "teacher sign-up")
    page.locator("#email").fill("not an email")
    page.locator("form.stack button[type=submit]").click()
    audit(page, "teacher sign-up with errors")
    visit("/auth/signup", "teacher sign-up closed", base=test_content_server.url)

    visit("/join", "join a class")
    page.locator("#code").fill("ZZZZ-ZZZZ")
    page.locator("#display_name").fill("Lan")
    page.locator("form.stack button[type=submit]").click()
    audit(page, "join refused")
    visit("/join/continue", "continue with a personal code")
    page.locator("form.stack button[type=submit]").click()
    audit(page, "continue with nothing typed")
    context.close()
    audit.assert_clean()
