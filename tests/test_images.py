"""A lesson's picture carries its width and height, read from the file's
header (PNG, GIF, WebP, JPEG, SVG), and an address with its fingerprint that
is cached for a year; a bare address for a day."""
import re
import struct

import pytest

from edu.content.images import Size, image_size


def png(width, height):
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00"


def jpeg(width, height):
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    tables = b"\xff\xc4" + struct.pack(">H", 5) + b"\x00\x00\x00"  # a Huffman table first: not a frame
    frame = b"\xff\xc2" + struct.pack(">HBHH", 11, 8, height, width) + b"\x01\x01\x11\x00"  # progressive
    return b"\xff\xd8" + app0 + tables + frame + b"\xff\xd9"


def webp(chunk, payload):
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(payload)) + b"WEBP" + chunk + struct.pack("<I", len(payload)) + payload


VP8 = b"\x00\x00\x00\x9d\x01\x2a" + struct.pack("<HH", 640, 480)  # frame tag, start code, sizes
VP8L = b"\x2f" + ((300 - 1) | ((200 - 1) << 14)).to_bytes(4, "little")
VP8X = b"\x00\x00\x00\x00" + (1024 - 1).to_bytes(3, "little") + (768 - 1).to_bytes(3, "little")


@pytest.mark.parametrize("name, data, size", [
    ("a.png", png(800, 600), Size(800, 600)),
    ("a.gif", b"GIF89a" + struct.pack("<HH", 120, 90) + b"\x00" * 8, Size(120, 90)),
    ("a.jpg", jpeg(1280, 720), Size(1280, 720)),
    ("a.jpeg", jpeg(33, 44), Size(33, 44)),
    ("a.webp", webp(b"VP8 ", VP8), Size(640, 480)),
    ("b.webp", webp(b"VP8L", VP8L), Size(300, 200)),
    ("c.webp", webp(b"VP8X", VP8X), Size(1024, 768)),
    ("a.svg", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="360px" height="380" viewBox="0 0 1 1">', Size(360, 380)),
    ("b.svg", b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 120.5 80'><rect/></svg>", Size(120, 80)),
    ("c.svg", b'<svg width="100%" height="20em" viewBox="0,0,50,25"/>', Size(50, 25)),  # relative units: the viewBox
    ("d.svg", b'<svg width="100%"/>', None),
    ("e.png", b"not a picture at all", None),
    ("f.jpg", b"\xff\xd8\xff\xe0\x00", None),  # cut short
    ("g.png", png(0, 10), None),
])
def test_picture_sizes_from_their_headers(tmp_path, name, data, size):
    path = tmp_path / name
    path.write_bytes(data)
    assert image_size(path) == size


def test_lesson_picture_has_its_size_and_a_fingerprinted_address_cached_for_a_year(client):
    page = client.get("/lessons/first-lesson?lang=en").text
    img = re.search(r"<img [^>]*>", page.split('<main')[1]).group(0)
    assert 'width="10"' in img and 'height="10"' in img  # the test SVG's viewBox
    src = re.search(r'src="([^"]+)"', img).group(1)
    assert re.fullmatch(r"/lessons/first-lesson/media/sms\.svg\?v=[0-9a-f]{12}", src)
    fingerprinted = client.get(src)
    assert fingerprinted.status_code == 200
    assert fingerprinted.cache_control.max_age == 365 * 24 * 3600 and fingerprinted.cache_control.immutable
    bare = client.get("/lessons/first-lesson/media/sms.svg")
    assert bare.cache_control.max_age == 86400 and not bare.cache_control.immutable
