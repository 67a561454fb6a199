"""Hand-made sentence and mention tables for tests of modules that read them (quotes, issues, stance).

The actor finder is not involved: surfaces in ``ACTORS`` are matched literally, so a test states exactly
which mentions exist.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.text.segment import sentence_spans

ACTORS = {
    "Joe Biden": ("joe_biden", "Joe Biden"), "Biden": ("joe_biden", "Joe Biden"),
    "Vladimir Putin": ("vladimir_putin", "Vladimir Putin"), "Putin": ("vladimir_putin", "Vladimir Putin"),
    "Zelensky": ("volodymyr_zelensky", "Volodymyr Zelensky"), "Lavrov": ("sergey_lavrov", "Sergey Lavrov"),
    "Russia": ("RUS", "Russia"), "Moscow": ("RUS", "Russia"), "Russian": ("RUS", "Russia"),
    "the Kremlin": ("RUS", "Russia"), "Ukraine": ("UKR", "Ukraine"), "Ukrainian": ("UKR", "Ukraine"),
    "Kyiv": ("UKR", "Ukraine"), "NATO": ("NATO", "NATO"), "United States": ("USA", "United States"),
    "Washington": ("USA", "United States"), "China": ("CHN", "China"),
}  # fmt: skip
_SURFACE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ACTORS), key=len, reverse=True)) + r")\b")

def make_tables(text: str, extra: tuple[tuple[str, str, str], ...] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentence and mention tables for ``text``; ``extra`` adds (surface, actor_id, actor) at its first match."""
    spans = sentence_spans(text)
    sentences = pd.DataFrame(
        [(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)], columns=["sentence_id", "start", "end", "text"]
    )
    found = [(m.start(), m.end(), *ACTORS[m.group()]) for m in _SURFACE.finditer(text)]
    for surface, aid, name in extra:
        at = text.index(surface)
        found.append((at, at + len(surface), aid, name))
    rows = []
    for s, e, aid, name in sorted(found):
        sid = max(i for i, (a, _) in enumerate(spans) if a <= s)
        rows.append((aid, name, "state", sid, s, e, text[s:e], "test"))
    cols = ["actor_id", "actor", "type", "sentence_id", "start", "end", "text", "resolved_by"]
    return sentences, pd.DataFrame(rows, columns=cols)
