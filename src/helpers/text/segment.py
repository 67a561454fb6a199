"""Sentence segmentation with character offsets, offline.

Rule-based: pySBD (Sadvilkar & Neumann, NLP-OSS 2020), the Python port of the
Pragmatic Segmenter's Golden Rules, run on each line-delimited chunk so that
headings and list items never merge with their neighbours, followed by two
repairs for news text: a closing quotation mark that pySBD leaves at the start
of the next sentence ("ready for talks.” But") goes back to the sentence it
closes, an opening one left at the end of a sentence ("Council. “We") goes to the
sentence it opens, and spans are trimmed of surrounding whitespace. Spans are half-open
``[start, end)`` offsets into the text given.
"""

from __future__ import annotations

import re
from functools import cache

_CLOSERS = "\"”’»)]"
_OPENERS = "\"“«"
_NEWLINES = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t])")


@cache
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]`` as ``(start, end)`` offsets into ``text``.

    Blank lines and list-item lines always end a sentence; a single newline ends one
    only where pySBD says so (headings without a full stop are handled by splitting
    articles into blocks first, see :mod:`helpers.text.article`).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    chunk_start = start
    for m in _NEWLINES.finditer(text, start, end):
        spans.extend(_segment_chunk(text, chunk_start, m.start()))
        chunk_start = m.end()
    spans.extend(_segment_chunk(text, chunk_start, end))
    return _detach_openers(text, _split_after_quotations(text, _reattach_closers(text, spans)))


def split_sentences(text: str) -> list[str]:
    """Split text into sentences (strings, surrounding whitespace removed)."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences expects a str, not {type(text).__name__}")
    return [text[s:e] for s, e in sentence_spans(text)]


@cache
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    abbr = English.Abbreviation
    return frozenset((*abbr.ABBREVIATIONS, *abbr.PREPOSITIVE_ABBREVIATIONS, *abbr.NUMBER_ABBREVIATIONS))


# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space or the end.
_CANDIDATE = re.compile(r"[.?!…]+[\"”’')\]]*(?=\s|$)")
_AFTER = re.compile(r"\s+(?=[A-Z“\"‘(])")
_WORD_BEFORE = re.compile(r"([\w'’.-]*)$")
_RISKY = re.compile(r"\.\.|…|(?:^|\s)\d{1,2}[.)]\s|(?:^|\s)[a-zA-Z][.)]\s|@|://|\b[A-Za-z]\.[A-Za-z]|\.[a-z]")
_OPEN, _CLOSE = "“", "”"
#: Characters before a full stop that make it an ordinary one (no abbreviation can end in them).
_PLAIN_BEFORE = frozenset('")”’%')


def _fast_split(chunk: str) -> list[tuple[int, int]] | None:
    """Sentence spans of a chunk with no ambiguous full stop, else None (pySBD decides).

    A chunk is unambiguous when every terminal mark is followed by space and a capital (or ends the
    chunk), no full stop follows an abbreviation, a single letter or a number, and there are no
    ellipses, lists, brackets, e-mail addresses or URLs. These are the cases pySBD splits the same way.
    """
    if _RISKY.search(chunk):
        return None
    abbreviations = _abbreviations()
    spans, start = [], 0
    for m in _CANDIDATE.finditer(chunk):
        mark = m.group()
        if mark[0] == "." or "." in mark.rstrip("\"”’')]"):
            word = _WORD_BEFORE.search(chunk, 0, m.start()).group(1)
            if word or not (m.start() and chunk[m.start() - 1] in _PLAIN_BEFORE):  # 'fire". Next', '20%. Next'
                if not word or "." in word or len(word) == 1 or word.lower() in abbreviations:
                    return None
                if word[-1].isdigit() and not (word.isdigit() and len(word) >= 3):
                    return None
        if m.end() == len(chunk.rstrip()):
            break
        before = chunk[: m.end()]
        if before.count(_OPEN) > before.count(_CLOSE) or before.count('"') % 2:
            continue  # inside a quotation: pySBD keeps a quoted passage whole
        after = _AFTER.match(chunk, m.end())
        if not after:
            if mark[0] == ".":  # ". lowercase": pySBD's rules decide
                return None
            continue  # "Yahoo! in", "why? she" stay inside the sentence
        spans.append((start, m.end()))
        start = after.end()
    if chunk[start:].strip():
        spans.append((start, len(chunk.rstrip())))
    return spans


def _segment_chunk(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    if not chunk.strip():
        return []
    lead = len(chunk) - len(chunk.lstrip())
    fast = _fast_split(chunk[lead:])
    if fast is not None:
        return [(start + lead + a, start + lead + b) for a, b in fast]
    try:  # pySBD's own sentences: its segment() would also locate each one with a fresh regex
        pieces = _segmenter().processor(chunk).process()
    except Exception:  # noqa: BLE001 - pySBD regex edge cases: keep the chunk as one sentence
        pieces = [chunk]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        core = piece.strip()
        at = chunk.find(core, cursor) if core else -1
        if at < 0:  # empty, or pySBD changed the text ("M☉" and the like): it joins the next sentence found
            continue
        gap = chunk[cursor:at]
        first = cursor + len(gap) - len(gap.lstrip()) if gap.strip() else at
        spans.append((start + first, start + at + len(core)))
        cursor = at + len(core)
    rest = chunk[cursor:]
    if rest.strip():
        spans.append((start + cursor + len(rest) - len(rest.lstrip()), start + cursor + len(rest.rstrip())))
    return spans


#: A full stop, question or exclamation mark closing a quotation, then space and a capital.
_QUOTED_END = re.compile(r"[.?!]\]?[\"”](?=\s+[A-Z])")


def _split_after_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that runs on past a closed quotation ending in a full stop ("... a new Middle East."
    Meanwhile, ...) is two: pySBD keeps some together in long paragraphs. The mark closes a quotation when it
    is a right double quotation mark, or a straight one with an even number of them before it in the sentence."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for m in _QUOTED_END.finditer(text, s, e):
            if text[m.end() - 1] == "\"" and text.count('"', s, m.end()) % 2:
                continue
            out.append((s, m.end()))
            s = m.end() + len(text[m.end() : e]) - len(text[m.end() : e].lstrip())
        out.append((s, e))
    return out


def _detach_openers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An opening quotation mark left at the end of a sentence (``Council. "We``) moves to the next one."""
    out = list(spans)
    for k in range(len(out) - 1):
        s, e = out[k]
        n_s, n_e = out[k + 1]
        if e - s >= 3 and text[e - 1] in _OPENERS and text[e - 2].isspace() and text[e - 3] in ".!?…" \
                and text[e:n_s].strip() == "" and "\n" not in text[e - 2 : n_s]:
            out[k] = (s, e - 2)
            out[k + 1] = (e - 1, n_e)
    return out


def _reattach_closers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < e and text[s] in _CLOSERS and text[out[-1][1] - 1] in ".!?…":
            gap = text[out[-1][1] : s]
            if gap.strip() == "" and "\n" not in gap:
                k = s
                while k < e and text[k] in _CLOSERS:
                    k += 1
                out[-1] = (out[-1][0], k)
                s = k
                while s < e and text[s].isspace():
                    s += 1
                if s >= e:
                    continue
        out.append((s, e))
    return out
