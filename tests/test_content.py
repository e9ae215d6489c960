"""Loading content and every kind of validation problem."""
from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from edu.web import InvalidContent
from edu.config import REPO_ROOT
from edu.cli import content_cli
from edu.content.models import QUESTION_TYPES

QUIZ = "quizzes/first-quiz.yaml"
LESSON_VI = "lessons/first-lesson/vi.md"


def edit_quiz(root, change):
    path = root / QUIZ
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_shipped_content_is_valid(load):
    library = load(REPO_ROOT)
    assert len(library.lessons) >= 4
    assert len(library.quizzes) >= 3
    assert all(len(q.questions) >= 8 for q in library.quizzes.values())


def test_test_content_loads_into_typed_models(content, load):
    library = load(content)
    quiz = library.quizzes["first-quiz"]
    assert [q.type for q in quiz.questions] == ["single", "multiple", "true_false"]
    assert quiz.questions[1].correct_ids == {"x", "y"}
    assert quiz.questions[2].correct_ids == {"false"}
    lesson = library.lessons["first-lesson"]
    assert lesson.text("en").meta.title == "The first lesson"
    assert lesson.meta.related_quizzes == ["first-quiz"]


def test_missing_language_in_a_quiz_text(content, problems):
    edit_quiz(content, lambda d: d["questions"][0]["prompt"].pop("en"))
    assert problems(content) == [f"{QUIZ}: questions[0].prompt.en: the English text is missing"]


def test_missing_language_file_of_a_lesson(content, problems):
    (content / "lessons/first-lesson/en.md").unlink()
    assert problems(content) == ["lessons/first-lesson/en.md: the English version of the lesson is missing"]


def test_unknown_references(content, problems):
    edit_quiz(content, lambda d: d.update(related_lessons=["no-such-lesson"]))
    edit_quiz(content, lambda d: d["questions"][0].update(review_lesson="gone"))
    vi = (content / LESSON_VI).read_text(encoding="utf-8").replace("related_quizzes: [first-quiz]", "related_quizzes: [ghost]")
    (content / LESSON_VI).write_text(vi, encoding="utf-8")
    en = content / "lessons/first-lesson/en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("[first-quiz]", "[ghost]"), encoding="utf-8")
    assert sorted(problems(content)) == sorted([
        f"{LESSON_VI}: related_quizzes[0]: no quiz named 'ghost'",
        f"{QUIZ}: related_lessons[0]: no lesson named 'no-such-lesson'",
        f"{QUIZ}: questions[0].review_lesson: no lesson named 'gone'",
    ])


def test_duplicate_question_and_option_ids(content, problems):
    def duplicate(d):
        d["questions"][1]["id"] = "pick-one"
        d["questions"][0]["options"][1]["id"] = "a"
    edit_quiz(content, duplicate)
    found = problems(content)
    assert f"{QUIZ}: questions[0]: option id 'a' is used twice" in found
    # The quiz-level check runs only once its questions are valid.
    edit_quiz(content, lambda d: d["questions"][0]["options"][1].update(id="b"))
    assert problems(content) == [f"{QUIZ}: question id 'pick-one' is used twice"]


def test_question_with_no_correct_option(content, problems):
    edit_quiz(content, lambda d: d["questions"][0]["options"][1].pop("correct"))
    assert problems(content) == [f"{QUIZ}: questions[0]: no option is marked correct: true"]


def test_single_choice_with_two_correct_options(content, problems):
    edit_quiz(content, lambda d: d["questions"][0]["options"][0].update(correct=True))
    assert "use type: multiple" in problems(content)[0]


def test_invalid_yaml_names_its_line(content, problems):
    (content / QUIZ).write_text("title: {vi: a, en: b}\nsummary: [unclosed\n", encoding="utf-8")
    [problem] = problems(content)
    assert problem.startswith(f"{QUIZ}: line 3: invalid YAML")


def test_invalid_front_matter_names_its_line_in_the_file(content, problems):
    text = (content / LESSON_VI).read_text(encoding="utf-8")
    (content / LESSON_VI).write_text(text.replace("summary: Tóm tắt bài học.", "summary: [oops"), encoding="utf-8")
    [problem] = problems(content)
    assert problem.startswith(f"{LESSON_VI}: line 4: invalid YAML")  # where the parser stopped


def test_unknown_keys_are_errors(content, problems):
    edit_quiz(content, lambda d: d["questions"][0].update(explaination={"vi": "x", "en": "y"}))
    text = (content / LESSON_VI).read_text(encoding="utf-8")
    (content / LESSON_VI).write_text(text.replace("order: 1", "order: 1\nauthor: Lan"), encoding="utf-8")
    assert sorted(problems(content)) == sorted([
        f"{QUIZ}: questions[0].explaination: unknown field (check its spelling)",
        f"{LESSON_VI}: author: unknown field (check its spelling)",
    ])


def test_unknown_question_type_and_bad_values(content, problems):
    edit_quiz(content, lambda d: d["questions"][0].update(type="essay"))
    edit_quiz(content, lambda d: d.update(topic="cooking"))
    found = problems(content)
    assert f"{QUIZ}: questions[0]: unknown question type 'essay'; use one of: " + ", ".join(QUESTION_TYPES) in found
    assert any(p.startswith(f"{QUIZ}: topic: Input should be") for p in found)


def test_lesson_fields_must_match_across_languages(content, problems):
    en = content / "lessons/first-lesson/en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("topic: scams", "topic: privacy"), encoding="utf-8")
    [problem] = problems(content)
    assert problem.startswith("lessons/first-lesson/en.md: topic: differs from vi.md")


def test_missing_image_and_bad_names(content, problems):
    (content / "lessons/first-lesson/sms.svg").unlink()
    (content / "quizzes/Bad_Name.yaml").write_text("{}", encoding="utf-8")
    found = problems(content)
    assert f"{LESSON_VI}: body: image 'sms.svg' is not in the lesson's folder" in found
    assert "quizzes/Bad_Name.yaml: name must use only lowercase letters, digits and hyphens" in found


def test_every_problem_is_reported_at_once(content, problems):
    edit_quiz(content, lambda d: d["questions"][0]["prompt"].pop("vi"))
    (content / "lessons/first-lesson/en.md").unlink()
    assert len(problems(content)) == 2


def test_content_check_command(content):
    runner = CliRunner()
    ok = runner.invoke(content_cli, ["check", "--dir", str(content)])
    assert ok.exit_code == 0
    assert "1 lessons and 3 quizzes" in ok.output
    edit_quiz(content, lambda d: d["questions"][0]["options"][1].pop("correct"))
    bad = runner.invoke(content_cli, ["check", "--dir", str(content)])
    assert bad.exit_code != 0
    assert f"{QUIZ}: questions[0]: no option is marked correct: true" in bad.output


def test_app_refuses_to_start_on_invalid_content(content, make_app):
    edit_quiz(content, lambda d: d["questions"][0]["prompt"].pop("en"))
    with pytest.raises(InvalidContent) as caught:
        make_app(content_dir=content)
    assert f"{QUIZ}: questions[0].prompt.en: the English text is missing" in str(caught.value.code)


def test_debug_mode_reloads_changed_content(content, make_app):
    app = make_app(content_dir=content, DEBUG=True)
    client = app.test_client()
    assert "The first quiz" in client.get("/quizzes/first-quiz?lang=en").text
    edit_quiz(content, lambda d: d["title"].update(en="Renamed quiz"))
    assert "Renamed quiz" in client.get("/quizzes/first-quiz?lang=en").text


def test_shipped_recognition_content_is_varied_and_not_all_scams(load):
    """At least 30 scenario questions over (at least) the six first mockup kinds, a third of them genuine."""
    library = load(REPO_ROOT)
    scenarios, genuine, kinds = 0, 0, set()
    for quiz in library.quizzes.values():
        for question in quiz.questions:
            mockups = [s.mockup for s in question.sides] if question.type == "which_is_real" else [getattr(question, "mockup", None)]
            mockups = [m for m in mockups if m]
            if not mockups:
                continue
            scenarios += 1
            kinds |= {m.kind for m in mockups}
            genuine += question.type == "which_is_real" or (question.type == "verdict" and question.answer == "safe")
    assert scenarios >= 30
    assert kinds >= {"sms", "chat", "email", "social", "web", "call"}  # the newer kinds may join them
    assert genuine * 3 >= scenarios
