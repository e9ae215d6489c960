"""Forms with CSRF (Flask-WTF) and translated messages.

Every validator carries its own message from our catalogue, so errors are
in the visitor's language whatever WTForms ships.
"""
from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, DateField, EmailField, HiddenField, IntegerField, PasswordField, SelectChoice,
                     SelectField, SelectMultipleField, StringField)
from wtforms.validators import DataRequired, Email, EqualTo, Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from ..services.accounts import MIN_PASSWORD_LENGTH
from ..services.classes import DISPLAY_NAME_MAX
from .inputs import LARGEST_ID

REQUIRED = _l("This field is required.")


class SignInForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(REQUIRED), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED)])


class SignUpForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(REQUIRED), Email(_l("Enter a valid email address.")), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(REQUIRED), Length(min=MIN_PASSWORD_LENGTH, message=_l("Use at least 10 characters for your password."))])
    confirm = PasswordField(_l("Password again"), validators=[
        DataRequired(REQUIRED), EqualTo("password", _l("The two passwords are not the same."))])


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(REQUIRED)])
    password = PasswordField(_l("New password"), validators=[
        DataRequired(REQUIRED), Length(min=MIN_PASSWORD_LENGTH, message=_l("Use at least 10 characters for your password."))])
    confirm = PasswordField(_l("New password again"), validators=[
        DataRequired(REQUIRED), EqualTo("password", _l("The two passwords are not the same."))])


LANGUAGE_CHOICES = [SelectChoice("vi", "Tiếng Việt"), SelectChoice("en", "English")]


class DefaultedBooleanField(BooleanField):
    """A checkbox whose page always sends a hidden "n" after it, so an unticked
    box reads as False; a post without the field at all keeps the default."""

    false_values = ("false", "", "n")

    def process_formdata(self, valuelist):
        if valuelist:
            self.data = valuelist[0] not in self.false_values


ATTEMPT_RULE_CHOICES = [
    SelectChoice("first", _l("The first finished attempt (best for tests)")),
    SelectChoice("best", _l("The best finished attempt")),
    SelectChoice("latest", _l("The latest finished attempt")),
]


class ClassForm(FlaskForm):
    name = StringField(_l("Class name"), validators=[DataRequired(REQUIRED), Length(max=100)])
    school = StringField(_l("School"), validators=[Optional(), Length(max=150)])
    grade = StringField(_l("Grade"), validators=[Optional(), Length(max=30)])
    language = SelectField(_l("Language"), choices=LANGUAGE_CHOICES)
    results_released = BooleanField(_l("Students see their results as soon as they finish"), default=True)
    attempt_rule = SelectField(_l("Which attempt counts in reports"), choices=ATTEMPT_RULE_CHOICES, default="first")
    # Choices set by the view (the teacher's school and its neighbours), and checked there;
    # a lambda, as optional_id is defined further down.
    school_id = SelectField(_l("School on the contest list"), coerce=lambda v: optional_id(v), validate_choice=False)


class AssignForm(FlaskForm):
    item = SelectField(_l("Lesson or quiz"), validators=[DataRequired(REQUIRED)])
    due_on = DateField(_l("Due date (optional)"), validators=[Optional()])
    retakes = DefaultedBooleanField(_l("Students may take it again after finishing"), default=True)


class JoinForm(FlaskForm):
    code = StringField(_l("Class code"), validators=[DataRequired(REQUIRED), Length(max=20)])
    display_name = StringField(_l("Your name (as your teacher knows you)"), validators=[
        DataRequired(REQUIRED), Length(max=DISPLAY_NAME_MAX, message=_l("Use a shorter name."))])


class ContinueForm(FlaskForm):
    code = StringField(_l("Your personal code"), validators=[DataRequired(REQUIRED), Length(max=20)])


class StudentsForm(FlaskForm):
    """Students of one class chosen by id (the view sets the choices to that
    class's students, so an id from anywhere else is refused)."""

    student = SelectMultipleField(coerce=int, validators=[DataRequired(_l("Choose at least one student."))])


class RenameForm(FlaskForm):
    """A teacher's new name for a student (the name rules are the service's)."""

    display_name = StringField(_l("New name"), validators=[
        DataRequired(REQUIRED), Length(max=DISPLAY_NAME_MAX, message=_l("Use a shorter name."))])


def prompted(prompt: str, choices) -> list[SelectChoice]:
    """A required select's choices after an empty first option saying what to
    choose: HTML asks for one, and the browser must not pick for the teacher."""
    return [SelectChoice("", prompt), *choices]


def optional_id(value) -> int | None:
    """An id from a select whose first option is empty: "" is no choice yet."""
    return None if value in ("", None) else int(value)


class MergeForm(FlaskForm):
    """Two entries of one student. The view offers the class's students and
    looks each id up in that class (404 otherwise), so choices are not checked here."""

    keep = SelectField(_l("Keep this entry"), coerce=optional_id, validate_choice=False,
                       validators=[DataRequired(REQUIRED)])
    other = SelectField(_l("Fold this entry into it"), coerce=optional_id, validate_choice=False,
                        validators=[DataRequired(REQUIRED)])


class EmptyForm(FlaskForm):
    """A button that changes something: CSRF and nothing else."""

    value = HiddenField()


def form_status() -> int:
    """400 when a submitted form comes back with errors, so a refusal is never
    mistaken for success; 200 for the form shown fresh."""
    return 400 if request.method == "POST" else 200


# --- schools and roles (contest wing) ----------------------------------------------

ROLE_LABELS = {"teacher": _l("Teacher"), "organiser": _l("Organiser"), "kiosk_staff": _l("Kiosk staff"),
               "admin": _l("Admin")}  # models.ROLES, named
ROLE_CHOICES = [SelectChoice(role, label) for role, label in ROLE_LABELS.items()]


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=ROLE_CHOICES)


class SchoolImportForm(FlaskForm):
    """A CSV school list; its size and contents are the service's to check."""

    file = FileField(_l("CSV file"), validators=[FileRequired(_l("Choose a CSV file to import."))])


class ChooseSchoolForm(FlaskForm):
    """One school, by id (the view looks it up: 404 when there is none)."""

    school = IntegerField(widget=HiddenInput(), validators=[DataRequired(REQUIRED), NumberRange(1, LARGEST_ID)])
