"""Plain-text views of the catalog for `planner catalog list|show|validate`."""

from __future__ import annotations

from planner.catalog import COVERAGE_MINIMUM, Catalog, coverage_table, ladder
from planner.errors import InputError
from planner.vocab import ALWAYS_AVAILABLE


def exercise_rows(catalog: Catalog, *, muscle: str | None = None, modality: str | None = None,
                  equipment: str | None = None) -> list[str]:
    """One line per exercise matching the filters: id, modality, muscles, equipment."""
    at_hand = None
    if equipment is not None:
        at_hand = {e.strip() for e in equipment.split(",") if e.strip() and e.strip() != "none"}
        at_hand |= ALWAYS_AVAILABLE
    rows = []
    for item in sorted(catalog.exercises.values(), key=lambda e: (e.modality, e.pattern, e.id)):
        if muscle and muscle not in item.primary_muscles:
            continue
        if modality and item.modality != modality:
            continue
        if at_hand is not None and not set(item.equipment) <= at_hand:
            continue
        kit = ", ".join(item.equipment) or "none"
        rows.append(f"{item.id:<34} {item.modality:<8} {item.pattern:<10} "
                    f"{'+'.join(item.primary_muscles):<36} grade>={item.min_grade}  [{kit}]")
    return rows


def food_rows(catalog: Catalog) -> list[str]:
    """One line per food: id, portion, protein, diet, allergens."""
    return [f"{f.id:<28} {f.portion:<24} {f.protein_g:5.1f} g protein  {f.diet:<11} "
            f"{', '.join(f.allergens) or '-'}"
            for f in sorted(catalog.foods.values(), key=lambda f: f.id)]


def describe(catalog: Catalog, item_id: str) -> str:
    """Everything about one exercise or food, as readable text."""
    if item_id in catalog.exercises:
        e = catalog.exercises[item_id]
        lines = [
            f"{e.name} ({e.id})",
            f"  modality: {e.modality}   pattern: {e.pattern}   dose: {e.dose}",
            f"  primary: {', '.join(e.primary_muscles)}",
            f"  secondary: {', '.join(e.secondary_muscles) or '-'}",
            f"  equipment: {', '.join(e.equipment) or 'none'}",
            f"  lowest strength grade: {e.min_grade}   compound: {'yes' if e.compound else 'no'}"
            f"   one side at a time: {'yes' if e.unilateral else 'no'}",
            f"  not for: {', '.join(e.excluded_by) or '-'}",
            f"  ladder: {' -> '.join(ladder(catalog, e.id))}",
            "  steps:",
            *[f"    {n}. {step}" for n, step in enumerate(e.steps, 1)],
            "  cues:",
            *[f"    - {cue}" for cue in e.cues],
        ]
        return "\n".join(lines)
    if item_id in catalog.foods:
        f = catalog.foods[item_id]
        return "\n".join([
            f"{f.name} ({f.id})",
            f"  portion: {f.portion} ({f.portion_g:g} g)",
            f"  protein: {f.protein_g:g} g   leucine: {f.leucine_g:g} g",
            f"  diet: {f.diet}   allergens: {', '.join(f.allergens) or 'none'}",
            f"  meals: {', '.join(f.meals)}",
            f"  source: {f.source or '-'}",
        ])
    raise InputError(f"no exercise or food with id {item_id!r} (see `planner catalog list`)")


def coverage_report(catalog: Catalog) -> str:
    """The muscle x modality table the catalog must fill, with minimums in the header."""
    table = coverage_table(catalog)
    columns = list(COVERAGE_MINIMUM)
    header = f"{'muscle group':<14}" + "".join(f"{c + ' >=' + str(COVERAGE_MINIMUM[c]):>17}" for c in columns)
    lines = [header, "-" * len(header)]
    for muscle, row in table.items():
        cells = "".join(f"{row[c]:>15}{' !' if row[c] < COVERAGE_MINIMUM[c] else '  '}" for c in columns)
        lines.append(f"{muscle:<14}{cells}")
    return "\n".join(lines)
