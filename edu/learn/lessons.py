"""Lesson list (filtered by topic and audience), lesson pages and their images."""
from flask import Blueprint, abort, redirect, render_template, request, send_from_directory, url_for

from ..web.content import current_library, current_store
from ..content.markdown import IMAGE_SUFFIXES
from ..web.db import get_session
from ..web.i18n import current_language
from ..web.learner import existing_learner_key
from ..services import progress
from ..web.security import mark_sensitive
from ..web.vocabulary import chosen_filters, matches

bp = Blueprint("lessons", __name__, url_prefix="/lessons")
MEDIA_MAX_AGE = 365 * 24 * 3600


@bp.get("/")
def index():
    lang = current_language()
    topic, audience = chosen_filters(request.args)
    lessons = [lesson for lesson in current_library().sorted_lessons(lang)
               if matches(lesson.meta.topic, lesson.meta.audience, topic, audience)]
    return render_template("learn/lessons/index.html", lessons=lessons, topic=topic, audience=audience)


@bp.get("/<slug>")
def show(slug):
    library = current_library()
    lesson = library.lessons.get(slug) or abort(404)
    if lesson.meta.sensitive:
        mark_sensitive()
    quizzes = [library.quizzes[s] for s in lesson.meta.related_quizzes]
    status = progress.lesson_opened(get_session(), existing_learner_key(), slug)  # None: not a student
    return render_template("learn/lessons/show.html", lesson=lesson, text=lesson.text(current_language()), quizzes=quizzes,
                           progress=status)


@bp.get("/<slug>/teacher-notes")
def teacher_notes(slug):
    """The lesson's notes for the teacher who runs it in class: a page to print."""
    lesson = current_library().lessons.get(slug)
    if lesson is None or lesson.notes is None:
        abort(404)
    return render_template("learn/lessons/teacher_notes.html", lesson=lesson, text=lesson.text(current_language()),
                           notes=lesson.notes)


@bp.post("/<slug>/finished")
def finished(slug):
    """"I have read it": what a teacher's grid shows as done. A visitor who is
    not a student has no button, and a post from one stores nothing."""
    if slug not in current_library().lessons:
        abort(404)
    progress.lesson_finished(get_session(), existing_learner_key(), slug)
    return redirect(url_for(".show", slug=slug, _anchor="finished"), 303)


@bp.get("/<slug>/media/<path:name>")
def media(slug, name):
    library = current_library()
    if slug not in library.lessons or not any(name.lower().endswith(s) for s in IMAGE_SUFFIXES):
        abort(404)
    # Lesson pages link a picture with its fingerprint (?v=, content/images.py): that
    # address never changes content, so it is cached for a year; a bare address, a day.
    fingerprinted = bool(request.args.get("v"))
    response = send_from_directory(current_store().root / "lessons" / slug, name,
                                   max_age=MEDIA_MAX_AGE if fingerprinted else 86400)
    if fingerprinted:
        response.cache_control.immutable = True
    return response
