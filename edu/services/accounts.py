"""Staff accounts: sign-up (open or by invite), sign-in, passwords."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..models import AuditEvent, Invite, User, as_utc, utcnow
from .errors import AccountError

MIN_PASSWORD_LENGTH = 10
LOCK_AFTER = 5
LOCK_MINUTES = 15
INVITE_DAYS = 14
# How new passwords are hashed, in Werkzeug's notation: "scrypt" (Werkzeug's
# default) unless the app calls use_hash_method() with its PASSWORD_HASH_METHOD
# config at start (the tests use a cheap "pbkdf2:sha256:1000"). The setting is
# process-wide. Existing hashes name their own method, so changing it never
# locks anyone out.
_hash_method = "scrypt"
# Verified against when the email is unknown, so a wrong email costs the same
# time as a wrong password and does not reveal which accounts exist: made with
# the same method, once per method, when the method is chosen.
_dummy_hashes: dict[str, str] = {}


def use_hash_method(method: str) -> None:
    """Hash new passwords with `method`. Its dummy hash is made now, so a bad
    method is refused at start and the first unknown email costs no more."""
    global _hash_method
    if method not in _dummy_hashes:
        _dummy_hashes[method] = generate_password_hash("not a real password", method=method)
    _hash_method = method


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=_hash_method)


def _dummy_hash() -> str:
    if _hash_method not in _dummy_hashes:  # the services used without the app
        use_hash_method(_hash_method)
    return _dummy_hashes[_hash_method]


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("account.password_too_short", num=MIN_PASSWORD_LENGTH)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_user(db: Session, email: str) -> User | None:
    return db.exec(select(User).where(User.email == normalize_email(email))).first()


def create_user(db: Session, email: str, password: str, role: str = "teacher", by: User | None = None) -> User:
    check_password_rules(password)
    if find_user(db, email):
        raise AccountError("account.exists")
    user = User(email=normalize_email(email), password_hash=hash_password(password), role=role)
    db.add(user)
    db.flush()  # the id, for signing in at once
    if role == "admin":
        audit(db, by, "admin.create", user.email)
    return user


def authenticate(db: Session, email: str, password: str) -> User | None:
    """The user, or None for a wrong email or password. After LOCK_AFTER
    failures in a row the account is locked for LOCK_MINUTES, right password
    or not, so guessing stays slow even from many addresses."""
    user = find_user(db, email)
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return None
    if user.locked_until and as_utc(user.locked_until) > utcnow():
        raise AccountError("account.locked", num=LOCK_MINUTES)
    if not check_password_hash(user.password_hash, password):
        user.failed_signins += 1
        if user.failed_signins >= LOCK_AFTER:
            user.failed_signins, user.locked_until = 0, utcnow() + timedelta(minutes=LOCK_MINUTES)
        db.add(user)
        return None
    if user.failed_signins or user.locked_until:
        user.failed_signins, user.locked_until = 0, None
        db.add(user)
    return user


def change_password(db: Session, user: User, current: str, new: str) -> None:
    if not check_password_hash(user.password_hash, current):
        raise AccountError("account.wrong_password")
    check_password_rules(new)
    user.password_hash = hash_password(new)
    db.add(user)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_invite(db: Session, admin: User, role: str = "teacher") -> str:
    """Return the invite token; only its hash is stored."""
    token = secrets.token_urlsafe(24)
    db.add(Invite(token_hash=_token_hash(token), role=role, created_by=admin.id,
                  expires_at=utcnow() + timedelta(days=INVITE_DAYS)))
    audit(db, admin, "invite.create", f"role={role}")
    return token


def audit(db: Session, actor: User | None, action: str, detail: str = "") -> None:
    """Record an admin action, in the same transaction as the change it describes."""
    db.add(AuditEvent(actor_id=actor.id if actor else None, action=action, detail=detail[:500]))


def audit_log(db: Session, limit: int = 200) -> list[AuditEvent]:
    return list(db.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)).all())


def valid_invite(db: Session, token: str) -> Invite | None:
    invite = db.exec(select(Invite).where(Invite.token_hash == _token_hash(token))).first()
    if invite is None or invite.used_at is not None or as_utc(invite.expires_at) < utcnow():
        return None
    return invite


def accept_invite(db: Session, token: str, email: str, password: str) -> User:
    invite = valid_invite(db, token)
    if invite is None:
        raise AccountError("account.invite_invalid")
    user = create_user(db, email, password, role=invite.role)
    invite.used_at = utcnow()
    db.add(invite)
    return user

