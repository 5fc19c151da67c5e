"""Progress bars for long commands, drawn on standard error only when it is a terminal.

A script that pipes or captures ``kg``'s output sees nothing of them: not a bar, not a
label, not a carriage return.  :func:`build_progress` follows a build document by document;
:func:`steps` follows a command made of a few long steps (reading the graph, computing).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

__all__ = ["BuildProgress", "build_progress", "is_terminal", "steps"]

#: Called by :func:`kg.pipeline.build` as each document is done: (path, done, total).
BuildProgress = Callable[[str, int, int], None]


def is_terminal() -> bool:
    """Whether standard error is a terminal a person watches."""
    return sys.stderr.isatty()


def _bar(length: int, label: str) -> Any:
    return click.progressbar(
        length=length,
        label=label,
        file=sys.stderr,
        show_pos=True,
        item_show_func=lambda item: item,
    )


@contextmanager
def build_progress() -> Iterator[BuildProgress | None]:
    """Yield a callback that draws a build's progress, or None when nobody would see it."""
    if not is_terminal():
        yield None
        return
    bars: list[Any] = []

    def update(path: str, done: int, total: int) -> None:
        if not bars:
            bars.append(_bar(total, "building").__enter__())
        bars[0].update(done - bars[0].pos, current_item=path)

    try:
        yield update
    finally:
        if bars:
            bars[0].__exit__(None, None, None)


@contextmanager
def steps(label: str, names: Sequence[str]) -> Iterator[Callable[[], None]]:
    """Yield ``advance``, to call as each named step begins; the bar shows the step running.

    Nothing is drawn when standard error is not a terminal.
    """
    if not is_terminal():
        yield lambda: None
        return
    position = [0]
    with _bar(len(names), label) as bar:

        def advance() -> None:
            if position[0] < len(names):
                bar.update(1 if position[0] else 0, current_item=names[position[0]])
                position[0] += 1

        yield advance
        bar.update(len(names) - bar.pos)
