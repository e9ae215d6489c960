"""A kiosk's device: set up once from a one-time link, then known by the
credential it keeps in a cookie.

Both the set-up token and the credential are random and kept only as a
SHA-256 hash, like an invite: a copy of the database lets nobody pose as a
kiosk. Setting a device up uses the link up and replaces any device set up
before; staff revoke a device by clearing its hash.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, select

from ..models import Kiosk, as_utc
from .errors import ServiceError

SETUP_VALID_FOR = timedelta(days=2)  # long enough to carry the link to the hall, short enough not to linger
SEEN_EVERY = timedelta(minutes=1)  # record the device's last contact at most this often, not on every touch


class KioskSetupError(ServiceError):
    """A set-up link that does not work (unknown, used, expired)."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_setup_link(db: Session, kiosk: Kiosk, now: datetime) -> str:
    """A fresh one-time token for the device; any earlier unused link stops working."""
    token = secrets.token_urlsafe(24)
    kiosk.setup_hash, kiosk.setup_expires_at = hash_token(token), now + SETUP_VALID_FOR
    db.add(kiosk)
    return token


def kiosk_for_setup(db: Session, token: str, now: datetime) -> Kiosk:
    kiosk = db.exec(select(Kiosk).where(Kiosk.setup_hash == hash_token(token))).first() if token else None
    if kiosk is None:
        raise KioskSetupError("kiosk.setup_unknown")
    if as_utc(kiosk.setup_expires_at) < now:
        raise KioskSetupError("kiosk.setup_expired")
    return kiosk


def set_up_device(db: Session, token: str, now: datetime) -> tuple[Kiosk, str]:
    """Use the link up: the kiosk and the new device credential to keep."""
    kiosk = kiosk_for_setup(db, token, now)
    credential = secrets.token_urlsafe(32)
    kiosk.setup_hash = kiosk.setup_expires_at = None
    kiosk.device_hash, kiosk.paired_at, kiosk.last_seen_at = hash_token(credential), now, now
    db.add(kiosk)
    return kiosk, credential


def revoke_device(db: Session, kiosk: Kiosk) -> None:
    """The device's next request finds itself switched off; a new link sets one up again."""
    kiosk.device_hash = None
    db.add(kiosk)


def kiosk_for_device(db: Session, credential: str | None, now: datetime) -> Kiosk | None:
    """The kiosk this credential belongs to (None: no device, or revoked),
    noting the contact for the staff's "last seen"."""
    if not credential:
        return None
    kiosk = db.exec(select(Kiosk).where(Kiosk.device_hash == hash_token(credential))).first()
    if kiosk is not None and (kiosk.last_seen_at is None or now - as_utc(kiosk.last_seen_at) >= SEEN_EVERY):
        kiosk.last_seen_at = now
        db.add(kiosk)
    return kiosk
