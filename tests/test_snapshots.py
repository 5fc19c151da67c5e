"""The store folder's snapshots (kg.snapshots, kg.store.open_for_writing): a build publishes
whole or not at all, readers keep their snapshot, and leftovers are cleared."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.namespaces import LEK
from kg.store import KgStore, open_for_writing

RES = "https://w3id.org/legal-events-kg/id/"


def document(name: str, content_hash: str) -> list[ox.Quad]:
    graph, node = ox.NamedNode(f"{RES}graph/{name}"), ox.NamedNode(f"{RES}doc/{name}")
    return [
        ox.Quad(node, ox.NamedNode(str(LEK.sourcePath)), ox.Literal(f"{name}.txt"), graph),
        ox.Quad(node, ox.NamedNode(str(LEK.contentHash)), ox.Literal(content_hash), graph),
        ox.Quad(node, ox.NamedNode(str(LEK.builtWith)), ox.Literal("test"), graph),
    ]


def write(store: Path, name: str, content_hash: str) -> None:
    with open_for_writing(store) as kg_store:
        kg_store.replace_graph(f"{RES}graph/{name}", document(name, content_hash))


def hashes(store: KgStore) -> dict[str, str]:
    return {path: state.content_hash for path, state in store.document_states().items()}


def snapshots(store: Path) -> list[str]:
    return sorted(p.name for p in (store / "versions").iterdir() if p.is_dir())


def test_a_build_publishes_a_new_snapshot_and_removes_the_old(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write(store, "a", "h1")
    write(store, "b", "h2")
    assert hashes(KgStore(store, read_only=True)) == {"a.txt": "h1", "b.txt": "h2"}
    assert snapshots(store) == [os.readlink(store / "current").split("/")[-1]]
    assert not (store / "work").exists()


def test_a_reader_keeps_its_snapshot_while_builds_publish(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write(store, "a", "h1")
    reader = KgStore(store, read_only=True)
    write(store, "a", "h2")
    write(store, "a", "h3")
    assert hashes(reader) == {"a.txt": "h1"}  # still readable: its snapshot was kept
    assert hashes(KgStore(store, read_only=True)) == {"a.txt": "h3"}
    assert len(snapshots(store)) == 2
    reader.close()
    write(store, "a", "h4")
    assert len(snapshots(store)) == 1


def test_a_build_that_fails_publishes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write(store, "a", "h1")
    with pytest.raises(RuntimeError), open_for_writing(store) as kg_store:
        kg_store.replace_graph(f"{RES}graph/a", document("a", "half-written"))
        raise RuntimeError("the build broke")
    assert hashes(KgStore(store, read_only=True)) == {"a.txt": "h1"}
    assert not (store / "work").exists()


def test_what_a_killed_build_left_is_cleared_by_the_next(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write(store, "a", "h1")
    (store / "work").mkdir()
    (store / "work" / "000001.sst").write_bytes(b"half")
    (store / "versions" / "v000009.tmp").mkdir()
    (store / "versions" / "v000007.deleting").mkdir()
    (store / "versions" / "v000001.deleting").mkdir()  # beside the snapshot the build replaces
    os.symlink("versions/v000009", store / "current.tmp")
    write(store, "b", "h2")
    leftovers = {p.name for p in store.iterdir()} | {p.name for p in (store / "versions").iterdir()}
    assert not leftovers & {"work", "current.tmp", "v000009.tmp", "v000007.deleting", "v000001"}
    assert not {name for name in leftovers if name.endswith(".deleting")}
    assert hashes(KgStore(store, read_only=True)) == {"a.txt": "h1", "b.txt": "h2"}


def test_reading_a_folder_without_a_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .* \(run 'kg build' first\)"):
        KgStore(tmp_path / "empty", read_only=True)


def test_a_store_in_the_old_layout_is_refused_with_what_to_do(tmp_path: Path) -> None:
    old = tmp_path / "old"
    ox.Store(str(old)).flush()
    with pytest.raises(StoreError, match="written by an earlier kg; remove it and run kg build"):
        KgStore(old, read_only=True)


def test_a_store_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    with (
        pytest.raises(StoreError, match=r"cannot use .* as a store folder \(Not a directory\)"),
        open_for_writing(tmp_path / "a-file" / "store"),
    ):
        pass  # pragma: no cover - the folder cannot be made
