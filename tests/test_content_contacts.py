"""`flask content contacts`: every number and domain the content uses, with its
role and where, for a campaign to check before printing."""
from __future__ import annotations

from click.testing import CliRunner

from edu.cli import content_cli
from tests.conftest import TEST_CONTENT


def _listed(folder) -> dict[str, str]:
    result = CliRunner().invoke(content_cli, ["contacts", "--dir", str(folder)])
    assert result.exit_code == 0, result.output
    return {line.split("\t")[1]: line for line in result.stdout.splitlines()}


def test_every_number_and_domain_with_its_role_and_place():
    listed = _listed(TEST_CONTENT)
    assert listed["testbank-xacthuc.top"].startswith("domain\t") and "scam: quizzes/recognition.yaml bank-sms" in listed["testbank-xacthuc.top"]
    assert "help: lessons/help-directory.yaml take-it-down" in listed["takeitdown.ncmec.org"]


def test_a_broken_folder_says_so(tmp_path):
    result = CliRunner().invoke(content_cli, ["contacts", "--dir", str(tmp_path)])
    assert result.exit_code != 0 and "content check" in result.output
