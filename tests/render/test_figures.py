"""Exercise drawings: every exercise gets a clean, self-contained, deterministic SVG figure."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner import catalog as catalog_module
from planner import sources
from planner.catalog import Figure, Pose
from planner.render.figures import (
    FOREARM, SEATED_HIP_Y, UPPER_ARM, figure_svg, place, pose_body,
)
from tests.factories import REPO, make_exercise

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
LIMBS = ("arm-near", "arm-far", "leg-near", "leg-far", "torso", "head")
WHICH = ("start", "end", "both")


def exercise_with(start: Pose, end: Pose | None = None, props=(), water="none", **fields):
    """An exercise whose figure is the given poses and props."""
    figure = Figure(start=start, end=end or start, props=list(props), water=water)
    if water != "none":
        fields.setdefault("modality", "aquatic")
        fields.setdefault("equipment", ["pool"])
    return make_exercise(fields.pop("id", "test-move"), ["quadriceps"], figure=figure, **fields)


SIT_TO_STAND = exercise_with(Pose(seated=True, torso=165, leg=(90, 0), arm=(60, 90)), Pose(arm=(60, 90)),
                             ["chair"], id="sit-to-stand")
WALL_PUSH_UP = exercise_with(Pose(torso=160, leg=(-20, -20), arm=(70, 70)),
                             Pose(torso=160, leg=(-20, -20), arm=(120, 45)), ["wall"], pattern="push")
WALL_SIT = exercise_with(Pose(leg=(90, 0)), props=["wall"], dose="hold")
BRIDGE = exercise_with(Pose(torso=-90, leg=(135, 45), arm=(-90, -90)),
                       Pose(torso=-110, leg=(110, 20), arm=(-90, -90)), ["mat"], pattern="hinge")
POOL_WALK = exercise_with(Pose(leg=(20, 0), leg_far=(-15, -30)), Pose(leg=(-15, -30), leg_far=(20, 0)),
                          water="chest", pattern="gait")
SEATED_ROW = exercise_with(Pose(seated=True, leg=(90, 0), arm=(80, 90)),
                           Pose(seated=True, leg=(90, 0), arm=(-40, 60)), ["chair", "band"], pattern="pull")
EVERY_PROP = exercise_with(Pose(seated=True, leg=(90, 0), arm=(40, 90)), Pose(seated=True, leg=(90, 80)),
                           ["chair", "wall", "step", "mat", "band", "dumbbell", "kettlebell", "ankle_weight",
                            "grip_trainer", "machine", "noodle", "water_dumbbell", "towel", "table", "ball"])
HAND_BUILT = [SIT_TO_STAND, WALL_PUSH_UP, WALL_SIT, BRIDGE, POOL_WALK, SEATED_ROW, EVERY_PROP]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    for element in root.iter():
        element.tag = element.tag.split("}")[-1]
    return root


def numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def path_points(element: ET.Element) -> list[tuple[float, float]]:
    values = numbers(element.get("d", ""))
    return list(zip(values[::2], values[1::2]))


def groups(root: ET.Element, name: str) -> list[ET.Element]:
    return [g for g in root.iter("g") if name in (g.get("class") or "").split()]


def assert_sound_figure(svg: str, which: str, width: int = 160, height: int = 120) -> ET.Element:
    """Well-formed, labelled, self-contained, every limb drawn, everything inside the picture."""
    root = parse(svg)
    assert root.tag == "svg"
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert root.get("role") == "img"
    assert (root.findtext("title") or "").strip()
    outside = svg.replace(SVG_NS, "", 1).lower()
    for forbidden in ("href", "url(", "file:", "http", "<image", "<script", "@import"):
        assert forbidden not in outside, forbidden
    poses = groups(root, "pose")
    assert poses, "no figure drawn"
    if which != "both":
        assert all(which in g.get("class").split() for g in poses)
    for pose in poses:
        drawn = {e.get("class"): e for e in pose}
        for limb in LIMBS:
            assert limb in drawn, f"{limb} missing"
        for limb in LIMBS[:-1]:
            assert len(path_points(drawn[limb])) >= 2, f"{limb} has no length"
        assert float(drawn["head"].get("r")) > 0
    for element in root.iter():
        if element.tag == "path" and "water" not in (element.get("class") or ""):
            for x, y in path_points(element):
                assert -0.05 <= x <= width + 0.05 and -0.05 <= y <= height + 0.05, (element.get("class"), x, y)
        if element.tag == "circle":
            cx, cy, r = (float(element.get(k)) for k in ("cx", "cy", "r"))
            assert r <= cx <= width - r + 0.1 and r <= cy <= height - r + 0.1, element.get("class")
    return root


def catalog_exercises():
    paths = sorted((REPO / "catalog" / "exercises").glob("*.yaml"))
    return [e for path in paths for e in sources.load(catalog_module._ExerciseFile, path).exercises]


def test_every_catalog_exercise_renders_start_end_and_both():
    exercises = catalog_exercises()
    assert exercises, "no exercise files in catalog/exercises"
    for exercise in exercises:
        assert exercise.figure is not None, f"{exercise.id} has no figure in the catalog"
        for which in WHICH:
            assert_sound_figure(figure_svg(exercise, which=which), which)
        assert_sound_figure(figure_svg(exercise, width_px=240, height_px=110), "both", 240, 110)


@pytest.mark.parametrize("exercise", HAND_BUILT, ids=lambda e: e.id + str(len(e.figure.props)))
@pytest.mark.parametrize("which", WHICH)
def test_hand_built_exercises_render(exercise, which):
    assert_sound_figure(figure_svg(exercise, which=which), which)


def test_same_exercise_same_drawing():
    rebuilt = exercise_with(Pose(seated=True, torso=165, leg=(90, 0), arm=(60, 90)), Pose(arm=(60, 90)),
                            ["chair"], id="sit-to-stand")
    assert figure_svg(SIT_TO_STAND) == figure_svg(rebuilt)
    assert figure_svg(EVERY_PROP, which="start") == figure_svg(EVERY_PROP, which="start")


def test_coordinates_are_rounded_to_one_decimal():
    root = parse(figure_svg(POOL_WALK))
    for element in root.iter():
        for key in ("d", "cx", "cy", "r", "stroke-width"):
            assert not re.search(r"\d\.\d\d", element.get(key, "")), (element.get("class"), key)


def test_exercise_without_figure_still_gets_a_drawing():
    for fields in ({}, {"modality": "seated"}, {"modality": "aquatic", "equipment": ["pool", "pool_noodle"]},
                   {"equipment": ["dumbbells", "resistance_band"]}):
        exercise = make_exercise("no-figure", ["quadriceps"], **fields)
        assert exercise.figure is None
        for which in WHICH:
            root = assert_sound_figure(figure_svg(exercise, which=which), which)
        classes = {e.get("class") for e in root.iter()}
        if fields.get("modality") == "seated":
            assert "chair" in classes
        if fields.get("modality") == "aquatic":
            assert {"water", "noodle"} <= classes
        if "dumbbells" in fields.get("equipment", []):
            assert {"dumbbell", "band"} <= classes


def test_angles_follow_the_pose_convention():
    # 0 down, 90 forward (+x), 180 up; the far limbs copy the near ones unless given.
    body = pose_body(Pose(arm=(90, 90)))
    neck, hand = body.at("neck"), body.at("hand")
    assert hand[0] > neck[0] + 0.3 and abs(hand[1] - neck[1]) < 1e-9
    assert body.at("hand_far") == hand
    raised = pose_body(Pose(arm=(180, 180), arm_far=(-90, -90)))
    assert raised.at("hand")[1] > raised.at("head")[1]
    assert raised.at("hand_far")[0] < raised.at("neck")[0] - 0.3
    assert pose_body(Pose()).at("ankle")[1] < -0.45  # legs hang straight below the hip


def test_lowest_point_touches_the_floor():
    for pose in (Pose(), Pose(torso=150, leg=(80, -20)), Pose(torso=90, leg=(-90, -90), arm=(0, 90))):
        (body,), setting = place([pose_body(pose)], [])
        assert abs(body.lowest - setting.ground) < 1e-9


def test_seated_hip_rests_on_a_seat_that_lets_the_feet_reach_the_floor():
    (body,), _ = place([pose_body(Pose(seated=True, leg=(90, 0)))], ["chair"])
    assert abs(body.at("hip")[1] - SEATED_HIP_Y) < 1e-9
    assert abs(body.sole()) < 1e-9
    # Leg straight out in front: the hip stays on the same seat.
    (raised,), _ = place([pose_body(Pose(seated=True, leg=(90, 90)))], ["chair"])
    assert abs(raised.at("hip")[1] - SEATED_HIP_Y) < 1e-9 and raised.sole() > 0.1


def test_chair_is_drawn_under_a_seated_hip():
    root = parse(figure_svg(SIT_TO_STAND, which="start"))
    hip_x, hip_y = path_points(next(e for e in root.iter("path") if e.get("class") == "torso"))[0]
    seat = [p for e in root.iter("path") if e.get("class") == "chair" for p in path_points(e)]
    xs = [x for x, _ in seat]
    assert min(xs) < hip_x < max(xs)
    assert any(y > hip_y for _, y in seat)  # the seat is below the hip (pixel y grows downward)


def wall_x(root: ET.Element) -> float:
    return numbers(next(e for e in root.iter("path") if e.get("class") == "wall").get("d"))[0]


def test_wall_goes_where_the_hands_reach_or_the_back_leans():
    push = parse(figure_svg(WALL_PUSH_UP, which="end"))
    hand_x = path_points(next(e for e in push.iter("path") if e.get("class") == "arm-near"))[-1][0]
    assert wall_x(push) >= hand_x
    sit = parse(figure_svg(WALL_SIT, which="end"))
    hip_x = path_points(next(e for e in sit.iter("path") if e.get("class") == "torso"))[0][0]
    assert wall_x(sit) < hip_x


def water_surface(svg: str) -> float:
    root = parse(svg)
    return min(y for e in root.iter("path") if e.get("class") == "water" for _, y in path_points(e))


def test_water_line_rises_from_hip_to_waist_to_chest():
    levels = [water_surface(figure_svg(exercise_with(Pose(), water=level), which="start"))
              for level in ("hip", "waist", "chest")]
    assert levels[0] > levels[1] > levels[2]  # pixel y: higher water is a smaller number
    dry = parse(figure_svg(exercise_with(Pose()), which="start"))
    assert not [e for e in dry.iter() if e.get("class") == "water"]


def test_both_overlays_a_pale_start_under_the_end_in_a_small_box():
    root = parse(figure_svg(SEATED_ROW))
    start, end = groups(root, "start")[0], groups(root, "end")[0]
    colour = {g: next(e for e in g if e.get("class") == "arm-near").get("stroke") for g in (start, end)}
    assert colour[start] != colour[end]
    assert [e for e in root.iter() if e.get("class") == "motion"], "no arrow showing the movement"


def test_wide_box_puts_start_left_of_end_with_an_arrow_between():
    root = parse(figure_svg(SIT_TO_STAND, width_px=240, height_px=110))
    start, end = groups(root, "start")[0], groups(root, "end")[0]
    start_x = [x for e in start.iter("path") for x, _ in path_points(e)]
    end_x = [x for e in end.iter("path") for x, _ in path_points(e)]
    assert max(start_x) < min(end_x)
    arrow_x = [x for e in root.iter("path") if e.get("class") == "motion" for x, _ in path_points(e)]
    assert max(start_x) < min(arrow_x) and max(arrow_x) < min(end_x)


def test_a_hold_is_drawn_once():
    root = parse(figure_svg(WALL_SIT))
    assert len(groups(root, "pose")) == 1


def test_title_is_escaped_text():
    svg = figure_svg(BRIDGE, title='Bridge <img src="file:///etc/passwd"> & hold')
    root = parse(svg)
    assert root.findtext("title") == 'Bridge <img src="file:///etc/passwd"> & hold'
    assert "<img" not in svg


def test_unknown_view_is_refused():
    with pytest.raises(ValueError):
        figure_svg(BRIDGE, which="middle")


def limb(root: ET.Element, pose: str, name: str) -> list[tuple[float, float]]:
    group = groups(root, pose)[0]
    return path_points(next(e for e in group if e.get("class") == name))


def test_far_limbs_are_lighter_than_near_limbs():
    root = parse(figure_svg(POOL_WALK, which="end"))
    group = groups(root, "end")[0]
    stroke = {e.get("class"): e.get("stroke") for e in group}
    lightness = lambda colour: sum(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    assert lightness(stroke["arm-far"]) > lightness(stroke["arm-near"])
    assert lightness(stroke["leg-far"]) > lightness(stroke["leg-near"])


def test_feet_stand_flat_and_a_kneeling_foot_lies_behind_the_knee():
    standing = pose_body(Pose())
    assert standing.at("toe")[0] > standing.at("ankle")[0]
    assert abs(standing.at("toe")[1] - standing.at("ankle")[1]) < 1e-9
    kneeling = pose_body(Pose(torso=90, arm=(0, 0), leg=(0, -90)))
    assert kneeling.at("toe")[0] < kneeling.at("ankle")[0]
    assert abs(kneeling.at("toe")[1] - kneeling.at("ankle")[1]) < 1e-9


def test_a_calf_raise_ends_on_the_toes():
    calf_raise = exercise_with(Pose(arm=(70, 90)), props=["wall"], pattern="calf")
    start = parse(figure_svg(calf_raise, which="start"))
    end = parse(figure_svg(calf_raise, which="end"))
    *_, start_ankle, start_toe = limb(start, "start", "leg-near")
    *_, end_ankle, end_toe = limb(end, "end", "leg-near")
    assert abs(start_ankle[1] - start_toe[1]) < 0.2  # flat foot
    assert end_ankle[1] < end_toe[1] - 1  # heel lifted (pixel y grows downward)


def test_planted_feet_stay_put_between_start_and_end():
    squat = exercise_with(Pose(arm=(90, 90)), Pose(torso=150, leg=(80, -20), arm=(90, 90)))
    root = parse(figure_svg(squat))
    assert limb(root, "start", "leg-near")[-1] == limb(root, "end", "leg-near")[-1]


def test_a_band_pulled_upwards_is_stood_on():
    curl = exercise_with(Pose(), Pose(arm=(0, 150)), ["band"], pattern="pull")
    root = parse(figure_svg(curl, which="end"))
    floor_y = path_points(next(e for e in root.iter("path") if e.get("class") == "floor"))[0][1]
    anchor = next(e for e in root.iter("circle") if e.get("class") == "band")
    assert floor_y - 4 < float(anchor.get("cy")) <= floor_y


# --- Seen from the front: movements out to the side ---------------------------------------

def front_exercise(start: Pose, end: Pose, props=(), **fields):
    figure = Figure(start=start, end=end, props=list(props), view="front")
    return make_exercise(fields.pop("id", "side-move"), ["shoulders"], figure=figure, **fields)


SIDE_RAISE = front_exercise(Pose(arm=(10, 10)), Pose(arm=(85, 85)), ["dumbbell"], pattern="raise")
PULL_APART = front_exercise(Pose(arm=(88, 88), reach=0.96), Pose(arm=(88, 88)), ["band"], pattern="pull")
KNEE_OPENING = front_exercise(Pose(seated=True, leg=(8, 0)), Pose(seated=True, leg=(38, -12)),
                              ["chair", "band"], pattern="raise")


def test_front_view_mirrors_the_limbs_either_side_of_the_trunk():
    body = pose_body(Pose(arm=(85, 85), leg=(3, 0)), view="front")
    for near, far in (("hand", "hand_far"), ("elbow", "elbow_far"), ("ankle", "ankle_far"), ("knee", "knee_far")):
        (x, y), (x_far, y_far) = body.at(near), body.at(far)
        assert x > 0 > x_far and abs(x + x_far) < 1e-9 and abs(y - y_far) < 1e-9
    # Arms straight out: the hands are level with the shoulders, an arm's length from them.
    assert abs(body.at("hand")[1] - body.at("shoulder")[1]) < 0.05
    assert body.at("hand")[0] - body.at("shoulder")[0] > 0.3


def test_arms_reaching_towards_the_reader_are_drawn_shorter():
    out = pose_body(Pose(arm=(88, 88)), view="front")
    forward = pose_body(Pose(arm=(88, 88), reach=0.96), view="front")
    span = lambda body: math.dist(body.at("shoulder"), body.at("hand"))
    assert abs(span(out) - (UPPER_ARM + FOREARM)) < 1e-9
    assert span(forward) < 0.3 * span(out)
    # A pull-apart: the band is held in front, hand to hand, and drawn over the figure.
    root = parse(figure_svg(PULL_APART, which="start"))
    roles = [e.get("class") for e in groups(root, "pose")[0].iter("path")]
    assert "band" in roles and roles.index("band") > roles.index("arm-near")


def test_a_side_raise_seen_from_the_front_lifts_both_hands_out_and_holds_two_dumbbells():
    start, end = (parse(figure_svg(SIDE_RAISE, which=w)) for w in ("start", "end"))

    def hands(root):
        return [path_points(next(e for e in root.iter("path") if e.get("class") == arm))[-1]
                for arm in ("arm-near", "arm-far")]

    (sx, sy), (sx_far, _) = hands(start)
    (ex, ey), (ex_far, _) = hands(end)
    assert ex - ex_far > 2 * (sx - sx_far)       # hands far apart at the top
    assert ey < sy                               # and higher (pixel y grows downward)
    assert len([e for e in end.iter() if e.get("class") == "dumbbell"]) == 6   # bar and two ends, twice


def test_a_seated_knee_opening_seen_from_the_front_opens_the_knees_on_a_chair_with_the_band_at_the_knees():
    (start, end), _ = place([pose_body(KNEE_OPENING.figure.start, view="front"),
                             pose_body(KNEE_OPENING.figure.end, view="front")], ["chair"])
    gap = lambda body: body.at("knee")[0] - body.at("knee_far")[0]
    assert gap(end) > 2 * gap(start)
    assert abs(end.sole()) < 1e-9 and abs(start.sole()) < 1e-9    # feet stay on the floor
    root = parse(figure_svg(KNEE_OPENING, which="end"))
    assert [e for e in root.iter("path") if e.get("class") == "chair"]
    band = [p for e in root.iter("path") if e.get("class") == "band" for p in path_points(e)]
    knees = [path_points(next(e for e in root.iter("path") if e.get("class") == leg))[1]
             for leg in ("leg-near", "leg-far")]
    assert len(band) == 2 and all(abs(b[0] - k[0]) < 1 for b, k in zip(sorted(band), sorted(knees)))


SIDEWAYS = re.compile(r"side raise|side leg|side step|side leg lift|knee opening|arm raise to the side|pull-apart")


def test_catalog_draws_movements_out_to_the_side_from_the_front():
    from planner.catalog import default_catalog
    sideways = [e for e in default_catalog().exercises.values() if SIDEWAYS.search(e.name.lower())]
    assert len(sideways) >= 10
    assert [e.id for e in sideways if e.figure.view != "front"] == []


def test_a_figure_lying_on_its_side_lifts_its_top_leg_towards_the_ceiling():
    lying = dict(torso=-90, arm=(97, 97), arm_far=(-90, -90), leg_far=(90, 90))
    (start, end), setting = place([pose_body(Pose(leg=(90, 90), **lying), view="front"),
                                   pose_body(Pose(leg=(118, 118), **lying), view="front")], ["mat"])
    assert end.at("ankle")[1] - start.at("ankle")[1] > 0.15             # the top foot rises
    assert abs(end.at("ankle_far")[1] - start.at("ankle_far")[1]) < 1e-9  # the bottom leg stays down
    assert end.at("knee")[1] > end.at("knee_far")[1]                      # "arm" and "leg" are the upper ones
    assert min(b.lowest for b in (start, end)) >= setting.ground - 1e-9  # nothing sinks into the mat
