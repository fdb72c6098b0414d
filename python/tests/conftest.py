"""Shared fixtures: the optimised command line (scripts/test's gate build, else the release build made
here), a local Dask cluster of two workers for the whole session, and small corpora written for these tests."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "data" / "news" / "ecbplus.jsonl"
SEEDS = ROOT / "www" / "corpus"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The optimised `newsprism` binary: the one NEWSPRISM_CLI names (scripts/test's gate build), else the
    release build, made here when missing."""
    named = os.environ.get("NEWSPRISM_CLI")
    if named:
        return Path(named)
    binary = ROOT / "target" / "release" / "newsprism"
    if not binary.exists():
        subprocess.run(
            ["cargo", "build", "--release", "--quiet", "-p", "newsprism-core", "--bin", "newsprism"],
            cwd=ROOT,
            check=True,
        )
    return binary


def cli_analyze(cli: Path, *paths: os.PathLike[str] | str, cwd: Path | None = None) -> dict[str, Any]:
    """What `newsprism analyze --format json PATHS` prints, parsed."""
    out = subprocess.run(
        [str(cli), "analyze", "--format", "json", *map(str, paths)], capture_output=True, check=True, cwd=cwd
    )
    return json.loads(out.stdout)


@pytest.fixture(scope="session")
def client() -> Any:
    """A local Dask cluster of two single-threaded worker processes."""
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           memory_limit="2GiB")
    with Client(cluster) as c:
        yield c
    cluster.close()


# Two events, told by several outlets each, and one article about neither. Written for these tests.
HARBOUR = [
    (
        "Harbour bridge closes after storm damage",
        "The Kessington harbour bridge was closed on Monday after a storm tore panels from its deck. "
        "\u201cNobody will cross until the engineers say it is safe,\u201d said Marta Oyelaran, the city's "
        "transport director. Ferries from Kessington to Dunmore ran every twenty minutes instead.",
    ),
    (
        "Storm shuts Kessington bridge",
        "Engineers inspected the Kessington harbour bridge on Monday. Marta Oyelaran, the transport "
        "director, said: \u201cNobody will cross until the engineers say it is safe.\u201d The storm "
        "damaged panels on the deck, and ferries to Dunmore carried commuters.",
    ),
    (
        "Kessington bridge may reopen Friday",
        "The Kessington harbour bridge, closed since Monday's storm, may reopen on Friday, Marta Oyelaran "
        "told reporters. \u201cThe deck panels are being replaced this week,\u201d Oyelaran said. Ferries "
        "to Dunmore will keep running.",
    ),
]
ORCHESTRA = [
    (
        "Valbrook orchestra names new conductor",
        "The Valbrook Symphony Orchestra named Tomasz Reinholt its principal conductor on Tuesday. "
        "\u201cThis orchestra plays with a warmth I have not heard elsewhere,\u201d Reinholt said. "
        "He succeeds Ingrid Falkner, who led the Valbrook Symphony for eleven years.",
    ),
    (
        "Reinholt to lead Valbrook Symphony",
        "Tomasz Reinholt will lead the Valbrook Symphony Orchestra from next season, the orchestra said "
        "on Tuesday. \u201cThis orchestra plays with a warmth I have not heard elsewhere,\u201d said "
        "Reinholt, who follows Ingrid Falkner as principal conductor of the Valbrook Symphony.",
    ),
]
GARDEN = (
    "Allotment growers report a record marrow",
    "A grower at the Pellam allotments weighed a marrow of forty kilograms on Sunday, the largest the "
    "society has recorded. \u201cI fed it rainwater and patience,\u201d said Doreen Aske.",
)


def write_corpus(folder: Path) -> list[Path]:
    """The test corpus as a JSON Lines file of four records and two text files (one text repeated, which
    the loader reports as a duplicate), plus a JSON Lines file with one bad line."""
    folder.mkdir(parents=True, exist_ok=True)
    jsonl = folder / "feed.jsonl"
    records = [
        {"title": t, "text": x, "outlet": o, "url": f"https://{o.lower()}.example/{i}"}
        for i, ((t, x), o) in enumerate(zip(HARBOUR + ORCHESTRA[:1], ["Courier", "Ledger", "Gazette", "Courier"]))
    ]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    second = folder / "reinholt.txt"
    second.write_text(f"{ORCHESTRA[1][0]}\n\n{ORCHESTRA[1][1]}\n", encoding="utf-8")
    garden = folder / "garden.txt"
    garden.write_text(f"{GARDEN[0]}\n\n{GARDEN[1]}\n", encoding="utf-8")
    again = folder / "again.txt"
    again.write_text(f"{GARDEN[0]}\n\n{GARDEN[1]}\n", encoding="utf-8")
    bad = folder / "odd.jsonl"
    bad.write_text('{"title": "no text here"}\nnot json at all\n', encoding="utf-8")
    return [jsonl, second, garden, again, bad]
