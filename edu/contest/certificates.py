"""Certificates: anyone with a code checks it here (no account), and the
printable certificate lives at the same address. An unknown code gets the
same page whatever it looks like, so it hints at no valid one."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask_babel import gettext
from markupsafe import Markup

from ..content.models import LANGUAGES
from ..services import certificates
from ..web.content import current_library
from ..web.db import get_session
from ..web.i18n import current_language, speaking
from ..web.limits import limit, limiter
from ..web.links import external_url
from ..web.qr import qr_svg
from .take import now

bp = Blueprint("certificates", __name__, url_prefix="/certificates")


def _lookup(code: str):
    return certificates.lookup(get_session(), current_library(), current_app.secret_key, code, now())


@bp.get("/<code>")
@limiter.limit(limit("certificate_checks"))
def verify(code: str):
    certificate = _lookup(code)
    return render_template("contest/certificates/verify.html", certificate=certificate, code=code), \
        200 if certificate else 404


@bp.get("/<code>/print")
@limiter.limit(limit("certificate_checks"))
def show(code: str):
    certificate = _lookup(code)
    if certificate is None:
        return render_template("contest/certificates/verify.html", certificate=None, code=code), 404
    url = external_url("certificates.verify", code=certificate.code)
    return render_template("contest/certificates/certificate.html", certificate=certificate, verify_url=url,
                           texts=_in_both_languages(certificate),
                           qr=qr_svg(url, gettext("QR code to check this certificate"), scale=3))


def _in_both_languages(certificate) -> list[tuple[str, Markup]]:
    """The certificate's words in the page's language, then the other one."""
    first = current_language()
    texts = []
    for lang in (first, *(other for other in LANGUAGES if other != first)):
        with speaking(lang):
            texts.append((lang, Markup(render_template("contest/certificates/_text.html", c=certificate))))
    return texts
