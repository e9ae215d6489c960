"""QR codes drawn on the server as inline SVG: no image request, nothing
from a third party, and they print sharp."""
import segno
from markupsafe import Markup


def qr_svg(url: str, title: str, scale: int = 8) -> Markup:
    return Markup(segno.make(url, error="m").svg_inline(scale=scale, dark="#000", title=title))
