"""Benchmark: a day of exhibition-kiosk plays, and the server's memory at its start and end.

    python -m edu.bench kiosk-soak [--plays 3000] [--kiosks 4] [--workers 2] [--walk-away 0.2] [--warm-up 50]

Serves the app with gunicorn on a new SQLite file, with the shipped content,
sets up --kiosks kiosks (a mix of 5 recognition items each) from their
one-time links, one device (an HTTP client) per kiosk, all playing at once,
and plays through the screens as a visitor's touches would: attract,
language, each question and its feedback, the result, now and then a
nickname, and "Finish". A share of visitors (--walk-away) leave mid-question
and the idle reset ends their visit. Memory is the resident size (VmRSS) of
gunicorn's master and workers, measured after a warm-up (the first plays
fill the caches of pages and content every visit uses) and after the last
play. A day at a busy stand is a few hundred plays per kiosk: the default
3,000 plays on 4 kiosks is several such days.
"""
from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from .load import csrf_token
from .servers import gunicorn

SECRET = "bench"
QUESTIONS = 5
NICKNAME_SHARE = 0.3  # of finished plays, a visitor who picks a name for the day's board
FLAT_SHARE, FLAT_MB = 0.10, 5.0  # memory counts as flat when it grew by less than 10% of its start + 5 MB
TREND_STEPS = 5
QUESTION = re.compile(r'name="question" value="([^"]+)"')
CHOICE = re.compile(r'name="choice" value="([^"]+)"')
NICKNAME = re.compile(r'name="nickname" value="([^"]+)"')


def prepare(folder: Path, kiosks: int) -> tuple[dict, list[str]]:
    """A migrated SQLite database with a kiosk-staff member and their kiosks;
    the server's environment and each kiosk's one-time set-up token."""
    from .. import create_app
    from ..models import Kiosk, utcnow
    from ..services import accounts, kiosk_devices
    from ..web.db import get_session

    database = f"sqlite:///{folder / 'kiosk-soak.sqlite3'}"
    app = create_app({"DATABASE_URL": database, "SECRET_KEY": SECRET, "AUTO_MIGRATE": True})
    with app.app_context():
        db = get_session()
        staff = accounts.create_user(db, "kiosk-staff@bench.example", "bench passphrase", role="kiosk_staff")
        today, tokens = utcnow().date(), []
        for n in range(kiosks):
            kiosk = Kiosk(owner_id=staff.id, name=f"Kiosk {n + 1}", place="Bench hall", starts_on=today,
                          ends_on=today + timedelta(days=1), quiz_slug="", question_count=QUESTIONS,
                          attract_vi="Bạn có nhận ra lừa đảo?", attract_en="Can you spot a scam?")
            db.add(kiosk)
            db.flush()
            tokens.append(kiosk_devices.new_setup_link(db, kiosk, utcnow()))
        db.commit()
    app.extensions["db_engine"].dispose()
    return {"DATABASE_URL": database, "SECRET_KEY": SECRET}, tokens


@dataclass
class Tally:
    """What the devices did; each device adds to its own, summed at the end."""

    plays: int = 0
    finished: int = 0
    walked_away: int = 0
    nicknames: int = 0
    requests: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    def add(self, other: "Tally") -> None:
        for name in ("plays", "finished", "walked_away", "nicknames", "requests"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for step, count in other.errors.items():
            self.errors[step] = self.errors.get(step, 0) + count


class Device:
    """One kiosk's screen: an HTTP client that keeps the kiosk credential and
    the visitor's session cookie, as the kiosk's browser does."""

    def __init__(self, url: str, setup_token: str, rng: random.Random):
        import httpx

        self.client = httpx.Client(base_url=url, timeout=60)
        self.rng, self.tally = rng, Tally()
        page = self.client.get(f"/kiosk/setup/{setup_token}")
        done = self.client.post(f"/kiosk/setup/{setup_token}", data={"csrf_token": csrf_token(page.text)})
        if done.status_code != 303 or "kiosk_device" not in self.client.cookies:
            raise RuntimeError(f"the kiosk could not be set up: {done.status_code}")

    def request(self, step: str, method: str, path: str, expect: int = 200, **kwargs):
        response = self.client.request(method, path, **kwargs)
        self.tally.requests += 1
        if response.status_code != expect:
            self.tally.errors[step] = self.tally.errors.get(step, 0) + 1
        return response

    def play(self, walk_away: float) -> None:
        """One visitor, from the attract screen back to it."""
        self.request("attract", "GET", "/kiosk/")
        token = csrf_token(self.request("language", "GET", "/kiosk/language").text)
        screen = self.request("start", "POST", "/kiosk/play",
                              data={"csrf_token": token, "language": self.rng.choice(("vi", "en"))})
        leaves_at = self.rng.randrange(QUESTIONS) if self.rng.random() < walk_away else None
        answered = 0
        while (question := QUESTION.search(screen.text)) is not None:
            if answered == leaves_at:
                break  # walked away mid-question: the idle reset below ends the visit
            choice = self.rng.choice(CHOICE.findall(screen.text))
            self.request("answer", "POST", "/kiosk/answer",
                         data={"csrf_token": token, "question": question[1], "choice": choice})
            screen = self.request("next", "GET", "/kiosk/")
            answered += 1
        self.tally.plays += 1
        nicknames = NICKNAME.findall(screen.text) if leaves_at is None else []
        if leaves_at is not None:
            self.tally.walked_away += 1
        elif not nicknames:  # no result screen: an earlier step failed
            self.tally.errors["result"] = self.tally.errors.get("result", 0) + 1
        else:
            self.tally.finished += 1
            if self.rng.random() < NICKNAME_SHARE:
                self.request("nickname", "POST", "/kiosk/nickname",
                             data={"csrf_token": token, "nickname": self.rng.choice(nicknames)})
                self.tally.nicknames += 1
        # "Finish", or the idle reset after a walk-away: kiosk.js's fetch, then the screen reloads itself.
        self.request("reset", "POST", "/kiosk/reset", expect=204, headers={"X-Kiosk-Reset": "1"},
                     data={"csrf_token": token})

    def close(self) -> None:
        self.client.close()


def play_all(devices: list[Device], plays: int, walk_away: float) -> Tally:
    """`plays` plays shared out among the devices, all playing at once."""
    def run(device: Device, count: int) -> Tally:
        device.tally = Tally()
        for _ in range(count):
            device.play(walk_away)
        return device.tally

    shares = [plays // len(devices) + (n < plays % len(devices)) for n in range(len(devices))]
    total = Tally()
    with ThreadPoolExecutor(len(devices)) as pool:
        for tally in pool.map(run, devices, shares):
            total.add(tally)
    return total


def rss_mb(pid: int) -> float:
    """A process's resident memory (Linux /proc), in MB; 0 for one that has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return 0.0
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(match[1]) / 1024 if match else 0.0


def server_memory(server) -> list[float]:
    """RSS of gunicorn's master, then of each worker, in MB."""
    return [rss_mb(pid) for pid in [server.process.pid, *server.worker_pids()]]


def describe(memory: list[float]) -> str:
    return f"{sum(memory):.1f} MB (master {memory[0]:.1f}, workers {' + '.join(f'{m:.1f}' for m in memory[1:])})"


def flat(start: float, end: float) -> bool:
    return end - start < FLAT_SHARE * start + FLAT_MB


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plays", type=int, default=3000, help="plays measured, after the warm-up")
    parser.add_argument("--kiosks", type=int, default=4, help="kiosks, one device each, playing at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--walk-away", type=float, default=0.2, help="share of visitors who leave mid-question")
    parser.add_argument("--warm-up", type=int, default=50, help="plays before memory is first measured")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        env, tokens = prepare(Path(folder), args.kiosks)
        with gunicorn("edu:create_app()", env, workers=args.workers, ready_path="/healthz") as server:
            devices = [Device(server.url, token, random.Random(args.seed + n)) for n, token in enumerate(tokens)]
            try:
                warm = play_all(devices, args.warm_up, args.walk_away)
                start = server_memory(server)
                began = time.perf_counter()
                measured, trend = Tally(), []
                for part in range(TREND_STEPS):  # memory after each part: levelling off, or still climbing?
                    share = args.plays // TREND_STEPS + (part < args.plays % TREND_STEPS)
                    measured.add(play_all(devices, share, args.walk_away))
                    trend.append(sum(server_memory(server)))
                seconds = time.perf_counter() - began
                end = server_memory(server)
            finally:
                for device in devices:
                    device.close()
    total = Tally()
    for tally in (warm, measured):
        total.add(tally)
    growth = sum(end) - sum(start)
    print(f"Kiosk soak: {args.plays} plays in {seconds:.1f} s ({args.plays / seconds:.1f} plays/s, "
          f"{measured.requests / seconds:.0f} requests/s) on {args.kiosks} kiosks playing at once, "
          f"gunicorn with {args.workers} workers, SQLite, the shipped content; after a warm-up of {args.warm_up} plays")
    print(f"Plays in all, warm-up included: {total.plays} ({total.finished} finished, {total.nicknames} with a "
          f"nickname, {total.walked_away} walked away mid-question); {total.requests} requests, "
          f"errors: {sum(total.errors.values())} {total.errors or ''}".rstrip())
    print(f"Server memory (RSS) after the warm-up: {describe(start)}")
    print(f"Server memory (RSS) after each fifth of the plays: {', '.join(f'{m:.1f}' for m in trend)} MB")
    print(f"Server memory (RSS) at the end: {describe(end)}")
    print(f"Growth: {growth:+.1f} MB ({100 * growth / sum(start):+.1f}%)")
    print(f"Flat: {'yes' if flat(sum(start), sum(end)) else 'NO'} (rule: growth under {FLAT_SHARE:.0%} of the start "
          f"+ {FLAT_MB:g} MB = {FLAT_SHARE * sum(start) + FLAT_MB:.1f} MB)")
