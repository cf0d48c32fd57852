"""Body weight, height and loads in the units the client counts in.

The plan record keeps kilograms (spec/plan.md); a client weighed in pounds reads
pounds, feet and inches on the patient's pages, and buys weights sold in pounds.
The clinician's page and the functional tests keep the metric figures the cut-offs
are published in (domain.md: grip in kg).
"""

from __future__ import annotations

import re

from planner.profile import Profile
from planner.render import words

LB_PER_KG = 2.20462
CM_PER_INCH = 2.54

# The weights shops sell in pounds, per kind of load. A prescribed kilogram figure
# becomes the nearest of these (the lighter on a tie), so "2-4 kg dumbbells" is
# "4-8 lb dumbbells", not "4.4-8.8 lb": a client cannot buy 4.4 lb.
US_SIZES_LB = {
    "dumbbells": (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30),
    "kettlebell": (5, 10, 15, 20, 25, 30, 35, 40),
    "ankle weight": (1, 2, 3, 4, 5, 6, 7, 8, 10),
}
_KG_LOAD = re.compile(r"^(?P<low>\d+(?:\.\d+)?)(?:-(?P<high>\d+(?:\.\d+)?))? kg (?P<kind>dumbbells|kettlebell|ankle weight)$")


def units(profile: Profile) -> str:
    """'us' or 'metric': the profile's print.units, which reading the profile resolved from
    how the weight was given (Profile._units_as_given)."""
    return "us" if profile.print.units == "us" else "metric"


def _nearest(kg: float, sizes: tuple[int, ...]) -> int:
    pounds = kg * LB_PER_KG
    return min(sizes, key=lambda size: (abs(size - pounds), size))


def load_text(load: str, unit_system: str) -> str:
    """A load in words in the client's units: '2-4 kg dumbbells' -> '4-8 lb dumbbells' in US units.

    Words without kilograms (bands, water, a machine setting) read the same in both.
    """
    match = _KG_LOAD.match(load)
    if unit_system != "us" or not match:
        return load
    sizes = US_SIZES_LB[match["kind"]]
    low = _nearest(float(match["low"]), sizes)
    if match["high"] is None:
        return f"{low} lb {match['kind']}"
    return f"{low}-{_nearest(float(match['high']), sizes)} lb {match['kind']}"


def weight_text(weight_kg: float, unit_system: str) -> str:
    """Body weight: '84.8 kg', or '187 lb' in US units."""
    if unit_system == "us":
        return f"{round(weight_kg * LB_PER_KG)} lb"
    return f"{words.number(weight_kg)} kg"


def height_text(height_cm: float, unit_system: str) -> str:
    """Height: '177.8 cm', or '5 ft 10 in' in US units."""
    if unit_system != "us":
        return f"{words.number(height_cm)} cm"
    feet, inches = divmod(round(height_cm / CM_PER_INCH), 12)
    return f"{feet} ft {inches} in"


# Food amounts: ounces and pounds by weight, cups and quarts by volume, as US recipes and
# food labels give them (FDA 21 CFR 101.9: 1 cup = 240 ml, 1 oz = 28 g; we use the exact
# figures below), to the nearest quarter or half a shopper can measure.
G_PER_OZ = 28.3495
ML_PER_CUP = 236.588
ML_PER_TBSP = 14.787
_FRACTIONS = {0: "", 1: "¼", 2: "½", 3: "¾"}
_FOOD_AMOUNT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(kg|g|ml|l)(?!\w)")


def _quarters(value: float, step: int = 4) -> str:
    """'1¼', '½', '3': value to the nearest 1/step (4: quarters, 2: halves)."""
    parts = round(value * step) * (4 // step)
    whole, quarter = divmod(parts, 4)
    return f"{whole or ''}{_FRACTIONS[quarter]}" if whole or quarter else "0"


def _us_amount(figure: float, unit: str) -> str:
    grams_or_ml = figure * (1000 if unit in ("kg", "l") else 1)
    if unit in ("g", "kg"):
        ounces = grams_or_ml / G_PER_OZ
        if ounces >= 16:
            return f"{_quarters(ounces / 16)} lb"
        return f"{_quarters(max(ounces, 0.5), 2)} oz"
    cups = grams_or_ml / ML_PER_CUP
    if cups >= 4:
        quarts = _quarters(cups / 4)
        return f"{quarts} quart" if quarts == "1" else f"{quarts} quarts"
    if cups < 0.25:
        return f"{max(1, round(grams_or_ml / ML_PER_TBSP))} tbsp"
    text = _quarters(cups)
    return f"{text} cup" if cups <= 1.125 else f"{text} cups"


def amount_text(amount: str, unit_system: str) -> str:
    """A food amount in the client's units: '150 g' -> '5½ oz', '250 ml' -> '1 cup',
    '2 slices (56 g)' -> '2 slices (2 oz)', '1.5 kg' -> '3¼ lb'. Grams of protein are not amounts."""
    if unit_system != "us":
        return amount
    return _FOOD_AMOUNT.sub(lambda m: _us_amount(float(m[1]), m[2]), amount)
