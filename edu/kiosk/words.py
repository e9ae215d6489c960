"""Words the kiosk's screens need beyond their templates: texts shown in both
languages at once (before a visitor has chosen one), and nicknames."""
from __future__ import annotations

from flask_babel import gettext, lazy_gettext as _l

from ..content.models import LANGUAGES
from ..models import Kiosk
from ..services.kiosks import attract_lines
from ..web.i18n import speaking
from ..web.links import external_url
from ..web.qr import qr_svg

TOUCH_TO_START = _l("Touch to start")
CHOOSE_LANGUAGE = _l("Choose your language")
# The words of a nickname ("adjective/animal", services/kiosk_plays.py).
ADJECTIVES = {"brave": _l("Brave"), "bright": _l("Bright"), "calm": _l("Calm"), "clever": _l("Clever"),
              "gentle": _l("Gentle"), "happy": _l("Happy"), "kind": _l("Kind"), "quick": _l("Quick"),
              "quiet": _l("Quiet"), "steady": _l("Steady"), "sunny": _l("Sunny"), "wise": _l("Wise")}
ANIMALS = {"buffalo": _l("Buffalo"), "crane": _l("Crane"), "dolphin": _l("Dolphin"), "elephant": _l("Elephant"),
           "kitten": _l("Kitten"), "otter": _l("Otter"), "panda": _l("Panda"), "parrot": _l("Parrot"),
           "rabbit": _l("Rabbit"), "squirrel": _l("Squirrel"), "tiger": _l("Tiger"), "turtle": _l("Turtle")}


def in_both(message) -> list[tuple[str, str]]:
    """(language, words) for each language: the attract screen speaks to everyone."""
    said = []
    for lang in LANGUAGES:
        with speaking(lang):
            said.append((lang, str(message)))
    return said


def attract_prompts(kiosk: Kiosk) -> list[tuple[str, str]]:
    """The kiosk's prompts, a Vietnamese one then an English one, in turn."""
    lines = {lang: attract_lines(getattr(kiosk, f"attract_{lang}")) for lang in LANGUAGES}
    longest = max(len(found) for found in lines.values())
    return [(lang, lines[lang][i]) for i in range(longest) for lang in LANGUAGES if i < len(lines[lang])]


def nickname_words(nickname: str) -> str:
    adjective, _, animal = nickname.partition("/")
    if adjective not in ADJECTIVES or animal not in ANIMALS:
        return nickname
    # Vietnamese puts the animal first ("Rùa Chăm chỉ"): the order is the translator's.
    return gettext("%(adjective)s %(animal)s", adjective=ADJECTIVES[adjective], animal=ANIMALS[animal])


def public_lessons_url() -> str:
    """The public lessons, for the visitor's phone: nothing about the visit is in it."""
    return external_url("lessons.index")


def screen_words() -> dict:
    return {"in_both": in_both, "touch_to_start": TOUCH_TO_START, "choose_language": CHOOSE_LANGUAGE,
            "attract_prompts": attract_prompts, "nickname_words": nickname_words,
            "public_lessons_url": public_lessons_url, "qr_svg": qr_svg}
