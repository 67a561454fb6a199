"""Articles: the original text plus its structure, as character spans.

Span convention (used by every table in this package): a span is a half-open
interval ``[start, end)`` of character offsets into :attr:`Article.text`, so
``article.text[start:end]`` is exactly the span's text. ``Article.text`` is the
decoded input with line endings normalised to ``\\n`` and NUL bytes removed; for
HTML input it is the article body extracted from the page (headings as ``#``
lines, list items as ``- `` lines), since that is the text the analysis reads.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from helpers import config
from helpers.errors import ArticleError

BLOCK_KINDS = ("title", "heading", "paragraph", "list_item")

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"%PDF": "a PDF file (convert it to text first, e.g. with pdftotext)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"BM": None,  # too short to be sure; checked with the control-character ratio
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"{\\rtf": "an RTF document (save it as plain text first)",
}
_HTML_EXT = {".html", ".htm", ".xhtml"}
_MD_EXT = {".md", ".markdown", ".mdown"}
_TERMINAL = ".!?…:;\"”’»)"
_BULLET = re.compile(r"^([ \t]*)([-*•‣◦▪–—]|\d{1,3}[.)])[ \t]+(?=\S)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Block:
    """One structural unit of an article: ``title``, ``heading``, ``paragraph`` or ``list_item``.

    ``start``/``end`` cover the block's content (markers such as ``#`` or ``- `` excluded).
    """

    kind: str
    start: int
    end: int
    text: str
    section: int


@dataclass(frozen=True)
class Section:
    """A run of blocks under one heading; section 0 is the lead before the first heading."""

    index: int
    heading: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """An article's text, metadata and structure; every span is an offset into ``text``."""

    text: str
    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    source: str | None = None
    format: str = "text"
    blocks: tuple[Block, ...] = field(default=(), repr=False)
    sections: tuple[Section, ...] = field(default=(), repr=False)
    #: Where ``date`` came from: ``argument``, ``html``, ``front matter``, ``dateline`` or None (no date).
    date_source: str | None = None
    #: ``[start, end)`` of the dateline's place ("OTTAWA" in "OTTAWA, April 16, 2025 —"), if the text opens with one.
    dateline: tuple[int, int] | None = None

    @property
    def name(self) -> str:
        """A short name for reports and tables: the file stem, else a slug of the title."""
        if self.source:
            return Path(self.source).stem
        if self.title:
            return slugify(self.title)
        return "article"

    @property
    def display_title(self) -> str:
        """The title if known, else a title made from the file name."""
        if self.title:
            return self.title
        return self.name.replace("-", " ").replace("_", " ").strip().capitalize() or "Article"


#: Latin letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ħ": "h", "Ħ": "H"})  # fmt: skip


def fold_accents(text: str) -> str:
    """``text`` without diacritics, case kept ("Jarosław Kaczyński" -> "Jaroslaw Kaczynski"); other characters
    as they are. For comparing names an article writes with and without accents."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def slugify(text: str, max_len: int = 60) -> str:
    """A file-name-safe lower-case slug of ``text`` (ASCII letters, digits and hyphens; "Vučić" -> "vucic",
    "Jarosław" -> "jaroslaw")."""
    ascii_text = fold_accents(text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].strip("-") or "article"


def id_slug(text: str, max_len: int = 60) -> str:
    """The slug of a name for an identifier: :func:`slugify`'s ASCII slug, or for a name with no Latin letters
    its own letters, lower-cased ("Дмитрий Кошелев" -> "дмитрий-кошелев", so two such names stay apart)."""
    ascii_slug = slugify(text, max_len)
    if ascii_slug != "article" or re.search(r"(?i)\barticle\b", text):
        return ascii_slug
    slug = re.sub(r"[\W_]+", "-", text.lower()).strip("-")
    return slug[:max_len].strip("-") or "unnamed"


# --------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes, *, what: str = "input") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16/32 (BOM or NUL pattern), else cp1252.

    Raises:
        ArticleError: the bytes are binary content (image, archive, PDF, executable).
    """
    for magic, kind in _BINARY_MAGIC.items():
        if kind and data.startswith(magic):
            raise ArticleError(f"{what} is {kind}, not an article; give a .txt, .md or .html file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    head = data[:4000]
    if len(head) >= 4 and head.count(b"\x00") >= len(head) * 0.3:
        even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
        if odd > even * 4:
            return data.decode("utf-16-le", errors="replace")
        if even > odd * 4:
            return data.decode("utf-16-be", errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise ArticleError(f"{what} looks like binary data, not text; give a .txt, .md or .html file")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:8000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v\x00") or ch == "\ufffd")
    nul = sample.count("\x00")
    return (bad + nul) / len(sample) > 0.10


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, NUL bytes and a leading BOM removed; everything else kept as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text.removeprefix("\ufeff")


# --------------------------------------------------------------------------- language


@cache
def _function_words() -> frozenset[str]:
    path = config.LEXICON_DIR / "english_function_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def language_warning(text: str) -> str | None:
    """A message when ``text`` does not look like English (the analysis is English-only), else None.

    Looks at the share of letters outside the Latin script and at the share of words that are common
    English function words (``data/lexicons/english_function_words.txt``); texts under 8 words pass.
    """
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 8:
        return None
    letters = "".join(words)
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F) / max(1, len(letters))
    function = sum(1 for w in words if w in _function_words()) / len(words)
    if non_latin > 0.3 or function < 0.08:
        return (
            f"this text does not look like English ({function:.0%} English function words, "
            f"{non_latin:.0%} non-Latin letters); the analysis is English-only, so its results are unreliable"
        )
    return None


# --------------------------------------------------------------------------- loading


def load_article(
    path: str | Path | None = None,
    *,
    text: str | None = None,
    title: str | None = None,
    date: str | dt.date | None = None,
    format: str | None = None,
    max_chars: int | None = None,
) -> Article:
    """Read an article from a file (``.txt``, ``.md``, ``.html``) or from a string.

    Args:
        path: file to read; its bytes are decoded with :func:`decode_bytes`.
        text: the article itself, instead of ``path``.
        title: overrides the title found in the article.
        date: the article's date (``YYYY-MM-DD`` or a ``date``); overrides a date found in HTML.
            Dated titles ("the U.S. president") resolve against it.
        format: ``"text"``, ``"markdown"`` or ``"html"``; guessed from the extension or content.
        max_chars: largest accepted article, in characters (default ``config.MAX_ARTICLE_CHARS``).

    Raises:
        ArticleError: missing or unreadable path, a directory, binary content, empty text,
            HTML without article text, an input over the size limit, or a bad date.
    """
    if (path is None) == (text is None):
        raise ArticleError("give either a path or text=..., not both and not neither")
    source = None
    if path is not None:
        p = Path(path)
        source = str(path)
        if not p.exists():
            raise ArticleError(f"no such file: {path}")
        if p.is_dir():
            raise ArticleError(f"{path} is a directory; give one article file (use analyze_corpus for folders)")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ArticleError(f"cannot read {path}: {exc.strerror or exc}") from None
        raw = decode_bytes(data, what=str(path))
        fmt = format or _guess_format(p.suffix.lower(), raw)
    else:
        if not isinstance(text, str):
            raise ArticleError(f"text must be a str, not {type(text).__name__}")
        if _looks_binary(text):
            raise ArticleError("text looks like binary data, not an article")
        raw = text
        fmt = format or _guess_format("", raw)
    if fmt not in ("text", "markdown", "html"):
        raise ArticleError(f"unknown format {fmt!r}; use text, markdown or html")
    limit = config.MAX_ARTICLE_CHARS if max_chars is None else max_chars
    if len(raw) > limit:
        raise ArticleError(
            f"{source or 'text'} has {len(raw):,} characters, over the limit of {limit:,}; "
            "split it or raise HELPERS_MAX_CHARS"
        )
    body = normalise_text(raw)
    meta: dict[str, object] = {}
    if fmt == "html":
        body, meta = _extract_html(body, what=source or "the HTML text")
    elif fmt == "markdown":
        body, meta = _front_matter(body)
    if not body.strip():
        raise ArticleError(f"{source or 'text'} is empty (no words to analyse)")
    if not _WORD.search(body):
        raise ArticleError(f"{source or 'text'} has no words to analyse")
    blocks, sections = parse_structure(body, markdown=fmt in ("markdown", "html"))
    found_title = meta.get("title")
    if blocks and blocks[0].kind == "title":
        found_title = found_title or blocks[0].text
    place, line_date = find_dateline(body, blocks)
    when, when_source = parse_date(date), "argument"
    if when is None:
        when, when_source = parse_date(meta.get("date"), strict=False), _META_SOURCE[fmt]
    if when is None:
        when, when_source = line_date, "dateline"
    return Article(
        text=body,
        title=title or (str(found_title) if found_title else None),
        date=when,
        author=str(meta["author"]) if meta.get("author") else None,
        source=source,
        format=fmt,
        blocks=tuple(blocks),
        sections=tuple(sections),
        date_source=when_source if when else None,
        dateline=place,
    )


_META_SOURCE = {"html": "html", "markdown": "front matter", "text": "front matter"}
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_TEXT = (rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
              rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
              r"|(?P<iso>\d{4}-\d{2}-\d{2}))")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
#: A news dateline opening a paragraph: "OTTAWA, April 16, 2025 —", "Kyiv, Ukraine, 16 April 2025 (Reuters) -".
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'\u2019-]*(?:[ ][A-Z][A-Za-z.'\u2019-]*){0,3}"
    r"(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2})?)"
    rf",?[ ]+{_WEEKDAY}{_DATE_TEXT}"
    r"[ ]*(?:\([^)\n]{1,40}\)[ ]*)?(?:[\u2014\u2013:]|--?)[ ]*"
)
#: A dateline with no date: an upper-case place, perhaps its state or country, and a dash ("OTTAWA —",
#: "DES MOINES, Iowa –", "GENEVA (Reuters) -").
_DATELINE_CAPS = re.compile(
    r"(?P<place>[A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+){0,3}"
    r"(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2})?)"
    r"[ ]*(?:\([^)\n]{1,40}\)[ ]*)?(?:[\u2014\u2013]|--?)[ ]+"
)
#: A line that is only a date, or "Published/Updated ... <date>", near the top of the article.
_DATE_LINE = re.compile(rf"(?:(?:Published|Posted|Updated|Date)(?:[ ]on)?:?[ ]+)?{_WEEKDAY}{_DATE_TEXT}[ .]*$", re.I)
#: Paragraphs read for a dateline or a date line, from the top.
_DATELINE_BLOCKS = 4


def find_dateline(text: str, blocks: list[Block] | tuple[Block, ...]) -> tuple[tuple[int, int] | None, dt.date | None]:
    """The dateline place span and the date of a plain-text article's opening lines, where it has them.

    Reads the first few paragraphs for a news dateline ("OTTAWA, April 16, 2025 —" gives the place
    ``OTTAWA`` and 2025-04-16; "DES MOINES, Iowa –" gives a place and no date) and a line that is only
    a date ("April 16, 2025", "Published 16 April 2025"). A date that is not a real calendar date is
    ignored; a full dateline wins over the others.
    """
    place, line_day = None, None
    for block in list(blocks)[:_DATELINE_BLOCKS]:
        chunk = text[block.start : block.end]
        m = _DATELINE.match(chunk)
        if m:
            day = _date_of(m)
            if day:
                return (block.start + m.start("place"), block.start + m.end("place")), day
        m = _DATE_LINE.match(chunk.strip())
        if m and line_day is None:
            line_day = _date_of(m)
        m = _DATELINE_CAPS.match(chunk)
        if m and place is None and len(m.group("place").split(",")[0]) >= 3 and chunk[m.end() : m.end() + 1].isupper():
            place = (block.start + m.start("place"), block.start + m.end("place"))
    return place, line_day


def _date_of(m: re.Match) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2")
        return dt.date(int(year), _MONTHS[month[:3].lower()], int(day))
    except (ValueError, KeyError):
        return None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)


def _front_matter(text: str) -> tuple[str, dict[str, object]]:
    """Markdown front matter (``---`` fenced ``key: value`` lines) as metadata; the body is blanked out.

    The fence is replaced by spaces of the same length rather than cut, so offsets stay those of the file.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    meta: dict[str, object] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("title", "date", "author"):
            meta[key.strip().lower()] = value.strip().strip("\"'") or None
    blank = "".join("\n" if ch == "\n" else " " for ch in m.group(0))
    return blank + text[m.end() :], meta


def _guess_format(suffix: str, raw: str) -> str:
    if suffix in _HTML_EXT:
        return "html"
    if suffix in _MD_EXT:
        return "markdown"
    head = raw.lstrip("\ufeff \t\r\n")[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and re.search(r"<(head|body|div|p|article)\b", raw[:5000], re.I)
    ):
        return "html"
    return "text"


def parse_date(value: object, *, strict: bool = True) -> dt.date | None:
    """A date from a ``date``, a ``datetime`` or a ``YYYY-MM-DD…`` string; None for None or "".

    Raises:
        ArticleError: ``value`` is not a date and ``strict`` (with ``strict=False`` it gives None).
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        if strict:
            raise ArticleError(f"date {value!r} is not a date; write it as YYYY-MM-DD") from None
        return None


def _extract_html(html: str, *, what: str) -> tuple[str, dict[str, object]]:
    """Article body (Markdown-ish: ``#`` headings, ``- `` items) and metadata, via trafilatura.

    Nothing in the page is executed or fetched: trafilatura parses the string with lxml.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            output_format="python",
            include_comments=False,
            include_tables=False,
            include_formatting=True,
            include_links=False,
            include_images=False,
            with_metadata=True,
            favor_precision=True,
        )
    except Exception as exc:  # noqa: BLE001 - any parser failure means the input is bad
        raise ArticleError(f"{what}: the HTML could not be parsed ({type(exc).__name__})") from None
    if doc is None:
        raise ArticleError(f"{what}: no article text found in the HTML (only navigation, scripts or boilerplate)")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    body = normalise_text(get("text") or "")
    body = re.sub(r"\*\*(.+?)\*\*", r"\1", body)  # bold markers from include_formatting
    body = re.sub(r"(?<![\w*])\*(\S.*?\S|\S)\*(?![\w*])", r"\1", body)
    if not body.strip():
        raise ArticleError(f"{what}: no article text found in the HTML (only navigation, scripts or boilerplate)")
    meta = {"title": get("title"), "author": get("author"), "date": get("date")}
    return body, meta


# --------------------------------------------------------------------------- structure


def parse_structure(text: str, *, markdown: bool = False) -> tuple[list[Block], list[Section]]:
    """Split text into title, headings, paragraphs and list items, each with content offsets.

    Headings are ``#`` lines, and (in plain text and Markdown alike) short stand-alone lines
    that do not end like a sentence, or stand-alone questions of at most 12 words that
    a paragraph follows, e.g. "Putin's peace terms: what are they?". Consecutive ordinary
    lines form one paragraph, so hard-wrapped text stays whole.
    """
    lines: list[tuple[int, int]] = []  # content spans of each line, trailing space stripped
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        lines.append((pos + lead, pos + len(stripped)))
        pos += len(raw_line) + 1

    one_per_line = not markdown and _is_one_per_line(lines)
    blocks: list[Block] = []
    para: list[tuple[int, int]] = []
    section = 0
    first_content = True

    def flush() -> None:
        if para:
            blocks.append(Block("paragraph", para[0][0], para[-1][1], text[para[0][0] : para[-1][1]], section))
            para.clear()

    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if s == e:
            flush()
            continue
        nxt = _next_nonblank(lines, i)
        prev_blank = i == 0 or lines[i - 1][0] == lines[i - 1][1]
        prev_line = text[lines[i - 1][0] : lines[i - 1][1]] if i > 0 else ""
        # Setext heading underline belongs to the previous paragraph line.
        if markdown and _SETEXT.match(line) and len(para) == 1 and not prev_blank:
            hs, he = para.pop()
            section += 1
            blocks.append(Block("heading", hs, he, text[hs:he], section))
            continue
        m = _MD_HEADING.match(line)
        if m:
            flush()
            hs = s + m.end()
            he = s + len(line.rstrip("# \t")) if line.rstrip("# \t") else e
            kind = "title" if first_content and len(m.group(1)) == 1 else "heading"
            if kind == "heading":
                section += 1
            blocks.append(Block(kind, hs, max(he, hs), text[hs:max(he, hs)], section))
            first_content = False
            continue
        b = _BULLET.match(line)
        if b and not (line[b.start(2)].isdigit() and not (prev_blank or _is_list_context(blocks, para))):
            flush()
            cs = s + b.end()
            blocks.append(Block("list_item", cs, e, text[cs:e], section))
            first_content = False
            continue
        starts_block = prev_blank or not para or prev_line.rstrip().endswith(tuple(_TERMINAL))
        nxt_text = text[slice(*lines[nxt])] if nxt is not None else ""
        continues = nxt == i + 1 and nxt_text[:1].islower()  # a wrapped line goes on in lower case
        heading_like = _is_heading_line(line) and not _SETEXT.match(nxt_text)
        if starts_block and nxt is not None and not continues and heading_like:
            flush()
            kind = "title" if first_content and i == _first_nonblank(lines) and not line.endswith("?") else "heading"
            if kind == "heading":
                section += 1
            blocks.append(Block(kind, s, e, line, section))
            first_content = False
            continue
        if para and (prev_blank or one_per_line):
            flush()
        para.append((s, e))
        first_content = False
    flush()

    sections: list[Section] = []
    heads = [b for b in blocks if b.kind == "heading"]
    bounds = [0] + [b.start for b in heads] + [len(text)]
    names: list[str | None] = [None] + [b.text for b in heads]
    for idx in range(len(names)):
        sections.append(Section(idx, names[idx], bounds[idx], bounds[idx + 1]))
    return blocks, sections


def _next_nonblank(lines: list[tuple[int, int]], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j][0] != lines[j][1]:
            return j
    return None


def _first_nonblank(lines: list[tuple[int, int]]) -> int:
    return next((j for j, (s, e) in enumerate(lines) if s != e), 0)


def _is_list_context(blocks: list[Block], para: list[tuple[int, int]]) -> bool:
    return not para and bool(blocks) and blocks[-1].kind == "list_item"


def _is_heading_line(line: str) -> bool:
    words = _WORD.findall(line)
    if not words or len(line) > 120:
        return False
    if line.endswith("?"):
        return len(words) <= 12
    if line.endswith(tuple(_TERMINAL)) or line.endswith(","):
        return False
    return len(words) <= 15 and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'")


def _is_one_per_line(lines: list[tuple[int, int]]) -> bool:
    """True when the text writes one paragraph per line (long lines, no hard wrapping)."""
    lengths = [e - s for s, e in lines if e > s]
    if not lengths:
        return False
    long_lines = sum(1 for n in lengths if n > 100)
    return long_lines / len(lengths) > 0.3 or max(lengths) > 200
