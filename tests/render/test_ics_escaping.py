"""The calendar name escapes ; , and \\ (RFC 5545 text), as every other text property does."""

from planner.render import render_document
from tests.render.plan_factory import make_plan, make_profile


def test_calendar_name_escapes_semicolon_comma_and_backslash(catalog):
    plan = make_plan(catalog, make_profile(name="O'Brien; Ann, Jr\\"))
    data = render_document(plan, "ics", catalog=catalog)
    line = next(line for line in data.decode("utf-8").split("\r\n") if line.startswith("X-WR-CALNAME"))
    assert line == "X-WR-CALNAME:Exercise programme — O'Brien\\; Ann\\, Jr\\\\"
