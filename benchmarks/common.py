"""What the benchmarks share: the texts kg parses, running ``kg`` and measuring its memory.

Memory is the peak, over the run, of the proportional set size (PSS) summed over the
process and its children (spaCy's workers), sampled every 0.2 s: pages shared between
forked workers are counted once.  The largest single process's peak resident set comes from
``wait4``, which the kernel keeps for every child.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.chunks import split_long_items
from kg.clean import clean
from kg.load import discover, read_source
from kg.segment import segment
from kg.settings import Settings

__all__ = [
    "Row",
    "Run",
    "kg_command",
    "machine",
    "parsed_texts",
    "run_measured",
    "section",
    "update_section",
    "verdict",
]

KG = Path(sys.executable).with_name("kg")
ROOT = Path(__file__).resolve().parent.parent


def parsed_texts(paths: Sequence[Path], settings: Settings) -> list[str]:
    """The texts ``kg build`` hands to spaCy for these documents, in the same pieces."""
    files, _ = discover(paths, settings)
    texts = []
    for path, key in files:
        items = segment(clean(read_source(path, key, settings), settings))
        texts += [piece.text for piece in split_long_items(items, settings.parse_chunk_chars)]
    return texts


def machine() -> str:
    """The machine in one line: CPU model, cores, memory, Python."""
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        memory = int(info.readline().split()[1]) / 1024 / 1024
    return (
        f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def _children(pid: int) -> list[int]:
    found = [pid]
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid:
            found += _children(int(entry))
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


@dataclass(frozen=True)
class Run:
    """One measured command: wall time, peak memory of its process tree, its output."""

    seconds: float
    peak_tree_mib: float  # peak of the summed PSS of the process and its children
    peak_process_mib: float  # peak resident set of the largest single process
    output: str
    returncode: int


def run_measured(command: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run ``command``, timing it and sampling its memory; its output is kept."""
    peak = [0]
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], sum(_pss_kib(pid) for pid in _children(process.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, peak[0] / 1024, usage.ru_maxrss / 1024, output, process.returncode)


def kg_command(*args: str) -> list[str]:
    """The ``kg`` command of this interpreter's environment, with ``args``."""
    return [str(KG), *args]


@dataclass(frozen=True)
class Row:
    """One line of a benchmark's table: a figure, its value, its target and the verdict."""

    figure: str
    value: str
    target: str = ""
    verdict: str = ""


def verdict(ok: bool) -> str:
    """The verdict column: whether the figure meets its target."""
    return "meets the target" if ok else "**misses the target**"


def section(key: str, title: str, command: str, rows: Sequence[Row], notes: str = "") -> str:
    """A Markdown section for BENCHMARKS.md between ``<!-- bench:KEY -->`` markers: the
    command that measured it, the machine and the date, then one table row per figure."""
    lines = [
        f"<!-- bench:{key} -->",
        f"### {title}",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {machine()}; measured {datetime.date.today().isoformat()}.",
        "",
        "| figure | value | target | verdict |",
        "| --- | ---: | ---: | --- |",
        *(f"| {r.figure} | {r.value} | {r.target} | {r.verdict} |" for r in rows),
    ]
    if notes:
        lines += ["", notes]
    return "\n".join([*lines, f"<!-- /bench:{key} -->", ""])


def update_section(markdown: Path, text: str) -> None:
    """Put the section ``text`` (from :func:`section`) into ``markdown``: in place of the
    section with the same key, or at the end; the rest of the file is kept."""
    key = re.match(r"<!-- bench:([\w-]+) -->", text)
    assert key is not None
    old = markdown.read_text(encoding="utf-8") if markdown.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"<!-- bench:{key[1]} -->.*?<!-- /bench:{key[1]} -->\n?", flags=re.DOTALL)
    if pattern.search(old):
        new = pattern.sub(lambda _: text, old)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    markdown.write_text(new, encoding="utf-8")
