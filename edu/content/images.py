"""The pixel size of a lesson's picture, read from the file when content loads.

A lesson's <img> carries width and height, so the browser keeps the picture's
place before it arrives and nothing jumps on a slow line. Only the headers are
read (the first bytes of a PNG, GIF or WebP, the markers of a JPEG, the root
tag of an SVG): no imaging library, and an SVG is never parsed as XML, so no
entity in an author's file is ever expanded.
"""
from __future__ import annotations

import hashlib
import re
import struct
from pathlib import Path
from typing import NamedTuple

HEAD_BYTES = 64 * 1024  # enough for an SVG's root tag or a JPEG's first frame header, in practice


class Size(NamedTuple):
    width: int
    height: int


def image_size(path: Path) -> Size | None:
    """The picture's intrinsic size in CSS pixels, or None when the file does not say."""
    with open(path, "rb") as file:
        head = file.read(HEAD_BYTES)
    suffix = path.suffix.lower()
    reader = {".png": _png, ".gif": _gif, ".webp": _webp, ".jpg": _jpeg, ".jpeg": _jpeg, ".svg": _svg}.get(suffix)
    try:
        size = reader(head) if reader else None
    except (struct.error, ValueError, IndexError):
        return None
    return size if size and size.width > 0 and size.height > 0 else None


def _png(head: bytes) -> Size | None:
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return Size(*struct.unpack(">II", head[16:24]))


def _gif(head: bytes) -> Size | None:
    if head[:6] not in (b"GIF87a", b"GIF89a"):
        return None
    return Size(*struct.unpack("<HH", head[6:10]))


def _webp(head: bytes) -> Size | None:
    if head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return None
    chunk = head[12:16]
    if chunk == b"VP8 ":  # lossy: 14-bit sizes after the frame's start code
        width, height = struct.unpack("<HH", head[26:30])
        return Size(width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L":  # lossless: 14 bits each, minus one, after a signature byte
        bits = int.from_bytes(head[21:25], "little")
        return Size((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":  # extended: 24-bit canvas sizes, minus one
        return Size(int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1)
    return None


# Start-of-frame markers carry the size; C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding) do not.
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg(head: bytes) -> Size | None:
    if head[:2] != b"\xff\xd8":
        return None
    at = 2
    while at + 9 <= len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = struct.unpack(">H", head[at + 2:at + 4])[0]
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", head[at + 5:at + 9])
            return Size(width, height)
        at += 2 + length
    return None


_SVG_ROOT = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*")


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(rf"""\s{name}\s*=\s*(["'])(.*?)\1""", tag)
    return found.group(2) if found else None


def _svg(head: bytes) -> Size | None:
    """width and height in px (or unitless) on the root <svg>; else its viewBox."""
    root = _SVG_ROOT.search(head)
    if not root:
        return None
    tag = root.group(1).decode("utf-8", "replace")
    lengths = [_LENGTH.fullmatch(_attribute(tag, name) or "") for name in ("width", "height")]
    if all(lengths):
        return Size(*(round(float(length.group(1))) for length in lengths))
    box = (_attribute(tag, "viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        return Size(round(float(box[2])), round(float(box[3])))
    return None


def file_digest(path: Path) -> str:
    """A short fingerprint of the file's bytes, for its address (cache busting)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
