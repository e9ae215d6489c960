"""Kiosk refusals in the visitor's language (see messages.py), one section
per part of the kiosk wing."""
from flask_babel import lazy_gettext as _l

KIOSK_MESSAGES = {
    # set-up links (services/kiosk_devices.py)
    "kiosk.setup_unknown": _l("This set-up link does not work: it was used already or replaced by a newer one. "
                              "Ask the kiosk's staff for a new link."),
    "kiosk.setup_expired": _l("This set-up link has expired. Ask the kiosk's staff for a new link."),
}
