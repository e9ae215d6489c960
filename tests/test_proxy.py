"""Forwarded headers are believed only from proxies the deployment declares
(EDU_PROXY_COUNT); otherwise a client could pick the address its rate
limits count against."""
from __future__ import annotations

import pytest
from flask import request

from edu.config import load_config

PROXY = {"REMOTE_ADDR": "10.0.0.2"}


def with_address_route(app):
    app.add_url_rule("/test-address", "test_address", lambda: f"{request.remote_addr} {request.scheme}")
    return app


def test_forwarded_headers_are_ignored_without_a_declared_proxy(make_app):
    for app in (make_app(), make_app(HTTPS=True)):  # EDU_HTTPS alone trusts no header
        client = with_address_route(app).test_client()
        answer = client.get("/test-address", environ_base=PROXY,
                            headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "http"}).text
        assert answer == ("10.0.0.2 https" if app.config["HTTPS"] else "10.0.0.2 http")


def test_a_declared_proxy_gives_the_client_address_and_scheme(make_app):
    client = with_address_route(make_app(PROXY_COUNT=1)).test_client()
    answer = client.get("/test-address", environ_base=PROXY,
                        headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.7", "X-Forwarded-Proto": "https"}).text
    assert answer == "203.0.113.7 https"  # the hop our proxy added, not what the client claimed before it


def test_forged_forwarded_for_does_not_escape_the_wrong_code_limit(make_app, clock):
    for https in (False, True):
        clock.shift(600)  # a fresh window for each app
        app = make_app(WTF_CSRF_ENABLED=False, HTTPS=https, RATELIMIT_GUESS="3 per minute")
        client = app.test_client()
        statuses = [client.post("/join/continue", data={"code": "AAAA-AAAA"},
                                headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code for n in range(4)]
        assert statuses == [400, 400, 400, 429], https


def test_behind_a_declared_proxy_each_client_address_has_its_own_limit(make_app, clock):
    app = make_app(WTF_CSRF_ENABLED=False, PROXY_COUNT=1, RATELIMIT_GUESS="3 per minute")
    client = app.test_client()
    statuses = [client.post("/join/continue", data={"code": "AAAA-AAAA"},
                            headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code for n in range(4)]
    assert statuses == [400, 400, 400, 400]
    blocked = [client.post("/join/continue", data={"code": "AAAA-AAAA"},
                           headers={"X-Forwarded-For": "203.0.113.9"}).status_code for _ in range(4)]
    assert blocked == [400, 400, 400, 429]


def test_proxy_count_setting(monkeypatch, tmp_path):
    monkeypatch.delenv("EDU_PROXY_COUNT", raising=False)
    assert load_config(tmp_path)["PROXY_COUNT"] == 0
    monkeypatch.setenv("EDU_PROXY_COUNT", "2")
    assert load_config(tmp_path)["PROXY_COUNT"] == 2
    monkeypatch.setenv("EDU_PROXY_COUNT", "yes")
    with pytest.raises(ValueError, match="EDU_PROXY_COUNT"):
        load_config(tmp_path)
