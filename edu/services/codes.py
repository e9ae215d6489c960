"""Codes people type: class join codes and students' re-entry codes.

The alphabet leaves out look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B) so a code
read off a projector or a printed sheet is typed right the first time.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6
REENTRY_CODE_LENGTH = 8


def random_code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalize(code: str) -> str:
    """What people type: any case, spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def format_reentry(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def digest(secret: str, code: str) -> str:
    """Re-entry codes are stored only as a keyed hash, like passwords, but
    must be found by value, so the hash is deterministic (HMAC)."""
    return hmac.new(secret.encode(), normalize(code).encode(), hashlib.sha256).hexdigest()


CONTEST_CODE_LENGTH = 10


def contest_code(secret: str, round_id: int, learner_key: str) -> str:
    """A participant's personal code for one round, derived from the app's
    secret rather than stored: a teacher can print the sheet again, and the
    database holds only its digest (Participant.code_hash)."""
    mac = hmac.new(secret.encode(), f"contest/{round_id}/{learner_key}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(mac, "big")
    letters = []
    for _ in range(CONTEST_CODE_LENGTH):
        number, index = divmod(number, len(ALPHABET))
        letters.append(ALPHABET[index])
    return "".join(letters)


def format_contest(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


CERTIFICATE_MAC_LENGTH = 8


def _in_alphabet(number: int) -> str:
    letters = ""
    while True:
        number, index = divmod(number, len(ALPHABET))
        letters = ALPHABET[index] + letters
        if number == 0:
            return letters


def _certificate_mac(secret: str, participant_id: int) -> str:
    mac = hmac.new(secret.encode(), f"certificate/{participant_id}".encode(), hashlib.sha256).digest()
    return _in_alphabet(int.from_bytes(mac, "big"))[-CERTIFICATE_MAC_LENGTH:]


def certificate_code(secret: str, participant_id: int) -> str:
    """A certificate's verification code: the participant's number and a
    keyed check on it, so nothing is stored and no one can make up a valid code."""
    return f"LC-{_in_alphabet(participant_id)}-{_certificate_mac(secret, participant_id)}"


def certificate_participant(secret: str, code: str) -> int | None:
    """The participant a certificate code names, or None for a code we never issued."""
    typed = normalize(code)
    if not typed.startswith("LC") or len(typed) < 3 + CERTIFICATE_MAC_LENGTH or len(typed) > 40:
        return None
    number_part, mac = typed[2:-CERTIFICATE_MAC_LENGTH], typed[-CERTIFICATE_MAC_LENGTH:]
    if any(ch not in ALPHABET for ch in number_part):
        return None
    participant_id = 0
    for ch in number_part:
        participant_id = participant_id * len(ALPHABET) + ALPHABET.index(ch)
    return participant_id if hmac.compare_digest(mac, _certificate_mac(secret, participant_id)) else None
