"""Kiosk refusals in the visitor's language (see messages.py), one section
per part of the kiosk wing."""
from flask_babel import lazy_gettext as _l

KIOSK_MESSAGES = {
    # set-up links (services/kiosk_devices.py)
    "kiosk.setup_unknown": _l("This set-up link does not work: it was used already or replaced by a newer one. "
                              "Ask the kiosk's staff for a new link."),
    "kiosk.setup_expired": _l("This set-up link has expired. Ask the kiosk's staff for a new link."),
    # a visitor's play (services/kiosk_plays.py)
    "kiosk.empty_pool": _l("This kiosk has no questions to show right now. Please tell the staff at the stand."),
    "kiosk.nickname_too_early": _l("Finish the questions first, then pick a name for today's board."),
    "kiosk.nickname_unknown": _l("Pick one of the names on the screen."),
    # kiosk staff: a kiosk's settings (services/kiosks.py)
    "kiosk.name_missing": _l("Give the kiosk a name, for example the event's or the stand's."),
    "kiosk.name_too_long": _l("Use a shorter name (at most %(num)s characters)."),
    "kiosk.place_too_long": _l("Use a shorter place (at most %(num)s characters)."),
    "kiosk.dates_missing": _l("Enter the event's first and last day."),
    "kiosk.ends_before_starts": _l("The last day comes before the first day. Check the dates."),
    "kiosk.language": _l("Choose Vietnamese or English."),
    "kiosk.unknown_quiz": _l("That quiz is not available any more. Choose another quiz or the mix."),
    "kiosk.question_count": _l("Choose between %(low)s and %(high)s questions."),
    "kiosk.idle_seconds": _l("Choose between %(low)s and %(high)s seconds."),
    "kiosk.pool_too_small": _l("Questions here that suit a kiosk: %(available)s (questions for a teacher to talk "
                               "through, or with a minimum age, are left out). A play needs at least %(low)s: "
                               "choose another quiz or the mix."),
    "kiosk.pool_smaller": _l("Questions that suit a kiosk in this choice: %(available)s, fewer than %(count)s. "
                             "Ask for at most %(available)s questions per play, or choose another quiz."),
    "kiosk.attract_missing": _l("Write at least one prompt, one per line."),
    "kiosk.attract_too_many": _l("Use at most %(num)s prompts, one per line."),
    "kiosk.attract_too_long": _l("Prompt %(line)s is too long: keep each prompt to %(num)s characters."),
}
