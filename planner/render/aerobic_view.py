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
        # Consecutive weeks alike are said once: "weeks 4–5: 20 minutes on 5 days, ...".
        runs: list[tuple[list[int], str]] = []
        for week, dose in zip(weeks, doses):
            if runs and runs[-1][1] == dose and runs[-1][0][-1] == week.week - 1:
                runs[-1][0].append(week.week)
            else:
                runs.append(([week.week], dose))
        text = f"Aerobic work: {mode}; " + "; ".join(
            (f"week {n[0]}" if len(n) == 1 else f"weeks {n[0]}–{n[-1]}") + f": {d}" for n, d in runs)
    return text + ", in bouts if you like. Tick the days in the diary."


def diary_label(week: Week) -> str:
    """The diary row's label: what to tick each day, and for how long."""
    if week.aerobic is None:
        return "Daily walk"
    a = week.aerobic
    return f"{DIARY_LABEL[a.mode]} {a.minutes} min, {a.days} days"


def setting_words(session: Session) -> str:
    """'in the pool' in a pool session's heading, between its minutes and its muscles; nothing for land."""
    return "in the pool" if session.setting == "pool" else ""


def routines(sessions: list[Session]) -> list[str]:
    """Each distinct warm-up and cool-down of a week page once, named for its setting.

    Printed once per page rather than under every session: the same five minutes
    repeat, and every line costs the client reading and the printer layout time.
    """
    out: list[str] = []
    settings = {s.setting for s in sessions}
    for session in sessions:
        parts = []
        for label, items in (("Warm-up", session.warm_up), ("Cool-down", session.cool_down)):
            if items:
                minutes = sum(i.minutes for i in items)
                parts.append(f"{label} ({minutes} min): " + "; ".join(i.name for i in items) + ".")
        if not parts:
            continue
        where = ("In the pool: " if session.setting == "pool" else "On land: ") if len(settings) > 1 else \
            "Every session: "
        text = where + " ".join(parts)
        if text not in out:
            out.append(text)
    return out
