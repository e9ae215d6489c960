"""What an organiser does with contests and rounds: creates and edits them
(refusing, with a code, what would make a round unfair or impossible),
reads a round's standings, publishes its results and brings the qualifiers
of an earlier round into a later one.

Round times arrive here as aware UTC datetimes: the web layer turns the date
and time an organiser typed in Viet Nam time into UTC (`viet_nam_to_utc`).
"""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from sqlmodel import Session, func, select

from ..content import Library
from ..models import Contest, ContestRound, Participant, QuizAttempt, School, User, as_utc
from . import codes, draws, provinces, rounds
from .errors import ServiceError

VIET_NAM = ZoneInfo("Asia/Ho_Chi_Minh")
GRADES = range(1, 13)
TIME_LIMITS = range(1, 301)  # minutes
SCOPES = ("school", "province", "everyone")
ENTRIES = ("eligible", "qualified")
PUBLISHING = ("at_close", "manual")
PUBLIC_CODE_LENGTH = 8
TITLE_MAX, NAME_MAX = 150, 100
# Once a round has opened, people are entering and drawing under its terms:
# only these may change (the draw and time limit for attempts not begun yet).
EDITABLE_AFTER_OPENING = frozenset({"name_vi", "name_en", "closes_at", "publish", "draw", "time_limit_minutes"})
CONTEST_CONTEXT = "contest"  # QuizAttempt.context of a round's attempts; context_id is the round's id


class ContestError(ServiceError):
    """A contest or round refused: a code and the numbers its message needs."""


def viet_nam_to_utc(day: date, moment: time) -> datetime:
    """A date and time typed in Viet Nam (UTC+7 all year, no daylight saving) as UTC."""
    return datetime.combine(day, moment, tzinfo=VIET_NAM).astimezone(timezone.utc)


def in_viet_nam(moment: datetime) -> datetime:
    return as_utc(moment).astimezone(VIET_NAM)


# --- contests --------------------------------------------------------------------------

def grades_of(contest: Contest) -> list[int]:
    return [int(g) for g in contest.grades.split(",") if g]


def youngest_age(contest: Contest) -> int | None:
    """The age of the youngest eligible student (grade 1 at 6): the draw leaves
    out questions written for older students (draws.bank)."""
    grades = grades_of(contest)
    return min(grades) + 5 if grades else None


def _contest_values(title_vi: str, title_en: str, rules_vi: str, rules_en: str, grades) -> dict:
    titles = title_vi.strip(), title_en.strip()
    if not all(titles):
        raise ContestError("contest.title_missing")
    if any(len(t) > TITLE_MAX for t in titles):
        raise ContestError("contest.title_too_long", num=TITLE_MAX)
    chosen = sorted({int(g) for g in grades})
    if not chosen or any(g not in GRADES for g in chosen):
        raise ContestError("contest.grades")
    return {"title_vi": titles[0], "title_en": titles[1], "rules_vi": rules_vi.strip(), "rules_en": rules_en.strip(),
            "grades": ",".join(map(str, chosen))}


def create_contest(db: Session, organiser: User, *, title_vi: str, title_en: str, rules_vi: str = "",
                   rules_en: str = "", grades) -> Contest:
    contest = Contest(organiser_id=organiser.id, **_contest_values(title_vi, title_en, rules_vi, rules_en, grades))
    db.add(contest)
    db.flush()
    return contest


def update_contest(db: Session, contest: Contest, *, title_vi: str, title_en: str, rules_vi: str = "",
                   rules_en: str = "", grades) -> None:
    for name, value in _contest_values(title_vi, title_en, rules_vi, rules_en, grades).items():
        setattr(contest, name, value)


def contests_of(db: Session, user: User, everyone: bool = False) -> list[Contest]:
    """The organiser's own contests, newest first; every contest for an admin (`everyone`)."""
    query = select(Contest) if everyone else select(Contest).where(Contest.organiser_id == user.id)
    return list(db.exec(query.order_by(Contest.created_at.desc(), Contest.id.desc())).all())


def contest_of(db: Session, user: User, contest_id: int, everyone: bool = False) -> Contest | None:
    """The contest if this organiser runs it (an admin: any); nobody else's exists for them."""
    contest = db.get(Contest, contest_id)
    return contest if contest and (everyone or contest.organiser_id == user.id) else None


def rounds_of(db: Session, contest: Contest) -> list[ContestRound]:
    return list(db.exec(select(ContestRound).where(ContestRound.contest_id == contest.id)
                        .order_by(ContestRound.position, ContestRound.id)).all())


def round_of(db: Session, contest: Contest, round_id: int) -> ContestRound | None:
    round_ = db.get(ContestRound, round_id)
    return round_ if round_ and round_.contest_id == contest.id else None


# --- rounds ----------------------------------------------------------------------------

def _unique_public_code(db: Session) -> str:
    while True:
        code = codes.random_code(PUBLIC_CODE_LENGTH)
        if not db.exec(select(ContestRound.id).where(ContestRound.public_code == code)).first():
            return code


def _checked(db: Session, library: Library, contest: Contest, values: dict, position: int) -> dict:
    """The round's settings made whole and consistent, or the first refusal."""
    values = dict(values)
    values["name_vi"], values["name_en"] = values["name_vi"].strip(), values["name_en"].strip()
    if not (values["name_vi"] and values["name_en"]):
        raise ContestError("round.name_missing")
    if max(len(values["name_vi"]), len(values["name_en"])) > NAME_MAX:
        raise ContestError("round.name_too_long", num=NAME_MAX)
    if as_utc(values["closes_at"]) <= as_utc(values["opens_at"]):
        raise ContestError("round.closes_before_opens")
    if values["time_limit_minutes"] not in TIME_LIMITS:
        raise ContestError("round.time_limit", least=TIME_LIMITS[0], most=TIME_LIMITS[-1])
    draws.check(library, values["draw"], youngest_age(contest))
    _check_scope(db, values)
    _check_entry(db, contest, values, position)
    if values["publish"] not in PUBLISHING:
        raise ContestError("round.publish")
    return values


def _check_scope(db: Session, values: dict) -> None:
    scope = values["scope"]
    if scope not in SCOPES:
        raise ContestError("round.scope")
    if scope != "school":
        values["scope_school_id"] = None
    elif values.get("scope_school_id") is None or db.get(School, values["scope_school_id"]) is None:
        raise ContestError("round.scope_school")
    if scope != "province":
        values["scope_province"] = ""
    elif values.get("scope_province") not in {unit.name for unit in provinces.provinces()}:
        raise ContestError("round.scope_province")


def _check_entry(db: Session, contest: Contest, values: dict, position: int) -> None:
    entry = values["entry"]
    if entry not in ENTRIES:
        raise ContestError("round.entry")
    if entry == "eligible":
        values.update(qualify_round_id=None, qualify_top_k=None, qualify_min_percent=None)
        return
    earlier = db.get(ContestRound, values.get("qualify_round_id") or 0)
    if earlier is None or earlier.contest_id != contest.id or earlier.position >= position:
        raise ContestError("round.qualify_round")
    top_k, least = values.get("qualify_top_k"), values.get("qualify_min_percent")
    if top_k is None and least is None:
        raise ContestError("round.qualify_rule")
    if (top_k is not None and not 1 <= top_k <= 1000) or (least is not None and not 1 <= least <= 100):
        raise ContestError("round.qualify_numbers")


def _columns(values: dict) -> dict:
    return values | {"draw": values["draw"].to_json()}


def create_round(db: Session, library: Library, contest: Contest, **values) -> ContestRound:
    """A new round, after the contest's others. `values`: name_vi, name_en,
    opens_at, closes_at (aware UTC), time_limit_minutes, draw (a draws.Draw),
    scope, scope_school_id, scope_province, entry, qualify_round_id,
    qualify_top_k, qualify_min_percent, publish."""
    last = db.exec(select(func.max(ContestRound.position)).where(ContestRound.contest_id == contest.id)).one()
    position = (last or 0) + 1
    columns = _columns(_checked(db, library, contest, values, position))
    round_ = ContestRound(contest_id=contest.id, position=position, public_code=_unique_public_code(db), **columns)
    db.add(round_)
    db.flush()
    return round_


def settings_of(round_: ContestRound) -> dict:
    """A round's editable settings, as create_round takes them."""
    return {"name_vi": round_.name_vi, "name_en": round_.name_en, "opens_at": as_utc(round_.opens_at),
            "closes_at": as_utc(round_.closes_at), "time_limit_minutes": round_.time_limit_minutes,
            "draw": draws.Draw.from_json(round_.draw), "scope": round_.scope,
            "scope_school_id": round_.scope_school_id, "scope_province": round_.scope_province,
            "entry": round_.entry, "qualify_round_id": round_.qualify_round_id,
            "qualify_top_k": round_.qualify_top_k, "qualify_min_percent": round_.qualify_min_percent,
            "publish": round_.publish}


def has_opened(round_: ContestRound, now: datetime) -> bool:
    return rounds.status(round_, now) != rounds.UPCOMING


def update_round(db: Session, library: Library, contest: Contest, round_: ContestRound, now: datetime,
                 **changes) -> None:
    """Change a round. Once it has opened, only EDITABLE_AFTER_OPENING may
    change; draws already made are kept with their attempts (ContestDraw)."""
    before = settings_of(round_)
    if has_opened(round_, now) and any(changes[n] != before[n] for n in changes.keys() - EDITABLE_AFTER_OPENING):
        raise ContestError("round.locked_after_opening")
    for name, value in _columns(_checked(db, library, contest, before | changes, round_.position)).items():
        setattr(round_, name, value)


def attempts_query(round_: ContestRound):
    """A round's attempts: QuizAttempts in the contest context of this round."""
    return select(QuizAttempt).where(QuizAttempt.context == CONTEST_CONTEXT, QuizAttempt.context_id == round_.id)


def anyone_started(db: Session, round_: ContestRound) -> bool:
    return db.exec(attempts_query(round_).limit(1)).first() is not None


def count_participants(db: Session, round_: ContestRound) -> int:
    return db.exec(select(func.count()).select_from(Participant).where(Participant.round_id == round_.id)).one()


def delete_round(db: Session, round_: ContestRound) -> int:
    """Delete a round nobody has started, with its participants (how many is
    returned). A round a later one qualifies from stays."""
    if anyone_started(db, round_):
        raise ContestError("round.started")
    if db.exec(select(ContestRound.id).where(ContestRound.qualify_round_id == round_.id)).first():
        raise ContestError("round.feeds_another")
    entrants = db.exec(select(Participant).where(Participant.round_id == round_.id)).all()
    for participant in entrants:
        db.delete(participant)
    db.flush()
    db.delete(round_)
    db.flush()
    return len(entrants)
