"""``python -m newsprism.distributed``: a corpus too large for one machine, analysed on Dask.

The corpus splits where the analysis does: 1. each part of the input is loaded and each article
profiled on its own (``_native.profile_chunk``); 2. stories are found by joins over those profiles:
document frequencies grouped by feature, sketches grouped by article, posting lists grouped by
feature, shared weights grouped by pair, links grouped by article, and a union-find over the links on
the client (8 bytes an article, no text); 3. the articles are shuffled by story and each story is
analysed whole, as ``newsprism analyze`` would analyse that story's records. Every step is a call into
the Rust core; this module only moves data.

Dask schedules the tasks; the rows between two steps move through the work folder ``OUT/_work``, never
through the scheduler or a worker's memory: a task writes its output rows sorted by bucket (a hash of
the key the next step groups by, one of ``2**BUCKET_BITS``), with each bucket's offsets, and the client
cuts the buckets into runs of about ``JOIN_TASK_BYTES`` (``STORY_TASK_BYTES`` of text for the stories),
one task each, which reads its run's rows from every file of the step before (memory-mapped). So a task
holds one part, one run of buckets or one run of stories, whatever the size of the corpus and whatever
the cluster's shuffle settings. Workers read the inputs and the work folder, so both must be on a file
system every worker sees (any folder, for a local cluster).

Writes ``OUT/stories/<story-id>.json`` (one analysis file per story, which the page opens) and
``OUT/{stories,articles,entities,mentions,quotes}.parquet`` (each a Parquet dataset, one file per
task, with the story and article ids), ``OUT/errors.parquet`` and ``OUT/summary.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from . import _native

#: A JSON Lines input over the core's input limit is cut into parts of about this many bytes.
PART_BYTES = 8 << 20
#: Bytes of join rows one task of pass 2 takes, about (all rows of one key stay in one task).
JOIN_TASK_BYTES = 16 << 20
#: Bytes of text one task of pass 3 analyses, about (a story is never split).
STORY_TASK_BYTES = 16 << 20
#: The core's input limit (larger JSON Lines inputs are cut into parts; others are refused as too large).
INPUT_LIMIT = 16 << 20
#: Rows between two join steps are bucketed by a hash into ``2**BUCKET_BITS`` buckets; a task takes a run.
BUCKET_BITS = 14

Array = npt.NDArray[Any]
Columns = dict[str, Array]
#: Each column's type (``object``: a string column, stored as UTF-8 bytes and row ends).
Schema = dict[str, Any]


@dataclass(frozen=True)
class Part:
    """One task's share of the input: bytes ``offset..offset+length`` of input ``name`` (as given)."""

    index: int
    name: str
    path: str
    offset: int
    length: int
    first_line: int
    whole: bool


def _line_parts(name: str, path: str, size: int, start_index: int) -> Iterator[Part]:
    """A JSON Lines input cut at line ends into parts of about ``PART_BYTES``, each with its first line."""
    offset, line, index = 0, 1, start_index
    with open(path, "rb") as f:
        while offset < size:
            f.seek(offset)
            block = f.read(PART_BYTES)
            end = offset + len(block)
            if end < size:
                tail = f.readline()
                end += len(tail)
                block += tail
            yield Part(index, name, path, offset, end - offset, line, False)
            line += block.count(b"\n")
            offset, index = end, index + 1


def plan(inputs: Sequence[str]) -> tuple[list[Part], list[tuple[str, str, str]]]:
    """The parts of the inputs in input order, and the inputs refused before reading (unreadable, too large)."""
    parts: list[Part] = []
    refused: list[tuple[str, str, str]] = []
    for name in inputs:
        path = os.path.abspath(name)
        try:
            size = os.path.getsize(path)
            if os.path.isdir(path):
                raise IsADirectoryError("it is a directory")
        except OSError as e:
            error = _native.input_refusal(name, reason=e.strerror or str(e))
            refused.append(error) if error else None
            continue
        if size > INPUT_LIMIT and _native.is_json_lines(name):
            parts.extend(_line_parts(name, path, size, len(parts)))
            continue
        error = _native.input_refusal(name, size=size)
        if error:
            refused.append(error)
            continue
        parts.append(Part(len(parts), name, path, 0, size, 1, True))
    return parts, refused


def _read(part: Part) -> bytes:
    with open(part.path, "rb") as f:
        f.seek(part.offset)
        return f.read(part.length)


def _work(out: str, table: str, part: int) -> str:
    return os.path.join(out, "_work", table, f"{part:06d}.parquet")


def _admitted(out: str, part: int) -> pd.DataFrame:
    return pd.read_parquet(_work(out, "admitted", part))


# Bucketed files. A step's output is one file set per task: each column as .npy (a string column as its
# UTF-8 bytes and each row's end), rows sorted by bucket, and the buckets' offsets (written last).


def _save(path: str, array: Array) -> None:
    tmp = f"{path}.tmp"
    with open(tmp, "wb") as f:
        np.save(f, array)
    os.replace(tmp, path)


def _mix(x: Array) -> npt.NDArray[np.uint64]:
    """A 64-bit hash of each value (splitmix64's finaliser), to spread keys over buckets evenly."""
    z = x.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _bucket_of(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    return (h >> np.uint64(64 - BUCKET_BITS)).astype(np.int64)


def write_buckets(stem: str, columns: Columns, bucket: npt.NDArray[np.int64], buckets: int) -> int:
    """Writes the rows sorted by bucket (stably) and each bucket's offsets; returns how many rows."""
    order = np.argsort(bucket, kind="stable")
    for name, values in columns.items():
        if values.dtype == object:
            encoded = [values[k].encode("utf-8") for k in order]
            ends = np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), dtype=np.int64)
            _save(f"{stem}.{name}.bytes.npy", np.frombuffer(b"".join(encoded), dtype=np.uint8))
            _save(f"{stem}.{name}.ends.npy", ends)
            del encoded
        else:
            _save(f"{stem}.{name}.npy", values[order])
    offsets = np.zeros(buckets + 1, dtype=np.int64)
    np.cumsum(np.bincount(bucket, minlength=buckets), out=offsets[1:])
    _save(f"{stem}.offsets.npy", offsets)
    return len(order)


def bucket_rows(stems: Sequence[str]) -> npt.NDArray[np.int64]:
    """How many rows each bucket has over the files ``stems``."""
    total: npt.NDArray[np.int64] | None = None
    for stem in stems:
        rows = np.diff(np.load(f"{stem}.offsets.npy"))
        total = rows if total is None else total + rows
    return total if total is not None else np.zeros(0, dtype=np.int64)


def _strings(stem: str, name: str, a: int, b: int) -> Array:
    ends = np.load(f"{stem}.{name}.ends.npy", mmap_mode="r")
    start = int(ends[a - 1]) if a else 0
    cuts = np.asarray(ends[a:b], dtype=np.int64) - start
    data = bytes(np.load(f"{stem}.{name}.bytes.npy", mmap_mode="r")[start : int(ends[b - 1])])
    out = np.empty(b - a, dtype=object)
    prev = 0
    for k, end in enumerate(cuts.tolist()):
        out[k] = data[prev:end].decode("utf-8")
        prev = end
    return out


def read_buckets(stems: Sequence[str], schema: Schema, lo: int, hi: int) -> Columns:
    """The rows of buckets ``lo..hi`` from every file of ``stems`` (only those rows are read)."""
    pieces: dict[str, list[Array]] = {name: [] for name in schema}
    for stem in stems:
        offsets = np.load(f"{stem}.offsets.npy", mmap_mode="r")
        a, b = int(offsets[lo]), int(offsets[hi])
        if b <= a:
            continue
        for name, dtype in schema.items():
            if dtype is object:
                pieces[name].append(_strings(stem, name, a, b))
            else:
                pieces[name].append(np.array(np.load(f"{stem}.{name}.npy", mmap_mode="r")[a:b]))
    return {
        name: np.concatenate(p) if p else np.empty(0, dtype=schema[name]) for name, p in pieces.items()
    }


def runs_of(rows: npt.NDArray[np.int64], target: int, at_least: int) -> list[tuple[int, int]]:
    """The buckets cut into runs in order, each of about ``target`` rows (fewer when that leaves fewer
    than ``at_least`` runs, so every worker has work; a bucket bigger than the target is a run alone);
    runs without rows are left out."""
    total = int(rows.sum())
    if total == 0:
        return []
    target = max(1, min(target, -(-total // max(at_least, 1))))
    out, start, held = [], 0, 0
    for k, r in enumerate(rows.tolist()):
        if held and held + r > target:
            out.append((start, k))
            start, held = k, 0
        held += r
    out.append((start, len(rows)))
    return [(a, b) for a, b in out if rows[a:b].sum() > 0]


def _u(values: Array, dtype: str) -> bytes:
    return np.ascontiguousarray(values, dtype=dtype).tobytes()


def profile_part(part: Part, out: str) -> dict[str, Any]:
    """Pass 1 on a worker: loads a part, profiles its articles, writes their records and profile terms
    to the work folder, and returns what the client admits articles by (no text) and each record's size."""
    try:
        data = _read(part)
    except OSError as e:
        error = _native.input_refusal(part.name, reason=e.strerror or str(e))
        return {"origins": [], "own_ids": [], "text_keys": b"", "sizes": b"", "errors": [error] if error else []}
    p = _native.profile_chunk(part.name, data, part.first_line, part.whole)
    del data
    pd.DataFrame({"doc": np.arange(len(p.records), dtype=np.int64), "record": p.records}).to_parquet(
        _work(out, "records", part.index), index=False
    )
    pd.DataFrame(
        {
            "doc": np.frombuffer(p.term_doc, dtype="<u4").astype(np.int64),
            "key": np.frombuffer(p.term_key, dtype="<u8"),
            "units": np.frombuffer(p.term_units, dtype="<u4"),
        }
    ).to_parquet(_work(out, "terms", part.index), index=False)
    sizes = np.fromiter(map(len, p.records), dtype=np.int64, count=len(p.records))
    return {
        "origins": p.origins,
        "own_ids": p.own_ids,
        "text_keys": p.text_keys,
        "sizes": sizes.tobytes(),
        "errors": p.errors,
    }


# Pass 2: each step reads its run of buckets and writes its rows bucketed by what the next step groups by.

TERMS: Schema = {"article": np.int64, "key": np.uint64, "units": np.uint32}
WEIGHTED: Schema = {"article": np.int64, "key": np.uint64, "units": np.uint32, "df": np.uint32}
SKETCHES: Schema = {"article": np.int64, "key": np.uint64, "weight": np.uint32}
PAIRS: Schema = {"i": np.int64, "j": np.int64, "w": np.uint64}
CANDIDATES: Schema = {"article": np.int64, "other": np.int64, "w": np.uint64}
LINKS: Schema = {"a": np.int64, "b": np.int64}

#: What a step gives: its rows, and the hash of what the next step groups them by (None: the last step).
Output = tuple[Columns, npt.NDArray[np.uint64] | None]


def terms_part(part: int, stem: str, out: str) -> int:
    """A part's profile terms under the articles' corpus indexes (duplicates left out), by feature."""
    terms = pd.read_parquet(_work(out, "terms", part))
    article = _admitted(out, part)["article"].to_numpy()[terms["doc"].to_numpy()]
    keep = article >= 0
    key = terms["key"].to_numpy(dtype=np.uint64)[keep]
    columns = {"article": article[keep], "key": key, "units": terms["units"].to_numpy(dtype=np.uint32)[keep]}
    return write_buckets(stem, columns, _bucket_of(_mix(key)), 1 << BUCKET_BITS)


def weigh(rows: Columns, n: int) -> Output:
    """Every row of a feature is here: its document frequency is how many rows it has."""
    _, inverse, counts = np.unique(rows["key"], return_inverse=True, return_counts=True)
    return rows | {"df": counts[inverse].astype(np.uint32)}, _mix(rows["article"])


def sketch(rows: Columns, n: int) -> Output:
    """Every row of an article is here: its sketch."""
    a, k, w = _native.sketch_rows(
        _u(rows["article"], "<i8"), _u(rows["key"], "<u8"), _u(rows["units"], "<u4"), _u(rows["df"], "<u4"), n
    )
    key = np.frombuffer(k, "<u8")
    return {"article": np.frombuffer(a, "<i8"), "key": key, "weight": np.frombuffer(w, "<u4")}, _mix(key)


def _pair_key(i: Array, j: Array) -> npt.NDArray[np.uint64]:
    return (i.astype(np.uint64) << np.uint64(32)) | j.astype(np.uint64)


def pair(rows: Columns, n: int) -> Output:
    """Every row of a feature is here: its posting list's contributions, summed per pair."""
    i, j, w = _native.pair_rows(_u(rows["key"], "<u8"), _u(rows["article"], "<i8"), _u(rows["weight"], "<u4"))
    ii, jj = np.frombuffer(i, "<i8"), np.frombuffer(j, "<i8")
    return {"i": ii, "j": jj, "w": np.frombuffer(w, "<u8")}, _mix(_pair_key(ii, jj))


def share(rows: Columns, n: int) -> Output:
    """Every contribution of a pair is here: their sum; the pairs close enough, seen from both articles."""
    key = _pair_key(rows["i"], rows["j"])
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]])) if len(key) else np.zeros(0, np.int64)
    w = np.add.reduceat(rows["w"][order], starts) if len(key) else np.zeros(0, np.uint64)
    close = np.frombuffer(_native.close_enough(_u(w, "<u8")), dtype=np.uint8).astype(bool)
    i, j = rows["i"][order][starts][close], rows["j"][order][starts][close]
    w = w[close]
    article = np.concatenate([i, j])
    return {"article": article, "other": np.concatenate([j, i]), "w": np.concatenate([w, w])}, _mix(article)


def link(rows: Columns, n: int) -> Output:
    """Every candidate of an article is here: its best links."""
    a, b = _native.link_rows(_u(rows["article"], "<i8"), _u(rows["other"], "<i8"), _u(rows["w"], "<u8"))
    return {"a": np.frombuffer(a, "<i8"), "b": np.frombuffer(b, "<i8")}, None


#: How many earlier articles of a posting list each article meets (the core's ``link::RECENT``): a pair
#: task writes at most this many pairs a row it reads. For sizing the tasks only; no result depends on it.
RECENT = 16


def _row_bytes(schema: Schema) -> int:
    return sum(np.dtype(t).itemsize for t in schema.values())


#: The join steps in order: name, the schema of the rows each reads, the step, and the bytes a task holds
#: per row it reads, at most (what its tasks are sized by: a pair task by the pairs it may write).
JOIN_STEPS: list[tuple[str, Schema, Callable[[Columns, int], Output], int]] = [
    ("weigh", TERMS, weigh, _row_bytes(WEIGHTED)),
    ("sketch", WEIGHTED, sketch, _row_bytes(WEIGHTED)),
    ("pair", SKETCHES, pair, RECENT * _row_bytes(PAIRS)),
    ("share", PAIRS, share, _row_bytes(PAIRS)),
    ("link", CANDIDATES, link, _row_bytes(CANDIDATES)),
]


def join_task(step: int, lo: int, hi: int, stem: str, stems: Sequence[str], n: int) -> int:
    """One task of join step ``step``: the rows of buckets ``lo..hi``, stepped and written to ``stem``."""
    _, schema, function, _ = JOIN_STEPS[step]
    columns, h = function(read_buckets(stems, schema, lo, hi), n)
    if h is None:
        return write_buckets(stem, columns, np.zeros(len(next(iter(columns.values()))), np.int64), 1)
    return write_buckets(stem, columns, _bucket_of(h), 1 << BUCKET_BITS)


# Pass 3.

RECORDS: Schema = {"article": np.int64, "story": np.int64, "id": object, "record": object}


def records_part(part: int, stem: str, out: str, runs: int) -> int:
    """A part's admitted records with their ids and stories, by run of stories (the story of each article
    and the run of each story read from the client's tables, memory-mapped: only this part's rows)."""
    records = pd.read_parquet(_work(out, "records", part))
    admitted = _admitted(out, part)
    keep = admitted["article"].to_numpy() >= 0
    article = admitted["article"].to_numpy()[keep]
    story_of = np.load(os.path.join(out, "_work", "story_of.npy"), mmap_mode="r")
    run_of = np.load(os.path.join(out, "_work", "run_of_story.npy"), mmap_mode="r")
    story = np.asarray(story_of[article], dtype=np.int64)
    columns = {
        "article": article,
        "story": story,
        "id": admitted["id"].to_numpy(dtype=object)[keep],
        "record": records["record"].to_numpy(dtype=object)[keep],
    }
    return write_buckets(stem, columns, np.asarray(run_of[story], dtype=np.int64), runs)


STORY_META = pd.DataFrame(
    {
        "story": pd.Series(dtype="object"),
        "label": pd.Series(dtype="object"),
        "articles": pd.Series(dtype="int64"),
        "quotes": pd.Series(dtype="int64"),
        "entities": pd.Series(dtype="int64"),
        "file": pd.Series(dtype="object"),
    }
)


#: The tables' columns that are not text (the rest are strings, any of them may be null): one type for each
#: column in every file, so each table reads as one dataset (a column all null in one story is no type).
TABLE_TYPES = {
    **dict.fromkeys(["mentions", "articles", "paragraph", "start_byte", "end_byte", "start_char", "end_char"], "Int64"),
    **dict.fromkeys(["corrected", "unnamed", "closed"], "boolean"),
    "confidence": "Float64",
}


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype({c: TABLE_TYPES.get(str(c), "string") for c in frame.columns})


def analyze_run(run: int, stems: Sequence[str], out: str) -> pd.DataFrame:
    """Pass 3 on a worker: every story of run ``run`` analysed whole, one at a time; its analysis file
    written, its tables' rows written to this run's Parquet files."""
    rows = read_buckets(stems, RECORDS, run, run + 1)
    order = np.lexsort((rows["article"], rows["story"]))
    story, record, ids = rows["story"][order], rows["record"][order], rows["id"][order]
    del rows
    summary: list[dict[str, Any]] = []
    tables: dict[str, list[pd.DataFrame]] = {"articles": [], "entities": [], "mentions": [], "quotes": []}
    # Each story's rows: from one change of story to the next.
    bounds = [0, *(np.flatnonzero(story[1:] != story[:-1]) + 1).tolist(), len(story)] if len(story) else []
    for a, b in zip(bounds[:-1], bounds[1:]):
        story_id = _native.story_name(int(story[a]))
        result = _native.analyze_story(list(record[a:b]), list(ids[a:b]))
        path = os.path.join(out, "stories", f"{story_id}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(result.analysis)
            f.write("\n")
        counts = {}
        for table in tables:
            frame = pd.DataFrame(json.loads(getattr(result, table)))
            frame.insert(0, "story", story_id)
            tables[table].append(frame)
            counts[table] = len(frame)
        summary.append(
            {
                "story": story_id,
                "label": result.label,
                "articles": counts["articles"],
                "quotes": counts["quotes"],
                "entities": counts["entities"],
                "file": os.path.join("stories", f"{story_id}.json"),
            }
        )
        del result
    if summary:
        name = f"{summary[0]['story']}.parquet"
        for table, frames in tables.items():
            frame = _typed(pd.concat(frames, ignore_index=True))
            frame.to_parquet(os.path.join(out, f"{table}.parquet", name), index=False)
    return pd.DataFrame(summary, columns=list(STORY_META.columns)).astype(STORY_META.dtypes.to_dict())


def _story_order(ids: pd.Series) -> pd.Series:
    """Stories in their order ("story-2" before "story-10")."""
    return ids.str.rsplit("-", n=1).str[-1].astype("int64")


def peak_memory_mb() -> float:
    """This process's peak resident memory (since the last reset, where Linux allows one), in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_memory() -> bool:
    """Starts this process's peak resident memory afresh (Linux: /proc/self/clear_refs); False where it
    cannot, and the peaks of later passes then include the earlier ones'."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _client(workers: int, scheduler: str | None, memory_limit: str) -> Any:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, memory_limit=memory_limit, dashboard_address=None
    )
    return Client(cluster)


def run(
    inputs: Sequence[str],
    out: str,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    memory_limit: str = "4GiB",
    client: Any = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Analyses the inputs on a Dask cluster (``client``, else the scheduler at ``scheduler``, else a local
    cluster of ``workers`` processes) and writes the stories and tables to ``out``; returns the summary."""
    say = log or (lambda message: print(f"[newsprism.distributed] {message}", file=sys.stderr, flush=True))
    t0 = time.monotonic()
    own_client = client is None
    client = client or _client(workers, scheduler, memory_limit)
    n_workers = len(client.scheduler_info()["workers"])
    work = os.path.join(out, "_work")
    for folder in ["stories", "_work"] + [f"{t}.parquet" for t in ("stories", "articles", "entities", "mentions", "quotes")]:
        shutil.rmtree(os.path.join(out, folder), ignore_errors=True)
    for folder in ("records", "terms", "admitted", "terms-by-key", "story-records") + tuple(s for s, *_ in JOIN_STEPS):
        os.makedirs(os.path.join(work, folder), exist_ok=True)
    os.makedirs(os.path.join(out, "stories"), exist_ok=True)
    for t in ("stories", "articles", "entities", "mentions", "quotes"):
        os.makedirs(os.path.join(out, f"{t}.parquet"), exist_ok=True)
    times: dict[str, float] = {}
    # Each worker's peak memory in each step (reset after each, where Linux allows).
    peaks: dict[str, dict[str, float]] = {}

    def measure(step: str) -> None:
        peaks[step] = client.run(peak_memory_mb)
        client.run(reset_peak_memory)

    def each(function: Callable[..., Any], *iterables: Sequence[Any], **kwargs: Any) -> list[Any]:
        """The function run on the cluster over the iterables, its results in order (small: no rows)."""
        futures = client.map(function, *iterables, pure=False, **kwargs)
        return list(client.gather(futures))

    try:
        # 1. Every part loaded and profiled where it is; the client admits articles in input order.
        parts, errors = plan(inputs)
        say(f"{len(inputs)} inputs in {len(parts)} parts, {n_workers} workers")
        admission = _native.Admission()
        index_of_part: list[npt.NDArray[np.int64]] = []
        size_of_part: list[npt.NDArray[np.int64]] = []
        futures = client.map(profile_part, parts, out=out, pure=False)
        for part, future in zip(parts, futures):
            result = future.result()
            future.release()
            errors.extend(result["errors"])
            index, ids, duplicates = admission.admit(result["origins"], result["own_ids"], result["text_keys"])
            errors.extend(duplicates)
            article = np.frombuffer(index, "<i8")
            pd.DataFrame({"article": article, "id": pd.Series(ids, dtype="object")}).to_parquet(
                _work(out, "admitted", part.index), index=False
            )
            index_of_part.append(article)
            size_of_part.append(np.frombuffer(result["sizes"], "<i8"))
        n = admission.admitted
        times["profile"] = time.monotonic() - t0
        measure("profile")
        say(f"{n} articles admitted, {len(errors)} errors ({times['profile']:.1f} s)")
        indexes = [p.index for p in parts]

        # 2. Stories by joins: each step's tasks take runs of the buckets of the step before.
        stems = [os.path.join(work, "terms-by-key", f"{p:06d}") for p in indexes]
        rows_by_step: dict[str, int] = {}
        rows_by_step["terms"] = sum(each(terms_part, indexes, stems, out=out))
        measure("terms")
        tasks_by_step: dict[str, int] = {"terms": len(stems)}
        for step, (name, _, _, row_cost) in enumerate(JOIN_STEPS):
            runs = runs_of(bucket_rows(stems), JOIN_TASK_BYTES // row_cost, 2 * n_workers)
            dest = [os.path.join(work, name, f"{k:06d}") for k in range(len(runs))]
            rows_by_step[name] = sum(
                each(join_task, [step] * len(runs), [a for a, _ in runs], [b for _, b in runs], dest, stems=stems, n=n)
            )
            tasks_by_step[name] = len(runs)
            measure(name)
            stems = dest
        linker = _native.Linker(n)
        for stem in stems:
            links = read_buckets([stem], LINKS, 0, 1)
            linker.join(_u(links["a"], "<i8"), _u(links["b"], "<i8"))
        story_bytes, n_stories = linker.stories()
        story_of = np.frombuffer(story_bytes, "<i8")
        np.save(os.path.join(work, "story_of.npy"), story_of)
        del linker, story_bytes
        times["stories"] = time.monotonic() - t0 - times["profile"]
        say(f"{n_stories} stories ({times['stories']:.1f} s; rows by step {rows_by_step})")

        # 3. Each story analysed whole: runs of stories in order, each of about STORY_TASK_BYTES of records.
        size = np.zeros(n, dtype=np.int64)
        for article, sizes in zip(index_of_part, size_of_part):
            size[article[article >= 0]] = sizes[article >= 0]
        story_size = np.bincount(story_of, weights=size, minlength=n_stories).astype(np.int64)
        story_runs = runs_of(story_size, STORY_TASK_BYTES, 2 * n_workers)
        run_of_story = np.zeros(n_stories, dtype=np.int64)
        for k, (a, b) in enumerate(story_runs):
            run_of_story[a:b] = k
        np.save(os.path.join(work, "run_of_story.npy"), run_of_story)
        del story_of, size, index_of_part, size_of_part
        stems = [os.path.join(work, "story-records", f"{p:06d}") for p in indexes]
        each(records_part, indexes, stems, out=out, runs=len(story_runs))
        measure("records")
        summaries = each(analyze_run, list(range(len(story_runs))), stems=stems, out=out)
        stories = pd.concat([STORY_META, *summaries], ignore_index=True).astype(STORY_META.dtypes.to_dict())
        # One row a story: the index's story table (a few numbers and a label each, no text).
        stories = stories.sort_values("story", key=_story_order, ignore_index=True)
        stories.to_parquet(os.path.join(out, "stories.parquet", "stories.parquet"), index=False)
        times["analysis"] = time.monotonic() - t0 - times["profile"] - times["stories"]
        pd.DataFrame(errors, columns=["input", "code", "message"]).to_parquet(
            os.path.join(out, "errors.parquet"), index=False
        )
        measure("analysis")
        passes = {
            "profile": ["profile"],
            "stories": ["terms"] + [s for s, *_ in JOIN_STEPS],
            "analysis": ["records", "analysis"],
        }
        workers_seen = sorted(peaks["analysis"])

        def peak(steps: list[str], w: str) -> float:
            return round(max(peaks[s].get(w, 0.0) for s in steps), 1)

        summary = {
            "inputs": len(inputs),
            "articles": n,
            "stories": int(len(stories)),
            "analysed_articles": int(stories["articles"].sum()),
            "quotes": int(stories["quotes"].sum()),
            "errors": len(errors),
            "workers": n_workers,
            "seconds": {k: round(v, 1) for k, v in times.items()} | {"total": round(time.monotonic() - t0, 1)},
            "worker_peak_mb": {w: peak(list(peaks), w) for w in workers_seen},
            # Each worker's peak in each pass (1. profiles, 2. the joins, 3. the stories' analyses).
            "worker_peak_mb_by_pass": {p: [peak(s, w) for w in workers_seen] for p, s in passes.items()},
            # ... and in each step of the passes, with the rows each step wrote and its tasks.
            "worker_peak_mb_by_step": {s: [peak([s], w) for w in workers_seen] for s in peaks},
            "join_rows_by_step": rows_by_step,
            "tasks_by_step": tasks_by_step | {"analysis": len(story_runs)},
            "largest_story_articles": int(stories["articles"].max()) if len(stories) else 0,
            "client_peak_mb": round(peak_memory_mb(), 1),
        }
        with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
        shutil.rmtree(work, ignore_errors=True)
        say(json.dumps(summary))
        return summary
    finally:
        if own_client:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsprism.distributed",
        description="Analyse a corpus on a Dask cluster: stories found across the corpus, each analysed whole.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .json or .jsonl files")
    parser.add_argument("--out", required=True, metavar="DIR", help="where stories/ and the Parquet tables go")
    parser.add_argument("--workers", type=int, default=2, help="local cluster size when no --scheduler is given")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (tcp://host:8786)")
    parser.add_argument("--memory-limit", default="4GiB", help="each local worker's memory limit (Dask's)")
    args = parser.parse_args(argv)
    summary = run(args.inputs, args.out, workers=args.workers, scheduler=args.scheduler, memory_limit=args.memory_limit)
    return 0 if summary["articles"] else 1


if __name__ == "__main__":
    sys.exit(main())
