"""Finding and reading source files (kg.load)."""

from __future__ import annotations

import doctest
import hashlib
import os
from pathlib import Path
from types import ModuleType

import pytest

import kg.load
from kg.errors import DocumentError
from kg.load import discover, read_source
from kg.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder with nested, hidden and unsupported files."""
    root = tmp_path / "docs"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.txt").write_text("Chan Dara was arrested.")
    (root / "a.HTML").write_text("<p>Lim Sovann was released.</p>")
    (root / "sub" / "c.md").write_text("# Pich Nary")
    (root / "sub" / "deeper" / "d.htm").write_text("<p>x</p>")
    (root / "notes.csv").write_text("file,publisher\n")
    (root / ".secret.txt").write_text("hidden")
    (root / ".hidden" / "e.txt").write_text("hidden")
    return root


def test_discover_walks_folders_recursively_with_relative_keys(
    tree: Path, settings: Settings
) -> None:
    files, errors = discover([tree], settings)
    assert errors == []
    assert [key for _, key in files] == ["a.HTML", "b.txt", "sub/c.md", "sub/deeper/d.htm"]
    assert all(path.is_file() for path, _ in files)


def test_a_file_named_directly_is_keyed_by_its_bare_name(tree: Path, settings: Settings) -> None:
    files, errors = discover([tree / "sub" / "c.md"], settings)
    assert errors == []
    assert files == [(tree / "sub" / "c.md", "c.md")]


def test_missing_path_is_an_error_and_the_others_are_still_found(
    tree: Path, settings: Settings
) -> None:
    files, errors = discover([tree / "nope.txt", tree / "b.txt"], settings)
    assert [key for _, key in files] == ["b.txt"]
    assert len(errors) == 1
    assert isinstance(errors[0], DocumentError)
    assert "no such file or folder" in str(errors[0])


def test_unsupported_file_named_directly_is_an_error(tree: Path, settings: Settings) -> None:
    files, errors = discover([tree / "notes.csv"], settings)
    assert files == []
    assert "unsupported file type" in errors[0].reason


def test_symlink_loop_ends_and_each_file_is_found_once(tmp_path: Path, settings: Settings) -> None:
    root = tmp_path / "loop"
    root.mkdir()
    (root / "a.txt").write_text("Chan Dara was arrested.")
    os.symlink(root, root / "again")
    files, errors = discover([root], settings)
    assert errors == []
    assert [key for _, key in files] == ["a.txt"]


def test_two_files_with_one_key_are_reported(tmp_path: Path, settings: Settings) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text(name)
    files, errors = discover([tmp_path / "one", tmp_path / "two"], settings)
    assert [key for _, key in files] == ["same.txt"]
    assert errors and errors[0].path == "same.txt"


def test_the_same_file_named_twice_is_read_once(tree: Path, settings: Settings) -> None:
    files, errors = discover([tree, tree / "b.txt"], settings)
    assert errors == []
    assert [key for _, key in files].count("b.txt") == 1


def test_demo_corpus_holds_five_documents_and_not_its_manifest(settings: Settings) -> None:
    files, errors = discover([CORPUS], settings)
    assert errors == []
    assert len(files) == 5
    assert all(key.endswith(".txt") for _, key in files)


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("a.txt", "text/plain"),
        ("a.html", "text/html"),
        ("a.HTM", "text/html"),
        ("a.md", "text/markdown"),
    ],
)
def test_read_source_keeps_bytes_hash_and_media_type(
    tmp_path: Path, settings: Settings, name: str, media_type: str
) -> None:
    raw = "Chan Dara – arrested\n".encode()
    path = tmp_path / name
    path.write_bytes(raw)
    source = read_source(path, f"folder/{name}", settings)
    assert source.raw == raw
    assert source.sha256 == hashlib.sha256(raw).hexdigest()
    assert source.media_type == media_type
    assert source.path == f"folder/{name}"
    assert source.file_name == name


def test_empty_file_is_read_as_no_bytes(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_source(path, "empty.txt", settings).raw == b""


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(DocumentError, match="larger than the limit of 100 bytes"):
        read_source(path, "big.txt", Settings(max_file_bytes=100))


def test_file_gone_before_reading_is_a_document_error(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(DocumentError) as caught:
        read_source(tmp_path / "vanished.txt", "vanished.txt", settings)
    assert caught.value.path == "vanished.txt"
    assert "\n" not in str(caught.value)


def test_folder_given_as_file_is_a_document_error(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(DocumentError, match="not a regular file"):
        read_source(tmp_path, "folder.txt", settings)


def test_unreadable_file_is_a_one_line_document_error(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Chan Dara was arrested.")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(
        DocumentError, match=r"locked.txt: cannot read the file \(Permission denied\)"
    ):
        read_source(path, "locked.txt", settings)


@pytest.mark.parametrize("module", [kg.load])
def test_docstring_examples_hold(module: ModuleType) -> None:
    results = doctest.testmod(module)
    assert results.attempted > 0
    assert results.failed == 0


def test_the_demo_manifest_gives_each_file_its_publisher(settings: Settings) -> None:
    listed = read_source(CORPUS / "002_8769f3845ee12cc6.txt", "002.txt", settings)
    assert (listed.publisher, listed.title, listed.date) == ("Impunity Watch", None, None)
    blank = read_source(CORPUS / "004_cca068b90dbaf784.txt", "004.txt", settings)
    assert (blank.publisher, blank.title, blank.date) == (None, None, None)


def test_a_manifest_beside_a_file_states_its_publisher_title_and_date(
    tmp_path: Path, settings: Settings
) -> None:
    (tmp_path / "a.txt").write_text("Chan Dara was arrested.")
    (tmp_path / "b.txt").write_text("Lim Sovann was released.")
    (tmp_path / "MANIFEST.csv").write_text(
        "file,publisher,title,date,note\na.txt, Imaginary Watch ,Chan Dara held,2021-03,\n",
        encoding="utf-8",
    )
    source = read_source(tmp_path / "a.txt", "a.txt", settings)
    assert (source.publisher, source.title, source.date) == (
        "Imaginary Watch",
        "Chan Dara held",
        "2021-03",
    )
    unlisted = read_source(tmp_path / "b.txt", "b.txt", settings)
    assert (unlisted.publisher, unlisted.title, unlisted.date) == (None, None, None)
    (tmp_path / "MANIFEST.csv").write_text("file,publisher\na.txt,Fictional Times\n")
    assert read_source(tmp_path / "a.txt", "a.txt", settings).publisher == "Fictional Times"


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("name,publisher\na.txt,Imaginary Watch\n", "no header row with a 'file' column"),
        ("", "no header row with a 'file' column"),
        ("file,date\na.txt,5 May 2021\n", "line 2: the date '5 May 2021' is not YYYY"),
        ("file,date\na.txt,2021-02-30\n", "line 2: the date '2021-02-30' is not YYYY"),
        ("file,publisher\na.txt,X\na.txt,Y\n", "line 3 lists 'a.txt' a second time"),
        ("file,publisher\na.txt,Imaginary Watch\n".encode("utf-16"), "not UTF-8 text"),
    ],
)
def test_a_malformed_manifest_is_a_one_line_document_error(
    tmp_path: Path, settings: Settings, manifest: str | bytes, message: str
) -> None:
    (tmp_path / "a.txt").write_text("Chan Dara was arrested.")
    raw = manifest.encode() if isinstance(manifest, str) else manifest
    (tmp_path / "MANIFEST.csv").write_bytes(raw)
    with pytest.raises(DocumentError, match="cannot use the MANIFEST.csv beside it") as caught:
        read_source(tmp_path / "a.txt", "a.txt", settings)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
