"""Clinical prescription rules of round 2 (issue 11), re-derived from the plan, its profile
and the catalog files: targets, seated clients, balance practice, grades, screening acts
and the clinician's exclusions (domain.md, "Prescription, round 2").
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.verify.eligibility import offered
from planner.verify.facts import LOWER_LIMB_AND_TRUNK, SINGLE_LEG_GRADE, PlanFacts, day, where
from planner.verify.violation import Finding

BALANCE_DAYS = 3         # Otago: balance practice 3 times a week


def home_practice(week: dict) -> list[dict]:
    """The week's home practice entries that are well formed (the key is optional, round 2)."""
    entries = week.get("home_practice", [])
    if not isinstance(entries, list):
        return []
    out = []
    for entry in entries:
        if not (isinstance(entry, dict) and isinstance(entry.get("date"), str)
                and isinstance(entry.get("exercises"), list)):
            continue
        try:
            day(entry["date"])
        except ValueError:
            continue
        if all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in entry["exercises"]):
            out.append(entry)
    return out


def _entry_component(facts: PlanFacts, exercise: dict) -> str:
    entry = facts.catalog_entry(exercise["id"])
    return entry.component if entry is not None else exercise.get("component", "strength")


def strength_trains_a_target(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every strength or power exercise (and alternative) has a target muscle among its
    primary muscles; work on muscles the clinician did not ask for costs time and recovery."""
    targets = set(facts.target_muscles)
    for item in offered(facts, facts.judged_weeks):
        if item.entry.component != "balance" and not set(item.entry.primary_muscles) & targets:
            yield item.finding(f"trains none of the target muscles ({', '.join(item.entry.primary_muscles)})")


def seated_client(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a seated client (seated_only or wheelchair_user) works seated, never overhead
    (shoulder preservation, PVA 2005), and works the legs or trunk only where targeted."""
    if not facts.seated:
        return
    targets = set(facts.target_muscles)
    for item in offered(facts, facts.judged_weeks):
        on_pool_bench = item.entry.modality == "aquatic" and "seated_only" not in item.entry.excluded_by
        if item.entry.modality != "seated" and not on_pool_bench:
            yield item.finding(f"{item.entry.modality} exercise, but the client works seated")
        if "overhead" in item.entry.tags:
            yield item.finding("overhead work for a seated client (shoulder preservation)")
        if item.entry.component != "balance":
            for muscle in item.entry.primary_muscles:
                if muscle in LOWER_LIMB_AND_TRUNK and muscle not in targets:
                    yield item.finding("works a leg or trunk muscle that is not a target", muscle)


def shoulder_preservation(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a seated client's week has as many pulling sets as pushing sets, rotator-cuff
    external rotation when the shoulders are trained and shoulder-blade work when the upper
    back is, where the catalog offers one they can do (PVA clinical practice guideline 2005)."""
    if not facts.seated:
        return
    needs = {}
    for role, muscle in (("external_rotation", "shoulders"), ("scapular", "upper_back")):
        if muscle in facts.target_muscles and any(
                e.role == role and facts.possible(e) for e in facts.ref.exercises.values()):
            needs[role] = muscle
    for week in facts.judged_weeks:
        sets = {"push": 0, "pull": 0}
        roles = set()
        for session in week["sessions"]:
            for exercise in session["exercises"]:
                entry = facts.catalog_entry(exercise["id"])
                if entry is None:
                    continue
                if entry.pattern in sets:
                    sets[entry.pattern] += exercise["sets"]
                if entry.role:
                    roles.add(entry.role)
        if sets["pull"] < sets["push"]:
            yield Finding(f"{sets['push']} pushing sets but only {sets['pull']} pulling", **where(week))
        for role, muscle in needs.items():
            if role not in roles:
                yield Finding(f"no {role.replace('_', ' ')} exercise for a seated client", **where(week, muscle=muscle))


def balance_practice(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a client 65+, balance_impaired, with a fall in the last year or a test at a
    falls-risk cut-off (gait <= 0.8 m/s, SPPB <= 9, TUG >= 12 s, chair stand > 15 s) practises
    balance on at least 3 days of every week, sessions and home practice together
    (Sherrington 2019; Otago), where the catalog has balance work they can do."""
    if not facts.balance_reasons:
        return
    if not any(e.component == "balance" and facts.possible(e) for e in facts.ref.exercises.values()):
        return
    for week in facts.judged_weeks:
        dates = set()
        for session in week["sessions"]:
            if any(_entry_component(facts, e) == "balance" for e in session["exercises"]):
                dates.add(session["date"])
        for practice in home_practice(week):
            if any(_entry_component(facts, e) == "balance" for e in practice["exercises"]):
                dates.add(practice["date"])
        if len(dates) < BALANCE_DAYS:
            yield Finding(f"balance practice on {len(dates)} day(s); this client needs {BALANCE_DAYS} "
                          f"({'; '.join(facts.balance_reasons)})", **where(week))


def home_practice_days(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: home practice falls inside its week, on a day without a session, and holds only
    catalog balance exercises the client may do."""
    for week in facts.judged_weeks:
        start = facts.week_start(week["week"])
        session_dates = {s["date"] for s in week["sessions"]}
        for practice in home_practice(week):
            offset = (day(practice["date"]) - start).days
            if not 0 <= offset < 7:
                yield Finding(f"home practice on {practice['date']} is outside the week", **where(week))
            if practice["date"] in session_dates:
                yield Finding(f"home practice on {practice['date']}, a session day", **where(week))
            for exercise in practice["exercises"]:
                entry = facts.catalog_entry(exercise["id"])
                if entry is None or entry.component != "balance" or not facts.possible(entry):
                    yield Finding(f"{exercise['id']}: not balance work this client may do at home",
                                  **where(week))


def sit_to_stand_weekly(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every client 65+ who can stand practises a sit-to-stand rung every week, where
    one is open to them (Otago; the chair stand is the test of leg function)."""
    if facts.age < 65 or facts.seated:
        return
    targets = set(facts.target_muscles)
    if not any(e.role == "sit_to_stand" and facts.possible(e) and set(e.primary_muscles) & targets
               for e in facts.ref.exercises.values()):
        return
    for week in facts.judged_weeks:
        found = any((facts.catalog_entry(e["id"]) or None) and facts.catalog_entry(e["id"]).role == "sit_to_stand"
                    for s in week["sessions"] for e in s["exercises"])
        if not found:
            yield Finding("no sit-to-stand exercise this week (65+, can stand)", **where(week))


def single_leg_grade(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: body weight on one limb (tag single_leg) needs every primary muscle, and the
    standing knee's quadriceps, graded 4 or more (domain.md, Grades: MRC 3 = against gravity only)."""
    for item in offered(facts, facts.judged_weeks):
        if "single_leg" not in item.entry.tags:
            continue
        muscles = list(item.entry.primary_muscles)
        if item.entry.modality == "land" and "quadriceps" not in muscles:
            muscles.append("quadriceps")
        for muscle in muscles:
            if facts.grade(muscle) < SINGLE_LEG_GRADE:
                yield item.finding(f"body weight on one limb with {muscle} graded {facts.grade(muscle)}", muscle)


def screening_exclusions(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: no exercise carries a tag screening rules out (osteoporosis: loaded spinal flexion
    and twisting; anticoagulants: impact and the catalog's high-fall-risk work), nor a tag the
    client's limitations rule out (overhead, floor, ...)."""
    excluded = {t: r.id for r in facts.screening_rules for t in r.excludes_tags}
    treat_as = {t: r.id for r in facts.screening_rules for t in r.treat_as}
    limit_tags = {}
    for tag in sorted(facts.limitations):
        rule = facts.ref.limitations.get(tag)
        for excluded_tag in (rule.excludes_tags if rule else ()):
            limit_tags.setdefault(excluded_tag, tag)
    for item in offered(facts, facts.judged_weeks):
        for tag in item.entry.tags:
            if tag in excluded:
                yield item.finding(f"{tag} work, ruled out by {excluded[tag]}")
            if tag in limit_tags:
                yield item.finding(f"{tag} work, excluded by {limit_tags[tag]}")
        for limitation in sorted(set(item.entry.excluded_by) & set(treat_as)):
            yield item.finding(f"excluded_by {limitation}, which applies with {treat_as[limitation]}")


def screening_caps(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: isometric holds stay within the screening cap (hypertension: 30 s, ACSM) and effort
    within the lowest screening cap (heart disease, MS: 6 of 10)."""
    holds = [r.hold_cap_s for r in facts.screening_rules if r.hold_cap_s is not None]
    efforts = [r.effort_cap_rpe for r in facts.screening_rules if r.effort_cap_rpe is not None]
    hold_cap, effort_cap = (min(holds) if holds else None), (min(efforts) if efforts else None)
    for week, session, exercise in facts.exercises(facts.judged_weeks):
        entry = facts.catalog_entry(exercise["id"])
        if (hold_cap is not None and entry is not None and "isometric" in entry.tags
                and (exercise["hold_s"] or 0) > hold_cap):
            yield Finding(f"{exercise['id']}: {exercise['hold_s']} s isometric hold; at most {hold_cap} s",
                          **where(week, session))
        if effort_cap is not None and exercise["effort_rpe"] > effort_cap:
            yield Finding(f"{exercise['id']}: effort {exercise['effort_rpe']} above the screening cap "
                          f"of {effort_cap}", **where(week, session))


def land_strengthening(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: knee osteoarthritis gets land (or seated) quadriceps strengthening every week, a
    pool or not (OARSI 2019: water exercise beside land strengthening, not instead of it)."""
    muscles = {m for rule in facts.screening_rules for m in rule.land_work_for} & set(facts.target_muscles)
    for muscle in sorted(muscles):
        if not any(muscle in e.primary_muscles and e.modality != "aquatic" and e.component != "balance"
                   and facts.possible(e) for e in facts.ref.exercises.values()):
            continue
        for week in facts.judged_weeks:
            on_land = [e for s in week["sessions"] for e in s["exercises"]
                       if (entry := facts.catalog_entry(e["id"])) is not None and muscle in entry.primary_muscles
                       and entry.modality != "aquatic" and entry.component != "balance"]
            if not on_land:
                yield Finding("no land strengthening; water work goes beside it, not instead",
                              **where(week, muscle=muscle))


def screening_stop_rules(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the printed stop rules include every stop rule of the client's screening conditions
    and medicines (safety: stop rules are always printed)."""
    printed = facts.plan.get("stop_rules", [])
    printed = {line for line in printed if isinstance(line, str)} if isinstance(printed, list) else set()
    for rule in facts.screening_rules:
        for line in rule.stop_rules:
            if line not in printed:
                yield Finding(f"stop rule for {rule.id} missing: {line!r}")


def clinician_exclusions(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: an exercise the clinician excluded (exercises.exclude) is never used, not even as
    an alternative."""
    excluded = facts.excluded_ids
    if not excluded:
        return
    for item in offered(facts, facts.judged_weeks):
        if item.entry.id in excluded:
            yield item.finding("excluded by the clinician")


RULES = [strength_trains_a_target, seated_client, shoulder_preservation, balance_practice, home_practice_days,
         sit_to_stand_weekly, single_leg_grade, screening_exclusions, screening_caps, land_strengthening,
         screening_stop_rules,
         clinician_exclusions]
