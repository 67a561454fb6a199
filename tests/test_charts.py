"""Charts: bars take the colour of the label the table shows."""

from __future__ import annotations

import matplotlib
import pandas as pd
from matplotlib.colors import to_rgba

from helpers.reports import charts as charts

matplotlib.use("Agg")


def _bar_colours(fig) -> list[tuple[float, ...]]:
    return [tuple(p.get_facecolor()) for p in fig.axes[0].patches]


def test_bars_follow_the_labels_when_given():
    values = pd.Series([-0.25, -0.25, 0.3], index=["ICC", "Russia", "Ukraine"])
    labels = pd.Series(["neutral", "negative", "positive"], index=values.index)
    fig = charts.label_bars(values, title="t", xlabel="x", labels=labels)
    assert _bar_colours(fig) == [to_rgba(charts.LABEL_COLOURS[lab]) for lab in labels]
    assert fig.axes[0].get_title() == "t" and fig.axes[0].get_xlabel() == "x"


def test_bars_follow_the_sign_without_labels():
    values = pd.Series([-0.25, 0.0, 0.3], index=["a", "b", "c"])
    fig = charts.label_bars(values, title="t", xlabel="x")
    expected = [charts.LABEL_COLOURS[k] for k in ("negative", "neutral", "positive")]
    assert _bar_colours(fig) == [to_rgba(c) for c in expected]
