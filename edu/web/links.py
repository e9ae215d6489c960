"""Absolute addresses that leave the site: invite links, join-sheet QR codes."""
from flask import current_app, url_for


def external_url(endpoint: str, **values) -> str:
    """Built on the configured BASE_URL, never on the Host header a request
    claims: a forged Host must not turn an invite into a link elsewhere."""
    return current_app.config["BASE_URL"].rstrip("/") + url_for(endpoint, **values)
