"""planner: progressive exercise and protein plans for recovering lost muscle.

Pipeline: profile YAML -> profile (pydantic) -> eligibility (catalog + limitations)
-> solver (CP-SAT) -> Plan (pydantic, the JSON contract) -> render (HTML/PDF/ICS).
"""

__version__ = "0.1.0"
