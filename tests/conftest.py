"""Shared fixtures: apps on a migrated test database, a frozen clock, live
servers for browser tests, Playwright pointed at Debian's Chromium, and the
helpers several test modules use (test modules never import each other).

Databases. The suite runs on SQLite, and again on PostgreSQL when
TEST_DATABASE_URL names a server (tests/run.sh does both). Migrations run for
real once per session, into a template; each test then gets:
- on SQLite, its own copy of the template file;
- on PostgreSQL, the one migrated schema of this session with every table
  emptied (TRUNCATE ... RESTART IDENTITY CASCADE), so ids start at 1 again.
All the apps one test makes share that test's database. A test that needs an
unmigrated database (the migration checks in test_db.py, the load tests'
servers, which migrate at start as in production) asks for database="empty".
Session-scoped live servers get a migrated database of their own.
"""
from __future__ import annotations

import os
import re
import shutil
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import time_machine
from sqlalchemy import create_engine, text
from sqlmodel import select
from werkzeug.serving import make_server

from edu import create_app
from edu.content import ContentError, load_library
from edu.content.questions import Shown
from edu.config import REPO_ROOT
from edu.models import Contest, ContestRound, Kiosk, Participant, School, User
from edu.services import codes, draws
from edu.web.db import get_session, make_engine, upgrade
from edu.web.limits import limiter

# The frozen clock's moment (15:00 in Viet Nam): contest rounds are set around it.
CLOCK_START = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)

TEST_CONTENT = Path(__file__).parent / "data" / "content"
CHROMIUM = "/usr/bin/chromium"
SERVER_URL = os.environ.get("TEST_DATABASE_URL")
# Cheap on purpose: Werkzeug's default (scrypt, what the app uses unless told
# otherwise) costs about 0.15 s per hash on this machine, and tests sign in a lot.
FAST_HASH = "pbkdf2:sha256:1000"
PASSWORD = "a long enough passphrase"

# PostgreSQL schemas of this session: edu_test_<start time>_<random>_..., so a
# session drops its own and those left behind by old, interrupted sessions,
# never those of a session running beside it.
SCHEMA_PREFIX = "edu_test_"
SESSION_PREFIX = f"{SCHEMA_PREFIX}{int(time.time())}_{uuid.uuid4().hex[:6]}_"
STALE_AFTER = 6 * 3600


def _schema_url(schema: str) -> str:
    separator = "&" if "?" in SERVER_URL else "?"
    return f"{SERVER_URL}{separator}options=-csearch_path%3D{schema}"


class Databases:
    """Hands out database URLs for one session (see the module docstring)."""

    def __init__(self, root: Path):
        self.root = root
        self.count = 0
        self._template: str | None = None  # SQLite: the file; PostgreSQL: the URL of the migrated schema
        self._truncate = None
        self._admin = create_engine(SERVER_URL, pool_pre_ping=True) if SERVER_URL else None

    def _name(self, kind: str) -> str:
        self.count += 1
        return f"{kind}{self.count}"

    def empty(self, directory: Path | None = None) -> str:
        """A new database with nothing in it, not even the migrations."""
        if not SERVER_URL:
            return f"sqlite:///{(directory or self.root) / (self._name('empty') + '.sqlite3')}"
        schema = SESSION_PREFIX + self._name("s")
        with self._admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        return _schema_url(schema)

    def migrated(self) -> str:
        """A new database of its own, migrated for real (for live servers)."""
        url = self.empty()
        upgrade(make_engine(url))  # disposes the engine
        return url

    def _ensure_template(self) -> None:
        if self._template is not None:
            return
        url = self.migrated()
        if SERVER_URL:
            schema = url.rsplit("%3D", 1)[1]
            with self._admin.connect() as connection:
                tables = connection.execute(text(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema "
                    "AND table_type = 'BASE TABLE' AND table_name <> 'alembic_version' ORDER BY table_name"),
                    {"schema": schema}).scalars().all()
            self._truncate = text(f"TRUNCATE {', '.join(f'{schema}.{t}' for t in tables)} RESTART IDENTITY CASCADE")
            self._template = url
        else:
            self._template = url.removeprefix("sqlite:///")

    def for_test(self, directory: Path) -> str:
        """The migrated database of one test: a copy of the template, or the
        session's schema emptied."""
        self._ensure_template()
        if not SERVER_URL:
            copy = directory / "test.sqlite3"
            shutil.copyfile(self._template, copy)
            return f"sqlite:///{copy}"
        with self._admin.begin() as connection:
            # A connection a test left inside a transaction would make TRUNCATE wait for ever.
            connection.execute(text("SET LOCAL lock_timeout = '10s'"))
            connection.execute(self._truncate)
        return self._template

    def close(self) -> None:
        if not SERVER_URL:
            return
        with self._admin.begin() as connection:
            schemas = connection.execute(text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :prefix"),
                                         {"prefix": SCHEMA_PREFIX + "%"}).scalars().all()
            for schema in schemas:
                started = re.match(rf"{SCHEMA_PREFIX}(\d+)_", schema)
                if schema.startswith(SESSION_PREFIX) or (started and time.time() - int(started.group(1)) > STALE_AFTER):
                    connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        self._admin.dispose()


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    databases = Databases(tmp_path_factory.mktemp("databases"))
    yield databases
    databases.close()


@pytest.fixture
def fresh_database_url(databases, tmp_path):
    """Makes a new, empty (unmigrated) database and returns its URL."""
    return lambda: databases.empty(tmp_path)


def _settings(database_url: str, content_dir: Path, config: dict) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": database_url,
        "AUTO_MIGRATE": False,
        "CONTENT_DIR": content_dir,
        "PASSWORD_HASH_METHOD": FAST_HASH,
        "BASE_URL": "https://lachan.example",
        **config,
    }


@pytest.fixture
def make_app(databases, tmp_path):
    """make_app(content_dir=TEST_CONTENT, database="migrated", **config): an app
    on this test's migrated database, or with database="empty" on a new empty
    one. Engines are disposed when the test ends."""
    apps = []
    test_database: list[str] = []

    def make(content_dir: Path = TEST_CONTENT, *, database: str = "migrated", **config):
        if database == "empty":
            url = databases.empty(tmp_path)
        else:
            assert database == "migrated", database
            if not test_database:
                test_database.append(databases.for_test(tmp_path))
            url = test_database[0]
        app = create_app(_settings(url, content_dir, config))
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["db_engine"].dispose()


@pytest.fixture
def app(make_app):
    """The small, stable test content; CSRF off so tests post plain forms."""
    return make_app(WTF_CSRF_ENABLED=False)


@pytest.fixture
def content(tmp_path):
    """A copy of the test content that a test may break."""
    root = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, root)
    return root


@pytest.fixture
def client(app):
    return app.test_client()


def _reset_limits() -> None:
    """Clears the rate-limit counters, when there are any: the limiter has
    storage only once an app was made (init_app gives it one)."""
    if limiter._storage is not None:
        limiter.reset()


@pytest.fixture
def clock():
    """A frozen clock: time.time(), datetime.now() and the like (what the rate
    limiter's memory storage and utcnow() read) stand still until the test
    moves them with clock.shift(seconds or timedelta). Rate-limit counters are
    cleared on the way in and out, so no window spans two clocks; and, as the
    test usually asks for the clock before it makes its app, again once the
    first app made under this clock has its storage (counters a shared Redis
    kept from before). Later apps of the test share what the first counted, as
    workers do. Safe on its own: nothing to reset before any app exists."""
    init_app = limiter.init_app
    first = []

    def init_and_reset(app):
        init_app(app)
        if not first:
            first.append(app)
            _reset_limits()

    with time_machine.travel(CLOCK_START, tick=False) as traveller:
        _reset_limits()
        limiter.init_app = init_and_reset
        try:
            yield traveller
        finally:
            del limiter.init_app  # the class's method again
            _reset_limits()


# --- helpers shared by several test modules, as fixtures -------------------------------

@pytest.fixture
def password() -> str:
    """The password sign_up gives every teacher."""
    return PASSWORD


def _sign_up(app, email: str):
    client = app.test_client()
    response = client.post("/auth/signup", data={"email": email, "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302, response.text
    return client


def _join(app, code: str, name: str):
    student = app.test_client()
    response = student.post("/join", data={"code": code, "display_name": name})
    assert response.status_code == 303, response.text
    personal = re.search(r'class="join-code code">([A-Z0-9-]+)<', student.get("/me").text).group(1)
    return student, personal


def _page_form(app, quiz: str, question: str, choices=(), *, seed: int = 0, positions=None, **fields) -> dict:
    """What a quiz page's form sends for `question` with `choices` (authors' ids):
    the page names questions, options and steps from the app's secret and the
    attempt's seed (edu.content.questions.Shown), never by the authors' ids.
    A question or choice the quiz does not have is sent as written: a forgery."""
    q = app.extensions["content"].library.quizzes[quiz].question(question)
    shown = Shown(seed, app.secret_key)
    data = {"question": q.token(shown) if q else question, **fields}
    if choices:
        data["choice"] = [q.form_value(c, shown) if q and c in q.choice_ids else c
                          for c in ([choices] if isinstance(choices, str) else choices)]
    for step, number in (positions or {}).items():
        data[q.field(step, shown)] = number
    return data


def _unsigned(page):
    """A page (str or bytes) without its CSRF token, which carries the second
    it was signed: two fetches of one page straddling a second differ there."""
    pattern = r'"X-CSRFToken": "[^"]+"'
    return re.sub(pattern.encode(), b"", page) if isinstance(page, bytes) else re.sub(pattern, "", page)


@pytest.fixture
def unsigned():
    """unsigned(page): the page without its CSRF token, to compare two fetches."""
    return _unsigned


@pytest.fixture
def page_form():
    """page_form(app, quiz, question, choices, seed=0, positions={step: n}, **fields): the form data a page sends."""
    return _page_form


def pytest_collection_modifyitems(config, items):
    """A test that restarts PostgreSQL means something only in the run on
    PostgreSQL (tests/run.sh's second phase): elsewhere it is deselected."""
    if SERVER_URL:
        return
    restarts = [item for item in items if "restarts_service" in item.keywords]
    if restarts:
        config.hook.pytest_deselected(items=restarts)
        items[:] = [item for item in items if item not in restarts]


@pytest.fixture
def teacher(app, sign_up):
    """A teacher signed up on this module's `app` (which needs open sign-up)."""
    return sign_up(app, "lan@school.example")


@pytest.fixture
def homework_student(sign_up, join):
    """homework_student(app, name, language="en"): a teacher's class "7A" given
    first-quiz as homework, and a student who joined it: (teacher, student).
    The app needs open sign-up and CSRF off."""
    def make(app, name: str, language: str = "en"):
        teacher = sign_up(app, "t@school.example")
        teacher.post("/classes/new", data={"name": "7A", "language": language})
        teacher.post("/classes/1/assign", data={"item": "quiz:first-quiz"})
        with app.app_context():
            code = get_session().exec(text("SELECT join_code FROM classroom")).scalar()
        return teacher, join(app, code, name)[0]

    return make


@pytest.fixture
def sign_up():
    """sign_up(app, email): a client signed in as a new teacher (open sign-up, CSRF off)."""
    return _sign_up


@pytest.fixture
def join():
    """join(app, code, name): (the student's client, their personal re-entry code)."""
    return _join


def _load(root: Path):
    return load_library(root, media_url=lambda slug, name: f"/m/{slug}/{name}",
                        callout_titles={"vi": {"tip": "Mẹo"}, "en": {"tip": "Tip"}})


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        _load(root)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def load():
    """load(root): the content library in the folder `root`."""
    return _load


@pytest.fixture
def problems():
    """problems(root): the problems loading the folder `root` reports (it must fail)."""
    return _problems


# --- live servers ------------------------------------------------------------------------

def _serve(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    server.app = app
    return server


@pytest.fixture(scope="session")
def live_server(databases):
    """The real app with the shipped content, served on a free local port."""
    server = _serve(create_app(_settings(databases.migrated(), REPO_ROOT, {"OPEN_SIGNUP": True})))
    yield server
    server.shutdown()
    server.app.extensions["db_engine"].dispose()


@pytest.fixture(scope="session")
def test_content_server(databases):
    """The real app with the small test content: one question of each type."""
    server = _serve(create_app(_settings(databases.migrated(), TEST_CONTENT, {})))
    yield server
    server.shutdown()
    server.app.extensions["db_engine"].dispose()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


# --- contests ------------------------------------------------------------------------

@pytest.fixture
def round_factory(app):
    """round_factory(**round fields): a contest round open from 07:00 to 09:00
    UTC with a 30-minute limit, drawing 4 questions; its id."""
    def make(**fields):
        with app.app_context():
            db = get_session()
            organiser = User(email=f"org{len(db.exec(select(User)).all())}@example.org", password_hash="x", role="organiser")
            school = db.exec(select(School)).first() or School(name="THCS Hoa Sen", province="Hà Nội", level="lower-secondary")
            db.add_all([organiser, school])
            db.flush()
            contest = Contest(organiser_id=organiser.id, title_vi="Học sinh với an toàn thông tin",
                              title_en="Students and information security", grades="6,7,8,9")
            db.add(contest)
            db.flush()
            values = dict(contest_id=contest.id, name_vi="Vòng trường", name_en="School round",
                          opens_at=CLOCK_START - timedelta(hours=1), closes_at=CLOCK_START + timedelta(hours=1), time_limit_minutes=30,
                          draw=draws.Draw(picks=(draws.Pick("scams", 2, 4),)).to_json(), public_code=codes.random_code(8))
            values.update(fields)
            round_ = ContestRound(**values)
            db.add(round_)
            db.commit()
            return round_.id

    return make


@pytest.fixture
def contestant(app):
    """contestant(round_id, key="learner-one", confirmed=True): a participant with learner key
    `key`, and a client whose browser carries that key."""
    def make(round_id: int, key: str = "learner-one", confirmed: bool = True):
        with app.app_context():
            db = get_session()
            school = db.exec(select(School)).first()
            db.add(Participant(round_id=round_id, learner_key=key, display_name="Lan", school_id=school.id, grade="7",
                               class_name="7A", identity=f"{school.id}|7|7a|{key}",
                               code_hash=codes.digest(app.secret_key, codes.contest_code(app.secret_key, round_id, key)),
                               confirmed_at=CLOCK_START - timedelta(days=1) if confirmed else None))
            db.commit()
        client = app.test_client()
        with client.session_transaction() as session:
            session["learner"] = key
        return client

    return make


# --- kiosks ---------------------------------------------------------------------------

KIOSK_STAFF_EMAIL = "kiosks@campaign.example"


@pytest.fixture
def kiosk_staff(sign_up):
    """kiosk_staff(app, email=KIOSK_STAFF_EMAIL): a client signed in as kiosk
    staff (the app needs open sign-up and CSRF off)."""
    def make(app, email: str = KIOSK_STAFF_EMAIL):
        client = sign_up(app, email)
        with app.app_context():
            db = get_session()
            db.exec(select(User).where(User.email == email)).one().role = "kiosk_staff"
            db.commit()
        return client

    return make


@pytest.fixture
def kiosk_factory():
    """kiosk_factory(app, owner=KIOSK_STAFF_EMAIL, **kiosk fields): a kiosk
    (a mix of 5 recognition items, 60 s idle, Vietnamese first) owned by that
    account, made if missing; its id."""
    def make(app, owner: str = KIOSK_STAFF_EMAIL, **fields):
        with app.app_context():
            db = get_session()
            user = db.exec(select(User).where(User.email == owner)).first()
            if user is None:
                user = User(email=owner, password_hash="x", role="kiosk_staff")
                db.add(user)
                db.flush()
            values = dict(owner_id=user.id, name="Không Một Mình", place="Hanoi Convention Centre",
                          starts_on=CLOCK_START.date(), ends_on=CLOCK_START.date() + timedelta(days=2),
                          question_count=5, idle_seconds=60, attract_vi="Bạn có nhận ra lừa đảo?",
                          attract_en="Can you spot a scam?")
            values.update(fields)
            kiosk = Kiosk(**values)
            db.add(kiosk)
            db.commit()
            return kiosk.id

    return make
