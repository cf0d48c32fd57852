"""A broken rule, located in the plan by week, date and muscle where that helps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    """One rule the plan breaks, said in plain words."""

    rule: str
    message: str
    week: int | None = None
    date: str | None = None
    muscle: str | None = None

    def __str__(self) -> str:
        place = ", ".join(str(part) for part in (
            f"week {self.week}" if self.week is not None else None, self.date, self.muscle,
        ) if part is not None)
        return f"{place}: {self.rule}: {self.message}" if place else f"{self.rule}: {self.message}"


@dataclass(frozen=True)
class Finding:
    """What a rule function reports; the runner stamps it with the rule's id."""

    message: str
    week: int | None = None
    date: str | None = None
    muscle: str | None = None

    def as_violation(self, rule: str) -> Violation:
        return Violation(rule, self.message, self.week, self.date, self.muscle)
