"""Service refusals in the visitor's language.

Services and question types raise a code (edu/errors.py); this is the one
place that says what each code means to a person.
"""
from flask_babel import lazy_gettext as _l

from ..errors import CodedError
from .contest_messages import CONTEST_MESSAGES
from .kiosk_messages import KIOSK_MESSAGES

MESSAGES = {
    "answer.forged": _l("That answer is not one of this question's options."),
    "answer.number_every_step": _l("Give every step a number before checking."),
    "answer.different_numbers": _l("Each step needs its own number; used more than once: %(numbers)s."),
    "answer.mark_a_part": _l("Mark at least one part that looks suspicious, then check."),
    "answer.choose": _l("Choose an answer before checking it."),
    "answer.only_one": _l("This question takes only one answer."),
    "answer.confidence": _l("That is not one of the offered answers to “How sure are you?”."),
    "attempt.not_started": _l("Start the quiz before answering."),
    "attempt.unknown_question": _l("That question is not part of this quiz."),
    "attempt.finished": _l("This quiz is already finished. Start it again to answer more."),
    "attempt.already_answered": _l("You have already answered this question; your first answer counts."),
    "account.password_too_short": _l("Use at least %(num)s characters for your password."),
    "account.exists": _l("An account with this email already exists. Sign in instead."),
    "account.wrong_password": _l("Your current password is not right."),
    "account.invite_invalid": _l("This invite link is not valid any more. Ask your admin for a new one."),
    "account.signin_failed": _l("That email and password do not match an account, or the account is locked for %(num)s minutes after too many tries."),
    "account.disabled": _l("This account has been turned off by an admin. Ask your admin if you need it again."),
    "account.not_yourself": _l("You cannot turn off your own account. Ask another admin."),
    "class.name_missing": _l("Type the name your teacher will see."),
    "class.name_too_long": _l("Use a shorter name (at most %(num)s characters)."),
    "class.unknown_code": _l("No class has this code. Check it with your teacher."),
    "class.already_student": _l("This browser already belongs to a student. Sign out of the class first."),
    "class.name_hidden_characters": _l("Your name has hidden or special characters. Type it again with ordinary letters."),
    "class.name_no_letters": _l("Your name needs at least one letter."),
    "class.name_taken": _l("A classmate already uses this name, or one that looks the same. Add something to tell you apart, "
                           "such as the first letter of your family name."),
    "class.joining_closed": _l("This class is not taking new students right now. Ask your teacher to open joining."),
    "class.attempt_rule": _l("Choose which attempt counts: the first, the best or the latest."),
    "attempt.no_retakes": _l("You have finished this homework, and your teacher gives it only once. Your result is kept."),
    "class.name_contact": _l("A name must not look like a phone number or an email address. A first name is enough."),
    "class.merge_same": _l("Choose two different entries: the one to keep and the one to fold into it."),
}


MESSAGES.update(CONTEST_MESSAGES)
MESSAGES.update(KIOSK_MESSAGES)


def message_for(error: CodedError) -> str:
    text = str(MESSAGES[error.code])
    return text % error.params if error.params else text
