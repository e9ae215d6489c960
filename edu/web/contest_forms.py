"""Organisers' forms: a contest, and a round with its window in Viet Nam
time, its draw, scope, entry and publishing.

The forms check what a browser gets wrong (a missing or malformed value);
the rules of a fair round are the service's (services/contests.py), whose
refusals `place_error` puts beside the field they are about.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (DateField, IntegerField, RadioField, SelectChoice, SelectField, SelectMultipleField,
                     StringField, TextAreaField, TimeField)
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget, TextInput

from ..services import contests
from ..services.contests import viet_nam_to_utc
from ..services.draws import Draw, Pick
from ..services.errors import ServiceError
from .forms import REQUIRED, optional_id
from .messages import message_for
from .vocabulary import TOPICS

DIFFICULTIES = (1, 2, 3)
RULES_MAX = 20_000
NOT_A_DATE = _l("Enter a date, for example 2026-11-24.")
NOT_A_TIME = _l("Enter a time, for example 08:00.")
NOT_A_NUMBER = _l("Enter a whole number.")


class WholeNumberField(IntegerField):
    """A whole number in ASCII digits: int() would also read "٣" or " 3 ".
    A text box with a numeric keyboard rather than type=number, so what was
    typed comes back as typed beside its error."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, invalid_value_message=NOT_A_NUMBER,
                         render_kw={"inputmode": "numeric"}, **kwargs)

    def process_formdata(self, valuelist):
        if valuelist and valuelist[0] and not (valuelist[0].isascii() and valuelist[0].isdigit()):
            self.data = None
            raise ValueError(str(NOT_A_NUMBER))
        super().process_formdata(valuelist)


def _grade(value) -> int:
    """A ticked grade; anything that is not one reads as 0, which the service refuses."""
    text = str(value)
    return int(text) if text.isascii() and text.isdigit() and len(text) < 3 else 0


class ContestForm(FlaskForm):
    title_vi = StringField(_l("Title in Vietnamese"), validators=[DataRequired(REQUIRED), Length(max=contests.TITLE_MAX)])
    title_en = StringField(_l("Title in English"), validators=[DataRequired(REQUIRED), Length(max=contests.TITLE_MAX)])
    rules_vi = TextAreaField(_l("Rules in Vietnamese"), validators=[Optional(), Length(max=RULES_MAX)])
    rules_en = TextAreaField(_l("Rules in English"), validators=[Optional(), Length(max=RULES_MAX)])
    grades = SelectMultipleField(_l("Eligible grades"), coerce=_grade, validate_choice=False,
                                 choices=[SelectChoice(g, str(g)) for g in contests.GRADES],
                                 widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())

    def values(self) -> dict:
        return {"title_vi": self.title_vi.data, "title_en": self.title_en.data, "rules_vi": self.rules_vi.data or "",
                "rules_en": self.rules_en.data or "", "grades": self.grades.data or []}


class RoundForm(FlaskForm):
    """A round. The draw's count fields ("pick-<topic>-<difficulty>") are
    added per bank by `round_form`; once the round has opened, the fields it
    may no longer change are removed (`LOCKED_FIELDS`)."""

    name_vi = StringField(_l("Name in Vietnamese"), validators=[DataRequired(REQUIRED), Length(max=contests.NAME_MAX)])
    name_en = StringField(_l("Name in English"), validators=[DataRequired(REQUIRED), Length(max=contests.NAME_MAX)])
    opens_on = DateField(_l("Opening date"), validators=[InputRequired(REQUIRED)], invalid_value_message=NOT_A_DATE)
    opens_time = TimeField(_l("Opening time"), validators=[InputRequired(REQUIRED)], invalid_value_message=NOT_A_TIME)
    closes_on = DateField(_l("Closing date"), validators=[InputRequired(REQUIRED)], invalid_value_message=NOT_A_DATE)
    closes_time = TimeField(_l("Closing time"), validators=[InputRequired(REQUIRED)], invalid_value_message=NOT_A_TIME)
    time_limit_minutes = WholeNumberField(_l("Time limit in minutes"), validators=[InputRequired(REQUIRED)])
    draw_kind = RadioField(_l("How the questions are chosen"), validate_choice=False, default="bank", choices=[
        SelectChoice("bank", _l("A number of questions per topic and difficulty, drawn for each participant")),
        SelectChoice("fixed", _l("The same questions for everyone, chosen below"))])
    fixed = SelectMultipleField(_l("Questions for everyone"), validate_choice=False)
    scope = RadioField(_l("Who the round is for"), validate_choice=False, default="everyone", choices=[
        SelectChoice("everyone", _l("Everyone")), SelectChoice("province", _l("One province")), SelectChoice("school", _l("One school"))])
    scope_province = SelectField(_l("Province (for a provincial round)"), validate_choice=False)
    scope_school = SelectField(_l("School (for a school round)"), coerce=optional_id, validate_choice=False)
    entry = RadioField(_l("Who may enter"), validate_choice=False, default="eligible", choices=[
        SelectChoice("eligible", _l("Every student in an eligible grade")),
        SelectChoice("qualified", _l("Only those who qualified in an earlier round"))])
    qualify_round = SelectField(_l("Earlier round"), coerce=optional_id, validate_choice=False)
    qualify_top_k = WholeNumberField(_l("The best of each school, how many"), validators=[Optional()])
    qualify_min_percent = WholeNumberField(_l("Lowest score, in percent"), validators=[Optional()])
    publish = RadioField(_l("Results are published"), validate_choice=False, default="at_close", choices=[
        SelectChoice("at_close", _l("When the round closes")), SelectChoice("manual", _l("When I publish them"))])


LOCKED_FIELDS = ("opens_on", "opens_time", "scope", "scope_province", "scope_school", "entry", "qualify_round",
                 "qualify_top_k", "qualify_min_percent")


def pick_name(topic: str, difficulty: int) -> str:
    return f"pick-{topic}-{difficulty}"


def round_form(bank: dict[tuple[str, int], list[str]], opened: bool, **kwargs) -> RoundForm:
    """A round form with a count field for every topic of the bank and each difficulty."""
    topics = sorted({topic for topic, _ in bank})
    fields = {pick_name(t, d): WholeNumberField(validators=[Optional()]) for t in topics for d in DIFFICULTIES}
    form = type("BankRoundForm", (RoundForm,), fields)(**kwargs)
    form.topics = topics
    if opened:
        for name in LOCKED_FIELDS:
            delattr(form, name)
    return form


def initial_data(settings: dict) -> dict:
    """A stored round's settings as the form's fields (its times in Viet Nam)."""
    opens, closes = contests.in_viet_nam(settings["opens_at"]), contests.in_viet_nam(settings["closes_at"])
    draw: Draw = settings["draw"]
    data = {**settings, "opens_on": opens.date(), "opens_time": opens.time(), "closes_on": closes.date(),
            "closes_time": closes.time(), "draw_kind": "fixed" if draw.fixed else "bank", "fixed": list(draw.fixed),
            "scope_school": settings["scope_school_id"], "qualify_round": settings["qualify_round_id"]}
    data.update({pick_name(p.topic, p.difficulty): p.count for p in draw.picks})
    return data


def round_values(form: RoundForm) -> dict:
    """What the service takes, from the fields this form has."""
    values = {"name_vi": form.name_vi.data, "name_en": form.name_en.data,
              "closes_at": viet_nam_to_utc(form.closes_on.data, form.closes_time.data),
              "time_limit_minutes": form.time_limit_minutes.data, "publish": form.publish.data, "draw": _draw(form)}
    if "scope" in form:  # not removed: the round has not opened
        values.update(opens_at=viet_nam_to_utc(form.opens_on.data, form.opens_time.data), scope=form.scope.data,
                      scope_school_id=form.scope_school.data, scope_province=form.scope_province.data or "",
                      entry=form.entry.data, qualify_round_id=form.qualify_round.data,
                      qualify_top_k=form.qualify_top_k.data, qualify_min_percent=form.qualify_min_percent.data)
    return values


def _draw(form: RoundForm) -> Draw:
    if form.draw_kind.data == "fixed":
        return Draw(fixed=tuple(form.fixed.data or ()))
    counts = ((t, d, form[pick_name(t, d)].data) for t in form.topics for d in DIFFICULTIES)
    return Draw(picks=tuple(Pick(t, d, n) for t, d, n in counts if n))


# Which field a refusal is about; draw refusals go beside the draw ("draw").
ERROR_FIELDS = {
    "contest.title_missing": "title_vi", "contest.title_too_long": "title_vi", "contest.grades": "grades",
    "round.name_missing": "name_vi", "round.name_too_long": "name_vi", "round.closes_before_opens": "closes_on",
    "round.time_limit": "time_limit_minutes", "round.scope": "scope", "round.scope_school": "scope_school",
    "round.scope_province": "scope_province", "round.entry": "entry", "round.qualify_round": "qualify_round",
    "round.qualify_rule": "qualify_top_k", "round.qualify_numbers": "qualify_top_k", "round.publish": "publish",
}


def place_error(form: FlaskForm, error: ServiceError) -> dict[str, str]:
    """Put a service's refusal beside its field; what has no field of its own
    comes back as {"draw": ...} or {"form": ...} for the page to show. A
    topic is named as the pages name it, not by its slug."""
    if "topic" in error.params:
        error.params["topic"] = str(TOPICS.get(error.params["topic"], error.params["topic"]))
    message = message_for(error)
    name = ERROR_FIELDS.get(error.code)
    if name and name in form:
        form[name].errors = [*form[name].errors, message]
        return {}
    return {"draw" if error.code.startswith("draw.") else "form": message}
