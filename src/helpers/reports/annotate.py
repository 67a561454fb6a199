"""The annotated article: the text with every actor mention and stance cue marked, as self-contained HTML.

Each actor mention is highlighted in the colour of its sentiment label (the charts' colour-blind-safe
Okabe-Ito colours: vermillion negative, grey neutral, blue positive) with the actor's name and the score in its
tooltip; places and modifiers are outlined, not filled; stance cues are underlined with the edge they
support in the tooltip; quotations are set in italics. An analyst checks any number of the tables
against its words at a glance. Offsets are the tables' ``[start, end)`` into ``article.text``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from helpers.reports.charts import LABEL_COLOURS as CHART_COLOURS

#: The charts' colours for the three labels (Okabe & Ito 2008; ``helpers.reports.charts``).
LABEL_COLOURS = {k: CHART_COLOURS[k] for k in ("negative", "neutral", "positive")}
_STYLE = """
<style>
.ann { font-family: Georgia, serif; font-size: 15px; line-height: 1.7; max-width: 46em; text-align: left; }
.ann p { margin: 0 0 0.9em 0; }
.ann .m { border-radius: 3px; padding: 0 2px; }
.ann .m sub { font-family: sans-serif; font-size: 10px; opacity: 0.85; margin-left: 2px; }
.ann .place { border: 1px dashed #999999; border-radius: 3px; padding: 0 1px; }
.ann .cue { border-bottom: 2px solid #0072B2; }
.ann .q { font-style: italic; }
.ann-legend { font-family: sans-serif; font-size: 12px; margin: 0 0 0.8em 0; }
.ann-legend span { padding: 0 4px; margin-right: 8px; border-radius: 3px; }
</style>
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    open: str
    close: str
    rank: int  # outer marks (quotes) open before inner ones (mentions, cues) at the same offset


def _mention_mark(row, short: dict[str, str]) -> _Mark:
    role = getattr(row, "role", "actor")
    actor = str(row.actor) if isinstance(row.actor, str) else ""
    if role != "actor":
        what = "a person the text never names" if role == "unnamed" else f"{actor}: named as a {role}, not acting here"
        title = html.escape(what, quote=True)
        return _Mark(row.start, row.end, f'<span class="place" title="{title}">', "</span>", 2)
    label = row.label if isinstance(getattr(row, "label", None), str) else "neutral"
    colour = LABEL_COLOURS.get(label, LABEL_COLOURS["neutral"])
    score = getattr(row, "sentiment", float("nan"))
    score_text = f" {score:+.2f}" if isinstance(score, float) and score == score else ""
    title = html.escape(f"{actor}: {label}{score_text} ({row.resolved_by})", quote=True)
    tag = html.escape(short.get(row.actor_id, ""))
    return _Mark(row.start, row.end,
                 f'<span class="m" style="background:{colour}33;border-bottom:2px solid {colour}" title="{title}">',
                 f"<sub>{tag}</sub></span>" if tag else "</span>", 2)  # fmt: skip


def _short_names(actors: pd.DataFrame) -> dict[str, str]:
    """A short tag per actor shown after each mention whose text is not the name ("he" → Putin)."""
    out = {}
    for actor_id, name in zip(actors["actor_id"], actors["actor"], strict=True):
        head = str(name).split(" of ")[0]  # "President of the United States" -> "President"
        words = head.split()
        out[actor_id] = words[-1] if words else str(actor_id)
    return out


def annotated_html(analysis, *, legend: bool = True) -> str:
    """The article as HTML with mentions, places, stance cues and quotations marked (see the module docstring)."""
    text = analysis.article.text
    short = _short_names(analysis.actors) if len(analysis.actors) else {}
    marks: list[_Mark] = []
    m = analysis.mentions
    for row in m.itertuples(index=False):
        mark = _mention_mark(row, short)
        if short.get(row.actor_id, "").lower() in row.text.lower() or getattr(row, "role", "actor") != "actor":
            mark = _Mark(mark.start, mark.end, mark.open, "</span>", mark.rank)  # the name is there: no tag
        marks.append(mark)
    ev = analysis.events
    if len(ev) and {"start", "end"} <= set(ev.columns):
        for row in ev.itertuples(index=False):
            if row.label in ("hostile", "cooperative") and 0 <= row.start < row.end <= len(text):
                title = html.escape(f"{row.source} → {row.target}: {row.label} ({row.cue})", quote=True)
                marks.append(_Mark(int(row.start), int(row.end), f'<span class="cue" title="{title}">', "</span>", 3))
    q = analysis.quotes
    if len(q):
        for row in q.itertuples(index=False):
            if 0 <= row.start < row.end <= len(text):
                who = row.speaker if isinstance(row.speaker, str) and row.speaker else "unknown speaker"
                title = html.escape(f"said by {who}", quote=True)
                marks.append(_Mark(int(row.start), int(row.end), f'<span class="q" title="{title}">', "</span>", 1))
    body = _render(text, marks)
    out = [_STYLE]
    if legend:
        out.append('<div class="ann-legend">'
                   + "".join(f'<span style="background:{c}33;border-bottom:2px solid {c}">{lab}</span>'
                             for lab, c in LABEL_COLOURS.items())
                   + '<span class="place">place, not acting</span><span class="cue">stance cue</span>'
                   + '<span class="q">quotation</span></div>')  # fmt: skip
    out.append(f'<div class="ann">{body}</div>')
    return "".join(out)


def _render(text: str, marks: list[_Mark]) -> str:
    """``text`` escaped, with the marks opened and closed as properly nested tags, paragraphs as ``<p>``."""
    opens: dict[int, list[_Mark]] = {}
    closes: dict[int, list[_Mark]] = {}
    for mk in sorted(marks, key=lambda k: (k.start, -k.end, k.rank)):
        opens.setdefault(mk.start, []).append(mk)
        closes.setdefault(mk.end, []).append(mk)
    out: list[str] = ["<p>"]
    stack: list[_Mark] = []
    for i, ch in enumerate(text + "\0"):
        for mk in closes.get(i, ()):
            if mk in stack:  # close it and everything opened inside it, reopening those
                reopen = []
                while stack:
                    top = stack.pop()
                    out.append(top.close)
                    if top is mk:
                        break
                    reopen.append(top)
                for r in reversed(reopen):
                    if r.end > i:
                        out.append(r.open)
                        stack.append(r)
        if ch == "\0":
            break
        for mk in opens.get(i, ()):
            out.append(mk.open)
            stack.append(mk)
        if ch == "\n":
            if text[i - 1 : i] == "\n" or (i + 1 < len(text) and text[i + 1] == "\n"):
                if not out[-1].endswith("<p>"):
                    closing = [s.close for s in reversed(stack)]
                    out.append("".join(closing) + "</p><p>" + "".join(s.open for s in stack))
                continue
            out.append("<br>")
            continue
        out.append(html.escape(ch))
    out.append("</p>")
    return "".join(out)
