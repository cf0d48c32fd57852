"""Weight change between assessments (GLIM 2019: unintended weight loss is a malnutrition
criterion). A loss of 5% or more within about 3 months calls for a medical or nutrition review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

REFERRAL_LOSS = 0.05        # issue 12 / GLIM 2019: >= 5% ...
REFERRAL_DAYS = 92          # ... within about 3 months


@dataclass(frozen=True)
class WeightChange:
    note: str                  # for the patient's nutrition notes
    referral: str | None       # for the clinician: a review is due


def weight_change(previous_kg: float, previous_date: dt.date, current_kg: float,
                  current_date: dt.date) -> WeightChange | None:
    """The change since the last assessment in words, and a referral when the loss is 5% or
    more within about 3 months; None when the weight has not changed."""
    if abs(current_kg - previous_kg) < 0.05:
        return None
    share = (current_kg - previous_kg) / previous_kg
    days = max((current_date - previous_date).days, 0)
    note = (f"Weight: {current_kg:g} kg on {current_date.isoformat()}, {'up' if share > 0 else 'down'} "
            f"{abs(current_kg - previous_kg):.1f} kg ({abs(share) * 100:.1f}%) since "
            f"{previous_date.isoformat()}; the protein and energy targets follow the new weight.")
    referral = None
    if -share >= REFERRAL_LOSS and days <= REFERRAL_DAYS:
        referral = (f"Weight loss of {-share * 100:.1f}% in {days} days ({previous_kg:g} -> {current_kg:g} kg): "
                    f"5% or more within 3 months is a malnutrition criterion (GLIM 2019); refer for a "
                    f"medical and nutrition review.")
        note += " Your clinician will look at this weight loss with you."
    return WeightChange(note, referral)
