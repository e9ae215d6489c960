"""python -m edu.bench [load|reports|classroom] [options]: load (the default)
drives the app under gunicorn with wrk; reports times teachers' reports for a
full class; classroom plays a class of 50 against one worker on one core."""
import sys

from . import classroom, load, reports

MEASUREMENTS = {"load": load.main, "reports": reports.main, "classroom": classroom.main}


def main(argv: list[str]) -> None:
    name = argv[0] if argv and argv[0] in MEASUREMENTS else "load"
    MEASUREMENTS[name](argv[1:] if argv and argv[0] in MEASUREMENTS else argv)


main(sys.argv[1:])
