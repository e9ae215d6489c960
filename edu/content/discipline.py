"""Warnings about how well the content measures judgement rather than
test-wiseness, and about facts that need checking again.

The loader refuses content that is broken; this module looks at content that
loads and asks whether a student could score by a trick (always the longest
option, always "false", always "all but one"), whether scams and genuine
messages share a phone number or a domain, and which scenarios are due for
review. `flask content check` prints the findings; the test suite fails on
any warning about the shipped content.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from .help_directory import HELP_FILE, HELP_LINK_WHOLE
from .loader import Library
from .models import LANGUAGES, Quiz
from .problems import Problem
from .questions import (BestResponseQuestion, MultipleQuestion, OrderingQuestion, RedFlagsQuestion, SingleQuestion,
                        TrueFalseQuestion, VerdictQuestion, WhichIsRealQuestion)

LONGEST_RIGHT_AT_MOST = 0.4
TRUE_SHARE = (0.4, 0.6)
SAME_PATTERN_AT_MOST = 1 / 3
GENUINE_AT_LEAST = 1 / 3
EXPLANATION_FIELDS = ("explanation", "explanation_true", "explanation_false", "advice")
# "Tell an adult you trust" or calling for help is never a late step.
EARLY_HELP = re.compile(r"trusted adult|adult you trust|người lớn|thầy cô|\b(111|113)\b", re.IGNORECASE)
PHONE = re.compile(r"(?<![\w.])(?:\+84|0)[\d .]{7,13}\d(?!\w)")
ACCOUNT = re.compile(r"(?<![\w.+])\d[\d ]{7,18}\d(?!\w)")
DOMAIN = re.compile(r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?![\w-])", re.IGNORECASE)
FILE_ENDINGS = {"pdf", "apk", "zip", "rar", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "mp4", "exe", "html"}


@dataclass
class Review:
    warnings: list[Problem] = field(default_factory=list)
    due: list[Problem] = field(default_factory=list)  # scenarios past their review_by date


def quiz_file(quiz: Quiz) -> str:
    return f"quizzes/{quiz.slug}.yaml"


def _field(quiz: Quiz, question) -> str:
    return f"questions[{quiz.questions.index(question)}] ({question.id})"


def _names(quiz: Quiz, questions) -> str:
    return ", ".join(q.id for q in questions)


# --- per quiz: a trick must not beat chance ---------------------------------

def _longest_is_right(question) -> bool:
    """Some right option is longer than every wrong one, in either language
    (a tie leaves "pick the longest" to chance)."""
    for lang in LANGUAGES:
        right = max(len(o.text.get(lang)) for o in question.options if o.correct)
        wrong = [len(o.text.get(lang)) for o in question.options if not o.correct]
        if wrong and right > max(wrong):
            return True
    return False


def _choice_lengths(quiz: Quiz) -> list[Problem]:
    choice = [q for q in quiz.questions if isinstance(q, (SingleQuestion, MultipleQuestion, BestResponseQuestion))]
    longest = [q for q in choice if _longest_is_right(q)]
    if choice and len(longest) > LONGEST_RIGHT_AT_MOST * len(choice):
        return [Problem(quiz_file(quiz), "questions", (
            f"the right option is the longest in {len(longest)} of {len(choice)} choice questions "
            f"({_names(quiz, longest)}); at most {LONGEST_RIGHT_AT_MOST:.0%} may be: shorten the right option "
            "or give a wrong one the detail a real mistake would have"))]
    return []


def _true_false_balance(quiz: Quiz) -> list[Problem]:
    questions = [q for q in quiz.questions if isinstance(q, TrueFalseQuestion)]
    trues = sum(q.answer for q in questions)
    n = len(questions)
    low, high = TRUE_SHARE
    # An odd count cannot split exactly: one off the middle is as close as it gets.
    if n and abs(trues - n / 2) > max((high - low) / 2 * n, 0.5):
        return [Problem(quiz_file(quiz), "questions", (
            f"{trues} of {n} true/false questions are true ({_names(quiz, questions)}); "
            f"keep between {low:.0%} and {high:.0%} true so always answering one side does not pay"))]
    return []


def _select_all_patterns(quiz: Quiz) -> list[Problem]:
    questions = [q for q in quiz.questions if isinstance(q, MultipleQuestion)]
    patterns = Counter((len(q.correct_ids), len(q.options)) for q in questions)
    problems = []
    for (right, total), count in sorted(patterns.items()):
        if count > 1 and count > SAME_PATTERN_AT_MOST * len(questions):
            same = [q for q in questions if (len(q.correct_ids), len(q.options)) == (right, total)]
            problems.append(Problem(quiz_file(quiz), "questions", (
                f"{count} of {len(questions)} select-all questions key {right} of {total} options "
                f"({_names(quiz, same)}); vary how many are right (at most a third alike)")))
    return problems


def _genuine_share(quiz: Quiz) -> list[Problem]:
    verdicts = [q for q in quiz.questions if isinstance(q, VerdictQuestion)]
    pairs = [q for q in quiz.questions if isinstance(q, WhichIsRealQuestion)]
    genuine = sum(q.answer == "safe" for q in verdicts) + len(pairs)
    total = len(verdicts) + len(pairs)
    if total and genuine < GENUINE_AT_LEAST * total:
        return [Problem(quiz_file(quiz), "questions", (
            f"only {genuine} of {total} verdict and which-is-real items show a genuine message "
            f"({_names(quiz, verdicts + pairs)}); at least a third must, or students learn that everything is a scam"))]
    return []


def _ordering(quiz: Quiz) -> list[Problem]:
    problems = []
    for question in quiz.questions:
        if not isinstance(question, OrderingQuestion):
            continue
        where = _field(quiz, question)
        if question.fixed_because is None:
            problems.append(Problem(quiz_file(quiz), where, (
                "an ordering question must say why no two steps could swap (fixed_because); "
                "if some could, ask a select-all or best-response question instead")))
        for position, step in enumerate(question.steps, start=1):
            texts = " ".join(step.text.get(lang) for lang in LANGUAGES)
            if position > (len(question.steps) + 1) // 2 and EARLY_HELP.search(texts):
                problems.append(Problem(quiz_file(quiz), f"{where}.steps[{position - 1}]", (
                    f"step {position} of {len(question.steps)} tells someone to get help; "
                    "telling a trusted adult or calling for help is never a late step")))
    return problems


# --- across the content -------------------------------------------------------

def mockup_role(question, side=None) -> str | None:
    """Whether a mockup is a scam or genuine, where the question says so."""
    if side is not None:
        return "genuine" if side.genuine else "scam"
    if isinstance(question, VerdictQuestion):
        return "genuine" if question.answer == "safe" else "scam"
    if isinstance(question, RedFlagsQuestion):
        return "scam"
    if getattr(question, "mockup", None) is not None and (question.red_flags or question.good_signs):
        return "scam" if question.red_flags else "genuine"
    return None


def identifiers(text: str) -> set[str]:
    """Phone numbers, account numbers and domains in a text, normalised."""
    found = set()
    for match in PHONE.findall(text):
        digits = re.sub(r"\D", "", match)
        found.add("0" + digits[2:] if match.startswith("+84") else digits)
    for match in ACCOUNT.findall(PHONE.sub(" ", text)):
        digits = re.sub(r"\D", "", match)
        if len(digits) >= 9:
            found.add(digits)
    for match in DOMAIN.findall(text):
        host = match.lower().removeprefix("www.")
        if host.rsplit(".", 1)[-1] not in FILE_ENDINGS:
            found.add(host)
    return found


def mockup_texts(mockup) -> list[str]:
    texts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            # A link's shown text may borrow a real brand's address: that is
            # the trick, not a second role. Its target is what counts.
            for key, item in value.items():
                if not (key == "text" and "target" in value):
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(mockup.model_dump())
    return texts


def identifier_uses(library: Library) -> dict[str, dict[str, list[str]]]:
    """Each number and domain on a mockup or in the help directory: by role
    ("scam", "genuine", "help"), the places ("quizzes/x.yaml question") it is used."""
    uses: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for quiz in library.authored_quizzes():
        for question in quiz.questions:
            mockups = [(side.mockup, mockup_role(question, side)) for side in getattr(question, "sides", [])]
            if getattr(question, "mockup", None) is not None:
                mockups.append((question.mockup, mockup_role(question)))
            for mockup, role in mockups:
                if role is None:
                    continue
                for text in mockup_texts(mockup):
                    for ident in identifiers(text):
                        uses[ident][role].append(f"{quiz_file(quiz)} {question.id}")
    for channel in library.help.channels:
        for ident in identifiers(channel.contact):
            uses[ident]["help"].append(f"lessons/{HELP_FILE} {channel.id}")
    return uses


def _shared_identifiers(library: Library) -> list[Problem]:
    problems = []
    for ident, roles in sorted(identifier_uses(library).items()):
        if len(roles) > 1:
            places = "; ".join(f"{role} in {', '.join(sorted(set(where)))}" for role, where in sorted(roles.items()))
            first = sorted(set(next(iter(roles.values()))))[0]
            problems.append(Problem(first.split(" ")[0], first.split(" ")[1], (
                f"{ident!r} plays two roles ({places}); give each role its own fictional number or domain")))
    return problems


def _bare_help_numbers(library: Library) -> list[Problem]:
    """Lessons and explanations link to the help directory rather than repeat a number's details."""
    numbers = library.help.short_numbers
    if not numbers:
        return []
    pattern = re.compile(r"(?<![\d/#\w])(" + "|".join(sorted(numbers)) + r")(?![\d\w])")
    problems = []

    def check(file: str, where: str, text: str) -> None:
        bare = sorted(set(pattern.findall(HELP_LINK_WHOLE.sub("", text))))
        if bare:
            problems.append(Problem(file, where, (
                f"mentions {', '.join(bare)} without linking it to the help directory, "
                f"e.g. [{bare[0]}](/help#<channel id>)")))

    for lesson in library.lessons.values():
        for lang in LANGUAGES:
            html = re.sub(r'<a href="/help#[^"]*"[^>]*>.*?</a>', "", lesson.text(lang).html)
            check(f"lessons/{lesson.slug}/{lang}.md", "body", re.sub(r"<[^>]+>", " ", html))
    for quiz in library.authored_quizzes():
        for question in quiz.questions:
            for name, text in _explanations(question.model_dump()):
                check(quiz_file(quiz), f"{_field(quiz, question)}.{name}", text)
    return problems


def _explanations(data, prefix: str = ""):
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{prefix}.{key}" if prefix else key
            if key in EXPLANATION_FIELDS and isinstance(value, dict):
                yield from ((f"{name}.{lang}", value[lang]) for lang in LANGUAGES)
            else:
                yield from _explanations(value, name)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _explanations(value, f"{prefix}[{i}]")


def _scenarios(library: Library, today: date, review: Review) -> None:
    for quiz in library.authored_quizzes():
        for question in quiz.questions:
            if getattr(question, "mockup", None) is None and not getattr(question, "sides", None):
                continue
            where = _field(quiz, question)
            if question.source is None or question.review_by is None:
                missing = " and ".join(n for n in ("source", "review_by") if getattr(question, n) is None)
                review.warnings.append(Problem(quiz_file(quiz), where, (
                    f"a scenario needs {missing}: the public warning it is based on (name, date) "
                    "and the date to check it again")))
            elif question.review_by < today:
                review.due.append(Problem(quiz_file(quiz), where, (
                    f"was due for review on {question.review_by.isoformat()} "
                    f"(based on {question.source.name}, {question.source.date})")))


def review_library(library: Library, today: date) -> Review:
    review = Review()
    for quiz in library.authored_quizzes():
        for rule in (_choice_lengths, _true_false_balance, _select_all_patterns, _genuine_share, _ordering):
            review.warnings += rule(quiz)
    review.warnings += _shared_identifiers(library) + _bare_help_numbers(library)
    _scenarios(library, today, review)
    return review
