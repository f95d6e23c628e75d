"""`sitrep batch`: archives of articles through a Dask cluster, partition by partition.

    inputs --partitions--> Partition (a slice of a folder, JSONL, Parquet or WARC file)
        --Dask workers: readers --> Article | InputProblem --> Extractor (loaded once per worker)-->
        --results--> OUT/events/<key>.parquet, OUT/manifest/<key>.json (finished = skipped on rerun)

`run_batch` is the whole public surface; `sitrep.batch.cli` is the thin command over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.batch.driver import BatchReport, run_batch

__all__ = ["BatchReport", "run_batch"]


def __getattr__(name: str) -> Any:
    # Dask is imported only when a batch is run, not when the CLI builds its parser.
    if name in __all__:
        from sitrep.batch import driver

        return getattr(driver, name)
    raise AttributeError(name)
