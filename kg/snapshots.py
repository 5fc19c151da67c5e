"""The store folder's layout: published snapshots that are never written again.

This module is part of the store (with :mod:`kg.store`, the only code that writes).  A
build writes into a private working copy and publishes it as a new snapshot by switching
one symbolic link, so a query sees the whole old store or the whole new one, and a build
killed at any moment leaves the published store as it was::

    STORE/kg-build.lock          the writer lock (write_lock)
    STORE/current                symbolic link to versions/vNNNNNN, the published store
    STORE/versions/vNNNNNN/      one Oxigraph directory per published build, read-only
    STORE/versions/vNNNNNN.lock  readers hold a shared lock on it while they read vNNNNNN
    STORE/work/                  the running build's working copy

Snapshots are RocksDB checkpoints: hard links to the immutable table files, so making one
costs a few milliseconds whatever the store's size.  ``docs/storage.md`` has the details.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import StoreError, StoreLockedError

__all__ = [
    "CURRENT_LINK",
    "WORK_DIR",
    "current_version",
    "discard_work",
    "pin_current",
    "prepare_work",
    "publish",
    "read_quad_count",
    "remove_stale",
    "write_lock",
]

CURRENT_LINK = "current"
VERSIONS_DIR = "versions"
WORK_DIR = "work"
LOCK_NAME = "kg-build.lock"
#: In a snapshot's folder: the quad count of its named graphs, so a build need not count.
QUAD_COUNT = "kg-quad-count"
_VERSION = re.compile(r"v(\d{6,})")
_PIN_ATTEMPTS = 50


@contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Hold the store's writer lock, or fail at once if another build holds it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        handle = open(path / LOCK_NAME, "a+")  # noqa: SIM115 (closed by the block below)
    except OSError as exc:
        raise StoreError(f"cannot use {path} as a store folder ({exc.strerror or exc})") from exc
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreLockedError(
                f"another kg build is writing to {path}; wait for it to finish"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def current_version(folder: Path) -> Path | None:
    """The published snapshot's folder, or None when nothing was published yet.

    Raises :class:`StoreError` for a folder that holds a store in the layout of earlier
    versions of kg (an Oxigraph directory at the top), which this one cannot read.
    """
    try:
        target = os.readlink(folder / CURRENT_LINK)
    except FileNotFoundError:
        if (folder / "CURRENT").exists():
            raise StoreError(
                f"{folder} holds a store written by an earlier kg; remove it and run kg build"
            ) from None
        return None
    except OSError as exc:
        raise StoreError(f"cannot read the store at {folder}: {exc.strerror or exc}") from exc
    return folder / target


def _lock_path(version: Path) -> Path:
    return version.with_name(version.name + ".lock")


def pin_current(folder: Path) -> tuple[Path, IO[str] | None]:
    """Find the published snapshot and hold a shared lock that keeps builds from deleting it.

    The lock lives as long as the returned handle stays open (None when the folder is not
    writable: the snapshot is then read without a pin).  A snapshot being deleted by a build
    is no longer the current one, so the search starts again.
    """
    for _ in range(_PIN_ATTEMPTS):
        version = current_version(folder)
        if version is None:
            raise StoreError(f"no store at {folder} (run 'kg build' first)")
        try:
            handle: IO[str] | None = open(_lock_path(version), "a+")  # noqa: SIM115
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                continue  # the versions folder is being changed: look again
            handle = None  # a folder this user cannot write: read without a pin
        if handle is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
        if (version / "CURRENT").exists():
            return version, handle
        if handle is not None:
            handle.close()
    raise StoreError(
        f"cannot open the store at {folder}: its snapshot is missing or keeps changing"
    )


def _number(name: str) -> int | None:
    found = _VERSION.fullmatch(name)
    return int(found.group(1)) if found else None


def _delete_version(version: Path) -> None:
    """Delete an unpublished or superseded snapshot unless a reader holds it."""
    lock = _lock_path(version)
    with open(lock, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # a reader holds it: a later build deletes it
        if version.exists():
            doomed = version.with_name(version.name + ".deleting")
            shutil.rmtree(doomed, ignore_errors=True)  # what a killed clean-up left
            os.replace(version, doomed)  # a reader sees the snapshot whole or not at all
            shutil.rmtree(doomed, ignore_errors=True)
        lock.unlink(missing_ok=True)


def remove_stale(folder: Path) -> None:
    """Remove what builds left behind: a killed build's working copy and half-made
    snapshot, and every superseded snapshot no reader holds.  Call with the writer lock."""
    discard_work(folder)
    (folder / (CURRENT_LINK + ".tmp")).unlink(missing_ok=True)
    _remove_superseded(folder)


def _remove_superseded(folder: Path) -> None:
    versions = folder / VERSIONS_DIR
    if not versions.is_dir():
        return
    current = current_version(folder)
    keep = current.name if current is not None else None
    for entry in sorted(versions.iterdir()):
        name = entry.name.removesuffix(".lock")
        try:
            if name != keep and _number(name) is not None:
                _delete_version(versions / name)
            elif name.endswith((".deleting", ".tmp")) and _number(name.rsplit(".", 1)[0]):
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue  # clean-up is best effort: the next build tries again


def discard_work(folder: Path) -> None:
    """Remove the working copy (after a build, or what a killed build left)."""
    shutil.rmtree(folder / WORK_DIR, ignore_errors=True)


def prepare_work(folder: Path) -> Path:
    """Return a fresh working copy of the published store (an empty folder when none).

    Call with the writer lock held: it first removes what earlier builds left behind.
    """
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder)
    work = folder / WORK_DIR
    current = current_version(folder)
    if current is not None:
        try:
            ox.Store.read_only(str(current)).backup(str(work))
        except OSError as exc:
            raise StoreError(f"cannot copy the store at {current}: {exc}") from exc
    return work


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_quad_count(version: Path | None) -> int | None:
    """The named graphs' quad count the snapshot ``version`` recorded, or None (none recorded)."""
    try:
        return int((version / QUAD_COUNT).read_text()) if version is not None else None
    except (OSError, ValueError):
        return None


def publish(folder: Path, store: ox.Store, quad_count: int | None = None) -> Path:
    """Snapshot ``store`` (the working copy) and make the snapshot the published store,
    recording ``quad_count`` (its named graphs' quads) when known.

    The switch is one ``rename`` of a symbolic link: atomic, so a reader or a crash sees
    the old snapshot or the new one.  Superseded snapshots are removed afterwards.
    """
    versions = folder / VERSIONS_DIR
    versions.mkdir(exist_ok=True)
    numbers = [_number(entry.name.split(".")[0]) for entry in versions.iterdir()]
    target = versions / f"v{max((n for n in numbers if n), default=0) + 1:06d}"
    try:
        store.backup(str(target))
        if quad_count is not None:
            (target / QUAD_COUNT).write_text(str(quad_count))
    except OSError as exc:
        raise StoreError(f"cannot write the store snapshot {target}: {exc}") from exc
    _sync_folder(versions)
    link = folder / (CURRENT_LINK + ".tmp")
    link.unlink(missing_ok=True)
    os.symlink(f"{VERSIONS_DIR}/{target.name}", link)
    os.replace(link, folder / CURRENT_LINK)
    _sync_folder(folder)
    _remove_superseded(folder)
    return target
