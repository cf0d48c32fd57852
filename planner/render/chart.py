"""The load-over-weeks chart: geometry computed here, drawn as SVG by a template.

Bars are the total sets of each week (left axis); a line is the top effort of
each week on the 0-10 scale (right axis). Lighter weeks and reassessment weeks
are marked so the client sees why the load dips.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.plan import Week

WIDTH, HEIGHT = 640, 230
LEFT, RIGHT, TOP, BOTTOM = 46, 46, 18, 44   # margins for the axes and labels


@dataclass(frozen=True)
class Bar:
    week: int
    x: float
    y: float
    width: float
    height: float
    sets: int
    deload: bool
    label_x: float
    label_y: float
    label_inside: bool           # white figure at the foot of a tall bar (clear of the effort line); dark above a short one


@dataclass(frozen=True)
class Tick:
    value: str
    y: float


@dataclass(frozen=True)
class LoadChart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    bars: list[Bar]
    effort_points: str           # "x,y x,y ..." for an SVG polyline
    effort_dots: list[tuple[float, float, int]]
    sets_ticks: list[Tick]
    effort_ticks: list[Tick]
    reassessment_marks: list[tuple[float, int]] = field(default_factory=list)  # (x, week)


def weekly_sets(week: Week) -> int:
    """Total sets in a week: every set of every exercise of every session."""
    return sum(item.sets for session in week.sessions for item in session.exercises)


def top_effort(week: Week) -> int:
    """The highest effort (RPE 0-10) asked for in a week; 0 for a week without sessions."""
    return max((item.effort_rpe for session in week.sessions for item in session.exercises), default=0)


def _nice_ceiling(value: int) -> int:
    """A round top for the sets axis, so ticks land on whole numbers."""
    for step in (5, 10, 20, 25, 50, 100):
        if value <= step * 5:
            return max(step, -(-value // step) * step)
    return -(-value // 100) * 100


def load_chart(weeks: list[Week], reassessment_dates: list[dt.date]) -> LoadChart:
    """Compute bar, line and tick positions for the weekly load chart."""
    plot_left, plot_right = LEFT, WIDTH - RIGHT
    plot_top, plot_bottom = TOP, HEIGHT - BOTTOM
    plot_height = plot_bottom - plot_top
    count = max(len(weeks), 1)
    slot = (plot_right - plot_left) / count
    sets_top = _nice_ceiling(max((weekly_sets(w) for w in weeks), default=0) or 1)

    bars, dots = [], []
    for index, week in enumerate(weeks):
        sets = weekly_sets(week)
        height = plot_height * sets / sets_top
        x = plot_left + index * slot + slot * 0.18
        centre = plot_left + (index + 0.5) * slot
        top = plot_bottom - height
        inside = height >= 20
        bars.append(Bar(week=week.week, x=round(x, 1), y=round(top, 1),
                        width=round(slot * 0.64, 1), height=round(height, 1), sets=sets,
                        deload=week.deload or week.phase == "deload", label_x=round(centre, 1),
                        label_y=round(plot_bottom - 6 if inside else top - 4, 1), label_inside=inside))
        effort = top_effort(week)
        dots.append((round(centre, 1), round(plot_bottom - plot_height * effort / 10, 1), effort))

    step = sets_top // 5
    sets_ticks = [Tick(str(v), round(plot_bottom - plot_height * v / sets_top, 1))
                  for v in range(0, sets_top + 1, step)]
    effort_ticks = [Tick(str(v), round(plot_bottom - plot_height * v / 10, 1)) for v in range(0, 11, 2)]

    marks = []
    for index, week in enumerate(weeks):
        end = week.start + dt.timedelta(days=6)
        if any(week.start <= day <= end for day in reassessment_dates):
            marks.append((round(plot_left + (index + 0.5) * slot, 1), week.week))

    return LoadChart(width=WIDTH, height=HEIGHT, plot_left=plot_left, plot_right=plot_right,
                     plot_top=plot_top, plot_bottom=plot_bottom, bars=bars,
                     effort_points=" ".join(f"{x},{y}" for x, y, _ in dots), effort_dots=dots,
                     sets_ticks=sets_ticks, effort_ticks=effort_ticks, reassessment_marks=marks)
