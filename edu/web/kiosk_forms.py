"""Kiosk staff's form: a kiosk's settings.

The form reads what a browser sends (a date, a whole number); the rules of a
kiosk are the service's (services/kiosks.py), whose refusals `place_error`
puts beside the field they are about.
"""
from __future__ import annotations

from datetime import date, timedelta

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired

from ..content import Library
from ..services import kiosks
from ..services.errors import ServiceError
from .contest_forms import NOT_A_DATE, WholeNumberField
from .forms import LANGUAGE_CHOICES, REQUIRED
from .messages import message_for

EVENT_DAYS = 3  # a new kiosk's event: today and the next two days


class KioskForm(FlaskForm):
    name = StringField(_l("Name"))
    place = StringField(_l("Place (optional)"))
    starts_on = DateField(_l("First day of the event"), validators=[InputRequired(REQUIRED)],
                          invalid_value_message=NOT_A_DATE)
    ends_on = DateField(_l("Last day of the event"), validators=[InputRequired(REQUIRED)],
                        invalid_value_message=NOT_A_DATE)
    language = SelectField(_l("Language the kiosk starts in"), choices=LANGUAGE_CHOICES, validate_choice=False)
    quiz_slug = SelectField(_l("Questions from"), validate_choice=False)
    question_count = WholeNumberField(_l("Questions per play"), validators=[InputRequired(REQUIRED)])
    idle_seconds = WholeNumberField(_l("Seconds without a touch before “Are you still there?”"),
                                    validators=[InputRequired(REQUIRED)])
    attract_vi = TextAreaField(_l("Prompts in Vietnamese"))
    attract_en = TextAreaField(_l("Prompts in English"))

    def values(self) -> dict:
        """What the service takes."""
        return {name: self[name].data for name in FIELDS}


FIELDS = ("name", "place", "starts_on", "ends_on", "language", "quiz_slug", "question_count", "idle_seconds",
          "attract_vi", "attract_en")


def kiosk_form(library: Library, lang: str, **kwargs) -> KioskForm:
    """The form with its quiz choices: the mix first, then each quiz by its title in `lang`."""
    form = KioskForm(**kwargs)
    quizzes = sorted(library.quizzes.values(), key=lambda quiz: quiz.title.get(lang).casefold())
    form.quiz_slug.choices = [SelectChoice("", gettext("A mix of recognition items (all quizzes)")),
                              *(SelectChoice(quiz.slug, quiz.title.get(lang)) for quiz in quizzes)]
    return form


def new_kiosk_data(today: date) -> dict:
    """A new kiosk's starting values: an event from `today` (in Viet Nam), six
    questions a play, a minute before "Are you still there?", two prompts."""
    return {"starts_on": today, "ends_on": today + timedelta(days=EVENT_DAYS - 1), "language": "vi",
            "quiz_slug": "", "question_count": 6, "idle_seconds": 60,
            **{f"attract_{lang}": "\n".join(lines) for lang, lines in kiosks.DEFAULT_ATTRACT.items()}}


# Which field a refusal is about; the prompts' refusals name their field themselves.
ERROR_FIELDS = {
    "kiosk.name_missing": "name", "kiosk.name_too_long": "name", "kiosk.place_too_long": "place",
    "kiosk.dates_missing": "starts_on", "kiosk.ends_before_starts": "ends_on", "kiosk.language": "language",
    "kiosk.unknown_quiz": "quiz_slug", "kiosk.pool_too_small": "quiz_slug", "kiosk.pool_smaller": "question_count",
    "kiosk.question_count": "question_count", "kiosk.idle_seconds": "idle_seconds",
}


def place_error(form: KioskForm, error: ServiceError) -> None:
    """Put a service's refusal beside its field."""
    name = error.params.pop("field", None) or ERROR_FIELDS[error.code]
    form[name].errors = [*form[name].errors, message_for(error)]
