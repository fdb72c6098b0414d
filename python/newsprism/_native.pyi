"""Type stubs of the Rust extension module (python/src/), checked against the built module by
``python -m mypy.stubtest newsprism._native`` (scripts/test's python step)."""

from typing import final

__all__ = [
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
    "analyze_records",
    "load_file",
    "tables_json",
    "ChunkProfiles",
    "Admission",
    "Linker",
    "StoryAnalysis",
    "input_refusal",
    "profile_chunk",
    "is_json_lines",
    "sketch_rows",
    "pair_rows",
    "close_enough",
    "link_rows",
    "story_name",
    "analyze_story",
    "__version__",
]

__version__: str

class NewsprismError(Exception): ...
class LoadFailed(NewsprismError): ...
class EmptyInput(LoadFailed): ...
class InputTooLarge(LoadFailed): ...
class UnreadableInput(LoadFailed): ...
class BinaryInput(LoadFailed): ...
class InvalidUtf8(LoadFailed): ...
class MalformedJson(LoadFailed): ...
class MissingText(LoadFailed): ...
class NoRecords(LoadFailed): ...
class DuplicateText(LoadFailed): ...
class InvalidAnalysis(LoadFailed): ...

def analyze_records(jsonl: str, name: str) -> str: ...
def load_file(path: str) -> str: ...
def input_refusal(
    name: str, size: int | None = None, reason: str | None = None
) -> tuple[str, str, str] | None: ...
def is_json_lines(name: str) -> bool: ...
def tables_json(analysis: str) -> tuple[str, str, str]: ...

@final
class ChunkProfiles:
    records: list[str]
    origins: list[str]
    own_ids: list[str | None]
    text_keys: bytes
    term_doc: bytes
    term_key: bytes
    term_units: bytes
    errors: list[tuple[str, str, str]]

def profile_chunk(name: str, data: bytes, first_line: int, whole: bool) -> ChunkProfiles: ...

@final
class Admission:
    def __new__(cls) -> Admission: ...
    @property
    def admitted(self) -> int: ...
    def admit(
        self, origins: list[str], own_ids: list[str | None], text_keys: bytes
    ) -> tuple[bytes, list[str | None], list[tuple[str, str, str]]]: ...

def sketch_rows(
    article: bytes, key: bytes, units: bytes, df: bytes, n: int
) -> tuple[bytes, bytes, bytes]: ...
def pair_rows(key: bytes, article: bytes, weight: bytes) -> tuple[bytes, bytes, bytes]: ...
def close_enough(weight: bytes) -> bytes: ...
def link_rows(article: bytes, other: bytes, weight: bytes) -> tuple[bytes, bytes]: ...

@final
class Linker:
    def __new__(cls, n_articles: int) -> Linker: ...
    def join(self, a: bytes, b: bytes) -> None: ...
    def stories(self) -> tuple[bytes, int]: ...

def story_name(n: int) -> str: ...
@final
class StoryAnalysis:
    analysis: str
    label: str
    articles: str
    entities: str
    mentions: str
    quotes: str

def analyze_story(records: list[str], ids: list[str]) -> StoryAnalysis: ...
