"""Nutrition rules (issues 5 and 12): the protein and energy targets, their split over
meals and a 7-day menu of catalog foods that meets them: meal templates, realistic
servings, the energy band, the diet and the foods to avoid, and advice that fits.

Foods are judged by their catalog entry, not only by what the plan copied from
it, so a stale or edited copy cannot hide an allergen.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.verify.facts import PlanFacts
from planner.verify.violation import Finding
from planner.verify.vocabulary import CANNOT_MEET_WARNING, DIET_STRICTNESS

PER_KG_RANGE = (0.5, 2.2)
KIDNEY_CEILING_PER_KG = 0.8  # KDOQI 2020, CKD not on dialysis: 0.55-0.8 g/kg
MEAL_CAP_PER_KG = 0.55  # more in one meal is not used for muscle (domain.md)
MEAL_CAP_ROUNDING_G = 0.5
TARGET_TOLERANCE_G = 1.0
MENU_TOLERANCE = 0.10
ROUNDING_G = 0.05  # figures are printed to 0.1 g
FOOD_PROTEIN_TOLERANCE_G = 0.15
MENU_DAYS = 7
# Issue 12, written afresh here: a meal at or above its target, not far above it.
TOP_SHARE, TOP_LEAST_G = 0.20, 3.0
KIDNEY_TOP_SHARE, KIDNEY_TOP_LEAST_G = 0.10, 2.5
ENERGY_BAND = (0.85, 1.10)
KCAL_TOLERANCE = 0.6
# ESPEN 2019 obesity: adjusted body weight = ideal (BMI 25) + 0.25 x the excess, from BMI 30.
OBESITY_BMI, IDEAL_BMI, ADJUSTED_SHARE = 30.0, 25.0, 0.25
# Group words of the avoid list and the food allergens they stand for (lupin with peanut).
ALLERGEN_GROUPS = {"dairy": ("milk", "lactose"), "milk": ("milk", "lactose"),
                   "shellfish": ("crustaceans", "molluscs"), "nuts": ("tree_nuts", "peanuts", "lupin"),
                   "peanuts": ("peanuts", "lupin")}
# Slots per meal kind: (least, most); and the number of items.
MAIN_SLOTS = {"protein": (1, 1), "staple": (1, 1), "vegetable": (1, 1), "fruit": (0, 1), "drink": (0, 1),
              "extra": (0, 1)}
MEAL_SLOTS = {
    "breakfast": {"protein": (1, 1), "staple": (1, 1), "fruit": (0, 1), "drink": (0, 1), "extra": (0, 1),
                  "vegetable": (0, 1)},
    "lunch": MAIN_SLOTS, "dinner": MAIN_SLOTS,
    "snack": {slot: (0, 1) for slot in ("protein", "staple", "vegetable", "fruit", "drink", "extra")},
}
MEAL_ITEMS = {"breakfast": (2, 5), "lunch": (1, 5), "dinner": (1, 5), "snack": (1, 2)}
# Words advice must not use for a client who avoids the allergen.
ADVICE_WORDS = {"milk": ("milk, yogurt or cheese", "lactose-free milk"), "lactose": ("milk, yogurt or cheese",),
                "fish": ("oily fish", "sardines"), "tree_nuts": ("almonds",), "soy": ("soy drink", "tofu"),
                "egg": ("eggs",), "crustaceans": ("shellfish",), "molluscs": ("shellfish",),
                "gluten": ("oat drink",)}


def _menu_meals(facts: PlanFacts) -> Iterator[tuple[dict, dict]]:
    for menu_day in facts.nutrition["menus"]:
        for meal in menu_day["meals"]:
            yield menu_day, meal


def _foods(facts: PlanFacts) -> Iterator[tuple[dict, dict, dict]]:
    for menu_day, meal in _menu_meals(facts):
        for food in meal["foods"]:
            yield menu_day, meal, food


def _at(menu_day: dict, meal: dict | None = None) -> str:
    return f"menu day {menu_day['day']}" + (f", {meal['name']}" if meal is not None else "")


def _within(actual: float, target: float, shortfall_allowed: bool) -> bool:
    slack = MENU_TOLERANCE * target + ROUNDING_G
    return actual <= target + slack and (shortfall_allowed or actual >= target - slack)


def protein_per_kg_range(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the daily target is 0.5 to 2.2 g per kg, the bounds any clinician override
    is held to."""
    if facts.nutrition is None:
        return
    per_kg = facts.nutrition["protein_g_per_kg"]
    low, high = PER_KG_RANGE
    if not low <= per_kg <= high:
        yield Finding(f"protein_g_per_kg {per_kg:g} is outside {low}..{high}")


def reference_weight(facts: PlanFacts) -> float:
    """Actual weight, or with BMI 30 or more the adjusted body weight (ESPEN 2019)."""
    height = facts.profile["client"].get("height_cm")
    if not height:
        return facts.weight_kg
    metres = height / 100
    if facts.weight_kg / metres ** 2 < OBESITY_BMI:
        return facts.weight_kg
    ideal = IDEAL_BMI * metres ** 2
    return ideal + ADJUSTED_SHARE * (facts.weight_kg - ideal)


def daily_protein_target(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: daily_protein_g is protein_g_per_kg times body weight (within 1 g) - the
    adjusted body weight when BMI is 30 or more - so the printed grams and rate agree."""
    if facts.nutrition is None:
        return
    per_kg, daily = facts.nutrition["protein_g_per_kg"], facts.nutrition["daily_protein_g"]
    weight = reference_weight(facts)
    expected = per_kg * weight
    if abs(daily - expected) > TARGET_TOLERANCE_G:
        yield Finding(f"daily_protein_g {daily:g} but {per_kg:g} g/kg x {weight:.1f} kg "
                      f"is {expected:.1f} g")


def kidney_protein(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: with kidney disease and no dialysis the target is the clinician's value and
    not above 0.8 g/kg unless that value says so: extra protein strains the kidneys."""
    if facts.nutrition is None or "ckd" not in facts.health_conditions or facts.on_dialysis:
        return
    per_kg = facts.nutrition["protein_g_per_kg"]
    clinician = facts.diet_profile.get("protein_g_per_kg")
    if clinician is None:
        yield Finding("kidney disease without dialysis needs a clinician-set protein_g_per_kg, "
                      "and the profile has none")
        if per_kg > KIDNEY_CEILING_PER_KG:
            yield Finding(f"kidney disease: {per_kg:g} g/kg is above {KIDNEY_CEILING_PER_KG}")
        return
    if abs(per_kg - clinician) > 0.005:
        yield Finding(f"kidney disease: the target is {per_kg:g} g/kg but the clinician set {clinician:g}")
    if per_kg > max(KIDNEY_CEILING_PER_KG, clinician):
        yield Finding(f"kidney disease: {per_kg:g} g/kg is above {KIDNEY_CEILING_PER_KG}")


def meals_per_day(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: there is one meal target for each of the client's meals a day."""
    if facts.nutrition is None:
        return
    wanted = facts.diet_profile.get("meals_per_day", 4)
    if len(facts.nutrition["meals"]) != wanted:
        yield Finding(f"{len(facts.nutrition['meals'])} meal targets for {wanted} meals a day")


def meal_targets_sum(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the meal targets add up to daily_protein_g within 1 g, so following the
    meals meets the day."""
    if facts.nutrition is None:
        return
    total = sum(m["protein_g"] for m in facts.nutrition["meals"])
    daily = facts.nutrition["daily_protein_g"]
    if abs(total - daily) > TARGET_TOLERANCE_G:
        yield Finding(f"meal targets add up to {total:.1f} g, not the daily {daily:g} g")


def meal_target_cap(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: no meal target is above 0.55 g per kg (plus 0.5 g rounding): protein is
    spread over the day rather than piled into one meal."""
    if facts.nutrition is None:
        return
    cap = MEAL_CAP_PER_KG * reference_weight(facts) + MEAL_CAP_ROUNDING_G
    for meal in facts.nutrition["meals"]:
        if meal["protein_g"] > cap:
            yield Finding(f"{meal['name']}: target {meal['protein_g']:g} g is above "
                          f"{MEAL_CAP_PER_KG} g/kg ({cap - MEAL_CAP_ROUNDING_G:.1f} g)")


def one_after_session_meal(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: exactly one meal is the protein-rich one within about 2 h after training."""
    if facts.nutrition is None:
        return
    count = sum(1 for m in facts.nutrition["meals"] if m.get("after_session", False))
    if count != 1:
        yield Finding(f"{count} meals marked after_session; exactly one is expected")


def menu_days(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the menu is a rotation of exactly 7 days numbered 1 to 7."""
    if facts.nutrition is None:
        return
    numbers = [d["day"] for d in facts.nutrition["menus"]]
    if numbers != list(range(1, MENU_DAYS + 1)):
        yield Finding(f"menu days are {numbers}; expected 1..{MENU_DAYS}")


def menu_meals_match_targets(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every menu day has the target meals, in the same order and with the same
    protein_g, so each menu meal is measured against its own target."""
    if facts.nutrition is None:
        return
    targets = facts.nutrition["meals"]
    names = [m["name"] for m in targets]
    for menu_day in facts.nutrition["menus"]:
        if [m["name"] for m in menu_day["meals"]] != names:
            yield Finding(f"{_at(menu_day)}: meals are {[m['name'] for m in menu_day['meals']]}, "
                          f"expected {names}")
            continue
        for meal, target in zip(menu_day["meals"], targets):
            if abs(meal["protein_g"] - target["protein_g"]) > ROUNDING_G:
                yield Finding(f"{_at(menu_day, meal)}: protein_g {meal['protein_g']:g} differs from "
                              f"the meal target {target['protein_g']:g}")


def _kidney(facts: PlanFacts) -> bool:
    return "ckd" in facts.health_conditions and not facts.on_dialysis


def protein_top(target: float, kidney: bool) -> float:
    share, least = (KIDNEY_TOP_SHARE, KIDNEY_TOP_LEAST_G) if kidney else (TOP_SHARE, TOP_LEAST_G)
    return target + max(share * target, least)


def meal_protein_sum(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a meal's foods give at least its printed protein_g (less only when a
    "Protein shortfall:" warning tells the client) and not more than 20% or 3 g above it
    (kidney disease: 10% or 2.5 g), so the page's per-meal figure is what the menu serves."""
    if facts.nutrition is None:
        return
    shortfall = facts.protein_shortfall_declared
    kidney = _kidney(facts)
    for menu_day, meal in _menu_meals(facts):
        total = sum(f["protein_g"] for f in meal["foods"])
        if total < meal["protein_g"] - ROUNDING_G and not shortfall:
            yield Finding(f"{_at(menu_day, meal)}: foods give {total:.1f} g, below the printed "
                          f"{meal['protein_g']:g} g")
        top = protein_top(meal["protein_g"], kidney)
        if total > top + ROUNDING_G and not _declared(facts, f"protein cap at {meal['name']}"):
            yield Finding(f"{_at(menu_day, meal)}: foods give {total:.1f} g, above the {top:.1f} g "
                          f"a {meal['protein_g']:g} g meal allows")


def day_protein_sum(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a menu day's foods give at least daily_protein_g (less only when a "Protein
    shortfall:" warning tells the client) and no more than its meals' caps allow."""
    if facts.nutrition is None:
        return
    daily = facts.nutrition["daily_protein_g"]
    shortfall = facts.protein_shortfall_declared
    kidney = _kidney(facts)
    top = sum(protein_top(m["protein_g"], kidney) for m in facts.nutrition["meals"])
    for menu_day in facts.nutrition["menus"]:
        total = sum(f["protein_g"] for meal in menu_day["meals"] for f in meal["foods"])
        capped = not _declared(facts, "protein cap at")
        if (total < daily - ROUNDING_G and not shortfall) or (capped and total > top + ROUNDING_G):
            yield Finding(f"{_at(menu_day)}: foods give {total:.1f} g for a {daily:g} g day "
                          f"(at most {top:.1f} g)")


def _declared(facts: PlanFacts, rule: str) -> bool:
    """A "Menu cannot meet:" warning names this rule."""
    return any(w.startswith(CANNOT_MEET_WARNING) and rule in w for w in facts.plan["warnings"])


def energy_target(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: energy_kcal follows domain.md - older adults 27-30 kcal/kg (ESPEN geriatrics
    2019), others Mifflin-St Jeor x 1.2-1.55 (about 22 kcal/kg resting without a height) -
    on the adjusted body weight with BMI 30 or more; within 20 kcal of rounding."""
    if facts.nutrition is None or facts.nutrition.get("energy_kcal") is None:
        return
    kcal = facts.nutrition["energy_kcal"]
    weight = reference_weight(facts)
    client = facts.profile["client"]
    if client["age"] >= 65:
        low, high = 27 * weight, 30 * weight
    elif client.get("height_cm"):
        sex_term = 5 if client["sex"] == "male" else -161
        resting = 10 * weight + 6.25 * client["height_cm"] - 5 * client["age"] + sex_term
        low, high = 1.2 * resting, 1.55 * resting
    else:
        low, high = 22 * weight * 1.2, 22 * weight * 1.55
    if not low - 20 <= kcal <= high + 20:
        yield Finding(f"energy_kcal {kcal:g} is outside {low:.0f}-{high:.0f} kcal for this client")


def day_energy_band(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: each menu day's foods give 85-110% of energy_kcal (outside it only when a
    "Menu cannot meet: the daily energy band" warning says so), and the day's printed
    energy_kcal is its foods' sum."""
    if facts.nutrition is None or facts.nutrition.get("energy_kcal") is None:
        return
    target = facts.nutrition["energy_kcal"]
    low, high = ENERGY_BAND[0] * target, ENERGY_BAND[1] * target
    declared = _declared(facts, "the daily energy band")
    for menu_day in facts.nutrition["menus"]:
        total = sum(f.get("kcal") or 0 for meal in menu_day["meals"] for f in meal["foods"])
        if abs(total - (menu_day.get("energy_kcal") or 0)) > 0.5:
            yield Finding(f"{_at(menu_day)}: energy_kcal {menu_day.get('energy_kcal')} but its foods "
                          f"give {total:g} kcal")
        if not low - 0.5 <= total <= high + 0.5 and not declared:
            yield Finding(f"{_at(menu_day)}: {total:g} kcal is outside 85-110% of {target:g} kcal")


def portion_bounds(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every serving is within its catalog bounds (whole units for counted foods),
    and its protein and kcal are the catalog's figures scaled to its grams."""
    if facts.nutrition is None:
        return
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        grams = food.get("portion_g")
        if entry is None or entry.min_g is None or grams is None:
            continue
        where = f"{_at(menu_day, meal)}: {food['id']}"
        if not entry.min_g <= grams <= entry.max_g:
            yield Finding(f"{where} {grams:g} g is outside its serving bounds "
                          f"{entry.min_g:g}-{entry.max_g:g} g")
        if entry.unit_g and abs(grams / entry.unit_g - round(grams / entry.unit_g)) > 1e-6:
            yield Finding(f"{where} {grams:g} g is not a whole number of {entry.unit_g:g} g units")
        share = grams / entry.portion_g
        if abs(food["protein_g"] - share * entry.protein_g) > FOOD_PROTEIN_TOLERANCE_G:
            yield Finding(f"{where} gives {food['protein_g']:g} g protein, but {grams:g} g of it "
                          f"give {share * entry.protein_g:.1f} g")
        if abs((food.get("kcal") or 0) - share * entry.kcal) > KCAL_TOLERANCE:
            yield Finding(f"{where} gives {food.get('kcal')} kcal, but {grams:g} g of it give "
                          f"{share * entry.kcal:.0f} kcal")


def meal_template(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: each meal follows its template - breakfast a protein food, a grain or bread and
    fruit or a drink; lunch and dinner a protein food, a staple and a vegetable (a dish may
    fill several); snacks one or two items; each slot at most once; each food once per meal;
    foods only at meals they suit. A broken template is allowed only when a "Menu cannot
    meet: the <meal> template" warning says so."""
    if facts.nutrition is None:
        return
    for menu_day, meal in _menu_meals(facts):
        kind = "snack" if meal["name"].endswith("snack") else meal["name"]
        if kind not in MEAL_SLOTS or _declared(facts, f"the {kind} template"):
            continue
        entries = [facts.ref.foods.get(f["id"]) for f in meal["foods"]]
        if any(e is None or not e.slots for e in entries):
            continue
        ids = [f["id"] for f in meal["foods"]]
        if len(ids) != len(set(ids)):
            yield Finding(f"{_at(menu_day, meal)}: a food is served twice in one meal")
        least, most = MEAL_ITEMS[kind]
        if not least <= len(ids) <= most:
            yield Finding(f"{_at(menu_day, meal)}: {len(ids)} items; a {kind} has {least}-{most}")
        for slot, (low, high) in MEAL_SLOTS[kind].items():
            count = sum(slot in e.slots for e in entries)
            if not low <= count <= high:
                yield Finding(f"{_at(menu_day, meal)}: {count} foods fill '{slot}'; a {kind} needs {low}-{high}")
        if kind == "breakfast" and not any({"fruit", "drink"} & set(e.slots) for e in entries):
            yield Finding(f"{_at(menu_day, meal)}: breakfast has neither fruit nor a drink")
        for e in entries:
            if set(e.slots) - set(MEAL_SLOTS[kind]):
                yield Finding(f"{_at(menu_day, meal)}: {e.id} fills a slot a {kind} does not have")
            if e.meals and kind not in e.meals:
                yield Finding(f"{_at(menu_day, meal)}: {e.id} is not a {kind} food")


def main_protein_once(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the same main protein (by the catalog's kind) is not at both lunch and dinner."""
    if facts.nutrition is None:
        return
    for menu_day in facts.nutrition["menus"]:
        kinds: dict[str, list[str]] = {}
        for meal in menu_day["meals"]:
            if meal["name"] not in ("lunch", "dinner"):
                continue
            for food in meal["foods"]:
                entry = facts.ref.foods.get(food["id"])
                if entry is not None and "protein" in entry.slots:
                    kinds.setdefault(entry.kind, []).append(meal["name"])
        for kind, meals in kinds.items():
            if len(meals) > 1:
                yield Finding(f"{_at(menu_day)}: {kind} is the main protein at both lunch and dinner")


def leucine_printed(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a meal target prints leucine only when every day's menu reaches it."""
    if facts.nutrition is None:
        return
    for position, target in enumerate(facts.nutrition["meals"]):
        if not target.get("leucine_g"):
            continue
        for menu_day in facts.nutrition["menus"]:
            if position >= len(menu_day["meals"]):
                continue
            meal = menu_day["meals"][position]
            leucine = sum(f.get("leucine_g") or 0 for f in meal["foods"])
            if leucine < target["leucine_g"] - 0.005:
                yield Finding(f"{_at(menu_day, meal)}: {leucine:.2f} g leucine, but the page prints "
                              f"{target['leucine_g']:g} g")


def advice_fits(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: advice never names a food the client avoids; vegans hear about B12 and iodine;
    with kidney disease a menu holding a high-potassium or high-phosphate food carries the
    potassium and phosphate note (KDOQI 2020)."""
    if facts.nutrition is None:
        return
    notes = " ".join(facts.nutrition.get("notes", [])).lower()
    for allergen in sorted(_avoided(facts)):
        for words in ADVICE_WORDS.get(allergen, ()):
            if words in notes:
                yield Finding(f"the notes suggest {words!r} to a client who avoids {allergen}")
    if facts.diet_profile.get("diet") == "vegan" and not ("b12" in notes and "iodine" in notes):
        yield Finding("a vegan menu without the vitamin B12 and iodine advice")
    if "ckd" in facts.health_conditions:
        flagged = [f["id"] for _, _, f in _foods(facts)
                   if f["id"] in facts.ref.foods and facts.ref.foods[f["id"]].kidney]
        if flagged and not ("potassium" in notes and "phosphate" in notes):
            yield Finding(f"kidney disease: {flagged[0]} is high in potassium or phosphate and no "
                          "note says so")


def shopping_list_covers_menu(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the shopping list names every food of the menu."""
    if facts.nutrition is None or "shopping_list" not in facts.nutrition:
        return
    listed = {item["name"] for aisle in facts.nutrition["shopping_list"] for item in aisle["items"]}
    for menu_day, meal, food in _foods(facts):
        if food["name"] not in listed:
            yield Finding(f"{_at(menu_day, meal)}: {food['name']} is not on the shopping list")
            return


def food_in_catalog(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every food is a catalog food, whose protein, diet and allergens are known."""
    if facts.nutrition is None:
        return
    for menu_day, meal, food in _foods(facts):
        if food["id"] not in facts.ref.foods:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} is not in the food catalog")


def food_matches_catalog(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a food's printed name, diet and allergens are the catalog's, so the client
    reads true labels."""
    if facts.nutrition is None:
        return
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        if entry is None:
            continue
        if food["name"] != entry.name:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} is printed as {food['name']!r}, "
                          f"catalog says {entry.name!r}")
        if food["diet"] != entry.diet:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} is labelled {food['diet']}, "
                          f"catalog says {entry.diet}")
        if sorted(food["allergens"]) != sorted(entry.allergens):
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} lists allergens {food['allergens']}, "
                          f"catalog says {list(entry.allergens)}")


def food_protein(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a food's protein_g is its portions times the catalog's protein per portion
    (within 0.15 g), so the menu's sums are real."""
    if facts.nutrition is None:
        return
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        if entry is None:
            continue
        if food.get("portion_g") is not None:
            continue  # a serving in grams: portion_bounds scales the catalog's figure
        portions = food.get("portions", 1)
        expected = portions * entry.protein_g
        if portions < 1 or abs(food["protein_g"] - expected) > FOOD_PROTEIN_TOLERANCE_G:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} gives {food['protein_g']:g} g, but "
                          f"{portions} portion(s) of it give {expected:.1f} g")


def food_diet(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every food is admitted by the client's diet (vegan < vegetarian <
    pescatarian < omnivore: a diet admits foods tagged with it or a stricter diet)."""
    if facts.nutrition is None:
        return
    diet = facts.diet_profile.get("diet", "omnivore")
    if diet not in DIET_STRICTNESS:
        yield Finding(f"the profile's diet {diet!r} is not one of {', '.join(DIET_STRICTNESS)}")
        return
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        if entry is None:
            continue
        if entry.diet not in DIET_STRICTNESS:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} has unknown diet {entry.diet!r}")
        elif DIET_STRICTNESS.index(entry.diet) > DIET_STRICTNESS.index(diet):
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} is {entry.diet}, not admitted "
                          f"by a {diet} diet")


def food_allergens(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: no food carries anything on the client's avoid list, by the catalog's
    allergens and by the plan's own labels."""
    if facts.nutrition is None:
        return
    avoid = _avoided(facts)
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        carried = set(food["allergens"]) | (set(entry.allergens) if entry is not None else set())
        clash = sorted(carried & avoid)
        if clash:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} contains {', '.join(clash)}, "
                          "which the client avoids")


def _avoided(facts: PlanFacts) -> set[str]:
    return {a for word in facts.diet_profile.get("avoid", []) for a in ALLERGEN_GROUPS.get(word, (word,))}


RULES = [protein_per_kg_range, daily_protein_target, kidney_protein, meals_per_day, meal_targets_sum,
         meal_target_cap, one_after_session_meal, menu_days, menu_meals_match_targets,
         meal_protein_sum, day_protein_sum, food_in_catalog, food_matches_catalog, food_protein,
         food_diet, food_allergens, energy_target, day_energy_band, portion_bounds, meal_template,
         main_protein_once, leucine_printed, advice_fits, shopping_list_covers_menu]
