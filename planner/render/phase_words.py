"""What each week is called on paper, read from the doses it prints, not from its phase name.

A week the plan calls 'deload' but which keeps the effort at 8/10 must not be told to
'keep the effort easy'; a rebuilt block after a step-down must not say 'stepping up'
(issue 13). So the words compare the week's own volume (sets) and hardest effort with
the week before it and with the last full week before that.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.plan import Plan, Week


@dataclass(frozen=True)
class WeekWords:
    key: str            # getting_started | lighter | stepping_up | building_up | steady | easing_back
    label: str
    purpose: str
    light: bool


LABELS = {
    "getting_started": "Getting started",
    "lighter": "Lighter week",
    "building_up": "Building up",
    "stepping_up": "Stepping up",
    "steady": "Keeping steady",
    "easing_back": "Easing back",
}

PURPOSES = {
    "getting_started": "Learn each movement and how it should feel. Good form matters more than doing more.",
    "building_up": "A little more than before: an extra set or a few more repetitions, "
                   "as long as the last ones still feel controlled.",
    "stepping_up": "Harder than before: more sets, a harder exercise or more resistance.",
    "steady": "The same work as your last full week. Keep your form good.",
    "easing_back": "A little easier than before, so your body can cope well. "
                   "Do what is written, not more.",
}


def _sets(week: Week) -> int:
    return sum(item.sets for session in week.sessions for item in session.exercises)


def _effort(week: Week) -> int:
    return max((item.effort_rpe for session in week.sessions for item in session.exercises), default=0)


def _lighter_purpose(week: Week, before: Week) -> str:
    easier = _effort(week) < _effort(before)
    text = "Fewer sets than last week" + (" and an easier effort" if easier else "")
    text += ", so your body can recover and grow stronger. Do not add more, even if you could."
    if not easier:
        text += f" The effort stays as written ({_effort(week)}/10)."
    return text


def week_words(plan: Plan) -> dict[int, WeekWords]:
    """Each week's label and purpose, keyed by week number, judged on its doses."""
    result: dict[int, WeekWords] = {}
    reference: Week | None = None      # the last full (not lighter) week
    previous: Week | None = None
    for week in plan.weeks:
        sets, effort = _sets(week), _effort(week)
        if previous is None:
            key = "getting_started"
        elif sets < _sets(previous):
            key = "lighter"
        elif week.phase == "familiarisation" or reference is None:
            key = "getting_started"
        elif sets > _sets(reference) or (sets == _sets(reference) and effort > _effort(reference)):
            key = "building_up" if week.phase == "build" else "stepping_up"
        elif sets < _sets(reference) or effort < _effort(reference):
            key = "easing_back"
        else:
            key = "steady"
        if key == "lighter":
            words = WeekWords(key, LABELS[key], _lighter_purpose(week, previous), True)
        else:
            words = WeekWords(key, LABELS[key], PURPOSES[key], False)
            reference = week
        result[week.week] = words
        previous = week
    return result
