"""Refusals a person can act on, named by code.

Services know what went wrong but not in which language to say it: they
raise a `ServiceError` with a code (and the numbers its message needs), and
web/messages.py turns the code into the visitor's language. Every service
refuses before it writes, so a refusal never leaves half an action behind.
"""
from __future__ import annotations

from ..content.questions import AnswerRejected
from ..errors import CodedError

__all__ = ["AccountError", "AnswerRejected", "ClassError", "ServiceError"]


class ServiceError(CodedError):
    """A refusal by a service."""


class AccountError(ServiceError):
    """Sign-up, sign-in or password refused."""


class ClassError(ServiceError):
    """Joining a class refused."""
