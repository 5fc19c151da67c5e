"""Bytes to clean text: decoding, HTML and Markdown to text, site chrome off.

The cleaned text is what every offset in the graph points into, so it stays as close to
the source as possible: lines are kept verbatim apart from line endings, indentation and
trailing spaces, and paragraphs stay separated by blank lines.  What the text says about
itself (title, date, publisher) is read here too.  No network, no I/O.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer
import trafilatura

from kg.chrome import find_publisher, is_boilerplate, is_byline, is_headline, remove_chrome
from kg.dates import parse_date, parse_date_line
from kg.errors import DocumentError
from kg.model import Document, Source, stable_id
from kg.settings import Settings

__all__ = ["clean", "decode", "markdown_to_text", "normalise_lines"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_WEB_ENCODING = re.compile(r"cp125\d|cp874|iso8859|koi8|tis_?620|gb|big5|shift_jis|euc|utf")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _utf16_without_bom(raw: bytes) -> str | None:
    """Decode UTF-16 text that lacks a BOM (NUL in every other byte of ASCII-heavy text)."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    for encoding, nul_half in (("utf-16-le", raw[1::2]), ("utf-16-be", raw[0::2])):
        if nul_half.count(0) >= 0.6 * len(nul_half):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if "\x00" in text else text
    return None


def decode(raw: bytes, key: str) -> str:
    """Decode a file's bytes: BOM first, then strict UTF-8, then a declared charset, then
    UTF-8 with a few damaged bytes, then charset-normalizer's guess.

    Binary content (NUL bytes outside UTF-16, or bytes no encoding explains) is refused.

    >>> decode("Café".encode("utf-16"), "a.txt")
    'Café'
    >>> decode("Café au lait, s'il vous plaît, à emporter.".encode("latin-1"), "a.txt")
    "Café au lait, s'il vous plaît, à emporter."
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    key, f"invalid {encoding} text after its byte-order mark"
                ) from exc
    if b"\x00" in raw:
        text = _utf16_without_bom(raw)
        if text is None:
            raise DocumentError(key, "binary file (contains NUL bytes), not text")
        return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _declared(raw) or _damaged_utf8(raw) or _guessed(raw)
    if text is None or len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise DocumentError(key, "binary file or unknown text encoding")
    return text


def _damaged_utf8(raw: bytes) -> str | None:
    """UTF-8 text with a few damaged bytes, each read as U+FFFD: told apart from a legacy
    code page by its valid multi-byte characters outnumbering the damage four to one.

    >>> _damaged_utf8("Café – “Chan Dara” ".encode() + b"\\xff")
    'Café – “Chan Dara” �'
    >>> _damaged_utf8("Chan Dara est arrêté à Phnom Penh.".encode("latin-1")) is None
    True
    """
    text = raw.decode("utf-8", errors="replace")
    damage = text.count("\ufffd")
    multibyte = len(_NON_ASCII.findall(text)) - damage
    return text if multibyte >= 4 * damage else None


def _declared(raw: bytes) -> str | None:
    """Decode with the charset an HTML page declares in its head, if it names a known one."""
    found = _CHARSET.search(raw[:4096])
    if not found:
        return None
    try:
        return raw.decode(found.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def _guessed(raw: bytes) -> str | None:
    """charset-normalizer's guess among its least chaotic candidates, preferring the code
    pages the web uses (Windows, ISO 8859, KOI8, Thai and East Asian ones) over Mac and DOS
    ones, then the most coherent, then windows-1252 (the WHATWG default): short texts fit
    many code pages equally well."""
    matches = list(charset_normalizer.from_bytes(raw))
    if not matches:
        return None
    least = min(match.chaos for match in matches)
    best = min(
        (match for match in matches if match.chaos <= least + 0.01),
        key=lambda m: (not _WEB_ENCODING.match(m.encoding), -m.coherence, m.encoding != "cp1252"),
    )
    return str(best)


def normalise_lines(text: str) -> list[str]:
    """Split into lines with ``\\n``/``\\r\\n``/``\\r`` endings, each stripped of indentation
    and trailing spaces; runs of blank lines become one.

    >>> normalise_lines("  a \\r\\n\\r\\n\\n b\\rc")
    ['a', '', 'b', 'c']
    """
    lines: list[str] = []
    for raw_line in re.split(r"\r\n|\r|\n", text):
        line = raw_line.strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


_MD_FENCE = re.compile(r"^\s*(?:```|~~~)")
_MD_RULES = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
)
_MD_LINE_DROP = re.compile(r"^\s*(?:\[[^\]]+\]:\s*\S+.*|[-*_=]{3,}|(?:[-*_]\s*){3,})\s*$")
_MD_LINE_PREFIX = re.compile(r"^\s*(?:>\s?)*(?:#{1,6}\s+|[-*+]\s+(?=\S))?")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class _Text:
    """Text extracted from a source, with what its markup said about it."""

    body: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None


def markdown_to_text(markdown: str) -> str:
    """Strip Markdown markup and keep the words and the paragraphs.

    >>> markdown_to_text("# Chan Dara *freed*\\n\\nSee [the ruling](http://x.org) ![](a.png)")
    'Chan Dara freed\\n\\nSee the ruling'
    """
    lines = []
    for line in _FRONT_MATTER.sub("", markdown).splitlines():
        if _MD_FENCE.match(line) or _MD_LINE_DROP.match(line):
            continue
        line = _MD_LINE_PREFIX.sub("", line)
        for pattern, replacement in _MD_RULES:
            line = pattern.sub(replacement, line)
        lines.append(line.rstrip())
    return "\n".join(lines).strip()


def _markdown(text: str) -> _Text:
    front = _FRONT_MATTER.match(text)
    fields = {}
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            fields[key.strip().lower()] = value.strip().strip("'\"")
    heading = re.search(r"^\s*#\s+(.+?)\s*#*\s*$", _FRONT_MATTER.sub("", text), re.MULTILINE)
    title = fields.get("title") or (markdown_to_text(heading.group(1)) if heading else None)
    date = parse_date(fields.get("date", "")[:10]) if fields.get("date") else None
    return _Text(markdown_to_text(text), title or None, date, fields.get("publisher") or None)


def _html(text: str, key: str) -> _Text:
    """The page's main text and metadata.  trafilatura and the lxml code under it raise
    on some malformed pages (seen: an AssertionError): the text is then taken without
    metadata, or the page refused when no text can be taken at all."""
    try:
        body = trafilatura.extract(
            text,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
        if not body:
            body = trafilatura.html2txt(text) or ""
    except Exception as exc:  # a third-party parser failing on hostile markup
        raise DocumentError(key, f"cannot parse the HTML ({type(exc).__name__})") from exc
    try:
        meta = trafilatura.extract_metadata(text, extensive=False)
    except Exception:  # a third-party parser failing on hostile markup: go without metadata
        meta = None
    date = parse_date(meta.date) if meta and meta.date else None
    body = "\n\n".join(line for line in body.splitlines() if line.strip())
    return _Text(
        body,
        (meta.title or None) if meta else None,
        date,
        (meta.sitename or None) if meta else None,
    )


def _title_and_date(lines: list[str]) -> tuple[str | None, str | None]:
    """A page's own headline and date: the only date line of the text, with a headline
    line (bylines aside) just above it, or just below it when nothing is above."""
    dated = [i for i, line in enumerate(lines) if parse_date_line(line)]
    if len(dated) != 1:
        return None, None
    top = [i for i in range(dated[0]) if lines[i] and not is_byline(lines[i])]
    if len(top) > 1:
        return None, None
    below = [line for line in lines[dated[0] + 1 :] if line and not is_byline(line)]
    candidate = lines[top[0]] if top else below[0] if below else ""
    title = candidate if is_headline(candidate) else None
    return title, parse_date_line(lines[dated[0]])


def _check_limits(body: str, key: str, settings: Settings) -> None:
    """Refuse a text or a line over the settings' limits before the line-by-line rules run.

    >>> _check_limits("Chan Dara\\nwas freed", "a.txt", Settings(max_line_chars=8))
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.DocumentError: a.txt: line 1 is 9 characters long, over the limit of 8 ...
    """
    limit = settings.max_line_chars
    for number, line in enumerate(re.split(r"\r\n|\r|\n", body), start=1):
        if len(line) > limit:
            raise DocumentError(
                key,
                f"line {number} is {len(line):,} characters long, over the limit of {limit:,} "
                "(max_line_chars): data or minified markup, not running text",
            )
    if len(body) > settings.max_text_chars:
        raise DocumentError(
            key,
            f"text is {len(body):,} characters long, over the limit of "
            f"{settings.max_text_chars:,} (max_text_chars)",
        )


def clean(source: Source, settings: Settings) -> Document:
    """Turn a source's bytes into a :class:`Document` of clean text.

    Raises :class:`DocumentError` for binary content, a document with no text, or one over
    the limits of ``settings`` (``max_text_chars``, ``max_line_chars``).
    """
    text = decode(source.raw, source.path)
    if source.media_type == "text/html":
        extracted = _html(text, source.path)  # markup lines may be long: limits apply after
        _check_limits(extracted.body, source.path, settings)
    else:
        _check_limits(text, source.path, settings)
        extracted = _markdown(text) if source.media_type == "text/markdown" else _Text(text)
    all_lines = normalise_lines(extracted.body)
    if source.media_type == "text/html":
        lines = [line for line in all_lines if not is_boilerplate(line)]
    else:
        lines = remove_chrome(all_lines)
    body = "\n".join(lines).strip()
    if not body:
        raise DocumentError(source.path, "no text")
    title, date = _title_and_date(lines)
    return Document(
        doc_id=stable_id(source.path),
        path=source.path,
        file_name=source.file_name,
        sha256=source.sha256,
        text=body,
        title=source.title or extracted.title or title,  # a manifest's entry comes first
        date=source.date or extracted.date or date,
        publisher=source.publisher or extracted.publisher or find_publisher(all_lines),
    )
