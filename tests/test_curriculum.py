"""The shipped curriculum keeps its size (issue 15): a count dropping below
what a school was promised fails here, not in a classroom."""
from __future__ import annotations

import pytest

from edu.config import REPO_ROOT
from edu.content import load_library

LESSONS, QUESTIONS, SCENARIOS = 20, 300, 130
GENUINE_SHARE = 0.4  # of verdict and which-is-real items
KEY_MESSAGES = (3, 5)


@pytest.fixture(scope="module")
def shipped():
    return load_library(REPO_ROOT, media_url=lambda slug, name: name, callout_titles={"vi": {}, "en": {}})


def _questions(library):
    return [q for quiz in library.authored_quizzes() for q in quiz.questions]


def _genuine(question) -> bool:
    """A verdict on a genuine message; a which-is-real item always shows one."""
    return question.family == "which_is_real" or (question.family == "verdict" and question.answer == "safe")


def test_at_least_twenty_lessons_each_with_key_messages_and_a_quiz(shipped):
    assert len(shipped.lessons) >= LESSONS
    for lesson in shipped.lessons.values():
        assert lesson.meta.related_quizzes, lesson.slug
        for lang in ("vi", "en"):
            low, high = KEY_MESSAGES
            count = len(lesson.text(lang).meta.key_messages)
            assert low <= count <= high, (lesson.slug, lang, count)


def test_at_least_three_hundred_questions_and_130_scenarios(shipped):
    questions = _questions(shipped)
    assert len(questions) >= QUESTIONS
    assert sum(1 for q in questions if q.mockups) >= SCENARIOS


def test_genuine_messages_are_at_least_two_in_five(shipped):
    judged = [q for q in _questions(shipped) if q.family in ("verdict", "which_is_real")]
    assert sum(_genuine(q) for q in judged) >= GENUINE_SHARE * len(judged)


def test_every_lessons_quiz_has_two_genuine_items(shipped):
    for lesson in shipped.lessons.values():
        quizzes = [shipped.quizzes[slug] for slug in lesson.meta.related_quizzes]
        assert any(sum(_genuine(q) for q in quiz.questions) >= 2 for quiz in quizzes), lesson.slug


def test_contest_practice_offers_at_least_three_sets_of_fifteen(shipped):
    assert len(shipped.practice_sets) >= 3
    assert all(len(quiz.questions) >= 15 for quiz in shipped.practice_sets)
