"""Staff accounts: sign-up (open or by invite), sign-in, passwords."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import case, literal, or_, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..models import ROLES, AuditEvent, Invite, User, as_utc, utcnow
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


def _new_user(db: Session, email: str, password: str, role: str) -> User:
    """A checked, hashed account not yet added: refusals come before any write."""
    check_password_rules(password)
    if find_user(db, email):
        raise AccountError("account.exists")
    return User(email=normalize_email(email), password_hash=hash_password(password), role=role)


def _add_user(db: Session, user: User, by: User | None) -> User:
    db.add(user)
    db.flush()  # the id, for signing in at once
    if user.role == "admin":
        audit(db, by, "admin.create", user.email)
    return user


def create_user(db: Session, email: str, password: str, role: str = "teacher", by: User | None = None) -> User:
    return _add_user(db, _new_user(db, email, password, role), by)


def _not_locked(now):
    return or_(User.locked_until.is_(None), User.locked_until <= now)


def _count_failure(db: Session, user_id: int) -> None:
    """One more failed sign-in, counted by the database itself so parallel
    guesses cannot overwrite each other's count. A locked account is not
    counted; the first failure after a lock ran out starts a new series."""
    now = utcnow()
    count = case((User.locked_until.is_not(None), 1), else_=User.failed_signins + 1)
    until = literal(now + timedelta(minutes=LOCK_MINUTES), User.locked_until.type)
    db.exec(update(User).where(User.id == user_id, _not_locked(now))
            .values(failed_signins=count, locked_until=case((count >= LOCK_AFTER, until), else_=None))
            .execution_options(synchronize_session=False))


def _clear_failures(db: Session, user_id: int) -> bool:
    """Reset the count unless the account is locked; False when it is locked.
    One statement, so a lock set by a parallel guess is never missed."""
    cleared = db.exec(update(User).where(User.id == user_id, _not_locked(utcnow()))
                      .values(failed_signins=0, locked_until=None)
                      .execution_options(synchronize_session=False))
    return cleared.rowcount == 1


def authenticate(db: Session, email: str, password: str) -> User:
    """The user, or a refusal. An unknown email, a wrong password and a locked
    account (LOCK_AFTER failures in a row lock it for LOCK_MINUTES, right
    password or not) cost the same hash and get the same refusal, so neither
    the answer nor its timing tells which accounts exist or are locked."""
    user = find_user(db, email)
    right = check_password_hash(user.password_hash if user else _dummy_hash(), password)
    if user is not None and not right:
        _count_failure(db, user.id)
    if user is None or not right or not _clear_failures(db, user.id):
        raise AccountError("account.signin_failed", num=LOCK_MINUTES)
    if not user.is_active:  # said only to someone who knows the password
        raise AccountError("account.disabled")
    return user


def end_sessions(db: Session, user: User) -> int:
    """Raise the account's session version, ending every session that began
    before (see web/access.py); the new version, for the session that stays."""
    version = db.exec(update(User).where(User.id == user.id)
                      .values(session_version=User.session_version + 1)
                      .returning(User.session_version)
                      .execution_options(synchronize_session=False)).scalar_one()
    set_committed_value(user, "session_version", version)  # as stored: nothing more to write
    return version


def change_password(db: Session, user: User, current: str, new: str) -> None:
    if not check_password_hash(user.password_hash, current):
        raise AccountError("account.wrong_password")
    check_password_rules(new)
    user.password_hash = hash_password(new)
    db.add(user)
    end_sessions(db, user)


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
    """One account per invite, however many browsers send it at once: the
    invite is claimed by a single conditional UPDATE (the database decides
    who was first), after every refusal that could still come."""
    invite = valid_invite(db, token)
    if invite is None:
        raise AccountError("account.invite_invalid")
    user = _new_user(db, email, password, invite.role)
    now = utcnow()
    claimed = db.exec(update(Invite).where(Invite.id == invite.id, Invite.used_at.is_(None), Invite.expires_at > now)
                      .values(used_at=now).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        raise AccountError("account.invite_invalid")
    return _add_user(db, user, None)


def staff_accounts(db: Session) -> list[User]:
    return list(db.exec(select(User).order_by(User.created_at, User.id)).all())


def set_disabled(db: Session, admin: User, user_id: int, disabled: bool) -> User | None:
    """Turn an account off (it cannot sign in, its sessions end) or on again;
    None when there is no such account. Never the admin's own."""
    user = db.get(User, user_id)
    if user is None:
        return None
    if user.id == admin.id:
        raise AccountError("account.not_yourself")
    if disabled != (user.disabled_at is not None):
        user.disabled_at = utcnow() if disabled else None
        db.add(user)
        end_sessions(db, user)
        audit(db, admin, "staff.disable" if disabled else "staff.enable", user.email)
    return user


def set_role(db: Session, actor: User | None, user_id: int, role: str) -> User | None:
    """Give an account another role (audited); None when there is no such
    account. `actor` None is the command line. Never the admin's own role,
    so the site always keeps the admin who made the change."""
    if role not in ROLES:
        raise AccountError("account.unknown_role", role=role, roles=", ".join(ROLES))
    user = db.get(User, user_id)
    if user is None:
        return None
    if actor is not None and user.id == actor.id:
        raise AccountError("account.own_role")
    if user.role != role:
        audit(db, actor, "staff.role", f"{user.email}: {user.role} -> {role}")
        user.role = role
        db.add(user)
    return user
