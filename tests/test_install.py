"""`pip install .` (not editable) gives a self-contained package: built as a
wheel, installed into a folder of its own and started from elsewhere, the app
serves its CSS and JS, speaks Vietnamese and lists the shipped lessons."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.database_independent]  # the installed copy runs on a SQLite of its own

REPO = Path(__file__).resolve().parent.parent
# Left out of the copy the wheel is built from: the build reads none of them.
NOT_BUILT = {".git", ".venv", "venv", ".ci", "build", "dist", "instance", "tests", ".pytest_cache", "test-results"}

# Run by the test venv's python with only PYTHONPATH pointing at the install.
PROBE = """
import json, sys
import edu
from edu import create_app

app = create_app()
client = app.test_client()
responses = {}
for url in sys.argv[1:]:
    response = client.get(url)
    body = response.get_data()
    responses[url] = {"status": response.status_code, "length": len(body),
                      "text": body.decode() if response.mimetype == "text/html" else ""}
print(json.dumps({
    "edu": edu.__file__,
    "instance": app.instance_path,
    "static": app.static_folder,
    "translations": app.config["BABEL_TRANSLATION_DIRECTORIES"],
    "content": str(app.config["CONTENT_DIR"]),
    "responses": responses,
}))
"""

STATIC = ["/static/site.css", "/static/app.js", "/static/htmx.min.js"]
PAGES = ["/?lang=vi", "/?lang=en", "/lessons/?lang=en"]
# base.html's skip link, translated in translations/vi/LC_MESSAGES/messages.po
SKIP_LINK = {"en": "Skip to content", "vi": "Chuyển đến nội dung chính"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n == "__pycache__" or n.endswith((".pyc", ".egg-info"))}
    if Path(folder) == REPO:
        ignored |= NOT_BUILT & set(names)
    return ignored


def _pip(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", *args, "--quiet", "--disable-pip-version-check"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"pip {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The project built as a wheel (from a copy, so no build/ folder lands in
    the checkout and no stale build output is shipped) and installed with
    `pip install --target`; returns the target folder."""
    root = tmp_path_factory.mktemp("install")
    source, wheels, target = root / "source", root / "wheels", root / "target"
    shutil.copytree(REPO, source, ignore=_ignore)
    _pip("wheel", "--no-deps", "--wheel-dir", str(wheels), str(source))
    (wheel,) = wheels.glob("edu-*.whl")
    _pip("install", "--no-deps", "--no-index", "--target", str(target), str(wheel))
    return target


def _python_folders(package: Path) -> set[str]:
    return {str(p.parent.relative_to(package.parent)) for p in package.rglob("*.py") if "__pycache__" not in p.parts}


def test_wheel_holds_every_subpackage(installed):
    missing = _python_folders(REPO / "edu") - _python_folders(installed / "edu")
    assert not missing, (f"not in the wheel: {sorted(missing)}; add them to [tool.setuptools] packages "
                         "in pyproject.toml (as dotted names)")


def test_installed_copy_serves_static_files_translations_and_lessons(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("EDU_", "FLASK_", "PYTHON")) and name not in ("REDIS_URL", "DATABASE_URL")}
    env |= {"PYTHONPATH": str(installed), "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SECRET_KEY": "test"}
    result = subprocess.run([sys.executable, "-c", PROBE, *STATIC, *PAGES], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])

    # The installed copy, not the checkout the editable install points at.
    assert Path(probe["edu"]).is_relative_to(installed), probe["edu"]
    for folder in ("instance", "static", "translations", "content"):
        assert Path(probe[folder]).is_relative_to(installed if folder != "instance" else installed.parent), probe
    assert (tmp_path / "x.sqlite3").exists()

    responses = probe["responses"]
    for url in STATIC:
        assert responses[url]["status"] == 200, url
        assert responses[url]["length"] > 0, url
    for lang, skip_link in SKIP_LINK.items():
        page = responses[f"/?lang={lang}"]
        assert page["status"] == 200
        assert skip_link in page["text"], lang
    assert SKIP_LINK["en"] not in responses["/?lang=vi"]["text"]

    lessons = responses["/lessons/?lang=en"]
    assert lessons["status"] == 200
    slugs = sorted(p.name for p in (REPO / "lessons").iterdir() if p.is_dir())
    assert slugs
    for slug in slugs:
        assert f"/lessons/{slug}" in lessons["text"], slug
