"""What kiosk staff do with their kiosks: list them, create and edit them.

A kiosk belongs to the staff member who made it, and nobody else sees it
(an admin neither: kiosks are a campaign's own). A kiosk is refused before
anything is written, with a code and the numbers its message needs: the web
layer says it beside the field. A kiosk must be able to fill a play, so its
quiz (or the mix) must hold at least as many suitable items as a play asks.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, select

from ..content import Library
from ..models import Kiosk, User, as_utc
from . import kiosk_plays
from .errors import ServiceError

NAME_MAX, PLACE_MAX = 80, 120
LANGUAGES = ("vi", "en")
QUESTION_COUNTS = range(5, 11)
IDLE_SECONDS = range(30, 601)
ATTRACT_LINES, ATTRACT_LINE_MAX = 8, 120
# Prompts a new kiosk starts with, in the language they are shown in (data, not
# interface text: the Vietnamese prompts are Vietnamese whatever the staff reads).
DEFAULT_ATTRACT = {
    "vi": ("Bạn có nhận ra tin nhắn lừa đảo? Chạm để thử.", "Thật hay lừa? Thử sức trong vài phút."),
    "en": ("Can you spot a scam? Touch to find out.", "Real or scam? Test yourself in a few minutes."),
}


class KioskError(ServiceError):
    """A kiosk refused: a code and the numbers its message needs."""


def kiosks_of(db: Session, owner: User) -> list[Kiosk]:
    """The staff member's own kiosks, newest first."""
    return list(db.exec(select(Kiosk).where(Kiosk.owner_id == owner.id)
                        .order_by(Kiosk.created_at.desc(), Kiosk.id.desc())).all())


def kiosk_of(db: Session, owner: User, kiosk_id: int) -> Kiosk | None:
    """The kiosk if this staff member made it; nobody else's exists for them."""
    kiosk = db.get(Kiosk, kiosk_id)
    return kiosk if kiosk is not None and kiosk.owner_id == owner.id else None


def attract_lines(text: str) -> list[str]:
    """A kiosk's prompts: one per line, blank lines left out."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _attract(text: str, language: str) -> str:
    lines = attract_lines(text)
    if not lines:
        raise KioskError("kiosk.attract_missing", field=f"attract_{language}")
    if len(lines) > ATTRACT_LINES:
        raise KioskError("kiosk.attract_too_many", field=f"attract_{language}", num=ATTRACT_LINES)
    for number, line in enumerate(lines, 1):
        if len(line) > ATTRACT_LINE_MAX:
            raise KioskError("kiosk.attract_too_long", field=f"attract_{language}", line=number, num=ATTRACT_LINE_MAX)
    return "\n".join(lines)


def _whole(value, allowed: range, code: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value not in allowed:
        raise KioskError(code, low=allowed.start, high=allowed.stop - 1)
    return value


def _checked(library: Library, values: dict) -> dict:
    """The kiosk's fields, tidied, or the first refusal."""
    name, place = (values.get("name") or "").strip(), (values.get("place") or "").strip()
    if not name:
        raise KioskError("kiosk.name_missing")
    if len(name) > NAME_MAX:
        raise KioskError("kiosk.name_too_long", num=NAME_MAX)
    if len(place) > PLACE_MAX:
        raise KioskError("kiosk.place_too_long", num=PLACE_MAX)
    starts_on, ends_on = values.get("starts_on"), values.get("ends_on")
    if not isinstance(starts_on, date) or not isinstance(ends_on, date):
        raise KioskError("kiosk.dates_missing")
    if ends_on < starts_on:
        raise KioskError("kiosk.ends_before_starts")
    language = values.get("language")
    if language not in LANGUAGES:
        raise KioskError("kiosk.language")
    quiz_slug = values.get("quiz_slug") or ""
    if quiz_slug and quiz_slug not in library.quizzes:
        raise KioskError("kiosk.unknown_quiz")
    count = _whole(values.get("question_count"), QUESTION_COUNTS, "kiosk.question_count")
    available = len(kiosk_plays.pool(library, quiz_slug))
    if available < QUESTION_COUNTS.start:
        raise KioskError("kiosk.pool_too_small", available=available, low=QUESTION_COUNTS.start)
    if available < count:
        raise KioskError("kiosk.pool_smaller", available=available, count=count)
    return {"name": name, "place": place, "starts_on": starts_on, "ends_on": ends_on, "language": language,
            "quiz_slug": quiz_slug, "question_count": count,
            "idle_seconds": _whole(values.get("idle_seconds"), IDLE_SECONDS, "kiosk.idle_seconds"),
            "attract_vi": _attract(values.get("attract_vi"), "vi"),
            "attract_en": _attract(values.get("attract_en"), "en")}


def save_kiosk(db: Session, library: Library, owner: User, values: dict, kiosk: Kiosk | None = None) -> Kiosk:
    """Create a kiosk for `owner`, or change `kiosk`; every field is checked
    before one is set, so a refusal leaves the kiosk as it was."""
    checked = _checked(library, values)
    if kiosk is None:
        kiosk = Kiosk(owner_id=owner.id, **checked)
    else:
        for field, value in checked.items():
            setattr(kiosk, field, value)
    db.add(kiosk)
    db.flush()  # the id, for the kiosk's page
    return kiosk


# What staff read about a kiosk's device.
NO_DEVICE, DEVICE_SET_UP, DEVICE_REVOKED = "none", "set_up", "revoked"


def device_status(kiosk: Kiosk) -> str:
    if kiosk.device_hash:
        return DEVICE_SET_UP
    return DEVICE_REVOKED if kiosk.paired_at else NO_DEVICE


def setup_link_waiting(kiosk: Kiosk, now: datetime) -> bool:
    """A set-up link was made and has been neither used nor outlived."""
    return kiosk.setup_hash is not None and as_utc(kiosk.setup_expires_at) > now
