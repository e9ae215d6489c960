"""Display names for the fixed content vocabularies (topics, audiences)."""
from flask_babel import lazy_gettext as _l

from ..content.bank import PRACTICE_TOPIC

FILTER_TOPICS = {
    "scams": _l("Scams and fake messages"),
    "image-abuse": _l("Image-based abuse and sextortion"),
    "account-security": _l("Accounts and one-time codes"),
    "harassment": _l("Online harassment"),
    "privacy": _l("Privacy and location"),
    "getting-help": _l("Getting help"),
}
# A contest practice set spans topics: named, never offered as a filter (no lesson has it).
TOPICS = FILTER_TOPICS | {PRACTICE_TOPIC: _l("Several topics")}

AUDIENCES = {
    "primary-8-10": _l("Primary pupils aged 8–10"),
    "lower-secondary-11-14": _l("Lower-secondary students aged 11–14"),
    "upper-secondary-15-18": _l("Upper-secondary students aged 15–18"),
    "parents": _l("Parents and carers"),
    "teachers": _l("Teachers and school staff"),
    "community-adults": _l("Women and community members"),
}


def chosen_filters(args) -> tuple[str | None, str | None]:
    """The topic and audience a list page was asked to show; anything unknown means "all"."""
    topic, audience = args.get("topic"), args.get("audience")
    return (topic if topic in FILTER_TOPICS else None), (audience if audience in AUDIENCES else None)


def matches(topic: str, audiences: list[str], wanted_topic: str | None, wanted_audience: str | None) -> bool:
    return (wanted_topic is None or topic == wanted_topic) and (wanted_audience is None or wanted_audience in audiences)
