"""The weekly aerobic prescription: mode, minutes a day, days a week and effort.

Sources (domain.md, "Prescription, round 2"):
- WHO 2020: 150-300 min a week of moderate activity for adults, older adults
  included, as able; start where the client is (a few minutes, several times a
  day) and build.
- Martin Ginis 2018 (spinal cord injury): 20 min of moderate-vigorous aerobic
  work 2x a week; wheelchair users do arm ergometry or wheelchair propulsion.
- Neurogenic weakness: effort capped, recovery within 24 h (domain.md, kinds of
  atrophy), so the aerobic work is fatigue-limited: short bouts, a lower goal.
- Otago: walking at least twice a week beside strength and balance work.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.profile import Profile
from planner.progression import WeekShape

WHO_MINUTES_A_WEEK = 150      # WHO 2020, moderate activity
GOAL_DAYS = 5                 # 150 min as 30 min on 5 days (WHO 2020 spreads it over the week)
NEUROGENIC_MINUTES_A_DAY = 20  # fatigue-limited; Martin Ginis 2018: 20 min 2x a week for SCI
NEUROGENIC_DAYS = 3
MODERATE_RPE = 5              # moderate on the 0-10 scale the programme uses
LIGHT_RPE = 3                 # familiarisation: easy, can talk in full sentences
NEUROGENIC_RPE = 4            # effort capped for neurogenic weakness


@dataclass(frozen=True)
class Aerobic:
    mode: str
    minutes: int
    days: int
    effort_rpe: int


def seated(profile: Profile) -> bool:
    """A client who cannot walk for exercise: seated_only, or a wheelchair user (Profile.seated)."""
    return profile.seated


def mode(profile: Profile, pool_usable: bool) -> str:
    """How the client does the aerobic work: arms for seated clients, water when knees hurt."""
    tags = {str(tag) for tag in profile.limitations}
    if "wheelchair_user" in tags:
        return "wheelchair_propulsion"        # Martin Ginis 2018
    if "seated_only" in tags:
        return "arm_ergometer"                # arm cycling, or seated arm punches without a machine
    if pool_usable and tags & {"no_impact", "knee_pain"} and not profile.schedule.pool_days:
        # Water carries part of the body weight (domain.md, aquatic). With pool_days the
        # pool is booked for those days only, so the daily aerobic work stays on land.
        return "water_walk"
    if tags & {"no_impact", "knee_pain"} and "gym_machines" in profile.equipment:
        return "cycle"
    return "walk"


def starting_minutes(profile: Profile) -> int:
    """Minutes a day the client can do now, from the 6-minute walk, gait speed and age.

    WHO 2020: start where the client is. A 6-minute walk under 400 m marks reduced
    capacity (seed; Enright & Sherrill 1998); gait speed <= 0.8 m/s marks severity
    (EWGSOP2 2019).
    """
    tests = profile.assessment
    walk = tests.walk_6min_m if tests else None
    gait = tests.gait_speed_m_s if tests else None
    if walk is not None:
        minutes = 5 if walk < 200 else 10 if walk < 300 else 15 if walk < 400 else 20
    elif profile.client.age >= 75:
        minutes = 10
    elif profile.older_adult or profile.condition == "sarcopenia":
        minutes = 10
    else:
        minutes = 20 if profile.active else 15
    if gait is not None and gait <= 0.8:
        minutes = min(minutes, 10)
    return minutes


def weekly(profile: Profile, shapes: list[WeekShape], pool_usable: bool) -> dict[int, Aerobic]:
    """The aerobic prescription of each week, rising towards the goal and easing in lighter weeks."""
    neurogenic = profile.condition == "neurogenic"
    goal_minutes = NEUROGENIC_MINUTES_A_DAY if neurogenic else WHO_MINUTES_A_WEEK // GOAL_DAYS
    goal_days = NEUROGENIC_DAYS if neurogenic else GOAL_DAYS
    start = min(starting_minutes(profile), goal_minutes)
    how = mode(profile, pool_usable)
    loaded = [s.week for s in shapes if not s.deload]
    # Equal steps from the starting minutes to the goal by the last loaded week, in 5 min.
    steps = max(1, len(loaded) - 1)
    out: dict[int, Aerobic] = {}
    minutes = start
    for shape in shapes:
        if shape.deload:
            # A lighter week is lighter here too: fewer minutes, lighter effort.
            out[shape.week] = Aerobic(how, max(5, minutes - 5), max(2, min(goal_days, 3)), LIGHT_RPE)
            continue
        index = loaded.index(shape.week)
        minutes = start + round((goal_minutes - start) * index / steps / 5) * 5
        days = 3 if (shape.phase == "familiarisation" or minutes <= 10) else goal_days
        days = min(days, goal_days)
        if shape.phase == "familiarisation":
            effort = LIGHT_RPE
        else:
            effort = NEUROGENIC_RPE if neurogenic else MODERATE_RPE
        out[shape.week] = Aerobic(how, minutes, days, effort)
    return out


MODE_WORDS = {
    "walk": "walking", "water_walk": "water walking", "arm_ergometer": "arm cycling (arm ergometer or seated arm punches)",
    "wheelchair_propulsion": "pushing your wheelchair", "cycle": "cycling on a stationary bike",
}


def advice(profile: Profile, pool_usable: bool) -> str:
    """The note that replaces 'a light walk every day', in the client's own mode."""
    words = MODE_WORDS[mode(profile, pool_usable)]
    if profile.condition == "neurogenic":
        return (f"Aerobic work: {words} as each week's page says, at an easy-to-moderate effort; stop before "
                "you tire and split the minutes into shorter bouts if needed. You should feel recovered "
                "within a day.")
    # WHO 2020: 150-300 min a week of moderate activity; the source stays off the patient's page.
    return (f"Aerobic work: {words} as each week's page says, building towards 150 minutes a week of "
            "moderate activity. Bouts of a few minutes count; you should be able to talk.")
