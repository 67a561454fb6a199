"""The views an analyst reads in the notebooks and the report: tables derived from an :class:`Analysis`.

Each function takes the analysis (or several) and returns a tidy table (or Markdown); none analyses
text. Sections: the article (sections, extreme sentences), the actors (resolution, places, offices,
co-mentions), sentiment (methods side by side, evidence), stance and quotes, and several articles.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from helpers.pipeline import Analysis
from helpers.sentiment.model import occlusion


def section_table(analysis: Analysis) -> pd.DataFrame:
    """One row per section: heading, sentence count, characters, mean polarity and VADER."""
    s = analysis.sentences
    g = s.groupby("section")
    out = pd.DataFrame(
        {
            "heading": [sec.heading or "(lead)" for sec in analysis.article.sections if sec.index in g.groups],
            "sentences": g.size(),
            "characters": g.apply(lambda d: int((d["end"] - d["start"]).sum()), include_groups=False),
            "mean_polarity": g["polarity"].mean().round(3),
            "mean_vader": g["vader"].mean().round(3),
        }
    )
    out.index.name = "section"
    return out.reset_index()


def extreme_sentences(analysis: Analysis, n: int = 3, *, by: str = "polarity") -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences by ``by`` (ties broken by position)."""
    s = analysis.sentences.sort_values([by, "sentence_id"], kind="stable")
    picked = pd.concat([s.head(n).assign(side="most negative"), s.tail(n)[::-1].assign(side="most positive")])
    cols = ["side", "sentence_id", by, "text"]
    return picked[cols].round({by: 3}).reset_index(drop=True)


def scorer_disagreements(analysis: Analysis, n: int = 5, *, threshold: float = 0.3) -> pd.DataFrame:
    """Sentences where TextBlob polarity and VADER compound point different ways, largest gap first.

    A disagreement is a sign difference with at least ``threshold`` between the two scores.
    """
    s = analysis.sentences.assign(gap=(analysis.sentences["polarity"] - analysis.sentences["vader"]).abs())
    opposite = (s["polarity"] * s["vader"] < 0) | ((s["polarity"] == 0) != (s["vader"] == 0))
    d = s[opposite & (s["gap"] >= threshold)].sort_values(["gap", "sentence_id"], ascending=[False, True])
    return d[["sentence_id", "polarity", "vader", "gap", "text"]].head(n).round(3).reset_index(drop=True)


def resolution_table(analysis: Analysis) -> pd.DataFrame:
    """How mentions were resolved: one row per (mention text, actor, rule) with its count."""
    m = analysis.mentions
    if "role" in m.columns:
        m = m[m["role"] == "actor"]
    if m.empty:
        return pd.DataFrame(columns=["text", "actor", "resolved_by", "count"])
    g = m.groupby(["actor", "text", "resolved_by"], sort=True).size().rename("count").reset_index()
    g = g.sort_values(["actor", "count", "text"], ascending=[True, False, True], kind="stable")
    return g.reset_index(drop=True)


def actor_section_matrix(analysis: Analysis, top: int = 12) -> pd.DataFrame:
    """Mentions per actor (rows, most mentioned first) and section (columns, ``§N``)."""
    m = analysis.mentions
    if "role" in m.columns:
        m = m[m["role"] == "actor"]
    m = m.merge(analysis.sentences[["sentence_id", "section"]], on="sentence_id")
    order = analysis.actors["actor"].head(top).tolist()
    table = pd.crosstab(m["actor"], m["section"]).reindex(index=order, fill_value=0)
    sections = [s.index for s in analysis.article.sections]
    table = table.reindex(columns=sections, fill_value=0)
    table.columns = [f"§{c}" for c in table.columns]
    table.index.name = "actor"
    return table


def co_mentions(analysis: Analysis, *, min_sentences: int = 1) -> pd.DataFrame:
    """Pairs of actors named in the same sentence: ``source, target, weight`` (number of sentences)."""
    m = analysis.mentions
    if "role" in m.columns:
        m = m[m["role"] == "actor"]
    pairs: dict[tuple[str, str], int] = {}
    for _, group in m.groupby("sentence_id"):
        for a, b in combinations(sorted(set(group["actor"])), 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    rows = [(a, b, n) for (a, b), n in sorted(pairs.items()) if n >= min_sentences]
    return pd.DataFrame(rows, columns=["source", "target", "weight"])


def acting_mentions(analysis: Analysis) -> pd.DataFrame:
    """The mentions in the actor role (the ones scored, counted and linked), without places and modifiers."""
    m = analysis.mentions
    return m[m["role"] == "actor"] if "role" in m.columns else m


def place_mentions(analysis: Analysis) -> pd.DataFrame:
    """Names that are not acting here: places, modifiers and picture captions, with their sentence, one row each."""
    m = analysis.mentions
    if "role" not in m.columns:
        return pd.DataFrame(columns=["sentence_id", "text", "actor", "role"])
    rest = m[m["role"] != "actor"]
    return rest[["sentence_id", "text", "actor", "role"]].reset_index(drop=True)


def office_mentions(analysis: Analysis) -> pd.DataFrame:
    """Mentions found through an office or title ("the U.S. president"), with what they resolved to."""
    m = analysis.mentions
    keep = m["resolved_by"].isin(["office", "title", "definite"]) | m["actor_id"].str.startswith("office:")
    cols = [c for c in ["sentence_id", "text", "actor_id", "actor", "resolved_by"] if c in m.columns]
    return m.loc[keep, cols].reset_index(drop=True)


def method_comparison(analysis: Analysis) -> pd.DataFrame:
    """Per-actor sentiment under the main and the comparison method, side by side, with agreement."""
    alt = analysis.options.get("compare_method")
    main = analysis.options.get("sentiment_method")
    a = analysis.actors
    cols = ["actor", "mentions", "sentiment", "label"]
    out = a[cols].rename(columns={"sentiment": f"sentiment ({main})", "label": f"label ({main})"})
    if alt and f"sentiment_{alt}" in a.columns:
        out[f"sentiment ({alt})"] = a[f"sentiment_{alt}"]
        out[f"label ({alt})"] = a[f"label_{alt}"]
        out["agree"] = a["label"] == a[f"label_{alt}"]
    return out.round(2)  # (two decimals: a model score's third moves with the CPU's rounding)


def mention_disagreements(analysis: Analysis) -> pd.DataFrame:
    """Mentions whose label differs between the main and the comparison method."""
    alt = analysis.options.get("compare_method")
    m = acting_mentions(analysis)
    if not alt or f"label_{alt}" not in m.columns:
        return pd.DataFrame(columns=["sentence_id", "actor", "text"])
    d = m[m["label"] != m[f"label_{alt}"]]
    s = analysis.sentences.set_index("sentence_id")["text"]
    out = d[["sentence_id", "actor", "text", "label", f"label_{alt}"]].copy()
    out["sentence"] = out["sentence_id"].map(s)
    return out.reset_index(drop=True)


def actor_evidence(analysis: Analysis, top: int = 3) -> pd.DataFrame:
    """For each actor, the mentions with the strongest sentiment and the words that drove them."""
    m = acting_mentions(analysis)
    m = m.assign(strength=m["sentiment"].abs())
    s = analysis.sentences.set_index("sentence_id")["text"]
    m = m[m["strength"] > 0].sort_values(["actor", "strength", "sentence_id"], ascending=[True, False, True])
    m = m.groupby("actor", sort=False).head(top)
    out = m[["actor", "sentence_id", "text", "sentiment", "label", "evidence"]].rename(columns={"text": "mention"})
    out["sentence"] = out["sentence_id"].map(s)
    order = {a: i for i, a in enumerate(analysis.actors["actor"])}
    out = out.assign(_o=out["actor"].map(order)).sort_values(["_o", "sentence_id"], kind="stable")
    return out.drop(columns="_o").round({"sentiment": 3}).reset_index(drop=True)


def model_evidence(analysis: Analysis, actors: int = 3, words: int = 4) -> pd.DataFrame:
    """The words the fine-tuned model leans on, by occlusion, for the strongest mention of the top actors.

    One row per actor (most mentioned first): the mention, its label and the words whose blanking lowers
    the probability of that label most (``word (+drop)``). One forward pass per word of each sentence.
    """
    m = acting_mentions(analysis)
    bounds = dict(zip(analysis.sentences["sentence_id"], analysis.sentences["start"], strict=True))
    text = analysis.article.text
    rows = []
    for actor in analysis.actors["actor"].head(actors):
        mine = m[m["actor"] == actor]
        if mine.empty:
            continue
        best = mine.loc[mine["sentiment"].abs().idxmax()]
        sid = int(best["sentence_id"])
        s0 = int(bounds[sid])
        s1 = int(analysis.sentences.loc[analysis.sentences["sentence_id"] == sid, "end"].iloc[0])
        top = occlusion(text[s0:s1], int(best["start"]) - s0, int(best["end"]) - s0, top=words)
        rows.append({"actor": actor, "mention": best["text"], "label": best["label"],
                     "words the model leans on": ", ".join(f"{e.word} ({e.weight:+.2f})" for e in top)})
    return pd.DataFrame(rows, columns=["actor", "mention", "label", "words the model leans on"])


def highlight(text: str, spans: list[tuple[int, int]], *, marker: str = "**") -> str:
    """``text`` with each ``[start, end)`` span wrapped in ``marker`` (for Markdown display)."""
    out, last = [], 0
    for s, e in sorted(spans):
        if s < last:
            continue
        out += [text[last:s], marker, text[s:e], marker]
        last = e
    out.append(text[last:])
    return "".join(out)


def evidence_markdown(analysis: Analysis, actor: str, top: int = 3) -> str:
    """Markdown: the actor's strongest sentences with the driving words in bold and the mention underlined."""
    m = acting_mentions(analysis)
    m = m[m["actor"] == actor]
    m = m.assign(strength=m["sentiment"].abs()).sort_values(["strength", "sentence_id"], ascending=[False, True])
    text = analysis.article.text
    lines = []
    for row in m.head(top).itertuples():
        sent = analysis.sentences.loc[analysis.sentences.sentence_id == row.sentence_id].iloc[0]
        spans = []
        for pair in str(row.evidence_spans).split():
            a, b = (int(x) for x in pair.split(":"))
            spans.append((a - sent.start, b - sent.start))
        shown = highlight(text[sent.start : sent.end], spans)
        lines.append(f"- s{row.sentence_id} · *{row.text}* → **{row.label}** ({row.sentiment:+.2f}): {shown}")
    return f"**{actor}**\n\n" + ("\n".join(lines) if lines else "- no scored mentions")


def stance_matrix(analysis: Analysis) -> pd.DataFrame:
    """Stance scores (Goldstein scale, −10 hostile … +10 cooperative) as a source × target matrix."""
    st = analysis.stance
    if st.empty:
        return pd.DataFrame()
    m = st.pivot_table(index="source", columns="target", values="score", aggfunc="mean")
    names = sorted(set(m.index) | set(m.columns))
    return m.reindex(index=names, columns=names)


def edge_sentences(analysis: Analysis) -> pd.DataFrame:
    """Each stance event with its sentence: the evidence behind every edge."""
    ev = analysis.events
    if ev.empty:
        cols = ["source", "target", "cue", "label", "weight", "modality", "sentence_id", "sentence"]
        return pd.DataFrame(columns=cols)
    s = analysis.sentences.set_index("sentence_id")["text"]
    out = ev[["source", "target", "cue", "category", "label", "weight", "modality", "sentence_id"]].copy()
    out["sentence"] = out["sentence_id"].map(s)
    return out.sort_values(["source", "target", "sentence_id"], kind="stable").reset_index(drop=True)


def quote_table(analysis: Analysis) -> pd.DataFrame:
    """Who said what, about whom: the quotes with speaker, cue, kind and the actors they are about."""
    q = analysis.quotes
    if q.empty:
        return pd.DataFrame(columns=["sentence_id", "speaker", "cue", "kind", "text", "about"])
    names = dict(zip(analysis.actors["actor_id"], analysis.actors["actor"], strict=True))
    out = q[["sentence_id", "speaker", "cue", "kind", "text"]].copy()
    if "about_ids" in q.columns:
        out["about"] = [", ".join(names.get(i, i) for i in ids) if isinstance(ids, (tuple, list)) else ""
                        for ids in q["about_ids"]]  # fmt: skip
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- several articles


def compare_articles(results: dict[str, Analysis]) -> dict[str, pd.DataFrame]:
    """Tables comparing analyses by article name.

    Returns:
        ``sentiment``: actor × article matrix of per-actor sentiment (NaN where absent);
        ``mentions``: actor × article matrix of mention counts;
        ``unique_actors``: actors found in exactly one article;
        ``edges``: every stance edge with the articles it appears in and ``only_in`` when it is in one.
    """
    actors = pd.concat([r.actors.assign(article=name) for name, r in results.items()], ignore_index=True)
    sentiment = actors.pivot_table(index="actor", columns="article", values="sentiment", aggfunc="mean")
    mentions = actors.pivot_table(index="actor", columns="article", values="mentions", aggfunc="sum").fillna(0)
    order = mentions.sum(axis=1).sort_values(ascending=False, kind="stable").index
    sentiment, mentions = sentiment.reindex(order), mentions.reindex(order).astype(int)
    seen = (mentions > 0).sum(axis=1)
    unique = [(a, mentions.columns[mentions.loc[a] > 0][0], int(mentions.loc[a].max())) for a in seen[seen == 1].index]
    unique_actors = pd.DataFrame(unique, columns=["actor", "article", "mentions"])
    edges = pd.concat(
        [r.stance.assign(article=name) for name, r in results.items() if not r.stance.empty] or [pd.DataFrame()],
        ignore_index=True,
    )
    if not edges.empty:
        g = edges.groupby(["source", "target"], sort=True)
        edges = g.agg(
            label=("label", lambda s: "/".join(sorted(set(s)))),
            articles=("article", lambda s: ", ".join(sorted(set(s)))),
            n_articles=("article", "nunique"),
        ).reset_index()
        edges["only_in"] = edges["articles"].where(edges["n_articles"] == 1, "")
    return {"sentiment": sentiment.round(3), "mentions": mentions, "unique_actors": unique_actors, "edges": edges}


def sentiment_over_time(articles: pd.DataFrame, actors: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """Per-actor sentiment by article date for the ``top`` actors by mentions (corpus tables in, date × actor out)."""
    dated = actors.merge(articles[["article_id", "date"]], on="article_id")
    dated = dated[dated["date"].notna() & (dated["date"] != "")]
    keep = dated.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable").head(top).index
    d = dated[dated["actor"].isin(keep)]
    return d.pivot_table(index="date", columns="actor", values="sentiment", aggfunc="mean").sort_index().round(3)
