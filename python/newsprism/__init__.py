"""newsprism from Python: news articles in, the analysis out.

``analyze(records)`` returns exactly what ``newsprism analyze --format json`` prints for the same
records, as a dict; ``load(path)`` reads a file as the command line does; ``tables(analysis)`` gives
the entities, mentions and quotes tables. All text logic is the Rust core's (``newsprism._native``);
this module only converts. ``python -m newsprism.distributed`` analyses a corpus too large for one
machine on a Dask cluster.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Mapping, NamedTuple

from . import _native
from ._native import (
    BinaryInput,
    DuplicateText,
    EmptyInput,
    InputTooLarge,
    InvalidAnalysis,
    InvalidUtf8,
    LoadFailed,
    MalformedJson,
    MissingText,
    NewsprismError,
    NoRecords,
    UnreadableInput,
)

__version__: str = _native.__version__

__all__ = [
    "analyze",
    "load",
    "tables",
    "Tables",
    "NewsprismError",
    "LoadFailed",
    "EmptyInput",
    "InputTooLarge",
    "UnreadableInput",
    "BinaryInput",
    "InvalidUtf8",
    "MalformedJson",
    "MissingText",
    "NoRecords",
    "DuplicateText",
    "InvalidAnalysis",
]

Record = Mapping[str, Any]


def _jsonl(records: Iterable[Record], name: str) -> str:
    lines = []
    for n, record in enumerate(records, start=1):
        try:
            lines.append(json.dumps(record, ensure_ascii=False))
        except (TypeError, ValueError) as e:
            raise TypeError(f"{name}:{n}: the record cannot be written as JSON ({e})") from None
    return "\n".join(lines)


def analyze(records: Iterable[Record], *, name: str = "records.jsonl") -> dict[str, Any]:
    """The analysis of the records, as ``newsprism analyze --format json`` prints it for a JSON Lines
    file called ``name`` holding them, one a line.

    A record is a mapping with ``text`` and optionally ``title``, ``source``, ``url``, ``published``,
    ``outlet`` and ``id``. A record that is not a valid one (no text, not an object) is listed in the
    result's ``errors``, its message naming its line (``the record at line 3``), as the command line
    lists a bad line, and the others are analysed; a record that cannot be written as JSON at all raises ``TypeError``.
    """
    analysis: dict[str, Any] = json.loads(_native.analyze_records(_jsonl(records, name), name))
    return analysis


def load(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The articles of one file (``.txt``, ``.json`` or ``.jsonl``) as records, read as the command line
    reads it. Each record keeps the ``id`` and ``source`` the command line would give the article, so
    ``analyze(load(a) + load(b))`` equals ``newsprism analyze a b``.

    Raises a subclass of ``LoadFailed`` (``MalformedJson``, ``MissingText``, ``InvalidUtf8``, …) whose
    message names the file and, for a bad record, its line.
    """
    text = _native.load_file(os.fspath(path))
    return [json.loads(line) for line in text.splitlines() if line]


class Tables(NamedTuple):
    """The three tables of an analysis: pandas DataFrames when pandas is installed, else lists of dicts."""

    entities: Any
    mentions: Any
    quotes: Any


def _frame(columns: dict[str, list[Any]]) -> Any:
    try:
        import pandas
    except ImportError:
        names = list(columns)
        return [dict(zip(names, row)) for row in zip(*columns.values())]
    return pandas.DataFrame(columns)


def tables(analysis: Mapping[str, Any]) -> Tables:
    """The entities, mentions and quotes tables of an analysis (what ``analyze`` returned, or an analysis
    file read with ``json.load``), with the columns of the page's export; offsets in bytes
    (``start_byte``) and in characters (``start_char``: ``article["text"][start_char:end_char]``)."""
    entities, mentions, quotes = _native.tables_json(json.dumps(analysis, ensure_ascii=False))
    return Tables(*(_frame(json.loads(t)) for t in (entities, mentions, quotes)))
