"""Per-article work on every local core: a pool of worker processes, kept for the whole run.

The pool's processes are forked from a fresh server process (the "forkserver" start method),
never from the caller, which may be a `mkdocs serve` with threads of its own; they import the
analyser once, and keep its data files loaded from one build to the next while serving.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# Fewer items than this run in the calling process. Measured on the dev articles: the pool's fork
# server takes about 1.1 s of CPU to import the generator and load the data files before the first
# worker starts, and an article about 5 ms to analyse, so a pool of two repays its start from about
# 2 x 1.1 s / 5 ms = 440 articles on, when both cores are free (at 300 articles, with the cores
# shared by other work, `extract --jobs 2` took 1.4 times the wall time of `--jobs 1`).
IN_PROCESS_BELOW = 500

_pools: dict[int, ProcessPoolExecutor] = {}


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pool(jobs: int) -> ProcessPoolExecutor:
    if jobs not in _pools:
        context = multiprocessing.get_context("forkserver")
        # The workers are forked from the server with the generator imported and the extractor's
        # data files loaded: each starts ready, not after about 0.6 s of CPU of its own.
        context.set_forkserver_preload(["generator.pipeline", "generator.extraction.warm"])
        _pools[jobs] = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    return _pools[jobs]


def run(function: Callable[..., Any], arguments: Sequence[tuple], *, jobs: int | None = None) -> list[Any]:
    """[function(*args) for args in arguments], in that order, on `jobs` processes (default: every core).

    function must be a module-level function whose results pickle; one process (this one) when
    jobs is 1 or there are few arguments."""
    jobs = jobs or default_jobs()
    if jobs <= 1 or len(arguments) < IN_PROCESS_BELOW:
        return [function(*args) for args in arguments]
    chunk = max(1, min(50, len(arguments) // (jobs * 4)))  # a few chunks per worker: balanced, few round trips
    return list(_pool(jobs).map(function, *zip(*arguments), chunksize=chunk))


def shutdown() -> None:
    """End the pools' worker processes (a run that is stopping; a later run() starts a new pool)."""
    while _pools:
        _pools.popitem()[1].shutdown(wait=True, cancel_futures=True)
