"""The closed vocabularies of the profile and catalog contracts (spec/profile.md)."""

from typing import Literal, get_args

MuscleGroup = Literal[
    "chest", "upper_back", "lower_back", "shoulders", "biceps", "triceps",
    "forearms", "core", "glutes", "quadriceps", "hamstrings", "calves",
]
MUSCLE_GROUPS: tuple[str, ...] = get_args(MuscleGroup)

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)

Sex = Literal["female", "male"]

Condition = Literal["disuse", "post_immobilisation", "sarcopenia", "neurogenic", "general"]
CONDITIONS: tuple[str, ...] = get_args(Condition)

NeurogenicCause = Literal[
    "als", "guillain_barre", "multiple_sclerosis", "diabetic_neuropathy",
    "spinal_cord_injury", "other",
]

BodyPart = Literal["left_leg", "right_leg", "left_arm", "right_arm", "trunk"]

Equipment = Literal[
    "chair", "wall", "step", "mat", "resistance_band", "dumbbells", "ankle_weights",
    "kettlebell", "grip_trainer", "gym_machines", "pool", "pool_noodle", "water_dumbbells",
]
EQUIPMENT: tuple[str, ...] = get_args(Equipment)
# A wall is assumed everywhere (spec/profile.md); everything else must be listed.
ALWAYS_AVAILABLE: frozenset[str] = frozenset({"wall"})

Limitation = Literal[
    "no_floor", "seated_only", "no_impact", "knee_pain", "no_overhead",
    "no_spinal_flexion", "balance_impaired",
    # Round 2 (spec/profile.md): wheelchair_user implies seated_only; both imply a seat at hand.
    "wheelchair_user", "hip_pain", "shoulder_pain",
]
LIMITATIONS: tuple[str, ...] = get_args(Limitation)

RedFlag = Literal[
    "sudden_one_sided_weakness", "difficulty_swallowing_or_speaking",
    "persistent_muscle_pain", "extreme_fatigue", "loss_of_coordination",
    "chest_pain", "fainting_or_dizziness",
]
RED_FLAGS: tuple[str, ...] = get_args(RedFlag)

# Health conditions from screening. A closed list so a typo ("ckd " or "kidney")
# cannot silently skip the kidney rule; the pool contraindications of domain.md
# are named so aquatic work can be withheld.
HealthCondition = Literal[
    "ckd", "diabetes", "osteoporosis", "heart_disease", "unstable_heart_disease",
    "hypertension", "uncontrolled_hypertension", "epilepsy", "uncontrolled_epilepsy",
    "incontinence", "open_wound", "infection", "fever", "knee_osteoarthritis",
    "hip_osteoarthritis", "copd", "obesity", "cancer", "stroke_history",
    "parkinsons", "rheumatoid_arthritis", "low_back_pain",
    # Round 2 (spec/profile.md): the closed list names these too.
    "peripheral_neuropathy", "low_vision",
]

Diet = Literal["omnivore", "pescatarian", "vegetarian", "vegan"]
# Strictness order: a food tagged with a diet is admitted by that diet and all looser ones.
DIET_STRICTNESS: tuple[str, ...] = ("vegan", "vegetarian", "pescatarian", "omnivore")

# The 14 allergens of Regulation (EU) 1169/2011 Annex II, plus lactose: what a food carries.
FoodAllergen = Literal[
    "gluten", "crustaceans", "molluscs", "egg", "fish", "peanuts", "tree_nuts", "soy", "milk",
    "celery", "mustard", "sesame", "sulphites", "lupin", "lactose",
]
FOOD_ALLERGENS: tuple[str, ...] = get_args(FoodAllergen)
# What a client may avoid: the food words, and the older group words still accepted.
Allergen = Literal[
    "gluten", "crustaceans", "molluscs", "egg", "fish", "peanuts", "tree_nuts", "soy", "milk",
    "celery", "mustard", "sesame", "sulphites", "lupin", "lactose", "dairy", "shellfish", "nuts",
]
ALLERGENS: tuple[str, ...] = get_args(Allergen)
# Group words and the food allergens they stand for. Lupin cross-reacts with peanut
# (domain.md, Nutrition round 2), so avoiding peanuts avoids lupin too.
ALLERGEN_GROUPS: dict[str, tuple[str, ...]] = {
    "dairy": ("milk", "lactose"),
    "milk": ("milk", "lactose"),
    "shellfish": ("crustaceans", "molluscs"),
    "nuts": ("tree_nuts", "peanuts", "lupin"),
    "peanuts": ("peanuts", "lupin"),
}

Cuisine = Literal[
    "general", "brazilian", "mediterranean", "british", "north_american", "latin_american",
    "south_asian", "east_asian",
]
CUISINES: tuple[str, ...] = get_args(Cuisine)
# What a food fills in a meal (spec/plan.md, Additions round 2).
Slot = Literal["protein", "staple", "vegetable", "fruit", "drink", "extra"]
SLOTS: tuple[str, ...] = get_args(Slot)
KidneyFlag = Literal["potassium", "phosphate"]

MealName = Literal["breakfast", "lunch", "dinner", "snack"]

Modality = Literal["land", "seated", "aquatic"]
MODALITIES: tuple[str, ...] = get_args(Modality)

Pattern = Literal[
    "squat", "hinge", "lunge", "push", "pull", "overhead", "raise", "calf", "core",
    "carry_grip", "balance", "gait",
]
PATTERNS: tuple[str, ...] = get_args(Pattern)

# What an exercise asks of the body, beyond its muscles (spec/plan.md, round 2): the
# screening and grade rules read these instead of exercise names.
Tag = Literal["overhead", "spinal_flexion", "spinal_twist", "single_leg", "floor", "impact",
              "isometric", "fast"]
TAGS: tuple[str, ...] = get_args(Tag)
# strength and power load a muscle group (48 h, 2-3 a week); balance practice does not.
Component = Literal["strength", "balance", "power"]
# The clinical job an exercise is picked for by a hard rule (domain.md, Prescription round 2).
Role = Literal["sit_to_stand", "external_rotation", "scapular", "back_extension"]
ROLES: tuple[str, ...] = get_args(Role)
# Muscles a seated client works only when targeted: the legs and the trunk.
LOWER_LIMB_AND_TRUNK: frozenset[str] = frozenset({"quadriceps", "hamstrings", "glutes", "calves",
                                                  "core", "lower_back"})

Phase = Literal["familiarisation", "build", "deload", "intensify", "consolidate"]

Tolerance = Literal["too_easy", "good", "too_hard"]

# Which muscle groups belong to an affected limb (for extra unilateral work).
LIMB_MUSCLES: dict[str, tuple[str, ...]] = {
    "left_leg": ("quadriceps", "hamstrings", "glutes", "calves"),
    "right_leg": ("quadriceps", "hamstrings", "glutes", "calves"),
    "left_arm": ("biceps", "triceps", "forearms", "shoulders"),
    "right_arm": ("biceps", "triceps", "forearms", "shoulders"),
    "trunk": ("core", "lower_back"),
}
LOWER_BODY: frozenset[str] = frozenset({"quadriceps", "hamstrings", "glutes", "calves"})
