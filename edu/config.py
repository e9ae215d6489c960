"""Settings from the environment, with defaults that need no set-up."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


def _shipped(inside_package: str, in_repository: Path) -> Path:
    """A folder kept at the top of the repository and copied into the package
    by `pip install .` (see pyproject.toml): the installed copy when there is
    one, else the repository's own folder (a checkout or an editable install)."""
    installed = PACKAGE_DIR / inside_package
    return installed if installed.is_dir() else in_repository


STATIC_DIR = _shipped("static", REPO_ROOT / "static")  # named static/ in both: Flask serves it at /static/
TRANSLATIONS_DIR = _shipped("translations", REPO_ROOT / "translations")
SHIPPED_CONTENT_DIR = _shipped("shipped", REPO_ROOT)  # holds lessons/ and quizzes/


def content_dir(override: str | None = None) -> Path:
    return Path(override or os.environ.get("EDU_CONTENT_DIR") or SHIPPED_CONTENT_DIR).resolve()


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in
    the instance folder, so sessions survive restarts without configuration."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _flag(name: str) -> bool:
    return os.environ.get(name, "").lower() in ("1", "true", "yes", "on")


def _count(name: str) -> int:
    value = os.environ.get(name, "0").strip() or "0"
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    return int(value)


RATE_LIMITS = {
    "RATELIMIT_SIGNIN": "10 per minute",  # per account
    # sign-in POSTs per address, whatever the email: a school behind one NAT stays far below it
    "RATELIMIT_SIGNIN_ADDRESS": "60 per 10 minutes",
    # students who joined, per class code: a class of 50 joins in a minute; a flood is slowed until the teacher closes joining
    "RATELIMIT_JOIN": "60 per minute;200 per hour",
    "RATELIMIT_GUESS": "100 per 10 minutes",  # wrong join or personal codes per address (only wrong ones are refused)
    "RATELIMIT_GUESS_BROWSER": "10 per 10 minutes",  # wrong codes per browser
    "RATELIMIT_ANSWERS": "120 per minute",  # per learner
    "RATELIMIT_CERTIFICATE_CHECKS": "120 per 10 minutes",  # per address: guessing codes is slow, a school's checks are few
}


QUICK_EXIT_URL = "https://www.google.com/search?q=th%E1%BB%9Di+ti%E1%BA%BFt"


def load_config(instance_path: Path) -> dict:
    instance_path.mkdir(parents=True, exist_ok=True)
    auto_migrate = {"AUTO_MIGRATE": _flag("EDU_AUTO_MIGRATE")} if "EDU_AUTO_MIGRATE" in os.environ else {}
    limits = {name: os.environ.get(name, default) for name, default in RATE_LIMITS.items()}
    return auto_migrate | limits | {
        "SECRET_KEY": _secret_key(instance_path),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'edu.sqlite3'}",
        "CONTENT_DIR": content_dir(),
        "BASE_URL": os.environ.get("EDU_BASE_URL") or "http://127.0.0.1:5000",
        "OPEN_SIGNUP": _flag("EDU_OPEN_SIGNUP"),
        # Where "Exit this page" goes: somewhere neutral that reveals nothing (a weather search).
        "QUICK_EXIT_URL": os.environ.get("EDU_QUICK_EXIT_URL") or QUICK_EXIT_URL,
        "HTTPS": _flag("EDU_HTTPS"),
        "PROXY_COUNT": _count("EDU_PROXY_COUNT"),  # proxies of ours in front; 0 believes no X-Forwarded-* header
        "STAFF_IDLE_HOURS": float(os.environ.get("STAFF_IDLE_HOURS") or 8),  # a working day; then sign in again
        "PASSWORD_HASH_METHOD": "scrypt",  # Werkzeug's default; tests set a cheap one
        "RATELIMIT_STORAGE_URI": os.environ.get("REDIS_URL") or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "PERMANENT_SESSION_LIFETIME": 60 * 60 * 24 * 90,
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "BABEL_DEFAULT_LOCALE": "vi",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
        "BABEL_TRANSLATION_DIRECTORIES": str(TRANSLATIONS_DIR),
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_I18N_ENABLED": False,  # our forms carry their own translated messages
    }
