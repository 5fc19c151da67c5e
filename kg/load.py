"""Finding and reading the source documents: the only module that reads files.

:func:`discover` turns the paths a user named into ``(file, key)`` pairs, where the key is
the document's stable name (its path relative to the folder named, or its bare file name),
so two checkouts of the same corpus build the same identifiers.  :func:`read_source` reads
one file's bytes into a :class:`~kg.model.Source`, with what a ``MANIFEST.csv`` in its folder
states about it (publisher, title, date).  A path that cannot be used becomes a
:class:`~kg.errors.DocumentError`, never a traceback, so the other documents are still read.
"""

from __future__ import annotations

import csv
import datetime
import errno
import hashlib
import io
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from kg.errors import DocumentError
from kg.model import Source
from kg.settings import Settings

__all__ = ["MANIFEST_NAME", "MEDIA_TYPES", "discover", "read_manifest", "read_source"]

#: The media type of each supported file suffix (lower case).
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".md": "text/markdown",
}
#: The file beside the documents that states, for each, its publisher, title and date.
MANIFEST_NAME = "MANIFEST.csv"
#: What a manifest may state about a file: its columns besides ``file`` (others are ignored).
_MANIFEST_FIELDS = ("title", "date", "publisher")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_Stated = tuple[str | None, str | None, str | None]  # title, date, publisher


def _supported(name: str, settings: Settings) -> bool:
    return Path(name).suffix.lower() in settings.suffixes


def _unusable(path: Path) -> str:
    """Why a path that is named or listed is not a regular file: in a few words.

    >>> _unusable(Path("/no/such/file.txt"))
    'no such file or folder'
    """
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return "broken symbolic link (its target does not exist)"
        return "no such file or folder" if exc.errno == errno.ENOENT else str(exc.strerror)
    return "not a regular file or folder"


def _walk(folder: Path, settings: Settings) -> tuple[list[tuple[Path, str]], list[DocumentError]]:
    """Every supported, non-hidden file under ``folder``, following symbolic links to
    folders but entering each real folder once (so a link loop ends); a supported name
    that is not a regular file (a broken or looping link, a pipe) is reported."""
    found: list[tuple[Path, str]] = []
    errors: list[DocumentError] = []
    seen: set[str] = set()

    def unlistable(exc: OSError) -> None:
        where = Path(exc.filename or folder)
        key = where.relative_to(folder).as_posix() if where != folder else str(folder)
        errors.append(DocumentError(key, f"cannot list the folder ({exc.strerror or exc})"))

    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unlistable):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or not _supported(name, settings):
                continue
            key = path.relative_to(folder).as_posix()
            if path.is_file():
                found.append((path, key))
            else:
                errors.append(DocumentError(key, _unusable(path)))
    return found, errors


def discover(
    paths: Sequence[Path], settings: Settings
) -> tuple[list[tuple[Path, str]], list[DocumentError]]:
    """Expand files and folders into ``(file, key)`` pairs sorted by key.

    A folder is searched recursively for files with one of ``settings.suffixes``, skipping
    hidden files and folders; a file named directly must have one of those suffixes too.
    A missing path, an unsupported file, or two different files with the same key give a
    :class:`DocumentError` in the second list.

    >>> discover([Path("/no/such/folder")], Settings())[1][0].reason
    'no such file or folder'
    """
    chosen: dict[str, Path] = {}
    errors: list[DocumentError] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates, unusable = _walk(path, settings)
            errors.extend(unusable)
        elif path.is_file():
            if not _supported(path.name, settings):
                expected = ", ".join(settings.suffixes)
                errors.append(
                    DocumentError(path.name, f"unsupported file type (expected {expected})")
                )
                continue
            candidates = [(path, path.name)]
        else:
            errors.append(DocumentError(str(path), _unusable(path)))
            continue
        for file, key in candidates:
            previous = chosen.get(key)
            if previous is None:
                chosen[key] = file
            elif os.path.realpath(previous) != os.path.realpath(file):
                errors.append(
                    DocumentError(
                        key, f"another file has the same name ({previous}); skipped {file}"
                    )
                )
    return sorted(((file, key) for key, file in chosen.items()), key=lambda pair: pair[1]), errors


def read_source(path: Path, key: str, settings: Settings) -> Source:
    """Read one file's bytes; refuse a file that is missing, unreadable or too large.

    The size is checked before reading and again on the bytes read, so a file that grows
    meanwhile is still refused.
    """
    limit = settings.max_file_bytes
    try:
        if not path.is_file():
            raise DocumentError(key, "not a regular file")
        if path.stat().st_size > limit:
            raise DocumentError(key, f"file is larger than the limit of {limit} bytes")
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise DocumentError(key, f"cannot read the file ({exc.strerror or exc})") from exc
    if len(raw) > limit:
        raise DocumentError(key, f"file is larger than the limit of {limit} bytes")
    try:
        title, date, publisher = read_manifest(path.parent, limit).get(path.name, (None,) * 3)
    except ValueError as exc:
        raise DocumentError(key, f"cannot use the {MANIFEST_NAME} beside it: {exc}") from exc
    return Source(
        path=key,
        file_name=path.name,
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        media_type=MEDIA_TYPES.get(path.suffix.lower(), "text/plain"),
        title=title,
        date=date,
        publisher=publisher,
    )


def read_manifest(folder: Path, limit: int) -> dict[str, _Stated]:
    """Map each file name listed in ``folder``'s ``MANIFEST.csv`` to its title, date and
    publisher (None where blank); an empty map when there is no manifest.

    The manifest is a UTF-8 CSV file with a header row holding a ``file`` column (a file name
    in that folder) and any of ``title``, ``date`` (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD) and
    ``publisher``.  Raises ``ValueError`` saying what is wrong with a malformed one.

    >>> read_manifest(Path("/no/such/folder"), 1000)
    {}
    """
    manifest = folder / MANIFEST_NAME
    try:
        status = manifest.stat()
    except OSError:
        return {}
    if status.st_size > limit:
        raise ValueError(f"it is larger than the limit of {limit} bytes")
    return _parse_manifest(str(manifest), status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=16)
def _parse_manifest(path: str, mtime_ns: int, size: int) -> dict[str, _Stated]:
    """The manifest at ``path``, read once for as long as its time stamp and size stay."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ValueError(f"cannot read it ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ValueError("it is not UTF-8 text") from exc
    try:
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ValueError(f"it is not valid CSV ({exc})") from exc
    if not rows or "file" not in rows[0]:
        raise ValueError("it has no header row with a 'file' column")
    entries: dict[str, _Stated] = {}
    for line, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        title, date, publisher = ((row.get(key) or "").strip() or None for key in _MANIFEST_FIELDS)
        if name in entries:
            raise ValueError(f"line {line} lists {name!r} a second time")
        if date is not None and not _is_iso_date(date):
            raise ValueError(f"line {line}: the date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if name:
            entries[name] = (title, date, publisher)
    return entries


def _is_iso_date(text: str) -> bool:
    """Whether ``text`` is a real year, month or day written in ISO 8601.

    >>> [_is_iso_date(t) for t in ("2017", "2017-09", "2017-09-03", "2017-02-30", "3 May")]
    [True, True, True, False, False]
    """
    if not _ISO_DATE.fullmatch(text):
        return False
    padded = text + "-01" * (2 - text.count("-"))
    try:
        datetime.date.fromisoformat(padded)
    except ValueError:
        return False
    return True
