"""Running the per-document work of a build in worker processes, in order, memory bounded.

A build spends nearly all its time on work that each document needs alone (parsing,
extraction, RDF), so :func:`ordered_map` hands batches of documents to forked workers and
gives their results back in the order the batches were given: the store is written in the
same order whatever the number of processes, and a rebuild gives the same bytes.  Only a
few batches are in flight at once, so memory does not grow with the corpus.  Workers are
forked after the spaCy model is loaded, so they share it instead of each loading their own.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TypeVar

__all__ = ["AUTO_PROCESS_THRESHOLD", "choose_processes", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

#: With ``processes`` 0 ("auto"), a build of more documents than this uses two processes:
#: below it, starting a worker costs more than it saves.
AUTO_PROCESS_THRESHOLD = 50


def choose_processes(requested: int, documents: int) -> int:
    """The number of processes for ``documents`` changed documents (``requested`` 0: auto).

    >>> choose_processes(0, 10), choose_processes(3, 10)
    (1, 3)
    >>> choose_processes(0, 500) == min(2, os.cpu_count() or 1)
    True
    """
    if requested > 0:
        return requested
    return min(2, os.cpu_count() or 1) if documents > AUTO_PROCESS_THRESHOLD else 1


def ordered_map(
    function: Callable[[T], R], tasks: Iterable[T], processes: int, *, window: int = 4
) -> Iterator[R]:
    """Yield ``function(task)`` for each task, in order, from ``processes`` workers.

    One process runs the tasks here, lazily.  Several run them in forked workers, at most
    ``window`` tasks per worker in flight; an exception in a worker is raised here when its
    result is reached, and the workers are stopped when the iteration ends or is abandoned.
    ``function`` must be a module-level function (or a ``functools.partial`` of one).

    >>> list(ordered_map(abs, [-3, 1, -2], 1))
    [3, 1, 2]
    """
    if processes <= 1:
        yield from map(function, tasks)
        return
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pending: deque[AsyncResult[R]] = deque()
        for task in tasks:
            pending.append(pool.apply_async(function, (task,)))
            if len(pending) >= window * processes:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
