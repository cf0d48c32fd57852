"""Eligibility rules (issue 3): only exercises this client can safely do, judged on
the catalog entry of every exercise and of every alternative offered beside it.

An alternative is a swap the client may make on the day, so it must be as safe
as the exercise it replaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from planner.verify.facts import PlanFacts, where
from planner.verify.reference import CatalogExercise
from planner.verify.violation import Finding
from planner.verify.vocabulary import ALWAYS_AT_HAND, POOL_CONTRAINDICATIONS


@dataclass(frozen=True)
class Offered:
    """An exercise or alternative as placed in a session, with its catalog entry."""

    week: dict
    session: dict
    label: str
    entry: CatalogExercise

    def finding(self, message: str, muscle: str | None = None) -> Finding:
        return Finding(f"{self.label}: {message}", **where(self.week, self.session, muscle))


def offered(facts: PlanFacts, weeks: list[dict] | None = None) -> Iterator[Offered]:
    """Every exercise and alternative found in the catalog, in plan order."""
    for week, session, exercise in facts.exercises(weeks):
        entry = facts.catalog_entry(exercise["id"])
        if entry is not None:
            yield Offered(week, session, exercise["id"], entry)
        for alternative in exercise.get("alternatives", []):
            other = facts.catalog_entry(alternative["id"])
            if other is not None:
                yield Offered(week, session, f"{exercise['id']}: alternative {other.id}", other)


def exercise_in_catalog(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every exercise and alternative is a catalog exercise; nothing else has been
    checked for safety or has instructions to print."""
    for week, session, exercise in facts.exercises():
        if facts.catalog_entry(exercise["id"]) is None:
            yield Finding(f"{exercise['id']}: not in the exercise catalog", **where(week, session))
        for alternative in exercise.get("alternatives", []):
            if facts.catalog_entry(alternative["id"]) is None:
                yield Finding(f"{exercise['id']}: alternative {alternative['id']} is not in the "
                              "exercise catalog", **where(week, session))


def equipment_at_hand(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: an exercise needs only the client's equipment plus a wall."""
    at_hand = facts.at_hand | ALWAYS_AT_HAND
    for item in offered(facts, facts.judged_weeks):
        missing = sorted(set(item.entry.equipment) - at_hand)
        if missing:
            yield item.finding(f"needs {', '.join(missing)}, which the client does not have")


def pool_allowed(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: aquatic work only with a pool at hand and none of the pool
    contraindications (open wound, infection, fever, incontinence, uncontrolled
    epilepsy, unstable heart disease, uncontrolled blood pressure)."""
    blocked = sorted(facts.health_conditions & POOL_CONTRAINDICATIONS)
    rule = facts.condition_rule
    for item in offered(facts, facts.judged_weeks):
        if item.entry.modality != "aquatic":
            continue
        if "pool" not in facts.equipment:
            yield item.finding("aquatic, but the client has no pool")
        if blocked:
            yield item.finding(f"aquatic, but pool work is unsafe with {', '.join(blocked)}")
        if rule is not None and not rule.pool_allowed:
            yield item.finding(f"aquatic, but conditions.yaml rules out the pool for {rule.id}")


def seated_only(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a client limited to seated work (seated_only, wheelchair_user) gets seated exercises
    only, or water work done sitting on the pool bench (an aquatic exercise that does not name
    seated_only in its excluded_by)."""
    if not facts.seated:
        return
    for item in offered(facts, facts.judged_weeks):
        on_pool_bench = item.entry.modality == "aquatic" and "seated_only" not in item.entry.excluded_by
        if item.entry.modality != "seated" and not on_pool_bench:
            yield item.finding(f"{item.entry.modality} exercise, but the client can only work seated")


def excluded_by_limitation(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: no exercise whose catalog excluded_by names one of the client's limitations."""
    for item in offered(facts, facts.judged_weeks):
        clash = sorted(set(item.entry.excluded_by) & facts.limitations)
        if clash:
            yield item.finding(f"excluded by the client's limitation {', '.join(clash)}")


def limitation_rules(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the modalities and movement patterns limitations.yaml excludes for each of
    the client's limitations stay out of the plan."""
    rules = []
    for tag in sorted(facts.limitations):
        rule = facts.ref.limitations.get(tag)
        if rule is None:
            yield Finding(f"limitations.yaml has no entry for {tag!r}; its exclusions cannot be judged")
        else:
            rules.append(rule)
    for item in offered(facts, facts.judged_weeks):
        for rule in rules:
            if item.entry.modality in rule.excludes_modalities:
                yield item.finding(f"{item.entry.modality} work is excluded by {rule.id}")
            if item.entry.pattern in rule.excludes_patterns:
                yield item.finding(f"the {item.entry.pattern} pattern is excluded by {rule.id}")


def min_grade(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every primary muscle's strength grade (default 5) is at least the
    exercise's min_grade: a weaker muscle cannot do the movement safely."""
    for item in offered(facts, facts.judged_weeks):
        for muscle in item.entry.primary_muscles:
            if facts.grade(muscle) < item.entry.min_grade:
                yield item.finding(f"needs grade {item.entry.min_grade}, the muscle is graded "
                                   f"{facts.grade(muscle)}", muscle)


def weak_muscle_not_trained(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a muscle graded 0-1 is never strengthened (refer instead), nor, in ALS or any
    condition with a higher threshold in conditions.yaml, a muscle below that grade."""
    threshold = facts.strengthen_from_grade
    for item in offered(facts, facts.judged_weeks):
        for muscle in item.entry.primary_muscles:
            if facts.grade(muscle) < threshold:
                yield item.finding(f"strengthens a muscle graded {facts.grade(muscle)}; this plan "
                                   f"strengthens only muscles graded {threshold} or more", muscle)


def no_eccentric_in_neurogenic(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: no eccentric-emphasis exercise in neurogenic weakness (or wherever
    conditions.yaml disallows it): heavy lowering work damages denervated muscle."""
    rule = facts.condition_rule
    if facts.condition != "neurogenic" and (rule is None or rule.eccentric_emphasis_allowed):
        return
    for item in offered(facts, facts.judged_weeks):
        if item.entry.eccentric_emphasis:
            yield item.finding("eccentric-emphasis exercise in neurogenic weakness")


def alternative_shares_muscle(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: an alternative trains at least one primary muscle of its exercise, so a
    swap keeps the session's purpose."""
    for week, session, exercise in facts.exercises():
        own = set(exercise["primary_muscles"])
        for alternative in exercise.get("alternatives", []):
            other = facts.catalog_entry(alternative["id"])
            if other is not None and not own & set(other.primary_muscles):
                yield Finding(f"{exercise['id']}: alternative {other.id} trains none of its "
                              "primary muscles", **where(week, session))


RULES = [exercise_in_catalog, equipment_at_hand, pool_allowed, seated_only, excluded_by_limitation,
         limitation_rules, min_grade, weak_muscle_not_trained, no_eccentric_in_neurogenic,
         alternative_shares_muscle]
