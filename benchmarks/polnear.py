"""Who said what: the quotes table (quotation, speaker) against PolNeAR dev attributions.

PolNeAR (Newell, Margolin & Ruths, *An Attribution Relations Corpus for Political News*, LREC 2018)
annotates attribution relations in US news about the 2016 campaign: a **source** (speaker), a **cue** and
a **content** span, in direct, mixed and indirect speech. Only the dev split (84 articles, 2,192
attributions) is available; the test split is held out of ``../shared/polnear`` on purpose, so the
figures are dev figures and every choice was made on dev.

Each article is analysed with the public API (``helpers.load_article(text=..., date=..., format="text")``,
``helpers.analyze``); every row of ``res.quotes`` is a project quote. The measure is the data set's own
(``../shared/polnear/README.md``):

- a project quote **matches** a gold attribution when their content spans overlap by at least half of the
  shorter one (a discontinuous gold content counts by its fragments, so "“A,” said X. “B.”" is matched by
  the project's two quotes "A" and "B" alike);
- its **speaker is right** when the project's speaker span overlaps the gold source span, or the project's
  ``speaker_id`` is the ``actor_id`` of the project mention overlapping the gold source span most (so a
  pronoun source "he" counts through the actor the project resolved it to). For a source with an
  apposition the lookup uses the part before its first comma, the head: "Michael Mulgrew, president of
  the United Federation of Teachers," is Mulgrew, not the union, which is the longer mention. A gold attribution without a
  source (126 of 2,192, 9 of them quoted) can never have its speaker right. Six released attributions
  have source and cue swapped (source "said", cue "Mulgrew"); they are scored as released, and counted
  under ``errors.gold_source_looks_like_cue``.

Reported, over all attributions and over quoted contents only (gold ``content_quoted``; a project quote is
*quoted* when a double quotation mark lies in or right around its span):

- detection precision (project quotes matching some gold attribution) and recall (gold attributions
  matched by some project quote);
- speaker accuracy on matched quotes (a matched project quote whose speaker is right for a gold
  attribution it matches);
- end-to-end precision/recall/F1: a project quote counts when it matches a gold attribution *and* has
  that attribution's speaker right; a gold attribution counts when some project quote does so.

**Headline: end-to-end F1 over quoted contents** (the issue's "quote-and-speaker F1 ≥ 0.80"). The README
singles out recall *on quoted contents*, a quote in the issue's sense is quoted speech, and the regex
baseline it asks for can only see quotation marks, so quoted contents are where the two compare fairly.
Two thirds of PolNeAR's attributions are unquoted reported speech and hedges ("The Post has learned",
"is expected", "sources said") that the project reads only in part; the end-to-end F1 over all
attributions is reported beside the headline so that part is not hidden.

Baseline from the same run: quotation-mark spans (“…” or "…" paired within a paragraph) with the subject
of the nearest "said/says/told" outside quotes in the sentences the quote spans: the capitalised word
sequence or pronoun right before the verb, else (not for "told") right after it. It is scored span-only
(it resolves nothing) and, as a second row, with its speaker span resolved through the project's own
mentions, to separate finding the speaker from resolving it.

Printed after the figures: quotes without a speaker (by where the gold source is), 15 wrong speakers with
their text (spread over coarse patterns: dates, numbers, pronouns, other actors), and the missed gold
attributions by kind (direct: every content fragment inside quotation marks; mixed: quoted in part;
indirect: no quotation mark). ``--items FILE`` writes one JSON line per project quote with its match.
Articles whose ``res.article.text`` differs from the input would be skipped with a warning and counted
(``offsets_disagree``; 0 on dev with ``format="text"``).

    python benchmarks/polnear.py --data ../shared/polnear [--limit N] [--out FILE] [--items FILE]

Results go to ``benchmarks/results/polnear.json`` (4 dp, sorted keys, no timings) unless ``--out`` is
given; a ``--limit`` run writes nothing without ``--out``. Without the data it prints a message and exits
0 ("skipped").
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("HELPERS_SHARED_DIR", ROOT.parent / "shared")) / "polnear"
RESULTS = ROOT / "benchmarks" / "results" / "polnear.json"
CITATION = ("Newell, Margolin, Ruths. An Attribution Relations Corpus for Political News. LREC 2018 "
            "(PolNeAR, github.com/networkdynamics/PolNeAR)")
DOUBLE_QUOTES = "\"“”"
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "his", "its", "their", "who",
            "which", "that"}
_DATEISH = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
                      r"june|july|august|september|october|november|december|today|yesterday|tonight|"
                      r"morning|afternoon|evening|night|week|month|year)\b", re.I)

Span = tuple[int, int]


# --------------------------------------------------------------------------- scoring


def overlap(a: list[Span], b: list[Span]) -> int:
    """Characters shared by two unions of non-overlapping half-open spans."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(spans: list[Span]) -> int:
    return sum(max(0, e - s) for s, e in spans)


def quote_matches(pred: list[Span], gold: list[Span]) -> bool:
    """True when the spans overlap by at least half of the shorter one (and by at least one character)."""
    ov = overlap(pred, gold)
    return ov > 0 and 2 * ov >= min(length(pred), length(gold))


def actor_at(mentions: list[tuple[str, int, int]], span: Span | None) -> str | None:
    """The actor id of the mention ``(actor_id, start, end)`` overlapping ``span`` most (ties: leftmost)."""
    if span is None:
        return None
    best, most = None, 0
    for actor_id, s, e in mentions:
        ov = min(e, span[1]) - max(s, span[0])
        if ov > most and actor_id is not None:
            best, most = actor_id, ov
    return best


def speaker_right(pred: dict, gold: dict, mentions: list[tuple[str, int, int]]) -> str | None:
    """How the project speaker is right for a gold attribution: ``"span"``, ``"actor"`` or None (wrong).

    ``pred`` carries ``speaker_span`` (or None) and ``speaker_id`` (or None); ``gold`` carries ``source``
    (a span or None) and optionally ``source_head``, the span whose mention names the source's actor.
    """
    source = gold.get("source")
    if source is None:
        return None
    sp = pred.get("speaker_span")
    if sp is not None and overlap([sp], [source]) > 0:
        return "span"
    sid = pred.get("speaker_id")
    if sid is not None and sid == actor_at(mentions, gold.get("source_head") or source):
        return "actor"
    return None


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict:
    """Precision, recall and F1 from true positives and totals on each side."""
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "predicted": n_p, "gold": n_r}


def score_article(preds: list[dict], golds: list[dict], mentions: list[tuple[str, int, int]]) -> None:
    """Fill ``matched``/``right`` (gold indexes) on every prediction and ``found``/``found_right`` on every gold."""
    for g in golds:
        g["found"], g["found_right"] = [], []
    for k, p in enumerate(preds):
        p["matched"], p["right"] = [], []
        for j, g in enumerate(golds):
            if quote_matches(p["spans"], g["content"]):
                p["matched"].append(j)
                g["found"].append(k)
                how = speaker_right(p, g, mentions)
                if how:
                    p["right"].append(j)
                    p.setdefault("right_how", how)
                    g["found_right"].append(k)


def aggregate(preds: list[dict], golds: list[dict]) -> dict:
    """Detection, speaker and end-to-end figures over all attributions and over quoted contents."""
    out = {}
    for part in ("all", "quoted"):
        ps = preds if part == "all" else [p for p in preds if p["quoted"]]
        gs = golds if part == "all" else [g for g in golds if g["quoted"]]
        matched = [p for p in ps if p["matched"]]
        det = prf(len(matched), len(ps), sum(bool(g["found"]) for g in gs), len(gs))
        e2e = prf(sum(bool(p["right"]) for p in ps), len(ps), sum(bool(g["found_right"]) for g in gs), len(gs))
        out[part] = {
            "detection": det,
            "speaker_accuracy": sum(bool(p["right"]) for p in matched) / len(matched) if matched else 0.0,
            "matched_quotes": len(matched),
            "end_to_end": e2e,
        }
    return out


# --------------------------------------------------------------------------- gold


def gold_kind(text: str, content: dict) -> str:
    """direct (every fragment inside quotation marks), mixed (quoted in part) or indirect (no quotation mark)."""
    frags = [text[s:e] for s, e in content_spans(content)]
    if not any(q in f for f in frags for q in DOUBLE_QUOTES):
        return "indirect"
    inside = all(f.strip()[:1] in DOUBLE_QUOTES and f.strip().rstrip(".,;:!? ")[-1:] in DOUBLE_QUOTES
                 for f in frags if f.strip())
    return "direct" if inside else "mixed"


def content_spans(span: dict) -> list[Span]:
    if span.get("fragments"):
        return [(int(s), int(e)) for s, e in span["fragments"]]
    return [(int(span["start"]), int(span["end"]))]


def source_head(text: str, source: Span | None) -> Span | None:
    """The part of a source span before its first comma: the appositive's head.

    "Michael Mulgrew, president of the United Federation of Teachers," names Mulgrew, not the union, so
    the source's actor is looked up in "Michael Mulgrew". None when there is no such comma.
    """
    if source is None:
        return None
    comma = text.find(",", source[0], source[1])
    if comma <= source[0] or not text[source[0] : comma].strip():
        return None
    return (source[0], comma)


def gold_attributions(row: dict) -> list[dict]:
    out = []
    for a in row.get("attributions") or []:
        if not a.get("content"):
            continue
        src = a.get("source")
        src_spans = content_spans(src) if src else None
        source = (min(s for s, _ in src_spans), max(e for _, e in src_spans)) if src_spans else None
        out.append({
            "id": a.get("id"),
            "content": content_spans(a["content"]),
            "text": a["content"].get("text", ""),
            "source": source,
            "source_head": source_head(row["text"], source),
            "source_text": src.get("text") if src else None,
            "quoted": bool(a.get("content_quoted")),
            "kind": gold_kind(row["text"], a["content"]),
        })
    return out


# --------------------------------------------------------------------------- regex baseline

_CUE = re.compile(r"\b(said|says|told)\b")
_CAP_SEQ = r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*"
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)"
_BEFORE = re.compile(rf"({_CAP_SEQ}|{_PRON})\s*,?\s*$")
_AFTER = re.compile(rf"\s*({_CAP_SEQ}|{_PRON})\b")
_SENT_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“A-Z])")


def quote_spans(text: str) -> list[Span]:
    """Spans inside paired double quotation marks, within a paragraph; an unclosed quote runs to its end."""
    spans = []
    pos = 0
    for para in text.split("\n"):
        i, n = 0, len(para)
        while i < n:
            ch = para[i]
            if ch in "“\"":
                close = "”\"" if ch == "“" else "\"”"
                j = next((k for k in range(i + 1, n) if para[k] in close), n)
                if j > i + 1 and para[i + 1 : j].strip():
                    spans.append((pos + i + 1, pos + j))
                i = j + 1
            else:
                i += 1
        pos += n + 1
    return spans


def sentence_bounds(text: str) -> list[int]:
    """Sentence start offsets: after . ! ? (and closing marks) before a capital or an opening quote, and lines."""
    starts = {0}
    for m in _SENT_END.finditer(text):
        starts.add(m.end())
    for m in re.finditer(r"\n+", text):
        starts.add(m.end())
    return sorted(starts)


def regex_baseline(text: str) -> list[dict]:
    """Quotation-mark quotes with the subject of the nearest said/says/told in their sentences."""
    quotes = quote_spans(text)
    starts = sentence_bounds(text)
    cues = [m for m in _CUE.finditer(text) if not any(s <= m.start() < e for s, e in quotes)]
    cue_starts = [m.start() for m in cues]
    out = []
    for s, e in quotes:
        lo = starts[max(0, bisect.bisect_right(starts, s) - 1)]
        k = bisect.bisect_right(starts, max(s, e - 1))
        hi = starts[k] if k < len(starts) else len(text)
        best, dist = None, None
        for m in cues[bisect.bisect_left(cue_starts, lo) : bisect.bisect_left(cue_starts, hi)]:
            d = s - m.end() if m.end() <= s else m.start() - e
            if d >= 0 and (dist is None or d < dist):
                best, dist = m, d
        speaker = None
        if best is not None:
            before = _BEFORE.search(text, max(lo, best.start() - 80), best.start())
            if before and before.end(1) > lo and not any(a < before.end(1) <= b for a, b in quotes):
                speaker = (before.start(1), before.end(1))
            elif best.group(1) != "told":
                after = _AFTER.match(text, best.end(), hi)
                if after:
                    speaker = (after.start(1), after.end(1))
        out.append({"spans": [(s, e)], "speaker_span": speaker, "speaker_id": None, "quoted": True,
                    "speaker_text": text[speaker[0]:speaker[1]] if speaker else None})
    return out


# --------------------------------------------------------------------------- project


def require(df, table: str, cols: tuple[str, ...]) -> None:
    missing = [c for c in cols if c not in getattr(df, "columns", [])]
    if missing and len(df):
        raise SystemExit(f"helpers.analyze(...).{table} has no column(s) {', '.join(missing)}: "
                         "the public API changed; update benchmarks/polnear.py")


def _int(v) -> int | None:
    try:
        return None if v is None or v != v else int(v)
    except (TypeError, ValueError):
        return None


def is_quoted(text: str, start: int, end: int) -> bool:
    """True when a double quotation mark lies in ``text[start-1:end+1]``."""
    return any(q in text[max(0, start - 1) : end + 1] for q in DOUBLE_QUOTES)


def project_quotes(res) -> tuple[list[dict], list[tuple[str, int, int]], dict[str, str]]:
    """Project quotes, mentions ``(actor_id, start, end)`` and actor types, read defensively."""
    text = res.article.text
    require(res.quotes, "quotes", ("start", "end"))
    require(res.mentions, "mentions", ("actor_id", "start", "end"))
    mentions = [(m["actor_id"], int(m["start"]), int(m["end"])) for m in res.mentions.to_dict("records")
                if m.get("actor_id") is not None]
    types = {}
    if "actor_id" in res.actors.columns and "type" in res.actors.columns:
        types = dict(zip(res.actors["actor_id"], res.actors["type"], strict=True))
    preds = []
    for q in res.quotes.to_dict("records"):
        s, e = int(q["start"]), int(q["end"])
        ss, se = _int(q.get("speaker_start")), _int(q.get("speaker_end"))
        sid = q.get("speaker_id")
        sid = None if sid is None or sid != sid else sid
        preds.append({
            "spans": [(s, e)], "quoted": is_quoted(text, s, e), "kind": q.get("kind"),
            "speaker_span": (ss, se) if ss is not None and se is not None and se > ss else None,
            "speaker_id": sid, "speaker": q.get("speaker"), "speaker_text": q.get("speaker_text"),
            "speaker_type": types.get(sid), "cue": q.get("cue"),
        })
    return preds, mentions, types


def with_actor_ids(preds: list[dict], mentions: list[tuple[str, int, int]]) -> list[dict]:
    """Copies of baseline quotes whose speaker span resolves to the project mention overlapping it most."""
    return [{**p, "speaker_id": actor_at(mentions, p["speaker_span"])} for p in preds]


# --------------------------------------------------------------------------- run


def read_rows(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def wrong_pattern(p: dict, g: dict) -> str:
    """A coarse name for why a matched quote's speaker is wrong."""
    if g["source"] is None:
        return "gold has no source"
    st = (p.get("speaker_text") or p.get("speaker") or "").strip()
    if p["speaker_span"] is None and p["speaker_id"] is None:
        return "no speaker"
    if _DATEISH.search(st):
        return "date or time"
    if re.search(r"\d", st):
        return "number"
    if st.lower() in PRONOUNS:
        return "pronoun resolved elsewhere"
    if p.get("speaker_type") and p["speaker_type"] not in ("person", "organisation", "group", "unknown"):
        return f"actor of type {p['speaker_type']}"
    if (g.get("source_text") or "").lower() in PRONOUNS:
        return "gold source a pronoun, other actor"
    return "other actor or phrase"


def no_speaker_pattern(p: dict, g: dict, text: str) -> str:
    """Where the gold source of a matched quote without a project speaker is: a coarse name."""
    if g["source"] is None:
        return "gold has no source"
    s, e = p["spans"][0]
    para_start = text.rfind("\n", 0, s) + 1
    para_end = text.find("\n", e)
    para_end = len(text) if para_end < 0 else para_end
    where = ("in an earlier paragraph" if g["source"][1] <= para_start else
             "in a later paragraph" if g["source"][0] >= para_end else "in the same paragraph")
    return f"{p.get('kind') or 'quote'}, source {where}"


def looks_like_cue(source_text: str | None) -> bool:
    """Gold sources that are speech verbs: source and cue swapped in the released annotation."""
    return (source_text or "").strip().lower() in {"said", "says", "say", "told", "added", "according to"}


def run(rows: list[dict]) -> dict:
    import helpers

    names = ("project", "regex baseline", "regex baseline + project's actors")
    preds_of: dict[str, list[dict]] = {n: [] for n in names}
    golds_of: dict[str, list[dict]] = {n: [] for n in names}
    offsets_disagree = 0
    t0 = time.perf_counter()
    for k, row in enumerate(rows, 1):
        text = row["text"]
        res = helpers.analyze(helpers.load_article(text=text, date=row.get("date") or None, format="text"))
        if res.article.text != text:
            offsets_disagree += 1
            print(f"  WARNING: article {row.get('id')}: res.article.text differs from the input; skipped",
                  file=sys.stderr)
            continue
        preds, mentions, _ = project_quotes(res)
        base = regex_baseline(text)
        golds = gold_attributions(row)
        for name, ps in (("project", preds), ("regex baseline", base),
                         ("regex baseline + project's actors", with_actor_ids(base, mentions))):
            gs = [{**g, "article": row.get("id")} for g in golds]
            for p in ps:
                p["article"] = row.get("id")
            score_article(ps, gs, mentions)
            for p in ps:
                if p["matched"] and not p["right"]:
                    g = gs[p["matched"][0]]
                    p["pattern"] = wrong_pattern(p, g)
                    if p["pattern"] == "no speaker":
                        p["pattern_detail"] = no_speaker_pattern(p, g, text)
                    p["gold"] = g
                    p["quote_text"] = text[p["spans"][0][0]:p["spans"][0][1]]
                    p["context"] = text[max(0, p["spans"][0][0] - 160):p["spans"][0][0]]
            preds_of[name].extend(ps)
            golds_of[name].extend(gs)
        if k % 10 == 0:
            print(f"  {k}/{len(rows)} articles, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    seconds = time.perf_counter() - t0
    figures = {name: aggregate(preds_of[name], golds_of[name]) for name in names}
    proj, all_golds = preds_of["project"], golds_of["project"]
    matched = [p for p in proj if p["matched"]]
    kinds = ("direct", "mixed", "indirect")
    result = {
        "data": "PolNeAR dev.jsonl: attribution relations (source, cue, content); test split held out",
        "citation": CITATION,
        "articles": len(rows) - offsets_disagree,
        "offsets_disagree": offsets_disagree,
        "attributions": len(all_golds),
        "quoted_attributions": sum(g["quoted"] for g in all_golds),
        "attributions_without_source": sum(g["source"] is None for g in all_golds),
        "headline": "project end-to-end F1 over quoted contents",
        "headline_f1": figures["project"]["quoted"]["end_to_end"]["f1"],
        "systems": figures,
        "errors": {
            "project_quotes": len(proj),
            "project_quotes_by_kind": dict(Counter(str(p.get("kind")) for p in proj)),
            "no_speaker": sum(p["speaker_span"] is None and p["speaker_id"] is None for p in proj),
            "matched_no_speaker": sum(p["speaker_span"] is None and p["speaker_id"] is None for p in matched),
            "matched_right_by": dict(Counter(p.get("right_how", "wrong") for p in matched)),
            "matched_wrong_patterns": dict(Counter(p["pattern"] for p in matched if not p["right"])),
            "matched_no_speaker_patterns": dict(Counter(p["pattern_detail"] for p in matched
                                                        if not p["right"] and "pattern_detail" in p)),
            "gold_source_looks_like_cue": sum(looks_like_cue(g["source_text"]) for g in all_golds),
            "gold_by_kind": {k: sum(g["kind"] == k for g in all_golds) for k in kinds},
            "gold_missed_by_kind": {k: sum(g["kind"] == k and not g["found"] for g in all_golds) for k in kinds},
            "gold_found_wrong_speaker_by_kind": {
                k: sum(g["kind"] == k and bool(g["found"]) and not g["found_right"] for g in all_golds) for k in kinds},
        },
    }
    wrong = [p for p in proj if p["matched"] and not p["right"]]
    missed = [g for g in all_golds if not g["found"]]
    return {"result": result, "wrong": wrong, "missed": missed, "quotes": proj, "seconds": seconds}


def _spread(items: list[dict], n: int) -> list[dict]:
    """Up to ``n`` items taken round-robin over their ``pattern``, rarest pattern first, in document order."""
    groups: dict[str, list[dict]] = {}
    for it in items:
        groups.setdefault(it["pattern"], []).append(it)
    order = sorted(groups, key=lambda k: (len(groups[k]), k))
    out: list[dict] = []
    while len(out) < n and any(groups.values()):
        for k in order:
            if groups[k] and len(out) < n:
                out.append(groups[k].pop(0))
    return out


def _clip(s: str, n: int = 90) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def report(out: dict, show: int) -> str:
    r = out["result"]
    lines = [f"PolNeAR dev: {r['articles']} articles, {r['attributions']} attributions "
             f"({r['quoted_attributions']} quoted, {r['attributions_without_source']} without source)",
             f"{'system':36s} {'part':7s} {'det P':>6s} {'det R':>6s} {'spk acc':>7s} {'e2e P':>6s} {'e2e R':>6s} "
             f"{'e2e F1':>6s} {'quotes':>6s}"]
    for name, parts in r["systems"].items():
        for part in ("quoted", "all"):
            f = parts[part]
            d, e = f["detection"], f["end_to_end"]
            lines.append(f"{name:36s} {part:7s} {d['precision']:6.3f} {d['recall']:6.3f} {f['speaker_accuracy']:7.3f} "
                         f"{e['precision']:6.3f} {e['recall']:6.3f} {e['f1']:6.3f} {d['predicted']:6d}")
    lines.append(f"headline ({r['headline']}): {r['headline_f1']:.4f}")
    er = r["errors"]
    lines.append(f"project quotes {er['project_quotes']} by kind {er['project_quotes_by_kind']}; without speaker "
                 f"{er['no_speaker']} (matched ones: {er['matched_no_speaker']})")
    lines.append(f"matched quotes, speaker right by: {er['matched_right_by']}")
    lines.append(f"matched quotes, wrong speaker patterns: {er['matched_wrong_patterns']}")
    lines.append(f"gold by kind {er['gold_by_kind']}; missed {er['gold_missed_by_kind']}; "
                 f"found with wrong speaker {er['gold_found_wrong_speaker_by_kind']}")
    lines.append(f"matched quotes without a speaker, by where the gold source is: {er['matched_no_speaker_patterns']}")
    for p in [p for p in out["wrong"] if p["pattern"] == "no speaker"][:: max(1, er["matched_no_speaker"] // 6)][:6]:
        lines.append(f"  [{p['article']}] {p['pattern_detail']}: gold {p['gold']['source_text']!r}; "
                     f"…{' '.join(p['context'].split())[-70:]}[{_clip(p['quote_text'], 60)}]")
    wrong = [p for p in out["wrong"] if p["pattern"] not in ("no speaker", "gold has no source")]
    lines.append(f"wrong speakers ({len(wrong)} matched quotes with a wrong speaker; gold sources that look like "
                 f"a cue, source and cue swapped in the data: {er['gold_source_looks_like_cue']}):")
    for p in _spread(wrong, show):
        g = p["gold"]
        lines.append(f"  [{p['article']}] {p['pattern']}: project {p.get('speaker_text')!r} -> {p.get('speaker')!r} "
                     f"({p.get('speaker_type')}), gold {g['source_text']!r}; quote “{_clip(p['quote_text'], 70)}”")
    missed = out["missed"]
    lines.append(f"missed gold attributions ({len(missed)}), a few per kind:")
    for kind in ("direct", "mixed", "indirect"):
        for g in [m for m in missed if m["kind"] == kind][:3]:
            lines.append(f"  [{g['article']}] {kind}: {g['source_text']!r}: {_clip(g['text'])}")
    return "\n".join(lines)


def _round(x):
    if isinstance(x, float):
        return round(x, 4)
    if isinstance(x, dict):
        return {k: _round(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_round(v) for v in x]
    return x


def write_json(obj: dict, path: Path) -> None:
    """Write ``obj`` as sorted JSON through a temporary file, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(_round(obj), indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="folder with dev.jsonl (default ../shared/polnear)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick run)")
    ap.add_argument("--out", type=Path, default=None, help=f"results file (default {RESULTS.relative_to(ROOT)})")
    ap.add_argument("--show", type=int, default=15, help="wrong speakers to print")
    ap.add_argument("--items", type=Path, default=None,
                    help="also write one JSON line per project quote with its match (for reading errors)")
    args = ap.parse_args(argv)
    path = args.data / "dev.jsonl"
    if not path.is_file():
        print(f"skipped: PolNeAR not found at {path} (put ../shared beside the repository)")
        return 0
    rows = read_rows(path, args.limit)
    out = run(rows)
    print(report(out, args.show))
    print(f"{len(rows)} articles in {out['seconds']:.1f} s ({out['seconds'] / max(len(rows), 1):.2f} s/article)",
          file=sys.stderr)
    if args.items is not None:
        keep = ("article", "spans", "quoted", "kind", "speaker_span", "speaker_id", "speaker", "speaker_text", "cue",
                "matched", "right", "pattern", "pattern_detail", "quote_text", "context")
        args.items.parent.mkdir(parents=True, exist_ok=True)
        with args.items.open("w", encoding="utf-8") as f:
            for p in out["quotes"]:
                row = {k: p.get(k) for k in keep}
                row["gold_source"] = (p.get("gold") or {}).get("source_text")
                f.write(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str) + "\n")
    target = args.out or (RESULTS if args.limit is None else None)
    if target is not None:
        write_json(out["result"], target)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
