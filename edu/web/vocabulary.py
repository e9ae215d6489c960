"""Display names for the fixed content vocabularies (topics, audiences)."""
from flask_babel import lazy_gettext as _l

TOPICS = {
    "scams": _l("Scams and fake messages"),
    "image-abuse": _l("Image-based abuse and sextortion"),
    "account-security": _l("Accounts and one-time codes"),
    "harassment": _l("Online harassment"),
    "privacy": _l("Privacy and location"),
    "getting-help": _l("Getting help"),
}

AUDIENCES = {
    "students-10-14": _l("Students aged 10–14"),
    "students-15-18": _l("Students aged 15–18"),
    "adults": _l("Adults"),
    "parents-teachers": _l("Parents and teachers"),
}
