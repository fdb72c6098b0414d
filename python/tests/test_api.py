"""newsprism.analyze, load and tables against the command line, and the typed errors."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest

import newsprism
from conftest import GARDEN, HARBOUR, SEEDS, cli_analyze


def test_analyze_of_the_seeds_equals_the_command_line(cli: Path) -> None:
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5
    records = [r for f in files for r in newsprism.load(f)]
    assert newsprism.analyze(records) == cli_analyze(cli, *files)


def test_analyze_of_records_equals_the_command_line_on_their_file(cli: Path, tmp_path: Path) -> None:
    records = [{"title": t, "text": x, "outlet": "Courier"} for t, x in HARBOUR] + [{"title": "no text"}]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    ours = newsprism.analyze(records)
    assert ours == cli_analyze(cli, "records.jsonl", cwd=tmp_path)
    assert len(ours["articles"]) == 3
    assert [(e["input"], e["code"]) for e in ours["errors"]] == [("records.jsonl", "missing_text")]
    assert "line 4" in ours["errors"][0]["message"]
    assert any(q["speaker"] and q["speaker"]["name"] == "Marta Oyelaran" for q in ours["quotes"])


def test_a_record_keeps_its_own_id() -> None:
    analysis = newsprism.analyze([{"id": "bridge one", "text": HARBOUR[0][1]}, {"id": 7, "text": HARBOUR[1][1]}])
    assert [a["id"] for a in analysis["articles"]] == ["bridge-one", "7"]


def test_load_keeps_the_command_lines_ids_and_sources(cli: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{GARDEN[0]}\n\n{GARDEN[1]}\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps({"title": t, "text": x}) for t, x in HARBOUR[:2]), encoding="utf-8"
    )
    records = newsprism.load(tmp_path / "a.txt") + newsprism.load(tmp_path / "b.jsonl")
    assert newsprism.analyze(records) == cli_analyze(cli, tmp_path / "a.txt", tmp_path / "b.jsonl")


def test_load_raises_typed_errors_naming_the_input(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{ not json", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "notext.jsonl").write_text('{"title": "x"}\n', encoding="utf-8")
    cases = [
        ("bad.json", newsprism.MalformedJson),
        ("empty.txt", newsprism.EmptyInput),
        ("notext.jsonl", newsprism.MissingText),
        ("missing.txt", newsprism.UnreadableInput),
    ]
    for name, kind in cases:
        with pytest.raises(kind) as raised:
            newsprism.load(tmp_path / name)
        assert isinstance(raised.value, newsprism.LoadFailed)
        assert isinstance(raised.value, newsprism.NewsprismError)
        assert name in str(raised.value)


def test_a_record_that_is_not_json_raises_type_error() -> None:
    with pytest.raises(TypeError, match="records.jsonl:2"):
        newsprism.analyze([{"text": "fine"}, {"text": object()}])


def test_tables_as_data_frames_point_into_the_texts() -> None:
    analysis = newsprism.analyze([{"title": t, "text": x, "outlet": "Courier"} for t, x in HARBOUR])
    entities, mentions, quotes = newsprism.tables(analysis)
    texts = {a["id"]: a["text"] for a in analysis["articles"]}
    everything = analysis["entities"] + analysis["places"]
    assert len(entities) == len(everything)
    assert len(quotes) == len(analysis["quotes"])
    assert len(mentions) == sum(len(e["mentions"]) for e in everything)
    assert "Marta Oyelaran" in set(entities["name"])
    for m in mentions.itertuples():
        assert texts[m.article][m.start_char : m.end_char] == m.text
    for q in quotes.itertuples():
        assert texts[q.article].encode()[q.start_byte : q.end_byte].decode() == texts[q.article][q.start_char : q.end_char]
    assert set(quotes["speaker"].dropna()) >= {"Marta Oyelaran"}


def test_tables_without_pandas_are_lists_of_dicts(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: object, **kwargs: object) -> object:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)

    analysis = newsprism.analyze([{"text": HARBOUR[0][1]}])
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    entities, mentions, quotes = newsprism.tables(analysis)
    assert isinstance(entities, list) and all(isinstance(row, dict) for row in entities)
    assert {"entity", "kind", "name", "mentions"} <= set(entities[0])
    assert quotes[0]["text"] == analysis["quotes"][0]["text"]
    assert len(mentions) == sum(len(e["mentions"]) for e in analysis["entities"] + analysis["places"])


def test_tables_refuse_what_is_not_an_analysis() -> None:
    with pytest.raises(ValueError, match="not a newsprism analysis"):
        newsprism.tables({"articles": "no"})
