"""Quotations on the text: where quotation marks open and close, paragraph by paragraph.

A layer below the parse, used by the quotes table (:mod:`helpers.actors.quotes`) and by pronoun linking
(a pronoun inside a quotation is not its speaker). Spans are ``[start, end)`` character offsets.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from helpers.text.document import Document

_MARKS = re.compile(r"[“”\"‘’]")
_ATTRIBUTE = re.compile(r"[\w-]+=\"[^\"\n]*\"")
_WORD = re.compile(r"\w")
_SP = r"[ \t\u00a0]"
#: "WALLACE: …": a paragraph opening (after an optional quotation mark) with one to three upper-case words and
#: ":"; or "((Sara Seager)) …", the speaker label of Wikinews interviews: one to five words in double brackets.
_LABEL = re.compile(
    rf"{_SP}*(?:[\"“]?{_SP}*([A-Z][A-Z.'’\-]*(?:[ \t][A-Z][A-Z.'’\-]*){{0,2}})[ \t]*:"
    rf"|\(\({_SP}*([A-Z][\w.'’\-]*(?:{_SP}+[\w.'’\-]+){{0,4}}){_SP}*\)\)){_SP}+(?=\S)")


class Quote(NamedTuple):
    """A quotation: its content (marks excluded) and its span with the marks."""

    start: int  # content, marks excluded
    end: int
    outer_start: int  # marks included
    outer_end: int


def lines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every ``\\n``-separated line of ``text``."""
    out, pos = [], 0
    for para in text.split("\n"):
        out.append((pos, pos + len(para)))
        pos += len(para) + 1
    return out


def quote_spans(
    text: str, sentence_starts: list[int] | None = None, paragraphs: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int, int]]:
    """Quotations in ``text`` as ``(start, end, outer_start, outer_end)``: content and marks-included spans.

    Double quotes pair within a paragraph (``paragraphs`` as ``[start, end)`` spans, default every
    ``\\n``-separated line); an unclosed quote runs to its paragraph's end; a stray closing mark closes
    a quote opened at the start of its sentence (``sentence_starts``, else its paragraph), or after the
    previous quote in that sentence. ‘…’ counts only outside double quotes, opening at a word start and
    closing at a ’ that is not an apostrophe. Inside a quote opened with a straight mark, “…” is a quote
    nested in it ("PENCE: … an episode of “Shark Tank.” But …"). Marks of markup attributes left in the
    text (``name="…"``) are skipped.
    """
    out: list[Quote] = []
    starts = sorted(sentence_starts or [])
    for p0, p1 in paragraphs if paragraphs is not None else lines(text):
        if not _MARKS.search(text, p0, p1):
            continue
        open_at: int | None = None
        single_at: int | None = None
        inner_at: int | None = None  # “…” nested in a quote opened with a straight mark
        markup = [(a.start(), a.end()) for a in _ATTRIBUTE.finditer(text, p0, p1)]
        for m in _MARKS.finditer(text, p0, p1):
            ch, at = m.group(), m.start()
            if markup and any(a <= at < b for a, b in markup):
                continue  # <tweet author="…">: markup left in the text, not a quotation
            if open_at is not None and text[open_at] == '"' and (ch == "“" or (ch == "”" and inner_at is not None)):
                if ch == "“":
                    inner_at = at
                else:
                    _emit(out, text, inner_at + 1, at, inner_at, at + 1)  # type: ignore[operator]
                    inner_at = None
                continue
            if ch == "“" or (ch == '"' and open_at is None and _opens(text, at, p0)):
                open_at, single_at = at, None
            elif ch in "”\"":
                if open_at is not None:
                    _emit(out, text, open_at + 1, at, open_at, at + 1)
                    open_at = inner_at = None
                else:
                    i = bisect.bisect_right(starts, at) - 1
                    lo = max(p0, starts[i] if i >= 0 else p0)
                    if out and out[-1].outer_end > lo:
                        lo = out[-1].outer_end
                    _emit(out, text, lo, at, lo, at + 1)
                single_at = None
            elif open_at is None and ch == "‘" and (at == p0 or not text[at - 1].isalnum()):
                single_at = at
            elif open_at is None and ch == "’" and single_at is not None and not text[at + 1 : at + 2].isalnum():
                _emit(out, text, single_at + 1, at, single_at, at + 1)
                single_at = None
        if open_at is not None:
            _emit(out, text, open_at + 1, p1, open_at, p1)
    return [tuple(q) for q in sorted(out, key=lambda q: (q.outer_start, -q.outer_end))]  # type: ignore[misc]


def _opens(text: str, at: int, p0: int) -> bool:
    """A straight quote opens when it starts the paragraph or follows a space or an opening bracket."""
    return at == p0 or text[at - 1].isspace() or text[at - 1] in "([{—–-:"


def _emit(out: list[Quote], text: str, start: int, end: int, outer_start: int, outer_end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):  # “…,” he said: the comma is ours
        end -= 1
    if end > start and _WORD.search(text, start, end):
        out.append(Quote(start, end, outer_start, outer_end))


def paragraphs(document: Document) -> list[tuple[int, int]]:
    """The article's blocks as paragraph spans (each ``\\n`` line when the article has no blocks)."""
    blocks = getattr(document.article, "blocks", ()) or ()
    if not blocks:
        return lines(document.text)
    return [(b.start, b.end) for b in blocks]


def speaker_labels(text: str, paragraphs: list[tuple[int, int]]) -> dict[int, tuple[int, int, int, int]]:
    """Paragraphs that open with a speaker label, as in an interview transcript: "WALLACE: …" (one to three
    upper-case words and a colon) or "((Sara Seager)) …" (Wikinews interviews). Returns paragraph index ->
    (label start, label end, content start, content end without trailing spaces and closing marks), for
    paragraphs with words after the label."""
    out = {}
    for p, (p0, p1) in enumerate(paragraphs):
        m = _LABEL.match(text, p0, p1)
        if m is None:
            continue
        g = 1 if m.group(1) else 2
        if len(m.group(g)) < 2 or not any(c.isalpha() and c.isupper() for c in m.group(g)):
            continue
        end = p1
        while end > m.end() and text[end - 1] in " \t\u00a0\"”":
            end -= 1
        if end > m.end():
            out[p] = (m.start(g), m.end(g), m.end(), end)
    return out


def document_speaker_labels(document: Document) -> list[tuple[int, int]]:
    """``[start, end)`` of the speaker labels of a parsed article's transcript turns (:func:`speaker_labels`)
    that open at least two paragraphs between them: a lone "NOTE:" is no transcript."""
    found = speaker_labels(document.text, paragraphs(document))
    return [(s, e) for s, e, _, _ in found.values()] if len(found) >= 2 else []


def document_quotes(document: Document) -> list[tuple[int, int, int, int]]:
    """:func:`quote_spans` of a parsed article, paired within its paragraphs and sentences: the quotations
    the quotes table reads."""
    return quote_spans(document.text, [b.start for b in document.bounds], paragraphs(document))
