"""python -m edu.bench [load|reports|classroom|kiosk-soak] [options]: load (the
default) drives the app under gunicorn with wrk; reports times teachers'
reports for a full class; classroom plays a class of 50 against one worker on
one core; kiosk-soak plays thousands of kiosk visits and compares the
server's memory at the start and the end."""
import sys

from . import classroom, kiosk_soak, load, reports

MEASUREMENTS = {"load": load.main, "reports": reports.main, "classroom": classroom.main, "kiosk-soak": kiosk_soak.main}


def main(argv: list[str]) -> None:
    name = argv[0] if argv and argv[0] in MEASUREMENTS else "load"
    MEASUREMENTS[name](argv[1:] if argv and argv[0] in MEASUREMENTS else argv)


main(sys.argv[1:])
