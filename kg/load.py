"""Finding and reading the source documents: the only module that reads files.

:func:`discover` turns the paths a user named into ``(file, key)`` pairs, where the key is
the document's stable name (its path relative to the folder named, or its bare file name),
so two checkouts of the same corpus build the same identifiers.  :func:`read_source` reads
one file's bytes into a :class:`~kg.model.Source`.  A path that cannot be used becomes a
:class:`~kg.errors.DocumentError`, never a traceback, so the other documents are still read.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from kg.errors import DocumentError
from kg.model import Source
from kg.settings import Settings

__all__ = ["MEDIA_TYPES", "discover", "read_source"]

#: The media type of each supported file suffix (lower case).
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".md": "text/markdown",
}


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
    return Source(
        path=key,
        file_name=path.name,
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        media_type=MEDIA_TYPES.get(path.suffix.lower(), "text/plain"),
    )
