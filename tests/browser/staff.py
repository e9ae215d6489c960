"""Staff in the browser tests: the app's own words in a language, and a
person who signs up and is then given a role, as an admin would."""
from __future__ import annotations

import re

from flask_babel import gettext
from sqlmodel import select

from edu.models import User
from edu.web.db import get_session

PASSWORD = "a long enough passphrase"


def say(app, lang: str, message: str, **params) -> str:
    """`message` as the app's catalogue says it in `lang`: a test reads what a person in that language reads."""
    with app.test_request_context(f"/?lang={lang}"):
        return gettext(message, **params)


def give_role(app, email: str, role: str) -> None:
    with app.app_context():
        db = get_session()
        db.exec(select(User).where(User.email == email)).one().role = role
        db.commit()


def sign_up_as(page, live_server, lang: str, email: str, role: str):
    """`page` signs up (open sign-up) as `email` and is then made `role`."""
    page.goto(f"{live_server.url}/auth/signup?lang={lang}")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("#confirm").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/classes/"))
    give_role(live_server.app, email, role)
    return page
