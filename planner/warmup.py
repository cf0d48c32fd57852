"""Named warm-up and cool-down content, about 5 minutes each, for the session's setting.

The session time formula (planner/timing.py) budgets 5 min each; these lists fill
those minutes with movements suited to the setting: land (standing beside a
support, Otago), seated (chair or wheelchair users: arms and trunk, shoulder
preservation: no overhead work, PVA 2005) or pool (water walking; climbing out is
the end of the session). Nothing here loads the spine in flexion or twisting
(Too Fit To Fall, Giangregorio 2014), so it suits clients with osteoporosis.
"""

from __future__ import annotations

from planner.profile import Profile

Routine = list[tuple[str, int]]  # (name, minutes)

WARM_UP: dict[str, Routine] = {
    "land": [("March on the spot beside a support, easy", 2), ("Shoulder rolls and arm swings", 1),
             ("Heel raises holding the support", 1), ("Small knee bends holding the support", 1)],
    "seated": [("Shoulder rolls and shoulder-blade squeezes", 1), ("Arm circles, small to larger, below shoulder height", 1),
               ("Punch forward at an easy pace, or push the chair slowly", 2), ("Wrist circles and finger spreads", 1)],
    "pool": [("Walk the width of the pool forwards and backwards, easy", 3), ("Arm sweeps under the water", 1),
             ("Side steps holding the rail", 1)],
    # Seated on the pool bench or pool chair (seated_only, wheelchair_user): arms and trunk only.
    "pool_seated": [("Shoulder rolls and shoulder-blade squeezes under the water", 1),
                    ("Easy arm sweeps forwards and back under the water", 2),
                    ("Gentle trunk sway side to side, hands on the bench", 1), ("Wrist circles under the water", 1)],
}
COOL_DOWN: dict[str, Routine] = {
    "land": [("Slow walk or march, slowing down", 2), ("Calf stretch at the wall", 1),
             ("Front-of-thigh stretch holding a support", 1), ("Slow breathing, sitting", 1)],
    "seated": [("Easy arm swings, slowing down", 1), ("Chest stretch: hands behind you on the chair, open the chest", 1),
               ("Upper-back stretch: hug your shoulders", 1), ("Wrist and forearm stretch", 1), ("Slow breathing", 1)],
    "pool": [("Slow water walking", 2), ("Calf stretch against the pool wall", 1),
             ("Front-of-thigh stretch holding the rail", 1), ("Slow breathing at the edge, then out by the steps", 1)],
    "pool_seated": [("Slow arm sweeps, slowing down", 1), ("Chest stretch: hands on the bench behind you", 1),
                    ("Upper-back stretch: hug your shoulders", 1),
                    ("Slow breathing, then out by the hoist or the steps with your helper", 2)],
}


def routine_setting(setting: str, profile: Profile) -> str:
    """Pool for a pool session (on the bench for seated clients); seated for seated clients; land otherwise."""
    seated = profile.seated
    if setting == "pool":
        return "pool_seated" if seated else "pool"
    return "seated" if seated else "land"


def warm_up(setting: str, profile: Profile) -> Routine:
    """The warm-up for a session in this setting."""
    return list(WARM_UP[routine_setting(setting, profile)])


def cool_down(setting: str, profile: Profile) -> Routine:
    """The cool-down for a session in this setting."""
    return list(COOL_DOWN[routine_setting(setting, profile)])
