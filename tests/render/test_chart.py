"""The weekly load chart: bars follow the sets, the line follows the effort."""

import datetime as dt

from planner.render.chart import load_chart, top_effort, weekly_sets


def test_bar_heights_are_proportional_to_weekly_sets(small_plan):
    chart = load_chart(small_plan.weeks, [])
    by_sets = {bar.sets: bar.height for bar in chart.bars if bar.sets}
    small, large = min(by_sets), max(by_sets)
    assert abs(by_sets[large] / by_sets[small] - large / small) < 0.02


def test_every_week_gets_a_bar_and_an_effort_point(small_plan):
    chart = load_chart(small_plan.weeks, [])
    assert [bar.week for bar in chart.bars] == [w.week for w in small_plan.weeks]
    assert [effort for _, _, effort in chart.effort_dots] == [top_effort(w) for w in small_plan.weeks]
    assert [bar.sets for bar in chart.bars] == [weekly_sets(w) for w in small_plan.weeks]


def test_bars_stay_inside_the_plot(small_plan):
    chart = load_chart(small_plan.weeks, [])
    for bar in chart.bars:
        assert chart.plot_top <= bar.y <= chart.plot_bottom
        assert chart.plot_left <= bar.x and bar.x + bar.width <= chart.plot_right
    assert max(int(t.value) for t in chart.sets_ticks) >= max(bar.sets for bar in chart.bars)


def test_lighter_weeks_are_marked(small_plan):
    chart = load_chart(small_plan.weeks, [])
    assert [bar.deload for bar in chart.bars] == [w.deload for w in small_plan.weeks]


def test_a_reassessment_marks_its_week_only(small_plan):
    day = small_plan.weeks[2].start + dt.timedelta(days=3)
    chart = load_chart(small_plan.weeks, [day])
    assert [week for _, week in chart.reassessment_marks] == [small_plan.weeks[2].week]
