"""Lessons and quizzes: files on disk, validated into typed models."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .loader import ContentError, Library, Problem, load_library
from .models import LANGUAGES, Lesson, Quiz

__all__ = ["ContentError", "ContentStore", "Library", "Lesson", "Problem", "Quiz", "LANGUAGES", "load_library"]


def _signature(root: Path) -> tuple:
    """What changes when an author saves a file: every path with its mtime."""
    return tuple(
        sorted((str(p), p.stat().st_mtime_ns) for folder in ("lessons", "quizzes") if (root / folder).is_dir()
               for p in (root / folder).rglob("*") if p.is_file())
    )


class ContentStore:
    """Holds the loaded library; in debug mode reloads it when a file changes,
    so authors see their edits without restarting the server."""

    def __init__(self, root: Path, media_url: Callable[[str, str], str],
                 callout_titles: Callable[[], dict[str, dict[str, str]]], watch: bool = False):
        self.root = Path(root)
        self.media_url = media_url
        self.callout_titles = callout_titles
        self.watch = watch
        self._signature = _signature(self.root) if watch else None
        self._library = self._load()

    def _load(self) -> Library:
        return load_library(self.root, self.media_url, self.callout_titles())

    @property
    def library(self) -> Library:
        if self.watch:
            signature = _signature(self.root)
            if signature != self._signature:
                self._library = self._load()
                self._signature = signature
        return self._library
