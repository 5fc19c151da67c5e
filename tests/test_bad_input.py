"""Bad documents through `kg build`: each one is reported in one line, the rest are built.

Every case puts one odd file next to two good fictional articles.  A file that cannot be
read gives exactly one ``failed:`` line with its reason and exit status 1; a file that can
be read (other encodings, other scripts, hostile HTML) is built with its text decoded
right.  No case shows a traceback.
"""

from __future__ import annotations

import codecs
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.pipeline
from kg.cli import main
from kg.store import KgStore

GOOD = {
    "good-a.txt": (
        "Opposition Activist Arrested\n\nMarch 3, 2021\n\n"
        "Police arrested Chan Dara, a member of the Party of Imaginary Progress, "
        "in the town of Exampleville on 2 March 2021.\n"
    ),
    "good-b.txt": (
        "Court Hearing Postponed\n\nApril 9, 2021\n\n"
        "The Provincial Court of Nowhere postponed the trial of Lim Sovann today.\n"
    ),
}
MB = 1024 * 1024
ARTICLE = (
    "Police arrested Pich Nary, a member of the Party of Imaginary Progress, in Exampleville "
    "on Monday and charged her with incitement, her lawyer Lim Sovann said."
)


def _article(title: str, body: str = ARTICLE) -> str:
    return f"{title}\n\nMarch 3, 2021\n\n{body}\n"


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


def _script_page(megabytes: int) -> bytes:
    script = "<script>var tracker = '" + "SCRIPT-PAYLOAD " * 6000 + "';</script>\n"
    frames = '<iframe src="http://127.0.0.1:9/frame">IFRAME-PAYLOAD</iframe>\n'
    head = "<html><head><title>Court jails Pich Nary | Fictional Times</title></head><body>\n"
    blocks = (script + frames) * max(1, megabytes * MB // len(script + frames))
    article = f"<article><h1>Court jails Pich Nary</h1><p>{ARTICLE}</p></article>"
    return (head + blocks + article + "<script>INLINE-PAYLOAD</script></body></html>").encode()


# name -> (file name, writer, reason in the failure line)
FAILS: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "empty": ("empty.txt", lambda d: _write(d, "empty.txt", b""), "no text"),
    "blank lines only": (
        "blank.md",
        lambda d: _write(d, "blank.md", b"  \n\n\t\r\n"),
        "no text",
    ),
    "binary": (
        "image.txt",
        lambda d: _write(d, "image.txt", b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(4096)),
        "binary file",
    ),
    "NUL bytes": (
        "nul.txt",
        lambda d: _write(d, "nul.txt", ARTICLE.encode() + b"\x00\x00" + ARTICLE.encode()),
        "binary file (contains NUL bytes)",
    ),
    "bytes no encoding explains": (
        "noise.txt",
        lambda d: _write(d, "noise.txt", bytes(range(128, 256)) * 16),
        "binary file or unknown text encoding",
    ),
    "invalid UTF-8 after a UTF-8 BOM": (
        "bom.txt",
        lambda d: _write(d, "bom.txt", codecs.BOM_UTF8 + b"Chan Dara \xff\xfe was freed."),
        "invalid utf-8 text after its byte-order mark",
    ),
    "20 MB of text": (
        "huge.txt",
        lambda d: _write(d, "huge.txt", ((ARTICLE + "\n\n") * (20 * MB // len(ARTICLE))).encode()),
        "over the limit of 2,000,000 (max_text_chars)",
    ),
    "60 MB file": (
        "giant.txt",
        lambda d: os.truncate(_touch(d / "giant.txt"), 60 * MB),
        f"file is larger than the limit of {50 * MB} bytes",
    ),
    "one 5 MB line": (
        "one-line.txt",
        lambda d: _write(d, "one-line.txt", ((ARTICLE + " ") * (5 * MB // len(ARTICLE))).encode()),
        "line 1 is",
    ),
    "HTML that makes the HTML parser fail (found by fuzzing)": (
        "broken.html",
        lambda d: _write(
            d,
            "broken.html",
            b"<iframe src='http://127.0.0.1:9/'><!doctype html/iframe>\n<article><h1>Chan Dara"
            b"</h1><p>Chan Dara was freed.</p></article></body></html>",
        ),
        "no text",
    ),
    "symbolic link loop": (
        "loop.txt",
        lambda d: os.symlink("loop.txt", d / "loop.txt"),
        "symbolic link loop",
    ),
    "broken symbolic link": (
        "gone.txt",
        lambda d: os.symlink("nowhere.txt", d / "gone.txt"),
        "broken symbolic link",
    ),
}


def _touch(path: Path) -> Path:
    path.touch()
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def stored(store: Path) -> set[str]:
    return set(KgStore(store, read_only=True).document_states())


def failure_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("failed:")]


def assert_one_failure(code: int, out: str, name: str, reason: str, store: Path) -> None:
    assert code == 1, out
    assert failure_lines(out) == [failure_lines(out)[0]] and name in failure_lines(out)[0], out
    assert reason in failure_lines(out)[0], out
    assert "Traceback" not in out
    assert stored(store) == set(GOOD)


@pytest.mark.parametrize("kind", list(FAILS))
def test_an_unreadable_document_is_one_line_and_the_others_are_built(
    kind: str, corpus: Path, tmp_path: Path
) -> None:
    name, writer, reason = FAILS[kind]
    writer(corpus)
    store = tmp_path / "store"
    code, out = build(str(corpus), "--store", str(store))
    assert_one_failure(code, out, name, reason, store)


def test_a_file_the_system_refuses_to_read_is_one_line(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus / "locked.txt").write_text(_article("Locked Away"), encoding="utf-8")
    real_open = Path.open

    def refuse_locked(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse_locked)
    store = tmp_path / "store"
    code, out = build(str(corpus), "--store", str(store))
    assert_one_failure(code, out, "locked.txt", "cannot read the file (Permission denied)", store)


def test_a_path_that_does_not_exist_is_one_line(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    code, out = build(str(corpus), str(tmp_path / "no-such-folder"), "--store", str(store))
    assert_one_failure(code, out, "no-such-folder", "no such file or folder", store)


def _title(store: Path, name: str) -> str:
    rows = KgStore(store, read_only=True).query(
        "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/identifier> "
        f'"{name}" ; <http://purl.org/dc/terms/title> ?t }}'
    )
    return "|".join(sorted(row["t"].value for row in rows))  # type: ignore[union-attr]


LATIN1_TITLE = "Arrestation à Exampleville : Chan Dara détenu"
CYRILLIC_TITLE = "Иван Фиктивов задержан в Примерограде"
KHMER_TITLE = "ចាន់ ដារ៉ា ត្រូវបានចាប់ខ្លួន"
UTF16_TITLE = "Court Frees Ivan Fictivov — “A Reprieve” for Pich Nary"
DAMAGED_TITLE = "Café Owner Pich Nary Détenu — “Insult” Case"

# name -> (file name, bytes, the title the store must hold)
READABLE: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "Latin-1": (
        "latin1.txt",
        lambda: _article(
            LATIN1_TITLE,
            "Chan Dara, membre du Parti du Progrès Imaginaire, a été arrêté à Exampleville.",
        ).encode("latin-1"),
        LATIN1_TITLE,
    ),
    "UTF-16 with a BOM": (
        "utf16.txt",
        lambda: _article(UTF16_TITLE).encode("utf-16"),
        UTF16_TITLE,
    ),
    "UTF-8 with one damaged byte": (
        "damaged.txt",
        lambda: _article(DAMAGED_TITLE).encode().replace(b"Monday", b"Mon\xffday"),
        DAMAGED_TITLE,
    ),
    "Cyrillic": (
        "cyrillic.txt",
        lambda: _article(
            CYRILLIC_TITLE, "Полиция задержала Ивана Фиктивова в Примерограде в понедельник."
        ).encode(),
        CYRILLIC_TITLE,
    ),
    "Khmer": (
        "khmer.txt",
        lambda: _article(KHMER_TITLE, "ប៉ូលិសបានចាប់ខ្លួន ចាន់ ដារ៉ា នៅថ្ងៃច័ន្ទ។ " * 3).encode(),
        KHMER_TITLE,
    ),
    "HTML full of scripts and iframes": (
        "scripts.html",
        lambda: _script_page(1),
        "Court jails Pich Nary",
    ),
    "20 MB of HTML, nearly all scripts": (
        "heavy.html",
        lambda: _script_page(20),
        "Court jails Pich Nary",
    ),
}


@pytest.mark.parametrize("kind", list(READABLE))
def test_a_readable_odd_document_is_built_with_its_text_right(
    kind: str, corpus: Path, tmp_path: Path
) -> None:
    name, data, title = READABLE[kind]
    (corpus / name).write_bytes(data())
    store = tmp_path / "store"
    code, out = build(str(corpus), "--store", str(store))
    assert code == 0, out
    assert failure_lines(out) == [] and "Traceback" not in out
    assert stored(store) == {*GOOD, name}
    assert title in _title(store, name)
    literals = KgStore(store, read_only=True).query(
        'SELECT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(STR(?o), "PAYLOAD")) }'
    )
    assert list(literals) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("stage", "function"), [("reading", "segment"), ("extraction", "process_document")]
)
def test_a_bug_hit_by_one_document_is_one_line_and_debug_raises(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, function: str
) -> None:
    real = getattr(kg.pipeline, function)

    def fragile(document: kg.pipeline.Document, *args: object, **kwargs: object) -> object:
        if document.path == "good-b.txt":
            raise RuntimeError("a bug\nwith a second line")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(kg.pipeline, function, fragile)
    store = tmp_path / "store"
    code, out = build(str(corpus), "--store", str(store))
    assert code == 1
    assert failure_lines(out) == [f"failed: good-b.txt: {stage} failed: RuntimeError: a bug"]
    assert stored(store) == {"good-a.txt"}
    debug = CliRunner().invoke(main, ["--debug", "build", str(corpus), "--store", str(store)])
    assert isinstance(debug.exception, RuntimeError)


def test_an_unexpected_error_is_one_line(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.snapshots.publish", broken_disk)
    store = tmp_path / "store"
    code, out = build(str(corpus), "--store", str(store))
    assert code == 1
    assert out.strip().splitlines()[-1] == (
        "Error: unexpected error: OSError: [Errno 28] No space left on device "
        "(run 'kg --debug ...' to see the traceback)"
    )
    assert not (store / "current").exists()  # nothing half-written was published


def test_debug_shows_the_traceback_and_plain_runs_do_not(tmp_path: Path) -> None:
    kg_command = [sys.executable, "-c", "from kg.cli import main; main()"]
    args = ["query", "--store", str(tmp_path / "nothing"), "SELECT * WHERE { ?s ?p ?o }"]
    plain = subprocess.run([*kg_command, *args], capture_output=True, text=True, timeout=120)
    debug = subprocess.run(
        [*kg_command, "--debug", *args], capture_output=True, text=True, timeout=120
    )
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    message = f"Error: no store at {tmp_path / 'nothing'} (run 'kg build' first)"
    assert plain.stderr.strip() == message
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "StoreError" in debug.stderr
