"""Forms of contest entry: a teacher enrolling a class or a list, a student
typing a personal code or asking to enter with a round's public code.

Choices that come from the database (schools, grades) are set by the view;
what a choice means (a school in the round's scope, an eligible grade) is
the enrolment service's to check, so a forged value is refused with its
reason, never stored.
"""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from ..services.enrolment import CLASS_NAME_MAX
from ..services.names import DISPLAY_NAME_MAX
from .forms import REQUIRED, optional_id


class EnrolClassForm(FlaskForm):
    """Enrol one class; the grade is asked for only when the class has none."""

    grade = SelectField(_l("Grade of this class"), validators=[Optional()], validate_choice=False)


class EnrolListForm(FlaskForm):
    names = FileField(_l("List of students (CSV file)"), validators=[FileRequired(_l("Choose a CSV file."))])


class EnterForm(FlaskForm):
    code = StringField(_l("Your contest code"), validators=[DataRequired(REQUIRED), Length(max=20)])


class PublicJoinForm(FlaskForm):
    """A student asking to enter. `code` and `province` come from the page's
    first step (a GET form, so it works without JavaScript)."""

    code = HiddenField(validators=[DataRequired(REQUIRED), Length(max=20)])
    province = HiddenField(validators=[Length(max=60)])
    school = SelectField(_l("Your school"), coerce=optional_id, validate_choice=False,
                         validators=[DataRequired(REQUIRED)])
    grade = SelectField(_l("Your grade"), validate_choice=False, validators=[DataRequired(REQUIRED)])
    class_name = StringField(_l("Your class"), validators=[
        DataRequired(REQUIRED), Length(max=CLASS_NAME_MAX, message=_l("Use a shorter class name."))])
    display_name = StringField(_l("Your name (as your teacher knows you)"), validators=[
        DataRequired(REQUIRED), Length(max=DISPLAY_NAME_MAX, message=_l("Use a shorter name."))])
