"""Teachers: their classes and the reports on them."""
from . import classes, reports

BLUEPRINTS = (classes.bp, reports.bp)
