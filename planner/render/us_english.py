"""Food and household words as a US client knows them, for a client who counts in US units.

The food catalog names foods in British English ("Wholemeal bread", "Jacket potato",
"Semi-skimmed milk"); a client weighed in pounds (print.units: us) reads them as a
US supermarket labels them. The plan record keeps the catalog's names; only the
printed words change. Phrases are matched whole, longest first, so "Chicken rice
porridge (congee)" stays congee while "Porridge oats" become rolled oats.
"""

from __future__ import annotations

import re

US_PHRASES = (
    ("tins, jars and pulses", "cans, jars and beans"),
    ("courgette (zucchini)", "zucchini"),
    ("aubergine (eggplant)", "eggplant"),
    ("semi-skimmed milk", "2% milk"),
    ("porridge made with", "oatmeal made with"),
    ("white beans (haricot)", "navy beans"),
    ("natural yogurt", "plain yogurt"),
    ("jacket potato, baked", "baked potato"),
    ("jacket potato", "baked potato"),
    ("minced beef", "ground beef"),
    ("skimmed milk", "skim milk"),
    ("porridge oats", "rolled oats"),
    ("semi-skimmed", "2%"),
    ("spring onion", "green onion"),
    ("garden peas", "green peas"),
    ("wholewheat", "whole wheat"),
    ("courgette", "zucchini"),
    ("aubergine", "eggplant"),
    ("wholemeal", "whole wheat"),
    ("sweetcorn", "corn"),
    ("beetroot", "beets"),
    ("pak choi", "bok choy"),
    ("topside", "top round"),
    ("prawns", "shrimp"),
    ("tinned", "canned"),
    ("pitta", "pita"),
    ("pulses", "beans and lentils"),
    ("a tin", "a can"),
)
_PATTERN = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p, _ in
                                            sorted(US_PHRASES, key=lambda pair: -len(pair[0]))) + r")(?!\w)",
                      re.IGNORECASE)
_US = dict(US_PHRASES)


def _replace(match: re.Match) -> str:
    found = match.group(0)
    us = _US[found.lower()]
    return us[:1].upper() + us[1:] if found[:1].isupper() else us


def us_words(text: str, unit_system: str) -> str:
    """'Wholemeal bread' -> 'Whole wheat bread', 'a tin' -> 'a can' for a US client; unchanged otherwise."""
    return _PATTERN.sub(_replace, text) if unit_system == "us" else text
