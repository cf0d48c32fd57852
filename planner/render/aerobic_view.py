"""The aerobic prescription and the warm-up/cool-down in words for the printed programme.

The plan carries them as data (week `aerobic`, session `warm_up`/`cool_down`,
plan contract round 2); these functions only say them.
"""

from __future__ import annotations

from planner.plan import Session, Week

MODE_WORDS = {
    "walk": "walking", "water_walk": "water walking", "arm_ergometer": "arm cycling or seated arm punches",
    "wheelchair_propulsion": "pushing your wheelchair", "cycle": "cycling on a stationary bike",
}
DIARY_LABEL = {
    "walk": "Walk", "water_walk": "Water walk", "arm_ergometer": "Arm cycling",
    "wheelchair_propulsion": "Wheelchair push", "cycle": "Cycling",
}
FALLBACK = "A light walk every day, also on rest days, at a pace where you can still talk."


def _dose(week: Week) -> str:
    a = week.aerobic
    return f"{a.minutes} minutes on {a.days} days, effort {a.effort_rpe}/10"


def week_advice(weeks: list[Week]) -> str:
    """'Aerobic: walking, 15 minutes on 5 days, effort 5/10 ...' for a page of one or more weeks."""
    if any(w.aerobic is None for w in weeks):
        return FALLBACK
    mode = MODE_WORDS[weeks[0].aerobic.mode]
    doses = [_dose(w) for w in weeks]
    if len(set(doses)) == 1:
        text = f"Aerobic work: {mode}, {doses[0]}"
    else:
        text = f"Aerobic work: {mode}; " + "; ".join(f"week {w.week}: {d}" for w, d in zip(weeks, doses))
    return (text + ". Split the minutes into shorter bouts if you need to; you should still be able to talk. "
            "Mark each session and each aerobic day in the diary at the back.")


def diary_label(week: Week) -> str:
    """The diary row's label: what to tick each day, and for how long."""
    if week.aerobic is None:
        return "Daily walk"
    a = week.aerobic
    return f"{DIARY_LABEL[a.mode]} {a.minutes} min, {a.days} days"


def routines(session: Session) -> str:
    """'Pool session. Warm-up (5 min): ... Cool-down (5 min): ...' for a session heading."""
    parts = []
    if session.setting == "pool":
        parts.append("Pool session.")
    for label, items in (("Warm-up", session.warm_up), ("Cool-down", session.cool_down)):
        if items:
            minutes = sum(i.minutes for i in items)
            parts.append(f"{label} ({minutes} min): " + "; ".join(i.name for i in items) + ".")
    return " ".join(parts)
