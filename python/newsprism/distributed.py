"""``python -m newsprism.distributed``: a corpus too large for one machine, analysed on Dask.

The corpus splits where the analysis does: 1. each part of the input is loaded and each article
profiled on its own (``_native.profile_chunk``); 2. stories are found by joins over those profiles:
document frequencies grouped by feature, sketches grouped by article, posting lists grouped by
feature, shared weights grouped by pair, links grouped by article, and a union-find over the links on
the client (8 bytes an article, no text); 3. the articles are shuffled by story and each story is
analysed whole, as ``newsprism analyze`` would analyse that story's records. Every step is a call into
the Rust core; this module only moves data. Workers read the inputs and a work folder in ``--out``, so
both must be on a file system every worker sees (any folder, for a local cluster).

Writes ``OUT/stories/<story-id>.json`` (one analysis file per story, which the page opens) and
``OUT/{stories,articles,entities,mentions,quotes}.parquet`` (each a Parquet dataset, one file per
partition, with the story and article ids), ``OUT/errors.parquet`` and ``OUT/summary.json``.
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
from typing import Any, Iterator, Sequence

import numpy as np
import pandas as pd

from . import _native

#: A JSON Lines input over the core's input limit is cut into parts of about this many bytes.
PART_BYTES = 8 << 20
#: Bytes of text a story-analysis partition holds, about.
STORY_PARTITION_BYTES = 16 << 20
#: The core's input limit (larger JSON Lines inputs are cut into parts; others are refused as too large).
INPUT_LIMIT = 16 << 20


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


def profile_part(part: Part, out: str) -> dict[str, Any]:
    """Pass 1 on a worker: loads a part, profiles its articles, writes their records and profile terms
    to the work folder, and returns what the client admits articles by (no text)."""
    try:
        data = _read(part)
    except OSError as e:
        error = _native.input_refusal(part.name, reason=e.strerror or str(e))
        return {"origins": [], "own_ids": [], "text_keys": b"", "errors": [error] if error else []}
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
    return {"origins": p.origins, "own_ids": p.own_ids, "text_keys": p.text_keys, "errors": p.errors}


def _admitted(out: str, part: int) -> pd.DataFrame:
    return pd.read_parquet(_work(out, "admitted", part))


TERMS_META = pd.DataFrame(
    {"article": pd.Series(dtype="int64"), "key": pd.Series(dtype="uint64"), "units": pd.Series(dtype="uint32")}
)


def read_terms(part: int, out: str) -> pd.DataFrame:
    """A part's profile terms under the articles' corpus indexes (duplicates left out)."""
    terms = pd.read_parquet(_work(out, "terms", part))
    article = _admitted(out, part)["article"].to_numpy()[terms["doc"].to_numpy()]
    keep = article >= 0
    return pd.DataFrame(
        {"article": article[keep], "key": terms["key"].to_numpy()[keep], "units": terms["units"].to_numpy()[keep]}
    )


def _u(series: pd.Series, dtype: str) -> bytes:
    return np.ascontiguousarray(series.to_numpy(), dtype=dtype).tobytes()


SKETCH_META = pd.DataFrame(
    {"article": pd.Series(dtype="int64"), "key": pd.Series(dtype="uint64"), "weight": pd.Series(dtype="uint32")}
)


def sketch_partition(rows: pd.DataFrame, n: int) -> pd.DataFrame:
    a, k, w = _native.sketch_rows(
        _u(rows["article"], "<i8"), _u(rows["key"], "<u8"), _u(rows["units"], "<u4"), _u(rows["df"], "<u4"), n
    )
    return pd.DataFrame(
        {"article": np.frombuffer(a, "<i8"), "key": np.frombuffer(k, "<u8"), "weight": np.frombuffer(w, "<u4")}
    )


PAIR_META = pd.DataFrame({"i": pd.Series(dtype="int64"), "j": pd.Series(dtype="int64"), "w": pd.Series(dtype="uint64")})


def pair_partition(rows: pd.DataFrame) -> pd.DataFrame:
    i, j, w = _native.pair_rows(_u(rows["key"], "<u8"), _u(rows["article"], "<i8"), _u(rows["weight"], "<u4"))
    return pd.DataFrame({"i": np.frombuffer(i, "<i8"), "j": np.frombuffer(j, "<i8"), "w": np.frombuffer(w, "<u8")})


CANDIDATE_META = pd.DataFrame(
    {"article": pd.Series(dtype="int64"), "other": pd.Series(dtype="int64"), "w": pd.Series(dtype="uint64")}
)


def candidates_partition(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs close enough, each seen from both of its articles."""
    close = np.frombuffer(_native.close_enough(_u(pairs["w"], "<u8")), dtype=np.uint8).astype(bool)
    i, j, w = pairs["i"].to_numpy()[close], pairs["j"].to_numpy()[close], pairs["w"].to_numpy()[close]
    return pd.DataFrame(
        {"article": np.concatenate([i, j]), "other": np.concatenate([j, i]), "w": np.concatenate([w, w])}
    )


LINK_META = pd.DataFrame({"a": pd.Series(dtype="int64"), "b": pd.Series(dtype="int64")})


def link_partition(rows: pd.DataFrame) -> pd.DataFrame:
    a, b = _native.link_rows(_u(rows["article"], "<i8"), _u(rows["other"], "<i8"), _u(rows["w"], "<u8"))
    return pd.DataFrame({"a": np.frombuffer(a, "<i8"), "b": np.frombuffer(b, "<i8")})


RECORD_META = pd.DataFrame(
    {
        "article": pd.Series(dtype="int64"),
        "story": pd.Series(dtype="int64"),
        "id": pd.Series(dtype="object"),
        "record": pd.Series(dtype="object"),
    }
)


def read_records(part: int, out: str) -> pd.DataFrame:
    """A part's admitted records with their ids and stories (the story of each article read from the
    client's table, memory-mapped: only this part's rows are touched)."""
    records = pd.read_parquet(_work(out, "records", part))
    admitted = _admitted(out, part)
    keep = admitted["article"].to_numpy() >= 0
    article = admitted["article"].to_numpy()[keep]
    story_of = np.load(os.path.join(out, "_work", "story_of.npy"), mmap_mode="r")
    return pd.DataFrame(
        {
            "article": article,
            "story": np.asarray(story_of[article], dtype=np.int64),
            "id": pd.Series(admitted["id"].to_numpy()[keep], dtype="object"),
            "record": pd.Series(records["record"].to_numpy()[keep], dtype="object"),
        }
    )


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


def analyze_partition(rows: pd.DataFrame, out: str) -> pd.DataFrame:
    """Pass 3 on a worker: every story of the partition analysed whole, one at a time; its analysis
    file written, its tables' rows written to this partition's Parquet files."""
    rows = rows.sort_values(["story", "article"], kind="stable")
    summary: list[dict[str, Any]] = []
    tables: dict[str, list[pd.DataFrame]] = {"articles": [], "entities": [], "mentions": [], "quotes": []}
    for story, group in rows.groupby("story", sort=True):
        story_id = _native.story_name(int(story))
        result = _native.analyze_story(list(group["record"]), list(group["id"]))
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
            frame = pd.concat(frames, ignore_index=True)
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
    log: Any = None,
) -> dict[str, Any]:
    """Analyses the inputs on a Dask cluster (``client``, else the scheduler at ``scheduler``, else a local
    cluster of ``workers`` processes) and writes the stories and tables to ``out``; returns the summary."""
    import dask
    import dask.dataframe as dd

    say = log or (lambda message: print(f"[newsprism.distributed] {message}", file=sys.stderr, flush=True))
    t0 = time.monotonic()
    own_client = client is None
    client = client or _client(workers, scheduler, memory_limit)
    n_workers = len(client.scheduler_info()["workers"])
    work = os.path.join(out, "_work")
    for folder in ["stories", "_work"] + [f"{t}.parquet" for t in ("stories", "articles", "entities", "mentions", "quotes")]:
        shutil.rmtree(os.path.join(out, folder), ignore_errors=True)
    for folder in ("records", "terms", "admitted"):
        os.makedirs(os.path.join(work, folder), exist_ok=True)
    os.makedirs(os.path.join(out, "stories"), exist_ok=True)
    for t in ("stories", "articles", "entities", "mentions", "quotes"):
        os.makedirs(os.path.join(out, f"{t}.parquet"), exist_ok=True)
    times: dict[str, float] = {}
    try:
        # 1. Every part loaded and profiled where it is; the client admits articles in input order.
        parts, errors = plan(inputs)
        say(f"{len(inputs)} inputs in {len(parts)} parts, {n_workers} workers")
        admission = _native.Admission()
        futures = client.map(profile_part, parts, out=out, pure=False)
        for part, future in zip(parts, futures):
            result = future.result()
            future.release()
            errors.extend(result["errors"])
            index, ids, duplicates = admission.admit(result["origins"], result["own_ids"], result["text_keys"])
            errors.extend(duplicates)
            pd.DataFrame({"article": np.frombuffer(index, "<i8"), "id": pd.Series(ids, dtype="object")}).to_parquet(
                _work(out, "admitted", part.index), index=False
            )
        n = admission.admitted
        times["profile"] = time.monotonic() - t0
        peaks = {"profile": client.run(peak_memory_mb)}
        client.run(reset_peak_memory)
        say(f"{n} articles admitted, {len(errors)} errors ({times['profile']:.1f} s)")
        indexes = [p.index for p in parts]
        npart = max(2 * n_workers, len(parts), 1)
        with dask.config.set({"dataframe.convert-string": False, "dataframe.shuffle.method": "p2p"}):
            # 2. Stories by joins.
            terms = dd.from_map(read_terms, indexes, out=out, meta=TERMS_META, enforce_metadata=False)
            df = terms.groupby("key").size(split_out=npart).rename("df").astype("uint32").reset_index()
            weighted = terms.merge(df, on="key", how="inner", npartitions=npart)
            sketches = weighted.shuffle(on="article", npartitions=npart).map_partitions(
                sketch_partition, n, meta=SKETCH_META
            )
            contributions = sketches.shuffle(on="key", npartitions=npart).map_partitions(pair_partition, meta=PAIR_META)
            shared = contributions.groupby(["i", "j"]).w.sum(split_out=npart).reset_index()
            candidates = shared.map_partitions(candidates_partition, meta=CANDIDATE_META)
            links = candidates.shuffle(on="article", npartitions=npart).map_partitions(link_partition, meta=LINK_META)
            links.to_parquet(os.path.join(work, "links"), write_index=False)
            linker = _native.Linker(n)
            for file in sorted(os.listdir(os.path.join(work, "links"))):
                if file.endswith(".parquet"):
                    part_links = pd.read_parquet(os.path.join(work, "links", file))
                    linker.join(_u(part_links["a"], "<i8"), _u(part_links["b"], "<i8"))
            story_of, n_stories = linker.stories()
            np.save(os.path.join(work, "story_of.npy"), np.frombuffer(story_of, "<i8"))
            del story_of, linker
            times["stories"] = time.monotonic() - t0 - times["profile"]
            peaks["stories"] = client.run(peak_memory_mb)
            client.run(reset_peak_memory)
            say(f"{n_stories} stories ({times['stories']:.1f} s)")
            # 3. Each story analysed whole.
            text_bytes = sum(p.length for p in parts)
            story_parts = max(2 * n_workers, text_bytes // STORY_PARTITION_BYTES + 1)
            records = dd.from_map(read_records, indexes, out=out, meta=RECORD_META, enforce_metadata=False)
            summaries = records.shuffle(on="story", npartitions=story_parts).map_partitions(
                analyze_partition, out, meta=STORY_META
            )
            # One row a story: the index's story table (a few numbers and a label each, no text).
            stories = summaries.compute().sort_values("story", key=_story_order, ignore_index=True)
        stories.to_parquet(os.path.join(out, "stories.parquet", "stories.parquet"), index=False)
        times["analysis"] = time.monotonic() - t0 - times["profile"] - times["stories"]
        pd.DataFrame(errors, columns=["input", "code", "message"]).to_parquet(
            os.path.join(out, "errors.parquet"), index=False
        )
        peaks["analysis"] = client.run(peak_memory_mb)
        summary = {
            "inputs": len(inputs),
            "articles": n,
            "stories": int(len(stories)),
            "analysed_articles": int(stories["articles"].sum()),
            "quotes": int(stories["quotes"].sum()),
            "errors": len(errors),
            "workers": n_workers,
            "seconds": {k: round(v, 1) for k, v in times.items()} | {"total": round(time.monotonic() - t0, 1)},
            "worker_peak_mb": {w: round(max(p[w] for p in peaks.values()), 1) for w in sorted(peaks["analysis"])},
            # Each worker's peak in each pass (1. profiles, 2. the joins, 3. the stories' analyses).
            "worker_peak_mb_by_pass": {
                stage: [round(mb, 1) for _, mb in sorted(p.items())] for stage, p in peaks.items()
            },
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
