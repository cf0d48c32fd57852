"""The clinician's page: what the patient's pages never print.

Flags with their sources (EWGSOP2, Enright & Sherrill), the plan's warnings and
"please review" notes, reassessment decisions and referrals, the solver's status,
the protein figure per kg and the cut-off references. The patient's part reads at
about a 6th-8th grade level; this page may use the clinician's words (issue 13).
It prints at the end of the programme, or on its own with `--clinician`.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.catalog import Catalog
from planner.plan import Plan
from planner.render import words
from planner.render.functional_tests import FUNCTIONAL_TESTS, predicted_walk_text

CUTOFF_SOURCES = ("Cut-offs: EWGSOP2 (Cruz-Jentoft et al. 2019) for grip, five chair stands, gait speed, "
                  "SPPB and timed up and go; 400 m for the six-minute walk (reduced capacity); predicted "
                  "six-minute walk: Enright & Sherrill 1998.")

DECISIONS = {"step_up": "stepped up", "repeat": "level repeated", "step_down": "stepped down"}


@dataclass(frozen=True)
class ClinicianPage:
    flags: list[str]
    warnings: list[str]
    notes: list[str]             # the plan's clinician_notes (flags with sources, decisions, referrals)
    history: list[str]
    protein: str | None
    solver: str | None
    predicted_walk: str | None
    sources: str


def _text(item) -> str:
    """A clinician note may be a sentence or a small record ({'text': ...} or {'flag': ..., 'source': ...})."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        main = item.get("text") or item.get("note") or item.get("flag") or item.get("reason") or ""
        source = item.get("source")
        return f"{main} ({source})" if source and main else str(main or item)
    return str(item)


def clinician_page(plan: Plan, catalog: Catalog | None = None) -> ClinicianPage:
    """Everything for the clinician only, in their words."""
    flags = []
    for record in plan.assessments:
        when = words.long_date(record.date) if record.date else "Baseline"
        flags.extend(f"{when}: {flag}" for flag in record.flags)
    history = []
    for entry in plan.history:
        line = f"Version {entry.version}: {entry.action} on {words.long_date(entry.date)}"
        if entry.decision:
            line += f", {DECISIONS.get(entry.decision, entry.decision)}"
        if entry.rebuilt_from_week:
            line += f", weeks {entry.rebuilt_from_week} on rebuilt"
        if entry.training_changes:
            line += f" (changed: {', '.join(entry.training_changes)})"
        referral = getattr(entry, "referral", None)      # added by the reassessment rules (round 2)
        if referral:
            line += f". Referral: {referral}"
        history.append(line + ".")
    raw_notes = getattr(plan, "clinician_notes", None) or []    # plan.md round 2; absent in older plans
    nutrition = plan.nutrition
    protein = None
    if nutrition is not None:
        protein = (f"Protein {words.number(nutrition.protein_g_per_kg, 2)} g/kg/day = "
                   f"{words.number(nutrition.daily_protein_g, 0)} g/day")
        reason = getattr(nutrition, "reason", None)
        if reason:
            protein += f"; {reason.rstrip('.')}"
        method = getattr(nutrition, "energy_method", None)   # round 2: the energy target and how it was set
        if method:
            protein += f". Energy: {method.rstrip('.')}"
        leucine = [f"{m.name} {words.number(m.leucine_g, 1)} g" for m in nutrition.meals
                   if getattr(m, "leucine_g", None)]
        if leucine:
            protein += f". Leucine the menu reaches per main meal: {', '.join(leucine)}"
    solver = None
    if plan.solver:
        status = plan.solver.get("status")
        solver = f"Solver status {status}" if status else None
        paid = plan.solver.get("penalties") or plan.solver.get("soft_penalties")
        if solver and isinstance(paid, dict) and paid:
            solver += "; soft goals not fully met: " + ", ".join(sorted(paid)[:8])
    test_sources = sorted({t.source for t in FUNCTIONAL_TESTS})
    return ClinicianPage(
        flags=flags, warnings=list(plan.warnings), notes=[_text(n) for n in raw_notes],
        history=history, protein=protein, solver=solver, predicted_walk=None if plan.profile.seated else predicted_walk_text(plan),
        sources=CUTOFF_SOURCES if test_sources else "")
