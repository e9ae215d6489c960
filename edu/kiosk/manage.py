"""Kiosk staff's pages: their kiosks, set-up links, revoking a device.

A staff member sees only the kiosks they made (an admin too: only their
own); anyone else's kiosk answers 404, as if it did not exist. A set-up
link is shown once, on the page that made it, and never stored in plain.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from babel import dates
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user

from ..models import Kiosk, as_utc, utcnow
from ..services import accounts, contests, kiosk_devices, kiosk_plays, kiosks
from ..services.kiosks import KioskError
from ..web.access import require
from ..web.content import current_library
from ..web.db import get_session
from ..web.forms import EmptyForm, form_status
from ..web.i18n import current_language
from ..web.kiosk_forms import kiosk_form, new_kiosk_data, place_error
from ..web.links import external_url
from ..web.qr import qr_svg

bp = Blueprint("kiosks", __name__, url_prefix="/kiosks")


@bp.before_request
@require("run_kiosks")
def _kiosk_staff_only():
    """Every page here is kiosk staff's (or an admin's, for their own kiosks)."""


def _kiosk(kiosk_id: int) -> Kiosk:
    return kiosks.kiosk_of(get_session(), current_user, kiosk_id) or abort(404)


def _since(moment: datetime) -> str:
    """"5 minutes ago", in the page's language, from the server's clock (never "in 0 seconds")."""
    ago = max(utcnow() - as_utc(moment), timedelta(seconds=1))
    return dates.format_timedelta(-ago, add_direction=True, locale=current_language())


def _event_dates(kiosk: Kiosk) -> str:
    """"Nov 24 – 26, 2026": the event's days, as the page's language writes a range."""
    return dates.format_interval(kiosk.starts_on, kiosk.ends_on, "yMMMd", locale=current_language())


def _quiz_title(slug: str) -> str:
    if not slug:
        return gettext("a mix of every quiz's recognition items")
    quiz = current_library().quizzes.get(slug)
    return quiz.title.get(current_language()) if quiz else slug


def _render(template: str, **context):
    """A kiosk page, with what every one of them says about a kiosk."""
    return render_template(f"kiosk/manage/{template}", since=_since, event_dates=_event_dates, quiz_title=_quiz_title,
                           device_status=kiosks.device_status, link_waiting=kiosks.setup_link_waiting, now=utcnow(),
                           still_there_seconds=kiosk_plays.STILL_THERE_SECONDS,
                           **context)


@bp.get("/")
def index():
    return _render("index.html", kiosks=kiosks.kiosks_of(get_session(), current_user))


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:kiosk_id>", methods=["GET", "POST"])
def kiosk_page(kiosk_id: int | None = None):
    """A new kiosk's form, or a kiosk's page: its device and its settings."""
    kiosk = _kiosk(kiosk_id) if kiosk_id else None
    library = current_library()
    initial = None if kiosk else new_kiosk_data(contests.in_viet_nam(utcnow()).date())
    form = kiosk_form(library, current_language(), obj=kiosk, data=initial)
    if form.validate_on_submit():
        try:
            saved = kiosks.save_kiosk(get_session(), library, current_user, form.values(), kiosk)
        except KioskError as refused:
            place_error(form, refused)
        else:
            flash(gettext("Kiosk saved.") if kiosk else
                  gettext("Kiosk created. Make a set-up link to open on the kiosk's device."), "success")
            return redirect(url_for(".kiosk_page", kiosk_id=saved.id), 303)
    return _render("kiosk.html", form=form, kiosk=kiosk, action=EmptyForm()), form_status()


@bp.post("/<int:kiosk_id>/setup")
def setup(kiosk_id: int):
    """A new one-time set-up link, shown on this page only: the response is
    never stored (a private blueprint), and the database keeps its hash."""
    kiosk = _kiosk(kiosk_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_session()
    token = kiosk_devices.new_setup_link(db, kiosk, utcnow())
    accounts.audit(db, current_user, "kiosk.setup_link", f"kiosk {kiosk.id}: {kiosk.name}")
    link = external_url("kiosk.setup", token=token)
    return _render("setup.html", kiosk=kiosk, link=link, home=external_url("kiosk.home"),
                   qr=qr_svg(link, gettext("QR code of the set-up link for %(kiosk)s", kiosk=kiosk.name)))


@bp.route("/<int:kiosk_id>/revoke", methods=["GET", "POST"])
def revoke(kiosk_id: int):
    """Switch the kiosk's device off: asked on a page of its own, done by POST."""
    kiosk = _kiosk(kiosk_id)
    form = EmptyForm()
    if form.validate_on_submit() and kiosk.device_hash:
        db = get_session()
        kiosk_devices.revoke_device(db, kiosk)
        accounts.audit(db, current_user, "kiosk.revoke", f"kiosk {kiosk.id}: {kiosk.name}")
        flash(gettext("The device is switched off: it shows no more questions. A new set-up link sets up a device again."),
              "success")
        return redirect(url_for(".kiosk_page", kiosk_id=kiosk.id), 303)
    return _render("revoke.html", kiosk=kiosk, form=form)
