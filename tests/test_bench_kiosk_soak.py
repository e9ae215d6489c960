"""The kiosk soak benchmark keeps working (a tiny run; the figures are not judged here)."""
import os
import re

import pytest

from edu.bench import kiosk_soak

NUMBER = r"([+-]?[\d.]+)"


@pytest.mark.slow  # starts gunicorn
@pytest.mark.database_independent  # the benchmark makes a SQLite of its own
def test_kiosk_soak_plays_and_prints_the_servers_memory(capsys):
    """Two kiosks play 4 warm-up and 20 measured visits, half of them walking
    away mid-question, without an error; every printed figure parses and adds up."""
    kiosk_soak.main(["--plays", "20", "--warm-up", "4", "--kiosks", "2", "--workers", "2", "--walk-away", "0.5"])
    out = capsys.readouterr().out

    def figures(pattern: str) -> tuple[float, ...]:
        found = re.search(pattern, out, re.M)
        assert found, (pattern, out)
        return tuple(float(value) for value in found.groups())

    seconds, rate = figures(rf"^Kiosk soak: 20 plays in {NUMBER} s \({NUMBER} plays/s, \d+ requests/s\) on 2 kiosks")
    assert rate == pytest.approx(20 / seconds, rel=0.05)
    plays, finished, nicknames, walked = figures(
        r"^Plays in all, warm-up included: (\d+) \((\d+) finished, (\d+) with a nickname, (\d+) walked away"
        r" mid-question\); \d+ requests, errors: 0$")
    assert plays == 24 and finished + walked == 24 and finished and walked and nicknames <= finished
    start, master, *workers = figures(rf"^Server memory \(RSS\) after the warm-up: {NUMBER} MB \(master {NUMBER}, "
                                      rf"workers {NUMBER} \+ {NUMBER}\)$")
    end = figures(rf"^Server memory \(RSS\) at the end: {NUMBER} MB")[0]
    assert start == pytest.approx(master + sum(workers), abs=0.2) and master > 10 and min(workers) > 10
    growth, percent = figures(rf"^Growth: {NUMBER} MB \({NUMBER}%\)$")
    assert growth == pytest.approx(end - start, abs=0.2) and percent == pytest.approx(100 * growth / start, abs=0.2)
    allowed = figures(rf"^Flat: (?:yes|NO) \(rule: growth under 10% of the start \+ 5 MB = {NUMBER} MB\)$")[0]
    assert allowed == pytest.approx(0.1 * start + 5, abs=0.2)


def test_flat_allows_a_tenth_of_the_start_and_5_mb():
    assert kiosk_soak.flat(300, 334.9) and not kiosk_soak.flat(300, 335.1)
    assert kiosk_soak.flat(300, 250)


def test_rss_of_a_process_and_of_one_that_has_gone():
    assert kiosk_soak.rss_mb(os.getpid()) > 10
    assert kiosk_soak.rss_mb(2**22 + 1) == 0.0  # above Linux's largest process id
