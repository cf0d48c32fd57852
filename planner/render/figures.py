"""Exercise drawings: a stick figure with its props, as inline SVG.

Most figures are seen from the side; movements out to the side (side raises, leg
lifts, knee opening, pull-aparts) are drawn from the front, where they show.

The catalog gives each exercise a start and an end Pose (absolute segment angles,
see planner.catalog.Pose) and a list of props. Here the poses become joint
positions, are set on the floor (or a seat), get their props around them and are
written as one self-contained <svg> string. The output references nothing
outside itself (no links, images or url()), so WeasyPrint never fetches a thing.

Model space: units of the person's standing height, x forward (the figure faces
right), y up, floor at y = 0. Pixels are only computed when writing the SVG.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from html import escape
from typing import Literal

from planner.catalog import Exercise, Figure, Pose

Point = tuple[float, float]

# Segment lengths as fractions of standing height (adult proportions, rounded).
TORSO = 0.30
NECK = 0.035
HEAD_R = 0.062
UPPER_ARM = 0.17
FOREARM = 0.15
THIGH = 0.23
SHIN = 0.23
FOOT = 0.075

LIMB_W = 0.052   # stroke width of arms and legs
TORSO_W = 0.072  # the trunk is drawn a little thicker than the limbs
CONTACT = 0.03   # a joint this close to a support is resting on it
MAT_H = 0.018
DEFAULT_STEP_H = 0.10
SHOULDER_HALF = 0.085    # front view: half the shoulder width
PELVIS_HALF = 0.05       # front view: half the distance between the hip joints
FRONT_TRUNK_W = 0.15     # front view: the trunk is a broad band
KNEE_DROP = 0.015        # front view, seated: the knees sit a little below the hips

# Seat height: with the thigh level and the shin straight down, the foot is flat on the floor.
SEATED_HIP_Y = LIMB_W / 2 + SHIN

NEAR, FAR = "#1f3347", "#8193a7"                # the figure: near limbs dark, far limbs lighter
GHOST_NEAR, GHOST_FAR = "#b7c2cd", "#d6dde4"    # the start pose when overlaid on the end pose
FLOOR, WALL, WALL_EDGE = "#6b7785", "#e3e7eb", "#9aa5b1"
WOOD, MAT, METAL, IRON = "#b8895c", "#8fc1b5", "#8a96a3", "#3c4651"
BAND, ACCENT, FOAM, NOODLE = "#e4692f", "#1d8a99", "#f2b134", "#ef5f8a"
WATER, WAVE, CUFF, GRIP, BALL, TOWEL = "#3d8fd1", "#2f7fc1", "#5d7393", "#d0453a", "#e25b4a", "#7db3e0"

# How the two poses are matched up: the first joint resting on a support in both
# poses stays put, so a squat's feet or a bridge's shoulders do not slide.
ANCHOR_JOINTS = ("toe", "ankle", "toe_far", "ankle_far", "hand", "hand_far", "hip",
                 "knee", "knee_far", "elbow", "elbow_far", "head")
# Joints whose travel the motion arrow may show.
MOVING_JOINTS = ("hand", "hand_far", "ankle", "ankle_far", "head", "hip", "knee", "knee_far")

Which = Literal["start", "end", "both"]
Layout = Literal["auto", "overlay", "side_by_side"]


# --- Geometry ----------------------------------------------------------------------

def _direction(angle: float) -> Point:
    """Unit vector of an absolute angle: 0 down, 90 forward, 180 up, -90 backward."""
    rad = math.radians(angle)
    return (math.sin(rad), -math.cos(rad))


def _along(start: Point, angle: float, length: float) -> Point:
    dx, dy = _direction(angle)
    return (start[0] + dx * length, start[1] + dy * length)


def _wrap(angle: float) -> float:
    """The same angle in (-180, 180]."""
    angle = math.fmod(angle, 360.0)
    if angle <= -180:
        angle += 360
    elif angle > 180:
        angle -= 360
    return angle


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _add(a: Point, b: Point, scale: float = 1.0) -> Point:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale)


# --- The body ------------------------------------------------------------------------

@dataclass(frozen=True)
class Body:
    """Joint positions of one pose in model space."""

    joints: dict[str, Point]
    seated: bool
    head_angle: float
    view: str = "side"

    def at(self, name: str) -> Point:
        return self.joints[name]

    def moved(self, dx: float, dy: float) -> "Body":
        return replace(self, joints={k: (x + dx, y + dy) for k, (x, y) in self.joints.items()})

    def bottom_of(self, name: str) -> float:
        """Lowest drawn edge of a joint: the stroke's half width, or the head's radius."""
        x, y = self.joints[name]
        if name == "head":
            return y - HEAD_R
        if name == "hip" or (name == "neck" and self.view == "front"):
            return y - (FRONT_TRUNK_W if self.view == "front" else TORSO_W) / 2
        return y - LIMB_W / 2

    @property
    def lowest(self) -> float:
        return min(self.bottom_of(name) for name in self.joints)

    def sole(self, side: str = "") -> float:
        """Lowest edge of one foot (side "" = near, "_far" = far)."""
        return min(self.bottom_of("ankle" + side), self.bottom_of("toe" + side))

    def extent(self) -> tuple[float, float, float, float]:
        xs = [x for x, _ in self.joints.values()]
        ys = [y for _, y in self.joints.values()]
        pad = max(HEAD_R, LIMB_W / 2)
        return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def _foot_angle(thigh: float, shin: float, tiptoe: bool) -> float:
    """Where the toes point, from the shin and what an ankle can do.

    The foot sits at a right angle to the shin, turned flat to the floor when the
    ankle can get there (about 30 degrees up or 50 down); a kneeling foot lies
    along the floor behind the knee.
    """
    neutral = shin + 90
    if tiptoe:
        return shin + 35
    towards_flat = _wrap(90 - neutral)  # positive: toes lifted towards the shin
    if -50 <= towards_flat <= 30:
        return 90.0
    kneeling = abs(abs(_wrap(shin)) - 90) <= 12 and abs(_wrap(thigh - shin)) >= 10  # a straight leg is a plank
    if kneeling and -math.cos(math.radians(neutral)) < -0.5:
        return shin
    return neutral


def front_body(pose: Pose) -> Body:
    """Joint positions of a pose seen from the front, the middle of the hips at the origin.

    The reader's right is +x: `arm` and `leg` swing out towards it, the far limbs
    mirror their angles across the trunk (for a figure lying on its side, `arm` and
    `leg` are the upper ones). A seated figure's thighs point at the reader, so only
    their sideways part shows: the angle opens the knees.
    """
    hip = (0.0, 0.0)
    neck = _along(hip, pose.torso, TORSO)
    across = _direction(pose.torso - 90)           # towards +x when the trunk is upright
    head_angle = pose.torso if pose.head is None else pose.head
    joints = {"hip": hip, "neck": neck, "head": _along(neck, head_angle, NECK + HEAD_R)}
    shoulders = _along(neck, pose.torso + 180, 0.02)
    upright = abs(_wrap(pose.torso - 180)) <= 45

    def outward(angle: float, sign: int) -> float:
        """A limb's angle out to its own side, as an angle on the page: the far side's is
        reflected across the trunk (upright, that is simply -angle)."""
        return angle if sign > 0 else 2 * pose.torso - angle

    foreshortened = math.sqrt(1 - pose.reach ** 2)   # arms reaching towards the reader look shorter
    for side, sign, (upper, fore) in (("", 1, pose.arm), ("_far", -1, pose.arm_far or pose.arm)):
        shoulder = _add(shoulders, across, sign * SHOULDER_HALF)
        elbow = _along(shoulder, outward(upper, sign), UPPER_ARM * foreshortened)
        joints["shoulder" + side] = shoulder
        joints["elbow" + side] = elbow
        joints["hand" + side] = _along(elbow, outward(fore, sign), FOREARM * foreshortened)
    for side, sign, (thigh, shin) in (("", 1, pose.leg), ("_far", -1, pose.leg_far or pose.leg)):
        pelvis = _add(hip, across, sign * PELVIS_HALF)
        if pose.seated:
            # The thigh points at the reader and the foot stays on the floor: the knee only
            # moves sideways, and the shin drops the same height at any slant.
            knee = (pelvis[0] + sign * THIGH * math.sin(math.radians(thigh)), pelvis[1] - KNEE_DROP)
            ankle = (knee[0] + sign * SHIN * math.tan(math.radians(max(-45.0, min(45.0, shin)))), knee[1] - SHIN)
        else:
            knee = _along(pelvis, outward(thigh, sign), THIGH)
            ankle = _along(knee, outward(shin, sign), SHIN)
        joints["pelvis" + side] = pelvis
        joints["knee" + side] = knee
        joints["ankle" + side] = ankle
        # Standing or sitting the feet turn a little out; lying, they point on along the shin.
        joints["toe" + side] = (_add(ankle, across, sign * FOOT * 0.45) if upright
                                else _along(ankle, outward(shin, sign), FOOT * 0.35))
    return Body(joints=joints, seated=pose.seated, head_angle=head_angle, view="front")


def pose_body(pose: Pose, *, tiptoe: bool = False, view: str = "side") -> Body:
    """Joint positions of a pose with the hip at the origin (tiptoe: heels raised)."""
    if view == "front":
        return front_body(pose)
    hip = (0.0, 0.0)
    neck = _along(hip, pose.torso, TORSO)
    head_angle = pose.torso if pose.head is None else pose.head
    joints = {"hip": hip, "neck": neck, "head": _along(neck, head_angle, NECK + HEAD_R)}
    for side, (upper, fore) in (("", pose.arm), ("_far", pose.arm_far or pose.arm)):
        elbow = _along(neck, upper, UPPER_ARM)
        joints["elbow" + side] = elbow
        joints["hand" + side] = _along(elbow, fore, FOREARM)
    for side, (thigh, shin) in (("", pose.leg), ("_far", pose.leg_far or pose.leg)):
        knee = _along(hip, thigh, THIGH)
        ankle = _along(knee, shin, SHIN)
        joints["knee" + side] = knee
        joints["ankle" + side] = ankle
        joints["toe" + side] = _along(ankle, _foot_angle(thigh, shin, tiptoe), FOOT)
    if tiptoe and pose.seated:
        # Seated calf raise: the toes stay on the floor and the heels lift the knees;
        # the hip stays on the seat.
        raised = Body(joints=dict(joints), seated=True, head_angle=head_angle)
        lift = -SEATED_HIP_Y - raised.sole()
        for name in ("knee", "ankle", "toe", "knee_far", "ankle_far", "toe_far"):
            x, y = joints[name]
            joints[name] = (x, y + lift)
    return Body(joints=joints, seated=pose.seated, head_angle=head_angle)


# --- Shapes (model space) -----------------------------------------------------------

@dataclass(frozen=True)
class Line:
    points: tuple[Point, ...]
    colour: str
    width: float
    role: str = ""
    opacity: float = 1.0


@dataclass(frozen=True)
class Dot:
    centre: Point
    radius: float
    fill: str
    role: str = ""
    opacity: float = 1.0
    stroke: str | None = None
    width: float = 0.0


@dataclass(frozen=True)
class Area:
    points: tuple[Point, ...]
    fill: str
    role: str = ""
    opacity: float = 1.0
    stroke: str | None = None
    width: float = 0.0


Shape = Line | Dot | Area


def _rect(x0: float, y0: float, x1: float, y1: float, fill: str, role: str, **style) -> Area:
    return Area(((x0, y0), (x1, y0), (x1, y1), (x0, y1)), fill, role, **style)


def _shape_bounds(shape: Shape) -> tuple[float, float, float, float]:
    if isinstance(shape, Dot):
        (x, y), r = shape.centre, shape.radius + shape.width / 2
        return x - r, y - r, x + r, y + r
    pad = shape.width / 2
    xs = [x for x, _ in shape.points]
    ys = [y for _, y in shape.points]
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def _bounds(shapes: list[Shape]) -> tuple[float, float, float, float]:
    boxes = [_shape_bounds(s) for s in shapes]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def front_shapes(body: Body) -> list[Shape]:
    """The figure facing the reader: a broad trunk, limbs from the shoulders and hips, two eyes."""
    j = body.joints
    shapes: list[Shape] = [
        Line((j["pelvis_far"], j["knee_far"], j["ankle_far"], j["toe_far"]), NEAR, LIMB_W, "leg-far"),
        Line((j["pelvis"], j["knee"], j["ankle"], j["toe"]), NEAR, LIMB_W, "leg-near"),
        Line((j["hip"], _along(j["neck"], body.head_angle + 180, 0.04)), NEAR, FRONT_TRUNK_W, "torso"),
        Line((j["neck"], _along(j["neck"], body.head_angle, NECK + HEAD_R / 2)), NEAR, LIMB_W, "neck"),
        Dot(j["head"], HEAD_R, NEAR, "head"),
    ]
    across = _direction(body.head_angle - 90)
    for sign in (1, -1):
        eye = _add(_along(j["head"], body.head_angle, HEAD_R * 0.12), across, sign * HEAD_R * 0.38)
        shapes.append(Dot(eye, HEAD_R * 0.15, "#ffffff", "eye"))
    shapes.append(Line((j["shoulder_far"], j["elbow_far"], j["hand_far"]), NEAR, LIMB_W, "arm-far"))
    shapes.append(Line((j["shoulder"], j["elbow"], j["hand"]), NEAR, LIMB_W, "arm-near"))
    return shapes


def body_shapes(body: Body) -> list[Shape]:
    """The figure itself, far limbs first so the near limbs cover them."""
    if body.view == "front":
        return front_shapes(body)
    near, far = NEAR, FAR
    j = body.joints
    shapes: list[Shape] = [
        Line((j["neck"], j["elbow_far"], j["hand_far"]), far, LIMB_W, "arm-far"),
        Line((j["hip"], j["knee_far"], j["ankle_far"], j["toe_far"]), far, LIMB_W, "leg-far"),
        Line((j["hip"], j["neck"]), near, TORSO_W, "torso"),
        Line((j["hip"], j["knee"], j["ankle"], j["toe"]), near, LIMB_W, "leg-near"),
        Line((j["neck"], _along(j["neck"], body.head_angle, NECK + HEAD_R / 2)), near, LIMB_W, "neck"),
        Dot(j["head"], HEAD_R, near, "head"),
    ]
    # One small eye on the face side (the Pose convention: the front is the +90 side).
    face = _along(j["head"], body.head_angle - 90, HEAD_R * 0.45)
    shapes.append(Dot(_along(face, body.head_angle, HEAD_R * 0.18), HEAD_R * 0.17, "#ffffff", "eye"))
    shapes.append(Line((j["neck"], j["elbow"], j["hand"]), near, LIMB_W, "arm-near"))
    return shapes


# --- Placing the poses ----------------------------------------------------------------

@dataclass
class Setting:
    """Where the figure stands: floor level, seat, step (all in model space)."""

    ground: float = 0.0
    seat_hip_y: float | None = None
    step_height: float | None = None


def _touches(body: Body, name: str, setting: Setting, tolerance: float = CONTACT) -> bool:
    bottom = body.bottom_of(name)
    levels = [setting.ground]
    if setting.step_height is not None:
        levels.append(setting.ground + setting.step_height)
    return any(abs(bottom - level) <= tolerance for level in levels) or bottom < setting.ground


def _foot_elevation(body: Body) -> float:
    return body.sole() - body.lowest


def place(bodies: list[Body], props: list[str]) -> tuple[list[Body], Setting]:
    """Set each pose on its support and line the poses up on a shared resting joint."""
    setting = Setting(ground=MAT_H if "mat" in props else 0.0)
    standing = [b for b in bodies if not b.seated]
    if "step" in props and standing:
        raised = max(_foot_elevation(b) for b in standing)
        setting.step_height = min(max(raised, 0.06), 0.2) if raised > 0.04 else DEFAULT_STEP_H
    seated = [b for b in bodies if b.seated]
    if seated:
        # One seat for both poses; raised only if a sloping thigh would put a foot through the floor.
        setting.seat_hip_y = max(setting.ground + SEATED_HIP_Y,
                                 max(setting.ground - b.lowest for b in seated))
    placed = []
    for body in bodies:
        if body.seated:
            dy = setting.seat_hip_y - body.at("hip")[1]
        else:
            dy = setting.ground - body.lowest
            if setting.step_height is not None:
                dy = max(dy, setting.ground + setting.step_height - body.sole())
        placed.append(body.moved(0.0, dy))
    if len(placed) == 2:
        first, second = placed
        if first.seated and second.seated:
            anchor = "hip"
        elif setting.step_height is not None or first.seated != second.seated:
            anchor = "ankle"  # feet stay on the step, and stay put when rising from a seat
        else:
            anchor = _shared_anchor(first, second, setting)
        placed[1] = second.moved(first.at(anchor)[0] - second.at(anchor)[0], 0.0)
    return placed, setting


def _shared_anchor(first: Body, second: Body, setting: Setting) -> str:
    # Strict: a foot lifted a couple of centimetres (a leg swinging out) has left the floor.
    for name in ANCHOR_JOINTS:
        if _touches(first, name, setting, 0.012) and _touches(second, name, setting, 0.012):
            return name
    return "hip"


# --- Props ------------------------------------------------------------------------------

def _moving_end(start: Body, end: Body) -> str:
    """The near hand or foot, whichever travels further between the poses (the one a band pulls on)."""
    return max(("hand", "ankle"), key=lambda name: _distance(start.at(name), end.at(name)))


def _reaches_forward(body: Body) -> bool:
    """A hand held well out in front, above the hip: reaching for a wall, rail or chair back."""
    neck_x, hip_y = body.at("neck")[0], body.at("hip")[1]
    return any(x - neck_x > 0.12 and y > hip_y + 0.1 for x, y in (body.at("hand"), body.at("hand_far")))


def _squats_against_wall(body: Body, setting: Setting) -> bool:
    upright = abs(_wrap(body.head_angle - 180)) <= 30 and abs(_wrap(_torso_angle(body) - 180)) <= 30
    hip_low = body.at("hip")[1] <= body.at("knee")[1] + 0.05
    return not body.seated and upright and hip_low and not _touches(body, "hip", setting)


def _torso_angle(body: Body) -> float:
    (hx, hy), (nx, ny) = body.at("hip"), body.at("neck")
    return math.degrees(math.atan2(nx - hx, -(ny - hy)))


def wall_shapes(bodies: list[Body], setting: Setting) -> list[Shape]:
    """A wall in front when the hands reach for it, otherwise behind the back."""
    top = max(max(b.extent()[3] for b in bodies) + 0.06, 1.0)
    thickness = 0.05
    if not any(_squats_against_wall(b, setting) for b in bodies) and any(_reaches_forward(b) for b in bodies):
        x = max(max(b.at("hand")[0], b.at("hand_far")[0]) for b in bodies) + LIMB_W / 2
        x0, x1, edge = x, x + thickness, x
    else:
        x = min(min(b.at("hip")[0] - TORSO_W / 2, b.at("neck")[0] - TORSO_W / 2, b.at("head")[0] - HEAD_R)
                for b in bodies)
        x0, x1, edge = x - thickness, x, x
    return [_rect(x0, 0.0, x1, top, WALL, "wall"), Line(((edge, 0.0), (edge, top)), WALL_EDGE, 0.012, "wall")]


def _chair(seat_front: float, seat_back: float, seat_top: float, back_top: float, role: str = "chair",
           colour: str = WOOD) -> list[Shape]:
    """A side-view chair; the back rises at seat_back (left of the seat when it faces right)."""
    w = 0.026
    leg_inset = 0.015 if seat_front > seat_back else -0.015
    return [
        Line(((seat_back, back_top), (seat_back, seat_top)), colour, w, role),
        Line(((seat_back, seat_top), (seat_front, seat_top)), colour, w * 1.3, role),
        Line(((seat_back + leg_inset, seat_top), (seat_back + leg_inset, 0.0)), colour, w, role),
        Line(((seat_front - leg_inset, seat_top), (seat_front - leg_inset, 0.0)), colour, w, role),
    ]


def chair_shapes(bodies: list[Body], setting: Setting) -> list[Shape]:
    """Under the hip when seated; otherwise in front for the hands to hold, or behind to sit back to."""
    seat_top = (setting.seat_hip_y or setting.ground + SEATED_HIP_Y) - TORSO_W / 2
    seated = [b for b in bodies if b.seated]
    if seated and seated[0].view == "front":
        return _front_chair(seated[0].at("hip")[0], seat_top)
    if seated:
        hip_x = seated[0].at("hip")[0]
        return _chair(hip_x + 0.13, hip_x - 0.09, seat_top, seat_top + 0.3)
    if any(_reaches_forward(b) or _hand_on_chair(b) for b in bodies):
        hand_x, hand_y = max((hand for b in bodies for hand in (b.at("hand"), b.at("hand_far"))),
                             key=lambda point: point[0])
        rest = hand_y - LIMB_W / 2
        if rest < seat_top + 0.15:
            # Hands low: they press on the seat of a chair turned towards the figure.
            return _chair(hand_x - 0.07, hand_x + 0.17, rest, rest + 0.3)
        edge = hand_x + LIMB_W / 2 + 0.01
        return _chair(edge + 0.22, edge, seat_top, min(rest, seat_top + 0.5))
    hip_x = min(b.at("hip")[0] for b in bodies)
    return _chair(hip_x + 0.04, hip_x - 0.18, seat_top, seat_top + 0.3)


def _front_chair(hip_x: float, seat_top: float, colour: str = WOOD) -> list[Shape]:
    """A chair seen from the front: its back behind the trunk, the seat under the hips."""
    w, half = 0.026, 0.15
    back_top = seat_top + 0.34
    return [
        Line(((hip_x - half + 0.02, back_top), (hip_x + half - 0.02, back_top)), colour, w * 1.3, "chair"),
        Line(((hip_x - half + 0.02, back_top), (hip_x - half + 0.02, seat_top)), colour, w, "chair"),
        Line(((hip_x + half - 0.02, back_top), (hip_x + half - 0.02, seat_top)), colour, w, "chair"),
        Line(((hip_x - half, seat_top), (hip_x + half, seat_top)), colour, w * 1.5, "chair"),
        Line(((hip_x - half + 0.02, seat_top), (hip_x - half + 0.02, 0.0)), colour, w, "chair"),
        Line(((hip_x + half - 0.02, seat_top), (hip_x + half - 0.02, 0.0)), colour, w, "chair"),
    ]


def _hand_on_chair(body: Body) -> bool:
    """Hands held forward at about hip height, as when steadying on a chair back."""
    return any(x - body.at("neck")[0] > 0.1 and abs(y - body.at("hip")[1]) < 0.15
               for x, y in (body.at("hand"), body.at("hand_far")))


def seat_shapes(bodies: list[Body], setting: Setting, colour: str) -> list[Shape]:
    """A plain block to sit on (bench, pool edge) when no chair or machine is listed."""
    seated = [b for b in bodies if b.seated]
    hip_x = seated[0].at("hip")[0]
    top = setting.seat_hip_y - TORSO_W / 2
    return [_rect(hip_x - 0.14, 0.0, hip_x + 0.09, top, colour, "seat")]


def table_shapes(bodies: list[Body], setting: Setting) -> list[Shape]:
    """A table top under the forearms (or hands), with a leg at each end."""
    rests = []
    for b in bodies:
        rests.append(min((b.at("elbow"), b.at("hand")), key=lambda p: p[1]))
    top = max(min(y for _, y in rests) - LIMB_W / 2, setting.ground + 0.12)
    xs = [x for b in bodies for x in (b.at("elbow")[0], b.at("hand")[0])]
    x0, x1 = min(xs) - 0.05, max(max(xs) + 0.14, min(xs) + 0.3)
    return [
        Line(((x0, top), (x1, top)), WOOD, 0.03, "table"),
        Line(((x0 + 0.02, top), (x0 + 0.02, 0.0)), WOOD, 0.022, "table"),
        Line(((x1 - 0.02, top), (x1 - 0.02, 0.0)), WOOD, 0.022, "table"),
    ]


def step_shapes(bodies: list[Body], setting: Setting) -> list[Shape]:
    """A box step under whichever feet stand on it."""
    height = setting.step_height or DEFAULT_STEP_H
    top = setting.ground + height
    xs = []
    for b in bodies:
        for side in ("", "_far"):
            if not b.seated and abs(b.sole(side) - top) <= CONTACT:
                xs += [b.at("ankle" + side)[0], b.at("toe" + side)[0]]
    if not xs:
        xs = [bodies[0].at("toe")[0] + 0.05, bodies[0].at("toe")[0] + 0.25]
    x0, x1 = min(xs) - 0.06, max(max(xs) + 0.06, min(xs) + 0.24)
    return [_rect(x0, 0.0, x1, top, WOOD, "step", stroke="#8d6a47", width=0.01)]


def mat_shapes(bodies: list[Body]) -> list[Shape]:
    x0 = min(b.extent()[0] for b in bodies) - 0.04
    x1 = max(b.extent()[2] for b in bodies) + 0.04
    return [_rect(x0, 0.0, x1, MAT_H, MAT, "mat")]


def machine_shapes(bodies: list[Body], setting: Setting) -> list[Shape]:
    """A weight-stack frame behind the figure; the seat when the exercise is seated."""
    back = min(b.extent()[0] for b in bodies) - 0.06
    x0, x1, top = back - 0.2, back, 1.0
    shapes: list[Shape] = [
        Line(((x0, 0.0), (x0, top), (x1, top), (x1, 0.0)), METAL, 0.03, "machine"),
        _rect(x0 + 0.035, 0.02, x1 - 0.035, 0.26, IRON, "machine"),
        Line(((x0 + 0.03, 0.0), (x1 - 0.03, 0.0)), METAL, 0.03, "machine"),
    ]
    if any(b.seated for b in bodies):
        hip_x = next(b for b in bodies if b.seated).at("hip")[0]
        seat_top = setting.seat_hip_y - TORSO_W / 2
        shapes += [_rect(hip_x - 0.15, seat_top - 0.04, hip_x + 0.13, seat_top, IRON, "machine"),
                   Line(((hip_x, seat_top - 0.04), (hip_x, 0.0)), METAL, 0.03, "machine")]
    return shapes


def band_anchor(start: Body, end: Body, setting: Setting, moving: str) -> Point | None:
    """Where the band pulls from: beyond the start position, against the way the limb moves.

    None when a foot pulls against the floor: the band is then a loop round both ankles.
    """
    first, last = start.at(moving), end.at(moving)
    length = _distance(first, last)
    pull = ((first[0] - last[0]) / length, (first[1] - last[1]) / length) if length > 0.03 else (1.0, 0.0)
    anchor = _add(first, pull, 0.24)
    if anchor[1] >= setting.ground + 0.02 and not (pull[1] < -0.6 and moving == "hand"):
        return anchor
    if moving == "ankle":
        return None
    # Pulled from below (a curl, a press): the band is stood on.
    foot = start.at("ankle")
    return (foot[0] + FOOT / 2, setting.ground + 0.01)


def band_shapes(body: Body, anchor: Point | None, moving: str) -> list[Shape]:
    """The band from the moving hand or foot to its anchor, or looped between the ankles."""
    if anchor is None:
        return [Line((body.at("ankle"), body.at("ankle_far")), BAND, 0.022, "band")]
    return [Line((body.at(moving), anchor), BAND, 0.018, "band"), Dot(anchor, 0.018, IRON, "band")]


def front_band_pair(start: Body, end: Body) -> tuple[str, str]:
    """Front view: the band runs between the two hands, knees or ankles, whichever pair
    opens or closes most (a pull-apart, a knee opening, a side step)."""
    pairs = (("hand", "hand_far"), ("knee", "knee_far"), ("ankle", "ankle_far"))
    return max(pairs, key=lambda pair: abs(_distance(end.at(pair[0]), end.at(pair[1]))
                                           - _distance(start.at(pair[0]), start.at(pair[1]))))


def front_band_shapes(body: Body, pair: tuple[str, str]) -> list[Shape]:
    a, b = body.at(pair[0]), body.at(pair[1])
    if pair[0] != "hand":   # a loop just above the knees or the ankles
        a, b = _add(a, (0.0, 0.04)), _add(b, (0.0, 0.04))
    return [Line((a, b), BAND, 0.022, "band")]


def _far_limbs(body: Body) -> Body:
    """The same body with its far limbs in the near ones' place, to give them a prop."""
    joints = dict(body.joints)
    for name in ("hand", "elbow", "ankle", "knee"):
        joints[name] = body.at(name + "_far")
    return replace(body, joints=joints)


def hand_prop_shapes(body: Body, prop: str, setting: Setting) -> list[Shape]:
    """A prop held in the near hand (or strapped to the near ankle)."""
    hand, elbow = body.at("hand"), body.at("elbow")
    length = max(_distance(hand, elbow), 1e-6)
    along = ((hand[0] - elbow[0]) / length, (hand[1] - elbow[1]) / length)  # forearm direction
    across = (-along[1], along[0])
    if prop in ("dumbbell", "water_dumbbell"):
        half = 0.06
        a, b = _add(hand, across, -half), _add(hand, across, half)
        if prop == "dumbbell":
            return [Line((a, b), IRON, 0.016, prop),
                    Line((_add(a, along, -0.032), _add(a, along, 0.032)), IRON, 0.034, prop),
                    Line((_add(b, along, -0.032), _add(b, along, 0.032)), IRON, 0.034, prop)]
        return [Line((a, b), FOAM, 0.018, prop),
                Dot(a, 0.032, FOAM, prop, 1.0, "#c98a12", 0.006),
                Dot(b, 0.032, FOAM, prop, 1.0, "#c98a12", 0.006)]
    if prop == "kettlebell":
        bell = (hand[0], max(hand[1] - 0.06, setting.ground + 0.04))
        return [Line((hand, bell), IRON, 0.014, prop), Dot(bell, 0.04, IRON, prop)]
    if prop == "ankle_weight":
        ankle, knee = body.at("ankle"), body.at("knee")
        shin = max(_distance(ankle, knee), 1e-6)
        up = ((knee[0] - ankle[0]) / shin, (knee[1] - ankle[1]) / shin)
        return [Line((_add(ankle, up, 0.03), _add(ankle, up, 0.06)), CUFF, LIMB_W * 1.55, prop)]
    if prop == "grip_trainer":
        tip_a = _add(_add(hand, along, 0.07), across, 0.03)
        tip_b = _add(_add(hand, along, 0.07), across, -0.03)
        return [Line((tip_a, hand, tip_b), GRIP, 0.016, prop)]
    if prop == "ball":
        return [Dot(_add(hand, along, 0.03), 0.038, BALL, prop)]
    if prop == "noodle":
        return [Line(((hand[0] - 0.16, hand[1]), (hand[0] + 0.16, hand[1])), NOODLE, 0.045, prop)]
    if prop == "towel":
        x, y = hand
        return [Area(((x - 0.018, y), (x + 0.018, y), (x + 0.026, y - 0.07), (x + 0.012, y - 0.15),
                      (x - 0.024, y - 0.15), (x - 0.01, y - 0.07)), TOWEL, prop)]
    return []


HELD = ("dumbbell", "kettlebell", "water_dumbbell", "grip_trainer", "ball", "noodle", "towel")


def held_shapes(body: Body, props: list[str], setting: Setting, *, both_hands: bool = False,
                far_leg: bool = False) -> list[Shape]:
    """Hand-held props on the near hand, ankle weights on the near ankle.

    A far arm posed differently is usually steadying the body (a hand on the
    thigh), so it is left empty-handed. Seen from the front both hands show, and
    a pair of dumbbells is held in both (`both_hands`); the weight goes on the leg
    that lifts (`far_leg`).
    """
    shapes = [shape for prop in props if prop in HELD
              for shape in hand_prop_shapes(body, prop, setting)]
    if both_hands:
        shapes += [shape for prop in props if prop in HELD
                   for shape in hand_prop_shapes(_far_limbs(body), prop, setting)]
    if "ankle_weight" in props:
        shapes += hand_prop_shapes(_far_limbs(body) if far_leg else body, "ankle_weight", setting)
    return shapes


def water_level(figure: Figure, start: Body) -> float | None:
    """Water surface height at the start pose's hip, waist or chest."""
    if figure.water == "none":
        return None
    fraction = {"hip": 0.0, "waist": 0.4, "chest": 0.78}[figure.water]
    hip, neck = start.at("hip"), start.at("neck")
    return hip[1] + (neck[1] - hip[1]) * fraction + (TORSO_W / 2 if figure.water == "hip" else 0.0)


def motion_arrow(start: Body, end: Body, ground: float) -> list[Shape]:
    """A curved arrow along the path of the joint that moves most, bowed away from the body."""
    name = max(MOVING_JOINTS, key=lambda n: _distance(start.at(n), end.at(n)))
    a, b = start.at(name), end.at(name)
    length = _distance(a, b)
    if length < 0.08:
        return []
    unit = ((b[0] - a[0]) / length, (b[1] - a[1]) / length)
    normal = (-unit[1], unit[0])
    middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    centre = end.at("hip") if name != "hip" else end.at("ankle")
    if (middle[0] - centre[0]) * normal[0] + (middle[1] - centre[1]) * normal[1] < 0:
        normal = (-normal[0], -normal[1])
    offset = 0.07
    if min(a[1], b[1]) + (offset + 0.18 * length) * normal[1] < ground + 0.03:
        normal = (-normal[0], -normal[1])  # a foot sliding on the floor: arrow above it, not under
    p0 = _add(_add(a, unit, 0.05), normal, offset)
    p2 = _add(_add(b, unit, -0.06), normal, offset)
    control = _add(middle, normal, offset + 0.18 * length)
    curve = []
    for i in range(13):
        t = i / 12
        curve.append(((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * control[0] + t * t * p2[0],
                      (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * control[1] + t * t * p2[1]))
    return [Line(tuple(curve), ACCENT, 0.016, "motion")] + _arrow_head(curve[-2], curve[-1])


def rise_arrow(start: Body, end: Body) -> list[Shape]:
    """A short upward arrow behind the heel: the rise onto the toes is only a few centimetres."""
    heel = start.at("ankle")
    x = min(heel[0], end.at("ankle")[0]) - 0.07
    y0 = start.sole() + 0.02
    y1 = max(end.sole() + 0.1, y0 + 0.12)
    return [Line(((x, y0), (x, y1 - 0.03)), ACCENT, 0.016, "motion")] + _arrow_head((x, y0), (x, y1 - 0.02))


def _arrow_head(before: Point, tip: Point, size: float = 0.045) -> list[Shape]:
    length = max(_distance(before, tip), 1e-6)
    unit = ((tip[0] - before[0]) / length, (tip[1] - before[1]) / length)
    normal = (-unit[1], unit[0])
    point = _add(tip, unit, size * 0.6)
    back = _add(tip, unit, -size * 0.6)
    return [Area((point, _add(back, normal, size * 0.55), _add(back, normal, -size * 0.55)), ACCENT, "motion")]


# --- The scene -------------------------------------------------------------------------

@dataclass
class Scene:
    """Everything to draw, grouped so one or both poses can be shown."""

    fixed: list[Shape] = field(default_factory=list)   # furniture behind the figure
    poses: dict[str, list[Shape]] = field(default_factory=dict)  # "start" / "end": figure and what it holds
    motion: list[Shape] = field(default_factory=list)
    water: float | None = None
    same: bool = False  # start and end are the same picture (a hold)


def default_figure(exercise: Exercise) -> Figure:
    """A plain standing (or seated) pose with the exercise's equipment, when the catalog has none."""
    equipment_props = {
        "chair": "chair", "step": "step", "mat": "mat", "resistance_band": "band",
        "dumbbells": "dumbbell", "ankle_weights": "ankle_weight", "kettlebell": "kettlebell",
        "grip_trainer": "grip_trainer", "gym_machines": "machine", "pool_noodle": "noodle",
        "water_dumbbells": "water_dumbbell",
    }
    props = [equipment_props[e] for e in exercise.equipment if e in equipment_props]
    if exercise.modality == "seated":
        pose = Pose(seated=True, leg=(90, 0), arm=(15, 60))
        if "chair" not in props and "machine" not in props:
            props.insert(0, "chair")
    else:
        pose = Pose(arm=(8, 8), arm_far=(-8, -8), leg=(6, 0), leg_far=(-6, 0))
    return Figure(start=pose, end=pose, props=props,
                  water="waist" if exercise.modality == "aquatic" else "none")


def _rises_on_toes(exercise: Exercise, figure: Figure) -> bool:
    """Pose has no ankle angle, so a calf raise with the shins upright ends up on the toes."""
    start, end = figure.start, figure.end
    if exercise.pattern != "calf" or exercise.dose != "reps":
        return False
    return abs(_wrap(start.leg[1])) <= 35 and abs(_wrap(end.leg[1])) <= 35


def build_scene(exercise: Exercise) -> Scene:
    """Place both poses of an exercise and gather the props around them."""
    figure = exercise.figure or default_figure(exercise)
    props = list(dict.fromkeys(figure.props))  # keep order, drop repeats
    front = figure.view == "front"
    tiptoe = not front and _rises_on_toes(exercise, figure)
    bodies, setting = place([pose_body(figure.start, view=figure.view),
                             pose_body(figure.end, tiptoe=tiptoe, view=figure.view)], props)
    start, end = bodies
    scene = Scene(water=water_level(figure, start), same=figure.start == figure.end and not tiptoe)
    moving = _moving_end(start, end)
    if "mat" in props:
        scene.fixed += mat_shapes(bodies)
    if "wall" in props:
        scene.fixed += wall_shapes(bodies, setting)
    if "machine" in props:
        scene.fixed += machine_shapes(bodies, setting)
    if "chair" in props:
        scene.fixed += chair_shapes(bodies, setting)
    elif setting.seat_hip_y is not None and "machine" not in props:
        scene.fixed += seat_shapes(bodies, setting, "#aab4be" if scene.water is not None else WOOD)
    if "step" in props:
        scene.fixed += step_shapes(bodies, setting)
    if "table" in props:
        scene.fixed += table_shapes(bodies, setting)
    anchor = band_anchor(start, end, setting, moving) if "band" in props and not front else None
    pair = front_band_pair(start, end) if "band" in props and front else None
    far_leg_moves = _distance(start.at("ankle_far"), end.at("ankle_far")) > _distance(start.at("ankle"), end.at("ankle"))
    for label, body, pose in (("start", start, figure.start), ("end", end, figure.end)):
        shapes: list[Shape] = band_shapes(body, anchor, moving) if "band" in props and not pair else []
        shapes += body_shapes(body)
        if pair:   # seen from the front the band is held in front of the body
            shapes += front_band_shapes(body, pair)
        shapes += held_shapes(body, props, setting, both_hands=front and pose.arm_far is None,
                              far_leg=front and far_leg_moves)
        scene.poses[label] = shapes
    if tiptoe:
        scene.motion = rise_arrow(start, end)
    elif not scene.same:
        scene.motion = motion_arrow(start, end, setting.ground)
    return scene


def _ghosted(shapes: list[Shape]) -> list[Shape]:
    """The start pose drawn pale, for overlaying under the end pose."""
    pale = {NEAR: GHOST_NEAR, FAR: GHOST_FAR}
    out: list[Shape] = []
    for shape in shapes:
        if shape.role == "eye":
            continue
        if shape.role in ("arm-far", "leg-far", "torso", "leg-near", "neck", "head", "arm-near"):
            colour_field = "fill" if isinstance(shape, Dot) else "colour"
            out.append(replace(shape, **{colour_field: pale[getattr(shape, colour_field)]}))
        else:
            out.append(replace(shape, opacity=shape.opacity * 0.35))
    return out


# --- Writing SVG ---------------------------------------------------------------------------

def _num(value: float) -> str:
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class _Frame:
    """Model space to pixels: uniform scale, y flipped, floor near the bottom."""

    scale: float
    x_offset: float
    y_base: float

    def point(self, p: Point) -> str:
        return f"{_num(self.x_offset + p[0] * self.scale)} {_num(self.y_base - p[1] * self.scale)}"


def _element(shape: Shape, frame: _Frame) -> str:
    role = f' class="{shape.role}"' if shape.role else ""
    alpha = f' opacity="{shape.opacity:.2f}"' if shape.opacity < 1 else ""
    if isinstance(shape, Line):
        d = "M" + " L".join(frame.point(p) for p in shape.points)
        width = max(shape.width * frame.scale, 0.6)
        return (f'<path{role} d="{d}" fill="none" stroke="{shape.colour}" '
                f'stroke-width="{_num(width)}"{alpha}/>')
    if isinstance(shape, Dot):
        cx, cy = frame.point(shape.centre).split()
        edge = (f' stroke="{shape.stroke}" stroke-width="{_num(max(shape.width * frame.scale, 0.5))}"'
                if shape.stroke else "")
        return (f'<circle{role} cx="{cx}" cy="{cy}" r="{_num(max(shape.radius * frame.scale, 0.5))}" '
                f'fill="{shape.fill}"{edge}{alpha}/>')
    d = "M" + " L".join(frame.point(p) for p in shape.points) + " Z"
    edge = (f' stroke="{shape.stroke}" stroke-width="{_num(max(shape.width * frame.scale, 0.5))}"'
            if shape.stroke else "")
    return f'<path{role} d="{d}" fill="{shape.fill}"{edge}{alpha}/>'


def _water_elements(level: float, frame: _Frame, width_px: int) -> list[str]:
    """A translucent band from the floor to a gently waving surface across the whole picture."""
    surface = frame.y_base - level * frame.scale
    floor = frame.y_base
    amplitude = max(0.012 * frame.scale, 0.8)
    wavelength = max(0.16 * frame.scale, 8.0)
    steps = max(int(width_px / 3), 8)
    wave = [(width_px * i / steps, surface + amplitude * math.sin(2 * math.pi * (width_px * i / steps) / wavelength))
            for i in range(steps + 1)]
    crest = "M" + " L".join(f"{_num(x)} {_num(y)}" for x, y in wave)
    body = crest + f" L{_num(width_px)} {_num(floor)} L0 {_num(floor)} Z"
    return [f'<path class="water" d="{body}" fill="{WATER}" fill-opacity="0.22"/>',
            f'<path class="water" d="{crest}" fill="none" stroke="{WAVE}" '
            f'stroke-width="{_num(max(0.012 * frame.scale, 1))}" stroke-opacity="0.8"/>']


def _fit(shapes: list[Shape], width_px: int, height_px: int, extra_top: float | None) -> _Frame:
    x0, y0, x1, y1 = _bounds(shapes)
    y0 = min(y0, -0.01)
    if extra_top is not None:
        y1 = max(y1, extra_top + 0.03)
    margin = max(min(width_px, height_px) * 0.06, 2.0)
    room_w, room_h = width_px - 2 * margin, height_px - 2 * margin
    scale = min(room_w / max(x1 - x0, 1e-6), room_h / max(y1 - y0, 1e-6))
    x_offset = margin + (room_w - (x1 - x0) * scale) / 2 - x0 * scale
    y_base = height_px - margin + y0 * scale
    return _Frame(scale, x_offset, y_base)


def _shifted(shapes: list[Shape], dx: float) -> list[Shape]:
    out: list[Shape] = []
    for shape in shapes:
        if isinstance(shape, Dot):
            out.append(replace(shape, centre=(shape.centre[0] + dx, shape.centre[1])))
        else:
            out.append(replace(shape, points=tuple((x + dx, y) for x, y in shape.points)))
    return out


def _layers(scene: Scene, which: Which, layout: Literal["overlay", "side_by_side"]) -> list[tuple[str, list[Shape]]]:
    """Named groups of shapes in drawing order, in one shared model space."""
    if which != "both" or scene.same:
        label = "start" if which == "start" else "end"
        return [("props", scene.fixed), (f"pose {label}", scene.poses[label])]
    if layout == "overlay":
        return [("props", scene.fixed), ("pose start", _ghosted(scene.poses["start"])),
                ("pose end", scene.poses["end"]), ("motion", scene.motion)]
    left = scene.fixed + scene.poses["start"]
    right = scene.fixed + scene.poses["end"]
    gap = 0.42
    dx = _bounds(left)[2] + gap - _bounds(right)[0]
    arrow_y = 0.5 * min(_bounds(left)[3], _bounds(right)[3], 1.0)  # mid-height of the lower figure
    arrow_x0 = _bounds(left)[2] + 0.08
    arrow_x1 = arrow_x0 + gap - 0.16
    arrow = [Line(((arrow_x0, arrow_y), (arrow_x1 - 0.03, arrow_y)), ACCENT, 0.022, "motion")]
    arrow += _arrow_head((arrow_x0, arrow_y), (arrow_x1 - 0.02, arrow_y), 0.06)
    return [("props", scene.fixed), ("pose start", scene.poses["start"]), ("motion", arrow),
            ("props", _shifted(scene.fixed, dx)), ("pose end", _shifted(scene.poses["end"], dx))]


def figure_svg(exercise: Exercise, *, which: Which = "both", width_px: int = 160, height_px: int = 120,
               title: str | None = None, layout: Layout = "auto") -> str:
    """An exercise's start, end or both positions as a self-contained inline <svg> string.

    "both" overlays a pale start pose under the end pose with an arrow along the
    movement; layout="side_by_side" (the default when the box is at least twice as
    wide as tall) puts start and end next to each other with an arrow between.
    """
    if which not in ("start", "end", "both"):
        raise ValueError(f"which must be start, end or both, not {which!r}")
    if width_px < 16 or height_px < 16:
        raise ValueError("a figure needs at least 16 x 16 pixels")
    if layout == "auto":
        layout = "side_by_side" if width_px >= 2 * height_px else "overlay"
    scene = build_scene(exercise)
    layers = _layers(scene, which, layout)
    frame = _fit([s for _, shapes in layers for s in shapes], width_px, height_px, scene.water)
    text = title if title is not None else _default_title(exercise, which, scene.same)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="exercise-figure" '
             f'viewBox="0 0 {width_px} {height_px}" width="{width_px}" height="{height_px}" role="img">',
             f"<title>{escape(text, quote=False)}</title>",
             '<g stroke-linecap="round" stroke-linejoin="round">']
    for name, shapes in layers:
        if shapes:
            parts.append(f'<g class="{name}">')
            parts += [_element(s, frame) for s in shapes]
            parts.append("</g>")
    if scene.water is not None:
        parts += _water_elements(scene.water, frame, width_px)
    floor_y = _num(frame.y_base)
    parts.append(f'<path class="floor" d="M0 {floor_y} L{width_px} {floor_y}" fill="none" stroke="{FLOOR}" '
                 f'stroke-width="{_num(max(0.012 * frame.scale, 1))}"/>')
    parts.append("</g></svg>")
    return "".join(parts)


def _default_title(exercise: Exercise, which: Which, same: bool) -> str:
    if same or which == "end":
        return f"{exercise.name}: position" if same else f"{exercise.name}: end position"
    if which == "start":
        return f"{exercise.name}: start position"
    return f"{exercise.name}: start and end positions"
