"""Read the content folder into a validated `Library`.

Every problem is collected, not just the first, so an author fixes a whole
batch in one pass. Each problem names the file and the field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml
from pydantic import ValidationError

from ..config import SHIPPED_CONTENT_DIR
from .problems import ContentError, Problem
from .files import FAILED, MAX_DEPTH, MAX_LESSON_BYTES, MAX_QUIZ_BYTES, TooDeep, safe_load, split_front_matter, yaml_problem
from .bank import bank, practice_sets, shortfalls
from .help_directory import EMPTY, HELP_FILE, HELP_LINK, HelpDirectory
from .pathways import NO_PATHWAYS, PATHWAYS_FILE, Pathways
from .teacher_notes import NOTES_FILE, TeacherNotes
from .tips import NO_TIPS, TIPS_FILE, TakeAwayTips
from .images import file_digest, image_size
from .markdown import MediaFile, render_document
from .models import LANGUAGES, SLUG_PATTERN, SHARED_LESSON_FIELDS, Lesson, LessonMeta, LessonText, Quiz
from .validation import LANGUAGE_NAMES, validation_problems

@dataclass
class Library:
    lessons: dict[str, Lesson] = field(default_factory=dict)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    help: HelpDirectory = EMPTY
    tips: TakeAwayTips = NO_TIPS
    pathways: Pathways = NO_PATHWAYS
    practice_sets: list[Quiz] = field(default_factory=list)  # also in `quizzes`, so they are taken like any quiz

    def authored_quizzes(self) -> list[Quiz]:
        """The quizzes from files, by slug: the bank that draws are made from."""
        drawn = {quiz.slug for quiz in self.practice_sets}
        return [self.quizzes[slug] for slug in sorted(self.quizzes) if slug not in drawn]

    def sorted_lessons(self, lang: str) -> list[Lesson]:
        return sorted(self.lessons.values(), key=lambda l: (l.meta.order, l.text(lang).meta.title))

    def sorted_quizzes(self, lang: str) -> list[Quiz]:
        return sorted(self.quizzes.values(), key=lambda q: (q.order, q.title.get(lang)))


class _Loader:
    def __init__(self, root: Path, media_url: Callable[[str, str], str], callout_titles: dict[str, dict[str, str]]):
        self.root = root
        self.media_url = media_url
        self.callout_titles = callout_titles
        self.problems: list[Problem] = []
        self.library = Library()
        # Slugs with a file, valid or not: a reference to a broken file is
        # not reported again as a reference to a missing one.
        self.lesson_files: set[str] = set()
        self.quiz_files: set[str] = set()
        # (file, field, channel id) of every link to the help directory.
        self.help_links: list[tuple[Path, str, str]] = []

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def problem(self, path: Path, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.rel(path), field_name, message))

    def _check_name(self, path: Path, name: str) -> bool:
        if re.fullmatch(SLUG_PATTERN, name):
            return True
        self.problem(path, "", "name must use only lowercase letters, digits and hyphens")
        return False

    def load(self) -> Library:
        for folder in ("lessons", "quizzes"):
            if not (self.root / folder).is_dir():
                self.problem(self.root / folder, "", "folder is missing")
        if not self.problems:
            self.load_shared(HELP_FILE, HelpDirectory, "help")
            self.load_shared(TIPS_FILE, TakeAwayTips, "tips")
            if (self.root / "lessons" / PATHWAYS_FILE).is_file():  # names this folder's lessons: never the shipped one
                self.library.pathways = self.load_model(self.root / "lessons" / PATHWAYS_FILE, Pathways) or NO_PATHWAYS
            for lesson_dir in sorted(p for p in (self.root / "lessons").iterdir() if p.is_dir()):
                self.load_lesson(lesson_dir)
            for path in sorted((self.root / "quizzes").iterdir()):
                if path.suffix == ".yaml":
                    self.load_quiz(path)
                elif path.suffix == ".yml":
                    self.problem(path, "", "quiz files must end in .yaml")
            self.check_references()
            if not self.problems:
                self.draw_practice_sets()
        if self.problems:
            raise ContentError(self.problems)
        return self.library

    # lessons -----------------------------------------------------------

    def load_lesson(self, folder: Path) -> None:
        self.lesson_files.add(folder.name)
        if not self._check_name(folder, folder.name):
            return
        texts: dict[str, LessonText] = {}
        for lang in LANGUAGES:
            path = folder / f"{lang}.md"
            if not path.is_file():
                self.problem(path, "", f"the {LANGUAGE_NAMES[lang]} version of the lesson is missing")
                continue
            text = self.load_lesson_text(path, folder, lang)
            if text:
                texts[lang] = text
        if len(texts) != len(LANGUAGES):
            return
        for name in SHARED_LESSON_FIELDS:
            values = {lang: getattr(texts[lang].meta, name) for lang in LANGUAGES}
            if values["vi"] != values["en"]:
                self.problem(folder / "en.md", name, f"differs from vi.md ({values['en']!r} vs {values['vi']!r}); it must be the same in both languages")
        notes = self.load_model(folder / NOTES_FILE, TeacherNotes) if (folder / NOTES_FILE).is_file() else None
        self.library.lessons[folder.name] = Lesson(slug=folder.name, texts=texts, notes=notes)

    def read(self, path: Path, limit: int) -> str | None:
        """The file's text, or None with the problem recorded."""
        size = path.stat().st_size
        if size > limit:
            self.problem(path, "", f"is {size:,} bytes; the limit is {limit:,} (split it into smaller files)")
            return None
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.problem(path, "", "is not UTF-8 text")
            return None

    def parse(self, path: Path, text: str, line_offset: int = 0):
        """The YAML in `text`, or FAILED with the problem recorded."""
        try:
            return safe_load(text)
        except yaml.YAMLError as exc:
            self.problems.append(yaml_problem(self.rel(path), exc, line_offset))
        except TooDeep:
            self.problem(path, "", f"nests deeper than {MAX_DEPTH} levels")
        return FAILED

    def load_lesson_text(self, path: Path, folder: Path, lang: str) -> LessonText | None:
        raw = self.read(path, MAX_LESSON_BYTES)
        if raw is None:
            return None
        parts = split_front_matter(raw)
        if parts is None:
            self.problem(path, "", "must start with front matter between two '---' lines")
            return None
        front, body = parts
        self.help_links += [(path, "body", channel) for channel in HELP_LINK.findall(body)]
        data = self.parse(path, front, line_offset=1)
        if data is FAILED:
            return None
        if not isinstance(data, dict):
            self.problem(path, "front matter", "must be a set of 'field: value' lines")
            return None
        try:
            meta = LessonMeta.model_validate(data)
        except ValidationError as exc:
            self.problems.extend(validation_problems(self.rel(path), exc))
            return None

        def media_file(name: str) -> MediaFile | None:
            target = (folder / name).resolve()
            if folder.resolve() not in target.parents or not target.is_file():
                return None
            url = self.media_url(folder.name, target.relative_to(folder.resolve()).as_posix())
            # The file's fingerprint in the address: the picture can be cached for good,
            # and an author's new version arrives under a new address.
            return MediaFile(f"{url}?v={file_digest(target)}", image_size(target))

        body_problems: list[str] = []
        html = render_document(body, callout_titles=self.callout_titles[lang], media_file=media_file, problems=body_problems)
        for message in body_problems:
            self.problem(path, "body", message)
        return LessonText(meta=meta, html=html)

    # quizzes -----------------------------------------------------------

    def load_quiz(self, path: Path) -> None:
        self.quiz_files.add(path.stem)
        if not self._check_name(path, path.stem):
            return
        raw = self.read(path, MAX_QUIZ_BYTES)
        if raw is None:
            return
        data = self.parse(path, raw)
        if data is FAILED:
            return
        if not isinstance(data, dict):
            self.problem(path, "", "must be a set of 'field: value' lines")
            return
        if "slug" in data:
            self.problem(path, "slug", "unknown field: the quiz's slug is its file name")
            return
        self.help_links += [(path, name, channel) for name, text in _strings(data) for channel in HELP_LINK.findall(text)]
        try:
            quiz = Quiz.model_validate({**data, "slug": path.stem})
        except ValidationError as exc:
            self.problems.extend(validation_problems(self.rel(path), exc))
            return
        self.library.quizzes[quiz.slug] = quiz

    # YAML files beside lessons and quizzes: the help directory, take-away tips, teacher notes

    def load_model(self, path: Path, model):
        """A YAML file as `model`, or None with its problems recorded."""
        raw = self.read(path, MAX_QUIZ_BYTES)
        data = FAILED if raw is None else self.parse(path, raw)
        if data is FAILED:
            return None
        self.help_links += [(path, name, channel) for name, text in _strings(data) for channel in HELP_LINK.findall(text)]
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.problems.extend(validation_problems(self.rel(path), exc))
            return None

    def load_shared(self, name: str, model, attribute: str) -> None:
        """An author's own folder may leave one out: the shipped file is used
        then, so no page is ever without the national help numbers."""
        path = self.root / "lessons" / name
        loaded = self.load_model(path if path.is_file() else SHIPPED_CONTENT_DIR / "lessons" / name, model)
        if loaded is not None:
            setattr(self.library, attribute, loaded)

    # cross references --------------------------------------------------

    def check_references(self) -> None:
        lessons, quizzes = self.lesson_files, self.quiz_files
        for lesson in self.library.lessons.values():
            for i, slug in enumerate(lesson.meta.related_quizzes):
                if slug not in quizzes:
                    self.problem(self.root / "lessons" / lesson.slug / "vi.md", f"related_quizzes[{i}]", f"no quiz named {slug!r}")
        for quiz in self.library.quizzes.values():
            path = self.root / "quizzes" / f"{quiz.slug}.yaml"
            for i, slug in enumerate(quiz.related_lessons):
                if slug not in lessons:
                    self.problem(path, f"related_lessons[{i}]", f"no lesson named {slug!r}")
            for i, question in enumerate(quiz.questions):
                if question.review_lesson and question.review_lesson not in lessons:
                    self.problem(path, f"questions[{i}].review_lesson", f"no lesson named {question.review_lesson!r}")
        for i, pathway in enumerate(self.library.pathways.pathways):
            for j, slug in enumerate(pathway.lessons):
                if slug not in lessons:
                    self.problem(self.root / "lessons" / PATHWAYS_FILE, f"pathways[{i}].lessons[{j}]", f"no lesson named {slug!r}")
        for path, name, channel in self.help_links:
            if self.library.help.channel(channel) is None:
                self.problem(path, name, f"links to /help#{channel}, but lessons/{HELP_FILE} has no channel with that id")

    def draw_practice_sets(self) -> None:
        practice = self.library.pathways.contest_practice
        if practice is None:
            return
        path = self.root / "lessons" / PATHWAYS_FILE
        for slug in practice.slugs():
            if slug in self.library.quizzes:
                self.problem(path, "contest_practice.sets", f"a practice set would be named {slug!r}, as quizzes/{slug}.yaml is")
        for i, pick, have in shortfalls(bank(self.library, practice.youngest_age), practice.picks):
            self.problem(path, f"contest_practice.picks[{i}]",
                         f"wants {pick.count} questions of topic {pick.topic!r} at difficulty {pick.difficulty} "
                         f"for learners from age {practice.youngest_age}; the bank has {have}")
        if not self.problems:
            self.library.practice_sets = practice_sets(self.library, practice)
            self.library.quizzes.update((quiz.slug, quiz) for quiz in self.library.practice_sets)


def _strings(data, prefix: str = ""):
    """(field path, text) for every string in parsed YAML, named as authors wrote it."""
    if isinstance(data, str):
        yield prefix, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, f"{prefix}[{i}]")


def load_library(root: Path, media_url: Callable[[str, str], str], callout_titles: dict[str, dict[str, str]]) -> Library:
    """Load and validate everything under `root`; raise ContentError listing every problem."""
    return _Loader(Path(root), media_url, callout_titles).load()
