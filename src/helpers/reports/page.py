"""The report page an analyst reads: one self-contained HTML file built from the analysis tables.

Order: what the article is; how far to trust each table, in plain words; the actors and how the
article portrays each (with the strength of the evidence); the annotated article; who stands where
(the network and one table of edges with the sentence under each); who said what; the issues; and,
at the end, the technical figures and links to the executed notebooks. Each table appears once,
left-aligned, wrapped, without internal ids or Python values; charts are embedded PNGs.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import pandas as pd

from helpers.reports.annotate import annotated_html
from helpers.reports.evaluate import accuracy_lines, trust_lines

_CSS = """
<style>
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; }
.meta { color: #555; margin-top: 0; }
table.t { border-collapse: collapse; margin: 0.6em 0 1.2em 0; font-size: 0.92em; }
table.t th, table.t td { text-align: left; vertical-align: top; padding: 4px 10px 4px 0; white-space: normal;
                        border-bottom: 1px solid #eee; }
table.t th { border-bottom: 2px solid #ccc; }
table.t td.num { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; height: auto; }
.note { color: #555; font-size: 0.9em; }
</style>
"""
_NEG, _NEU, _POS = "negative", "neutral", "positive"


def _table(df: pd.DataFrame, *, numeric: tuple[str, ...] = ()) -> str:
    """An HTML table: escaped text, left-aligned and wrapped; ``numeric`` columns right-aligned."""
    if df.empty:
        return '<p class="note">Nothing found.</p>'
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = []
    for rec in df.itertuples(index=False):
        cells = []
        for col, value in zip(df.columns, rec, strict=True):
            cls = ' class="num"' if col in numeric else ""
            cells.append(f"<td{cls}>{html.escape(_plain(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="t"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _plain(value: object) -> str:
    """A cell in plain words: no ``None``/``nan``, lists and tuples as comma-separated items, floats rounded."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, float):
        return f"{value:+.2f}" if -1.0 <= value <= 1.0 else f"{value:.1f}"
    return str(value)


def _image(path: Path, alt: str) -> str:
    if not path.exists():
        return ""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}">'


def actor_rows(result) -> pd.DataFrame:
    """The actor table as read in the report: name, kind, mentions, portrayal and the evidence behind it."""
    a = result.actors
    if a.empty:
        return pd.DataFrame(columns=["actor", "kind", "mentions", "portrayal", "evidence"])
    zeros = pd.Series(0, index=a.index)
    evidence = [
        f"{int(n)} negative, {int(u)} neutral, {int(p)} positive mentions" + _judged_words(int(j), int(k))
        for n, u, p, j, k in zip(a.get("n_negative", zeros), a.get("n_neutral", zeros), a.get("n_positive", zeros),
                                 a.get("n_judged_against", zeros), a.get("n_judged_praise", zeros), strict=True)
    ]
    return pd.DataFrame({
        "actor": a["actor"], "kind": a["type"], "mentions": a["mentions"], "portrayal": a["label"],
        "score": a["sentiment"], "evidence": evidence,
    })  # fmt: skip


def _judged_words(against: int, praised: int) -> str:
    """"; accused or criticised 2×, praised 1×" for the acts of others that count toward a portrayal."""
    words = [f"accused or criticised {against}×"] if against else []
    words += [f"praised {praised}×"] if praised else []
    return "; " + ", ".join(words) + " by others" if words else ""


def stance_rows(result) -> pd.DataFrame:
    """The stance edges as read in the report: who, toward whom, how, and the sentence behind it."""
    st = result.stance
    if st.empty:
        return pd.DataFrame(columns=["from", "toward", "stance", "cues", "sentence"])
    text = dict(zip(result.sentences["sentence_id"], result.sentences["text"], strict=True))
    sentences = []
    for ids in st["support_ids"] if "support_ids" in st else st["sentence_ids"]:  # the sentences behind the label
        ids = list(ids) if isinstance(ids, (list, tuple)) else [int(x) for x in str(ids).replace(",", " ").split()]
        sentences.append(" … ".join(text.get(int(i), "") for i in ids[:2]))
    return pd.DataFrame({"from": st["source"], "toward": st["target"], "stance": st["label"],
                         "cues": st["evidence"], "sentence": sentences})  # fmt: skip


def quote_rows(result) -> pd.DataFrame:
    """Who said what: speaker (blank when the text names none), kind of quotation, and the words."""
    q = result.quotes
    if q.empty:
        return pd.DataFrame(columns=["speaker", "kind", "said"])
    speakers = [s if isinstance(s, str) else "" for s in q["speaker"]]
    return pd.DataFrame({"speaker": speakers, "kind": q["kind"], "said": q["text"]})


def issue_rows(result) -> pd.DataFrame:
    """Where actors stand on the issues: actor, issue, stance and the evidence words."""
    i = result.issues
    if i.empty:
        return pd.DataFrame(columns=["actor", "issue", "stance", "evidence"])
    return pd.DataFrame({"actor": i["actor"], "issue": i["issue"], "stance": i["label"], "evidence": i["evidence"]})


def report_page(result, charts_dir: Path, notebooks: list[tuple[str, str | None]] | None = None) -> str:
    """The whole report as one HTML page (see the module docstring).

    Args:
        result: the :class:`~helpers.pipeline.Analysis` of the article.
        charts_dir: the folder the key charts were written to (PNG).
        notebooks: ``(file name relative to the report, error or None)`` of the executed notebooks.
    """
    art = result.article
    info = result.article_info()
    date = info["date"] or "unknown (set DATE=YYYY-MM-DD)"
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(art.display_title)}</title>",
             _CSS, "</head><body>", f"<h1>{html.escape(art.display_title)}</h1>"]  # fmt: skip
    source = Path(art.source).name if art.source else "text"
    meta = f"{source} · date: {date} · {info['sentences']} sentences"
    if art.author:
        meta += f" · by {art.author}"
    parts.append(f'<p class="meta">{html.escape(meta)}</p>')
    failed = [(n, e) for n, e in notebooks or [] if e]
    if failed:
        parts.append("<h2>Notebooks that failed</h2><ul>")
        parts += [f"<li>{html.escape(Path(n).name)}: {html.escape(e)}</li>" for n, e in failed]
        parts.append("</ul>")
    parts.append("<h2>How far to trust this report</h2><ul>")
    for line in trust_lines():
        bold, _, rest = line.partition("** ")
        parts.append(f"<li><b>{html.escape(bold.strip('*'))}</b> {html.escape(rest)}</li>")
    parts.append("</ul>")
    parts.append("<h2>The actors, and how the article portrays each</h2>")
    parts.append('<p class="note">Most mentioned first. The portrayal is neutral unless the mentions, and what '
                 "other actors do to it (accuse, criticise, praise), clearly lean one way; the evidence column "
                 "says how many lean each way.</p>")  # fmt: skip
    parts.append(_table(actor_rows(result).head(20), numeric=("mentions", "score")))
    parts.append(_image(charts_dir / "actor_sentiment.png", "How the article portrays each actor"))
    parts.append("<h2>The article, annotated</h2>")
    parts.append('<p class="note">Hover over a highlighted name to see whom it stands for and how the sentence '
                 "speaks of it.</p>")
    parts.append(annotated_html(result))
    parts.append("<h2>Who stands where</h2>")
    parts.append(_image(charts_dir / "stance_network.png", "Who is cooperative or hostile toward whom"))
    parts.append(_table(stance_rows(result)))
    parts.append("<h2>Who said what</h2>")
    parts.append(_table(quote_rows(result)))
    if len(result.issues):
        parts.append("<h2>Where the actors stand on the issues</h2>")
        parts.append(_table(issue_rows(result)))
    parts.append("<h2>More detail</h2><ul>")
    for name, error in notebooks or []:
        status = f" (failed: {html.escape(error)})" if error else ""
        parts.append(f'<li><a href="{html.escape(name, quote=True)}">{html.escape(name)}</a>{status}</li>')
    parts.append('<li>Every table as CSV and JSON: <code>tables/</code>; the charts as PNG: <code>charts/</code></li>')
    parts.append("</ul><h2>Measured accuracy (technical)</h2><ul>")
    for line in accuracy_lines():
        parts.append(f"<li>{html.escape(line)}</li>")
    parts.append("</ul></body></html>")
    return "".join(parts)
