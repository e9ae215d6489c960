"""Refusals a person can act on, named by code.

Services know what went wrong but not in which language to say it: they
raise a `ServiceError` with a code (and the numbers its message needs), and
web/messages.py turns the code into the visitor's language. Every service
refuses before it writes, so a refusal never leaves half an action behind.
"""
from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


class AnswerRejected(ServiceError):
    """A bad or forged answer. `retry` is True when the student can simply
    answer the same question again (for example, they chose nothing)."""

    def __init__(self, code: str, retry: bool = False, **params):
        super().__init__(code, **params)
        self.retry = retry


class AccountError(ServiceError):
    """Sign-up, sign-in or password refused."""


class ClassError(ServiceError):
    """Joining a class refused."""
