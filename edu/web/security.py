"""Headers that make the browser refuse what the app never does: inline
scripts, framing, guessing content types, leaking full URLs elsewhere; what
caches may keep; and which forwarded headers to believe."""
from flask import Flask, g, request, request_finished
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

# Pages about one person or one class: no cache, shared or in the browser, keeps
# them (a school PC, a proxy). Whole blueprints, so a page added later is covered.
PRIVATE_BLUEPRINTS = frozenset({"classes", "reports", "admin", "homework",
                                "organise", "organise_schools", "my_school", "enrol", "contest_entry", "contest",
                                "round_reports", "kiosks", "kiosk_stats", "kiosk"})
PRIVATE_ENDPOINTS = frozenset({"auth.password", "students.me"})


def _set_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    return response


def _set_hsts(response):
    response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def mark_sensitive() -> None:
    """This page is about abuse or getting help: it offers the quick exit and
    is never kept by a cache or the browser's back-forward store."""
    g.sensitive = True


def is_sensitive_page() -> bool:
    return g.get("sensitive", False)


def is_private_page() -> bool:
    return request.blueprint in PRIVATE_BLUEPRINTS or request.endpoint in PRIVATE_ENDPOINTS


def _cache_policy(_app, response, **_extra):
    """Runs on request_finished, not after_request: only then are all cookies
    on the response (the session cookie is written after every after_request
    hook), and a response that hands out a cookie must never be served by a
    shared cache to someone else."""
    cache = response.cache_control
    if is_private_page() or is_sensitive_page():
        cache.no_store = True
    if is_private_page() or response.headers.getlist("Set-Cookie"):
        cache.public = False
        cache.private = True
        response.vary.add("Cookie")


class _ServedOverHttps:
    """EDU_HTTPS: the site is served over HTTPS, so links made here (invites,
    the join sheet's QR code) say https, whatever X-Forwarded-Proto claims."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        environ["wsgi.url_scheme"] = "https"
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    app.after_request(_set_headers)
    request_finished.connect(_cache_policy, app)
    proxies = app.config["PROXY_COUNT"]
    if app.config["HTTPS"]:
        app.wsgi_app = _ServedOverHttps(app.wsgi_app)
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
        app.after_request(_set_hsts)
    if proxies:
        # Only as many X-Forwarded-For/-Proto hops as there are proxies of ours:
        # rate limits key on request.remote_addr, which a client must not choose.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
