"""The daily protein target in g per kg body weight, and why (domain.md, Protein)."""

from __future__ import annotations

from planner.errors import InputError
from planner.profile import Profile

OVERRIDE_KEY = "nutrition.protein_g_per_kg"

SEDENTARY_G_PER_KG = 1.2          # seed: sedentary adults recovering muscle
ACTIVE_G_PER_KG = 1.5             # middle of the 1.4-1.6 band for active adults
OLDER_G_PER_KG = 1.3              # inside PROT-AGE / ESPEN 1.2-1.5 for older adults and sarcopenia
OLDER_ACTIVE_G_PER_KG = 1.5       # top of that band for older adults who already train
OLDER_TOP_G_PER_KG = 1.5          # above this, older adults only under professional guidance
OLDER_CEILING_G_PER_KG = 1.8      # PROT-AGE: highest figure even under guidance
ACTIVE_TOP_G_PER_KG = 2.0         # ISSN 2017 upper figure for active adults
KDOQI_G_PER_KG = (0.55, 0.8)      # KDOQI 2020, kidney disease not on dialysis


def has_kidney_disease(profile: Profile) -> bool:
    """Kidney disease that limits protein: ckd and not (yet) on dialysis."""
    return "ckd" in profile.screening.conditions and not profile.screening.on_dialysis


def needs_older_adult_care(profile: Profile) -> bool:
    """Older adults (65+) and anyone with sarcopenia take the PROT-AGE band."""
    return profile.older_adult or profile.condition == "sarcopenia"


def daily_target(profile: Profile) -> tuple[float, str, bool]:
    """(g protein per kg per day, the reason in words, whether it is under professional guidance)."""
    override = profile.nutrition.protein_g_per_kg
    if has_kidney_disease(profile):
        return _kidney_target(override)
    g_per_kg, reason = _band(profile)
    guidance = False
    if override is not None:
        g_per_kg, reason, guidance = _clinician_target(profile, override, g_per_kg)
    if profile.screening.on_dialysis and "ckd" in profile.screening.conditions:
        reason += (" On dialysis protein needs are higher than before dialysis, so the usual band "
                   "applies; the renal dietitian's figure takes precedence over this one.")
    return g_per_kg, reason, guidance


def daily_protein_g(g_per_kg: float, weight_kg: float) -> float:
    """Grams a day, to the nearest half gram."""
    return round_half(g_per_kg * weight_kg)


def round_half(grams: float) -> float:
    """Nearest 0.5 g, halves rounded up (Python's round() would round halves to even)."""
    return int(grams * 2 + 0.5 + 1e-9) / 2


def _band(profile: Profile) -> tuple[float, str]:
    if needs_older_adult_care(profile):
        who = "sarcopenia" if profile.condition == "sarcopenia" else "aged 65 or over"
        if profile.active:
            return OLDER_ACTIVE_G_PER_KG, (
                f"{OLDER_ACTIVE_G_PER_KG:g} g/kg a day: {who} and already training at least 3 times a "
                f"week, so the top of the 1.2-1.5 g/kg band PROT-AGE (2013) and ESPEN (2014) give for "
                f"older adults losing muscle.")
        return OLDER_G_PER_KG, (
            f"{OLDER_G_PER_KG:g} g/kg a day: {who}; PROT-AGE (2013) and ESPEN (2014) advise "
            f"1.2-1.5 g/kg for older adults losing muscle. {OLDER_G_PER_KG:g} sits inside that band "
            f"and leaves room to rise after a reassessment; a clinician can set another value.")
    if profile.active:
        return ACTIVE_G_PER_KG, (
            f"{ACTIVE_G_PER_KG:g} g/kg a day: already training at least 3 times a week, the middle "
            f"of the 1.4-1.6 g/kg band for active adults (ISSN 2017 allows up to 2.0).")
    return SEDENTARY_G_PER_KG, (
        f"{SEDENTARY_G_PER_KG:g} g/kg a day: recovering muscle while not yet training regularly, "
        f"the figure for sedentary adults in recovery; a clinician can set another value.")


def _clinician_target(profile: Profile, override: float, band: float) -> tuple[float, str, bool]:
    reason = f"{override:g} g/kg a day, set by the clinician (usual figure for this client: {band:g} g/kg)."
    guidance = False
    if needs_older_adult_care(profile) and override > OLDER_TOP_G_PER_KG:
        guidance = True
        reason += (f" Above {OLDER_TOP_G_PER_KG:g} g/kg for an older adult: under professional "
                   f"guidance only.")
        if override > OLDER_CEILING_G_PER_KG:
            reason += f" This is also above the {OLDER_CEILING_G_PER_KG:g} g/kg PROT-AGE ceiling."
    elif override > ACTIVE_TOP_G_PER_KG:
        guidance = True
        reason += (f" Above {ACTIVE_TOP_G_PER_KG:g} g/kg, the highest figure guidelines give for "
                   f"active adults: under professional guidance only.")
    return override, reason, guidance


def _kidney_target(override: float | None) -> tuple[float, str, bool]:
    low, high = KDOQI_G_PER_KG
    if override is None:
        raise InputError(
            f"kidney disease (ckd) without dialysis: the planner will not set or raise protein; "
            f"give the nephrology-informed value in g/kg (KDOQI 2020: {low:g}-{high:g} g/kg)",
            key=OVERRIDE_KEY)
    reason = (f"{override:g} g/kg a day, set by the clinician for kidney disease (not on dialysis). "
              f"KDOQI 2020 advises {low:g}-{high:g} g/kg under nephrology care; the planner uses the "
              f"clinician's value as given and never raises it.")
    if override > high:
        reason += (f" It is above the KDOQI range of {low:g}-{high:g} g/kg: confirm it with the "
                   f"nephrology team.")
    return override, reason, True
