"""Charts with one look: labelled axes and titles, the Okabe–Ito colour-blind-safe palette.

Every function takes tables (DataFrames) and returns a matplotlib ``Figure``;
none reads files or computes analysis results.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

#: Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
#: Colours for labels: sentiment and stance share the same meaning of colour.
LABEL_COLOURS = {
    "negative": PALETTE["vermillion"],
    "neutral": PALETTE["grey"],
    "positive": PALETTE["blue"],
    "hostile": PALETTE["vermillion"],
    "cooperative": PALETTE["blue"],
}
#: A diverging colour map built from the palette's blue and vermillion (negative = vermillion).
DIVERGING = mpl.colors.LinearSegmentedColormap.from_list(
    "okabe_ito_diverging", [PALETTE["vermillion"], "#f7f7f7", PALETTE["blue"]]
)

_STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "figure.figsize": (9, 4.2),
    "axes.prop_cycle": mpl.cycler(color=[PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple")]),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "font.size": 9,
    "legend.frameon": False,
    "svg.hashsalt": "helpers",
}


@contextmanager
def style() -> Iterator[None]:
    """The project's chart style for the duration of a ``with`` block (only the style's own keys change)."""
    old = {key: mpl.rcParams[key] for key in _STYLE}
    mpl.rcParams.update(_STYLE)
    try:
        yield
    finally:
        mpl.rcParams.update(old)


def _figure(figsize: tuple[float, float]) -> tuple[Figure, plt.Axes]:
    """A figure outside pyplot's global state (nothing to close, nothing shown twice)."""
    fig = Figure(figsize=figsize, layout="constrained")
    return fig, fig.subplots()


def use_style() -> None:
    """Apply the project's chart style globally (for notebooks)."""
    mpl.rcParams.update(_STYLE)


def _shorten(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _wrap(text: str, width: int = 18, lines: int = 3) -> str:
    """A label broken onto up to ``lines`` lines of about ``width`` characters (never cut mid-word)."""
    import textwrap

    parts = textwrap.wrap(text, width) or [text]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], " ".join(parts[lines - 1 :])]
    return "\n".join(parts)


def sentiment_arc(sentences: pd.DataFrame, *, title: str = "Sentiment arc across the article") -> Figure:
    """Polarity (TextBlob) and VADER compound by sentence, section boundaries as vertical lines."""
    with style():
        fig, ax = _figure((10, 4))
        x = sentences["sentence_id"]
        ax.axhline(0, color=PALETTE["black"], lw=0.8)
        ax.plot(x, sentences["polarity"], marker="o", ms=3.5, lw=1.2, label="TextBlob polarity", color=PALETTE["blue"])
        ax.plot(x, sentences["vader"], marker="s", ms=3, lw=1, ls="--", label="VADER compound", color=PALETTE["orange"])
        starts = sentences.groupby("section")["sentence_id"].min()
        for section, sid in starts.items():
            if section == 0:
                continue
            ax.axvline(sid - 0.5, color=PALETTE["grey"], lw=0.8, ls=":")
            head = sentences.loc[sentences.sentence_id == sid, "text"].iloc[0]
            ax.text(sid - 0.3, 0.985, f"§{section} " + _shorten(head, 22), rotation=90, fontsize=7, va="top",
                    ha="left", transform=ax.get_xaxis_transform(), color=PALETTE["grey"])  # fmt: skip
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlabel("sentence number (dotted lines: section headings)")
        ax.set_ylabel("sentence sentiment, −1 to +1")
        ax.set_title(title)
        ax.legend(loc="lower left", ncols=2)
    return fig


def polarity_subjectivity(sentences: pd.DataFrame, *, title: str = "Polarity against subjectivity") -> Figure:
    """Scatter of TextBlob polarity against subjectivity, one dot per sentence, coloured by block kind."""
    with style():
        fig, ax = _figure((6.5, 4.5))
        kinds = ["paragraph", "heading", "list_item", "title"]
        colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"]]
        for kind, colour in zip(kinds, colours, strict=True):
            part = sentences[sentences["block"] == kind]
            if len(part):
                ax.scatter(part["subjectivity"], part["polarity"], s=28, alpha=0.8, color=colour,
                           label=kind.replace("_", " "), edgecolor="white", linewidth=0.5)  # fmt: skip
        ax.axhline(0, color=PALETTE["black"], lw=0.8)
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlabel("subjectivity (0 = factual, 1 = opinion)")
        ax.set_ylabel("polarity (−1 negative, +1 positive)")
        ax.set_title(title)
        ax.legend(loc="lower right")
    return fig


def label_bars(
    values: pd.Series,
    low: pd.Series | None = None,
    high: pd.Series | None = None,
    *,
    title: str,
    xlabel: str,
    labels: pd.Series | None = None,
) -> Figure:
    """Horizontal bars of scores in [-1, 1] (one per row label) with optional intervals.

    Bars take the colour of ``labels`` (``negative``/``neutral``/``positive``, e.g. the actors' label
    column) when given, so chart and table agree; otherwise of the score's sign.
    """
    with style():
        n = len(values)
        fig, ax = _figure((8, max(2.5, 0.38 * n + 1.2)))
        y = np.arange(n)
        if labels is not None:
            colours = [LABEL_COLOURS.get(str(lab), LABEL_COLOURS["neutral"]) for lab in labels]
        else:
            colours = [LABEL_COLOURS["negative"] if v < -0.05 else LABEL_COLOURS["positive"] if v > 0.05
                       else LABEL_COLOURS["neutral"] for v in values]  # fmt: skip
        ax.barh(y, values.to_numpy(), color=colours, height=0.6)
        if low is not None and high is not None:
            err = np.vstack([values.to_numpy() - low.to_numpy(), high.to_numpy() - values.to_numpy()])
            ax.errorbar(values.to_numpy(), y, xerr=np.clip(err, 0, None), fmt="none", ecolor=PALETTE["black"],
                        capsize=3, lw=1)  # fmt: skip
        ax.set_yticks(y, [_shorten(str(i), 32) for i in values.index])
        ax.invert_yaxis()
        ax.axvline(0, color=PALETTE["black"], lw=0.8)
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel(xlabel)
        ax.set_title(title)
    return fig


def heatmap(
    matrix: pd.DataFrame,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    diverging: bool = False,
    vmax: float | None = None,
    fmt: str = "{:.0f}",
) -> Figure:
    """A labelled heatmap of a small matrix, values written in the cells."""
    with style():
        rows, cols = matrix.shape
        fig, ax = _figure((max(5, 0.7 * cols + 3), max(2.5, 0.42 * rows + 1.5)))
        data = matrix.to_numpy(dtype=float)
        finite = np.abs(data[np.isfinite(data)])
        top = vmax if vmax is not None else (float(finite.max()) if finite.size else 1.0) or 1.0
        if diverging:
            im = ax.imshow(data, cmap=DIVERGING, vmin=-top, vmax=top, aspect="auto")
        else:
            im = ax.imshow(data, cmap="Blues", vmin=0, vmax=top, aspect="auto")
        for (i, j), v in np.ndenumerate(data):
            if np.isfinite(v) and v != 0:
                ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=8,
                        color="white" if abs(v) > 0.6 * top else PALETTE["black"])  # fmt: skip
        ax.set_xticks(range(cols), [_shorten(str(c), 22) for c in matrix.columns], rotation=35, ha="right")
        ax.set_yticks(range(rows), [_shorten(str(r), 30) for r in matrix.index])
        ax.grid(False)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        fig.colorbar(im, ax=ax, shrink=0.8)
    return fig


def network(
    edges: pd.DataFrame,
    *,
    source: str = "source",
    target: str = "target",
    weight: str = "weight",
    colour_by: str | None = None,
    directed: bool = True,
    title: str,
) -> Figure:
    """A circular network drawing: nodes are actors, edges coloured by label (or one colour), width by weight."""
    with style():
        fig, ax = _figure((9, 6.5))
        nodes = sorted(set(edges[source]) | set(edges[target]))
        if not nodes:
            ax.text(0.5, 0.5, "no edges found", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            ax.set_title(title)
            return fig
        angle = np.linspace(0, 2 * np.pi, len(nodes), endpoint=False) + np.pi / 2
        pos = {n: (np.cos(a), np.sin(a)) for n, a in zip(nodes, angle, strict=True)}
        wmax = float(edges[weight].abs().max()) or 1.0
        for row in edges.itertuples(index=False):
            r = row._asdict()
            (x0, y0), (x1, y1) = pos[r[source]], pos[r[target]]
            colour = LABEL_COLOURS.get(str(r[colour_by]), PALETTE["grey"]) if colour_by else PALETTE["blue"]
            width = 0.8 + 4 * abs(float(r[weight])) / wmax
            style_ = "-|>" if directed else "-"
            ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                        arrowprops=dict(arrowstyle=style_, color=colour, lw=width, alpha=0.8, shrinkA=14, shrinkB=14,
                                        connectionstyle="arc3,rad=0.12", mutation_scale=14))  # fmt: skip
        for n, (x, y) in pos.items():
            ax.scatter([x], [y], s=260, color="white", edgecolor=PALETTE["black"], zorder=3)
            ha = "left" if x > 0.3 else "right" if x < -0.3 else "center"
            ax.text(x * 1.12, y * 1.12, _wrap(str(n)), ha=ha, va="center", fontsize=8.5)
        ax.set_xlim(-2.0, 2.0)
        ax.set_ylim(-1.35, 1.35)
        ax.set_aspect("equal")
        ax.set_axis_off()
        if colour_by:
            handles = [mpl.lines.Line2D([], [], color=LABEL_COLOURS[k], lw=3, label=k)
                       for k in ("cooperative", "hostile", "neutral") if k in set(edges[colour_by])]  # fmt: skip
            ax.legend(handles=handles, loc="lower center", ncols=3, bbox_to_anchor=(0.5, -0.04))
        ax.set_title(title)
    return fig


def key_charts(analysis) -> dict[str, Figure]:
    """The charts a report saves as PNG, by file name, for an :class:`~helpers.pipeline.Analysis`."""
    figs = {
        "sentiment_arc": sentiment_arc(analysis.sentences),
        "polarity_subjectivity": polarity_subjectivity(analysis.sentences),
    }
    actors = analysis.actors
    if len(actors):
        figs["actor_mentions"] = mention_counts(actors)
        top = actors.head(15).set_index("actor")
        figs["actor_sentiment"] = label_bars(top["sentiment"], top["ci_low"], top["ci_high"], labels=top["label"],
                                             title="Sentiment toward each actor (95% interval)",
                                             xlabel="mean sentiment toward the actor, −1 to +1")  # fmt: skip
    if len(analysis.stance):
        figs["stance_network"] = network(analysis.stance.assign(weight=analysis.stance["score"]), colour_by="label",
                                         title="Who is cooperative or hostile toward whom")  # fmt: skip
    return figs


def mention_counts(actors: pd.DataFrame, top: int = 15, *, title: str = "Who appears, and how often") -> Figure:
    """Horizontal bars of mentions per actor, coloured by actor type."""
    data = actors.head(top).iloc[::-1]
    type_colours = {"person": PALETTE["blue"], "state": PALETTE["orange"], "organisation": PALETTE["green"],
                    "group": PALETTE["purple"], "office": PALETTE["sky"]}  # fmt: skip
    with style():
        fig, ax = _figure((8, max(2.5, 0.35 * len(data) + 1.2)))
        colours = [type_colours.get(t, PALETTE["grey"]) for t in data["type"]]
        ax.barh([_shorten(a, 32) for a in data["actor"]], data["mentions"], color=colours)
        handles = [mpl.patches.Patch(color=c, label=t) for t, c in type_colours.items() if t in set(data["type"])]
        ax.legend(handles=handles, loc="lower right")
        ax.set_xlabel("mentions (names, aliases, titles and pronouns)")
        ax.set_ylabel("actor")
        ax.set_title(title)
    return fig


def label_distribution(actors: pd.DataFrame, top: int = 12, *, title: str = "Mention labels per actor") -> Figure:
    """Stacked horizontal bars: each actor's negative, neutral and positive mention counts."""
    data = actors.head(top).iloc[::-1]
    with style():
        fig, ax = _figure((8, max(2.5, 0.35 * len(data) + 1.2)))
        left = np.zeros(len(data))
        names = [_shorten(a, 32) for a in data["actor"]]
        for lab in ("negative", "neutral", "positive"):
            vals = data[f"n_{lab}"].to_numpy(dtype=float)
            ax.barh(names, vals, left=left, color=LABEL_COLOURS[lab], label=lab)
            left += vals
        ax.set_xlabel("mentions")
        ax.set_ylabel("actor")
        ax.legend(loc="lower right", ncols=3)
        ax.set_title(title)
    return fig


def lines_over_time(table: pd.DataFrame, *, title: str, ylabel: str) -> Figure:
    """One line per column over the (date) index, markers at observations."""
    with style():
        fig, ax = _figure((9, 4.2))
        x = pd.to_datetime(table.index)
        for col in table.columns:
            series = table[col]
            ax.plot(x[series.notna()], series.dropna(), marker="o", ms=4, lw=1.3, label=_shorten(str(col), 28))
        ax.axhline(0, color=PALETTE["black"], lw=0.8)
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlabel("article date")
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.autofmt_xdate()
    return fig
