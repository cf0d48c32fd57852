"""The closed word lists of the contracts, written out again for the verifier.

Kept apart from planner.vocab on purpose: the verifier shares no code with the
planner, so a wrong word list on one side is caught by the other.
"""

MUSCLE_GROUPS = (
    "chest", "upper_back", "lower_back", "shoulders", "biceps", "triceps",
    "forearms", "core", "glutes", "quadriceps", "hamstrings", "calves",
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
MODALITIES = ("land", "seated", "aquatic")
PHASES = ("familiarisation", "build", "deload", "intensify", "consolidate")
# A diet admits the foods tagged with it and with any stricter diet.
DIET_STRICTNESS = ("vegan", "vegetarian", "pescatarian", "omnivore")
# Pool work is unsafe with these (domain.md, "Aquatic work").
POOL_CONTRAINDICATIONS = frozenset({
    "open_wound", "infection", "fever", "incontinence", "uncontrolled_epilepsy",
    "unstable_heart_disease", "uncontrolled_hypertension",
})
ALWAYS_AT_HAND = frozenset({"wall"})
PLAN_FORMAT = "planner.plan/1"
SHORTFALL_WARNING = "Protein shortfall:"
CANNOT_MEET_WARNING = "Menu cannot meet:"
