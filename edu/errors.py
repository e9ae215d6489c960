"""Errors with a code instead of a sentence, for code that must not depend on
Flask: content/ and services/ raise them, web/messages.py says them in the
visitor's language."""
from __future__ import annotations


class CodedError(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params
