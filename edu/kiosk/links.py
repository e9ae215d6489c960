"""A kiosk screen has nowhere to go but its own pages: every other link on it
(a lesson to read again, the help directory in an explanation, an address in
a question) keeps its words and loses its link; where the link leads to a
website the visitor may want later, a QR code for their own phone goes with it.
"""
from __future__ import annotations

import re
from html import unescape

from ..content.help_directory import HelpDirectory
from ..web.qr import qr_svg

LINK = re.compile(r'<a\b[^>]*?\shref="(?P<href>[^"]*)"[^>]*>(?P<text>.*?)</a>', re.S)
QR_SCALE = 3  # small beside a sentence, still read by a phone from arm's length


def _website(href: str, help_directory: HelpDirectory) -> str | None:
    """The https address behind a link, if there is one to take away."""
    if href.startswith("https://"):
        return href
    if href.startswith("/help#"):
        channel = help_directory.channel(href.partition("#")[2])
        if channel and channel.url and channel.url.startswith("https://"):
            return channel.url
    return None


def keep_inside(html: str, help_directory: HelpDirectory, qr_title: str) -> str:
    """`html` with every link outside /kiosk made plain text, and a QR code
    after each one that leads to a website."""
    def plain(link: re.Match) -> str:
        href = unescape(link["href"])
        if href.startswith("/kiosk"):
            return link[0]
        text = f'<span class="kiosk-link">{link["text"]}</span>'
        website = _website(href, help_directory)
        if website is None:
            return text
        return f'{text}<span class="kiosk-link-qr">{qr_svg(website, qr_title % {"address": website}, scale=QR_SCALE)}</span>'

    return LINK.sub(plain, html)
