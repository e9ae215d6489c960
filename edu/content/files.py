"""Reading content files: size and depth limits, safe YAML, front matter.

What an honest author never needs (a 10 MB lesson, YAML nested a thousand
deep) is refused with a problem naming the file, not left to exhaust the
server's memory or stack.
"""
from __future__ import annotations

import yaml

from .problems import Problem

MAX_LESSON_BYTES = 200_000
MAX_QUIZ_BYTES = 1_000_000
MAX_DEPTH = 25
FAILED = object()  # what a reader returns after recording its problem

# The safe loader, in libyaml's C version when PyYAML was built with it: the
# same safe subset of YAML, about eight times faster on a content folder.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TooDeep(ValueError):
    pass


def _depth(value, level: int = 0) -> int:
    if level > MAX_DEPTH:
        raise TooDeep
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return max((_depth(child, level + 1) for child in children), default=level)


def safe_load(text: str):
    """The YAML, or TooDeep when it nests deeper than any content needs."""
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader, never yaml.Loader)
    except RecursionError:
        raise TooDeep from None
    _depth(data)
    return data


def yaml_problem(file: str, exc: yaml.YAMLError, line_offset: int = 0) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1 + line_offset}" if mark else ""
    reason = getattr(exc, "problem", None) or str(exc)
    return Problem(file, where, f"invalid YAML: {reason}")


def split_front_matter(text: str) -> tuple[str, str] | None:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            return "".join(lines[1:end]), "".join(lines[end + 1:])
    return None


