"""Contest refusals in the visitor's language (see messages.py), one section
per part of the contest wing."""
from flask_babel import lazy_gettext as _l

CONTEST_MESSAGES = {
    # draws (services/draws.py)
    "draw.size": _l("A round draws between 1 and %(most)s questions."),
    "draw.unknown_question": _l("The question bank has no question %(question)s."),
    "draw.repeated_question": _l("A question is listed twice in the fixed list."),
    "draw.too_few": _l("The bank has only %(have)s questions on %(topic)s at difficulty %(difficulty)s; the draw asks for %(want)s."),
    # schools
    # organising
    # enrolment and entry
    # taking part
    # certificates
}
