"""python -m newsprism.distributed on a local cluster of two workers and on a cluster of separate scheduler
and worker processes: the command line's stories, and each story's file equal to `newsprism analyze` on
that story's articles, however the rows are cut into tasks."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import ECB, cli_analyze, write_corpus
import newsprism
from newsprism import distributed


def story_sets(analysis: dict[str, Any]) -> dict[str, list[str]]:
    return {s["id"]: s["articles"] for s in analysis["stories"]}


def input_records(inputs: list[Path]) -> list[dict[str, Any]]:
    """The records the command line admits from the inputs, in order: every good line of a JSON Lines
    file, every other file's articles, a text already given left out (what the loader reports)."""
    out, seen = [], set()
    for path in inputs:
        if path.suffix == ".jsonl":
            rows = []
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                if isinstance(row, dict) and isinstance(row.get("text"), str) and row["text"].strip():
                    rows.append(row)
        else:
            rows = newsprism.load(path)
        for row in rows:
            if row["text"].strip() not in seen:
                seen.add(row["text"].strip())
                out.append(row)
    return out


def check_against_cli(cli: Path, inputs: list[Path], out: Path, summary: dict[str, Any], cwd: Path) -> dict[str, Any]:
    whole = cli_analyze(cli, *inputs, cwd=cwd)
    stories = pd.read_parquet(out / "stories.parquet")
    articles = pd.read_parquet(out / "articles.parquet")
    quotes = pd.read_parquet(out / "quotes.parquet")
    # The same stories, numbered and labelled alike.
    ours = {s: list(g["article"]) for s, g in articles.groupby("story")}
    assert ours == story_sets(whole)
    labels = dict(zip(stories["story"], stories["label"]))
    assert labels == {s["id"]: s["label"] for s in whole["stories"]}
    assert summary["stories"] == len(whole["stories"])
    assert summary["articles"] == len(whole["articles"])
    assert summary["quotes"] == len(quotes) == int(stories["quotes"].sum())
    # One file a story, each what the command line prints for that story's records.
    files = sorted((out / "stories").glob("*.json"))
    assert len(files) == len(whole["stories"])
    source = {a["id"]: a["source"] for a in whole["articles"]}
    records = dict(zip((a["id"] for a in whole["articles"]), input_records(inputs), strict=True))
    for s in whole["stories"]:
        story_file = cwd / f"_{s['id']}.jsonl"
        lines = [json.dumps(records[i] | {"id": i, "source": source[i]}, ensure_ascii=False) for i in s["articles"]]
        story_file.write_text("\n".join(lines), encoding="utf-8")
        ours = json.loads((out / "stories" / f"{s['id']}.json").read_text(encoding="utf-8"))
        assert ours == cli_analyze(cli, story_file.name, cwd=cwd), s["id"]
        story_file.unlink()
    return whole


def test_a_small_corpus_on_two_workers(cli: Path, client: Any, tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    summary = distributed.run([str(p) for p in inputs], str(out), client=client, log=lambda _: None)
    whole = check_against_cli(cli, inputs, out, summary, tmp_path)
    assert summary["workers"] == 2
    assert len(whole["stories"]) == 3
    errors = pd.read_parquet(out / "errors.parquet")
    assert sorted(errors["code"]) == sorted(e["code"] for e in whole["errors"])
    assert {"duplicate", "missing_text"} <= set(errors["code"])


def test_json_lines_cut_into_parts_give_the_same_stories(
    cli: Path, client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = write_corpus(tmp_path / "in")
    # Parts of a few hundred bytes: every record of feed.jsonl is a part of its own.
    monkeypatch.setattr(distributed, "INPUT_LIMIT", 200)
    monkeypatch.setattr(distributed, "PART_BYTES", 100)
    out = tmp_path / "out"
    summary = distributed.run([str(p) for p in inputs], str(out), client=client, log=lambda _: None)
    check_against_cli(cli, inputs, out, summary, tmp_path)


@pytest.mark.skipif(not ECB.exists(), reason="../shared/data/news/ecbplus.jsonl is not here")
def test_ecb_plus_on_two_workers(cli: Path, client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small tasks, so that every step's rows are cut into many runs of buckets and the stories into many
    # runs: the stories and their files do not depend on how the rows were cut.
    monkeypatch.setattr(distributed, "JOIN_TASK_BYTES", 1 << 20)
    monkeypatch.setattr(distributed, "STORY_TASK_BYTES", 256 << 10)
    out = tmp_path / "out"
    summary = distributed.run([str(ECB)], str(out), client=client, log=lambda _: None)
    tasks = summary["tasks_by_step"]
    assert tasks["terms"] == 1, tasks
    assert min(tasks[s] for s in ("weigh", "sketch", "pair", "share", "link", "analysis")) >= 4, tasks
    whole = check_against_cli(cli, [ECB], out, summary, tmp_path)
    assert summary["stories"] == len(whole["stories"]) > 50
    assert summary["quotes"] == len(whole["quotes"])
    # Each table is one dataset: every file of it has the same columns of the same types.
    for table in ("stories", "articles", "entities", "mentions", "quotes"):
        schemas = {str(pq.read_schema(f)) for f in (out / f"{table}.parquet").glob("*.parquet")}
        assert len(schemas) == 1, (table, schemas)
    entities = pd.read_parquet(out / "entities.parquet")
    assert {"story", "entity", "kind", "name"} <= set(entities.columns)
    quotes = pd.read_parquet(out / "quotes.parquet")
    assert {"story", "article", "quote", "speaker"} <= set(quotes.columns)


@pytest.fixture()
def remote_cluster(tmp_path: Path) -> Iterator[str]:
    """A Dask scheduler and two single-threaded workers, each its own process (`dask scheduler`, `dask
    worker`), as a cluster on other machines would be; the scheduler's address, once both workers joined."""
    from dask.distributed import Client

    folder = tmp_path / "cluster"
    folder.mkdir()
    scheduler_file = folder / "scheduler.json"
    dask = [sys.executable, "-m", "dask"]
    log = (folder / "cluster.log").open("w")
    procs = [
        subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(scheduler_file)],
            stdout=log, stderr=subprocess.STDOUT, cwd=folder,
        )
    ]
    try:
        # Polled, never slept on for a fixed time: the scheduler's file appears once it listens.
        deadline = time.monotonic() + 60
        while not scheduler_file.exists():
            assert procs[0].poll() is None, (folder / "cluster.log").read_text()
            assert time.monotonic() < deadline, "no scheduler after 60 s"
            time.sleep(0.05)
        procs += [
            subprocess.Popen(
                [*dask, "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1", "--no-dashboard",
                 "--memory-limit", "2GiB", "--name", f"remote-{k}", "--local-directory", str(folder / f"w{k}")],
                stdout=log, stderr=subprocess.STDOUT, cwd=folder,
            )
            for k in range(2)
        ]
        # The client waits until both workers have joined.
        with Client(scheduler_file=str(scheduler_file), timeout="60s") as c:
            c.wait_for_workers(2, timeout=60)
            address = c.scheduler.address
            names = {w["name"] for w in c.scheduler_info()["workers"].values()}
            assert names == {"remote-0", "remote-1"}
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        log.close()


def test_the_command_runs_on_a_remote_scheduler(cli: Path, remote_cluster: str, tmp_path: Path) -> None:
    """`python -m newsprism.distributed --scheduler ADDRESS` in a process of its own, on a cluster of separate
    scheduler and worker processes: the command line's stories, labels and quotes."""
    inputs = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "newsprism.distributed", "--scheduler", remote_cluster, "--out", str(out),
         *map(str, inputs)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    # Both of the cluster's workers took part (their own memory is reported), none started by the command.
    assert summary["workers"] == 2
    assert len(summary["worker_peak_mb"]) == 2
    assert "2 workers" in done.stderr
    check_against_cli(cli, inputs, out, summary, tmp_path)


def test_the_command_starts_a_local_cluster(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "newsprism.distributed", "--workers", "1", "--out", str(out), *map(str, inputs[:3])],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["workers"] == 1 and summary["stories"] == 3
    assert len(list((out / "stories").glob("story-*.json"))) == 3
    assert '"stories": 3' in done.stderr


def test_buckets_round_trip_and_runs_cut_them(tmp_path: Path) -> None:
    rows = {
        "n": np.array([5, 1, 4, 2, 3], dtype=np.int64),
        "s": np.array(["é", "", "naïve “quoted”", "b", "ccc"], dtype=object),
    }
    bucket = np.array([3, 0, 3, 1, 0], dtype=np.int64)
    stem = str(tmp_path / "000000")
    assert distributed.write_buckets(stem, rows, bucket, 4) == 5
    schema = {"n": np.int64, "s": object}
    # Rows by bucket, in their order within a bucket; only the buckets asked for.
    got = distributed.read_buckets([stem, stem], schema, 0, 2)
    assert got["n"].tolist() == [1, 3, 2, 1, 3, 2]
    assert got["s"].tolist() == ["", "ccc", "b", "", "ccc", "b"]
    assert distributed.read_buckets([stem], schema, 3, 4)["s"].tolist() == ["é", "naïve “quoted”"]
    empty = distributed.read_buckets([stem], schema, 2, 3)
    assert len(empty["n"]) == 0 and empty["n"].dtype == np.int64
    assert distributed.bucket_rows([stem, stem]).tolist() == [4, 2, 0, 4]
    # Runs in order, each about the target; a bucket over it alone; empty runs left out; at least as
    # many runs as asked for where the rows allow.
    counts = np.array([1, 1, 0, 9, 1, 1, 0, 0], dtype=np.int64)
    assert distributed.runs_of(counts, 3, 1) == [(0, 3), (3, 4), (4, 8)]
    assert distributed.runs_of(counts, 100, 1) == [(0, 8)]
    assert len(distributed.runs_of(counts, 100, 3)) == 3
    assert distributed.runs_of(np.zeros(4, dtype=np.int64), 3, 2) == []
