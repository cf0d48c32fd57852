"""Warm-up and cool-down: named, about 5 minutes each, suited to the setting."""

import pytest

from planner import warmup
from tests.factories import make_profile


@pytest.mark.parametrize("setting", ["land", "pool"])
@pytest.mark.parametrize("limitations", [[], ["seated_only"]])
def test_five_minutes_each(setting, limitations):
    profile = make_profile(limitations=limitations, equipment=["chair", "pool"])
    for routine in (warmup.warm_up(setting, profile), warmup.cool_down(setting, profile)):
        assert sum(minutes for _, minutes in routine) == 5
        assert all(name.strip() for name, _ in routine)


def test_suited_to_the_setting():
    walker, seated = make_profile(), make_profile(limitations=["seated_only"], equipment=["chair"])
    assert any("pool" in name.lower() or "water" in name.lower() for name, _ in warmup.warm_up("pool", walker))
    assert not any("march" in name.lower() or "heel" in name.lower() for name, _ in warmup.warm_up("land", seated))
    assert not any("overhead" in name.lower() for name, _ in warmup.warm_up("land", seated))
