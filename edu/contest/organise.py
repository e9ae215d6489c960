"""Organisers' pages: their contests and rounds, each round's results with
its public code, publishing the results and bringing in the qualifiers of an
earlier round.

An organiser sees only the contests they created (an admin sees every one):
anyone else's contest or round answers 404, as if it did not exist.
"""
from __future__ import annotations

from datetime import timedelta

from babel import dates
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from sqlmodel import col, select
from wtforms import SelectChoice

from ..models import Contest, ContestRound, School, utcnow
from ..services import contest_results, contests, draws, provinces, rounds
from ..services.errors import ServiceError
from ..web.access import require
from ..web.contest_forms import DIFFICULTIES, ContestForm, initial_data, place_error, round_form, round_values
from ..web.content import current_library
from ..web.db import get_session
from ..web.forms import form_status, prompted
from ..web.i18n import current_language
from ..web.messages import message_for

bp = Blueprint("organise", __name__, url_prefix="/organise")


@bp.before_request
@require("organise")
def _organisers_only():
    """Every page here is an organiser's (or an admin's)."""


@bp.app_template_filter("viet_nam_time")
def viet_nam_time(moment) -> str:
    """A round's time as people in Viet Nam read it, whatever the browser's zone."""
    local, lang = contests.in_viet_nam(moment), current_language()
    when = f"{dates.format_date(local, 'full', locale=lang)} {dates.format_time(local, 'short', locale=lang)}"
    return gettext("%(when)s (Viet Nam time)", when=when)


@bp.app_template_filter("minutes_seconds")
def minutes_seconds(taken: timedelta) -> str:
    minutes, seconds = divmod(int(taken.total_seconds()), 60)
    return f"{minutes}:{seconds:02d}"


def _sees_every_contest() -> bool:
    return current_user.role == "admin"


def _contest(contest_id: int) -> Contest:
    return contests.contest_of(get_session(), current_user, contest_id, _sees_every_contest()) or abort(404)


def _round(contest: Contest, round_id: int) -> ContestRound:
    return contests.round_of(get_session(), contest, round_id) or abort(404)


@bp.get("/")
def index():
    db = get_session()
    return render_template("contest/organise/index.html",
                           contests=contests.contests_of(db, current_user, _sees_every_contest()))


@bp.route("/contests/new", methods=["GET", "POST"])
@bp.route("/contests/<int:contest_id>/edit", methods=["GET", "POST"])
def contest_form(contest_id: int | None = None):
    contest = _contest(contest_id) if contest_id else None
    form = ContestForm(obj=contest, data={"grades": contests.grades_of(contest)} if contest else None)
    error = None
    if form.validate_on_submit():
        try:
            if contest:
                contests.update_contest(get_session(), contest, **form.values())
            else:
                contest = contests.create_contest(get_session(), current_user, **form.values())
        except ServiceError as refused:
            error = place_error(form, refused).get("form")
        else:
            flash(gettext("Contest saved."), "success")
            return redirect(url_for(".contest", contest_id=contest.id), 303)
    return render_template("contest/organise/contest_form.html", form=form, contest=contest,
                           error=error), form_status()


@bp.get("/contests/<int:contest_id>")
def contest(contest_id: int):
    contest = _contest(contest_id)
    return render_template("contest/organise/contest.html", contest=contest, now=utcnow(), status_of=rounds.status,
                           rounds=contests.rounds_of(get_session(), contest), grades=contests.grades_of(contest))


def _round_form(contest: Contest, round_: ContestRound | None, bank: dict, **kwargs):
    """The round form with its choices: provinces, schools and the contest's
    earlier rounds (none once the round has opened: those settings are fixed)."""
    db, lang = get_session(), current_language()
    opened = round_ is not None and contests.has_opened(round_, utcnow())
    form = round_form(bank, opened, **kwargs)
    if not opened:
        form.scope_province.choices = prompted(gettext("Choose a province"),
                                               [SelectChoice(p.name, p.name) for p in provinces.provinces()])
        schools = db.exec(select(School).order_by(School.province, School.name)).all()
        form.scope_school.choices = prompted(gettext("Choose a school"), [
            SelectChoice(s.id, f"{s.name} ({s.commune})" if s.commune else s.name, optgroup=s.province) for s in schools])
        earlier = [r for r in contests.rounds_of(db, contest) if round_ is None or r.position < round_.position]
        form.qualify_round.choices = prompted(gettext("Choose a round"),
                                              [SelectChoice(r.id, getattr(r, f"name_{lang}")) for r in earlier])
    return form, opened


def _bank_questions(bank: dict) -> list[tuple[object, list]]:
    """The bank's questions grouped by quiz, for the fixed list's checkboxes."""
    library, grouped = current_library(), {}
    for refs in bank.values():
        for ref in refs:
            slug = ref.partition("/")[0]
            grouped.setdefault(slug, []).append((ref, draws.resolve(library, ref)))
    return [(library.quizzes[slug], grouped[slug]) for slug in sorted(grouped)]


@bp.route("/contests/<int:contest_id>/rounds/new", methods=["GET", "POST"])
@bp.route("/contests/<int:contest_id>/rounds/<int:round_id>/edit", methods=["GET", "POST"])
def round_form_page(contest_id: int, round_id: int | None = None):
    contest = _contest(contest_id)
    round_ = _round(contest, round_id) if round_id else None
    db, library = get_session(), current_library()
    bank = draws.bank(library, contests.youngest_age(contest))
    initial = initial_data(contests.settings_of(round_)) if round_ else {"time_limit_minutes": 45}
    form, opened = _round_form(contest, round_, bank, data=initial)
    errors: dict[str, str] = {}
    if form.validate_on_submit():
        try:
            if round_:
                contests.update_round(db, library, contest, round_, utcnow(), **round_values(form))
            else:
                round_ = contests.create_round(db, library, contest, **round_values(form))
        except ServiceError as refused:
            errors = place_error(form, refused)
        else:
            flash(gettext("Round saved. Its public code is %(code)s.", code=round_.public_code), "success")
            return redirect(url_for(".round_page", contest_id=contest.id, round_id=round_.id), 303)
    return render_template("contest/organise/round_form.html", form=form, contest=contest, round=round_,
                           opened=opened, bank=bank, bank_questions=_bank_questions(bank), errors=errors,
                           difficulties=DIFFICULTIES), form_status()


@bp.get("/contests/<int:contest_id>/rounds/<int:round_id>")
def round_page(contest_id: int, round_id: int):
    """The round's settings, public code and results: who has started,
    who submitted, their scores and places, by school if asked."""
    contest = _contest(contest_id)
    round_ = _round(contest, round_id)
    db, now = get_session(), utcnow()
    if rounds.status(round_, now) != rounds.UPCOMING:
        contest_results.finalise(db, current_library(), round_, now)
    standings = contest_results.standings(db, round_)
    schools = {s.id: s for s in db.exec(select(School).where(
        col(School.id).in_({s.participant.school_id for s in standings}))).all()}
    school_id = request.args.get("school", type=int)
    shown = [s for s in standings if school_id is None or s.participant.school_id == school_id]
    earlier = db.get(ContestRound, round_.qualify_round_id) if round_.qualify_round_id else None
    return render_template("contest/organise/round.html", contest=contest, round=round_, now=now,
                           status=rounds.status(round_, now), published=rounds.published(round_, now),
                           draw=draws.Draw.from_json(round_.draw), standings=shown, schools=schools,
                           school_id=school_id, everyone=len(standings), earlier=earlier,
                           can_bring_in=contest_results.can_bring_in(db, round_, now),
                           scope_school=db.get(School, round_.scope_school_id) if round_.scope_school_id else None)


def _acted(contest: Contest, round_: ContestRound):
    return redirect(url_for(".round_page", contest_id=contest.id, round_id=round_.id), 303)


def _refused(contest: Contest, round_: ContestRound, refused: ServiceError):
    return render_template("contest/organise/refused.html", contest=contest, round=round_,
                           message=message_for(refused)), 400


@bp.post("/contests/<int:contest_id>/rounds/<int:round_id>/publish")
def publish(contest_id: int, round_id: int):
    contest = _contest(contest_id)
    round_ = _round(contest, round_id)
    try:
        contest_results.publish(get_session(), current_library(), round_, utcnow())
    except ServiceError as refused:
        return _refused(contest, round_, refused)
    flash(gettext("Results published. Participants can now see them and their certificates."), "success")
    return _acted(contest, round_)


@bp.post("/contests/<int:contest_id>/rounds/<int:round_id>/qualifiers")
def bring_in(contest_id: int, round_id: int):
    contest = _contest(contest_id)
    round_ = _round(contest, round_id)
    try:
        added = contest_results.bring_in_qualifiers(get_session(), current_library(), current_app.secret_key,
                                                    round_, utcnow())
    except ServiceError as refused:
        return _refused(contest, round_, refused)
    flash(ngettext("%(num)s qualifier brought in.", "%(num)s qualifiers brought in.", added) if added
          else gettext("Nobody new qualified: everyone who qualified is already in this round."), "success")
    return _acted(contest, round_)


@bp.route("/contests/<int:contest_id>/rounds/<int:round_id>/delete", methods=["GET", "POST"])
def delete_round(contest_id: int, round_id: int):
    """Delete a round nobody has started: asked on a page of its own, done by POST."""
    contest = _contest(contest_id)
    round_ = _round(contest, round_id)
    db = get_session()
    if request.method == "POST":  # CSRFProtect has checked the token
        try:
            contests.delete_round(db, round_)
        except ServiceError as refused:
            return _refused(contest, round_, refused)
        flash(gettext("Round deleted."), "success")
        return redirect(url_for(".contest", contest_id=contest.id), 303)
    return render_template("contest/organise/delete_round.html", contest=contest, round=round_,
                           started=contests.anyone_started(db, round_),
                           entrants=contests.count_participants(db, round_))
