"""Loading and validating the user-editable rule files in ``rules/``.

Every rule file is JSONL: one JSON object per line, each with an ``id``. Blank
lines and lines starting with ``//`` or ``#`` are ignored. The stem of the file
name says what it holds (``counted_nouns.jsonl`` feeds the count extractor); a
rules folder may also hold several files for one stem (``counted_nouns.local.jsonl``)
which are read after the default one.

Validation reports ALL problems at once, as ``file:line: message``, and the
pipeline refuses to run with invalid rules (see ``RuleError``).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

# A field spec: (allowed python types, required?). "regex" is a str that must compile.
REGEX = "regex"
FieldSpec = tuple[Any, bool]


@dataclass(frozen=True)
class FileSchema:
    stem: str
    description: str
    fields: dict[str, FieldSpec]


def _schema(stem: str, description: str, **fields: FieldSpec) -> FileSchema:
    return FileSchema(stem, description, {"id": (str, True), "comment": (str, False), **fields})


STR, LIST, NUM, BOOL, DICT = (str,), (list,), (int, float), (bool,), (dict,)

# Every kind of rule file the pipeline reads. Add a stem here to add a new kind.
SCHEMAS: dict[str, FileSchema] = {
    s.stem: s
    for s in [
        _schema("noise", "regexes marking text that is not the article (Baca juga, credits, footers)",
                pattern=(REGEX, True), kind=(STR, True), scope=(STR, False), flags=(STR, False)),
        _schema("entities", "spaCy SpanRuler patterns: phrase or token list; label ORG/PER/LOC/...",
                label=(STR, True), pattern=((str, list), True), kind=(STR, False)),
        _schema("org_forms", "words that make a capitalised sequence an organisation (PT, Dinas, Koperasi)",
                text=(STR, True), position=(STR, True), kind=(STR, True), legal=(BOOL, False),
                breaks=(BOOL, False), case=(STR, False), same_as=(STR, False), before=(BOOL, False),
                weak=(BOOL, False)),
        _schema("org_aliases", "well-known organisations: official name, aliases, kind",
                name=(STR, True), aliases=(LIST, False), kind=(STR, True), parent=(STR, False),
                generic=(BOOL, False)),
        _schema("org_stopwords", "capitalised words/phrases that are never organisation names",
                text=(STR, True), scope=(STR, False)),
        _schema("media", "news outlets (optional organisations, never programme actors)",
                name=(STR, True), aliases=(LIST, False), pattern=(REGEX, False)),
        _schema("honorifics", "words stripped from person names (Bapak, H., Dr., S.Sos)",
                text=(STR, True), type=(STR, True)),
        # kind: head (starts a position; default) | word (only inside a position, never a name);
        # org_before: the organisation comes before the head ("Batik Ayu pimpinan X");
        # place_after: a place usually follows the head ("Bupati Sukamaju X")
        _schema("titles", "words that start a person's position (Ketua, Direktur, Bupati)",
                text=(STR, True), kind=(STR, False), org_before=(BOOL, False), place_after=(BOOL, False)),
        # position: before (verb precedes the speaker: "kata X"; default) | after ("X mengatakan")
        # weak: an action verb, not speech ("X membuka"): a one-word name before it needs other evidence
        _schema("speech_verbs", "verbs that introduce a quoted speaker (kata, ujar, jelas)",
                text=(STR, True), position=(STR, False), weak=(BOOL, False)),
        # kind: see the header of rules/person_cues.jsonl
        _schema("person_cues", "words around a person's name that say a name or a position follows",
                text=(STR, True), kind=(STR, True)),
        _schema("person_stopwords", "capitalised words that are never part of a person's name",
                text=(STR, True)),
        _schema("byline_patterns", "regexes finding reporters, editors, photographers in group 'name'",
                pattern=(REGEX, True), role=(STR, True), flags=(STR, False)),
        _schema("role_cues", "phrases that give an organisation its role in the programme",
                text=(STR, True), role=(STR, True), side=(STR, False)),
        _schema("programme_cues", "words that show an article reports a programme, with weights",
                text=(STR, True), weight=(NUM, True)),
        _schema("programme_name_patterns", "regexes capturing a programme name in group 'name'",
                pattern=(REGEX, True), priority=(NUM, False)),
        _schema("counted_nouns", "nouns that make a number a participant count",
                text=(STR, True), unit=(STR, False), what=(STR, False), participant=(BOOL, False),
                cls=(STR, False), classifier=(BOOL, False), modifier=(BOOL, False), max=(NUM, False)),
        _schema("count_exclusions", "words after/before a number that mean it is not a count",
                text=(STR, True), kind=(STR, True), position=(STR, False), effect=(STR, False),
                pattern=(REGEX, False)),
        _schema("number_words", "Indonesian number words and their values",
                text=(STR, True), value=(NUM, True), kind=(STR, True), low=(NUM, False), high=(NUM, False),
                direction=(STR, False)),
        _schema("months", "month names and spellings", text=(STR, True), month=((int,), True)),
        _schema("weekdays", "day names (0 = Senin)", text=(STR, True), weekday=((int,), True)),
        _schema("relative_dates", "relative date expressions resolved against the publication date",
                pattern=(REGEX, True), unit=(STR, True), offset=((int,), False)),
        _schema("date_cues", "words around dates: range joiners, stamp labels, publication cues, non-date contexts",
                pattern=(REGEX, True), kind=(STR, True)),
        _schema("place_cues", "words before a place name that give its level (Desa, Kec., Kab.); "
                "role: cue (part of the mention), title (Bupati X: X alone is the mention), org (Pemkab X: "
                "context only); open: an unlisted capitalised name after it is still a place",
                text=(STR, True), level=(STR, True), role=(STR, False), open=(BOOL, False)),
        _schema("place_aliases", "place names the official list lacks (Jabar, Solo, Sumbagut)",
                alias=(STR, True), level=(STR, True), code=(STR, False), name=(STR, False)),
        _schema("place_stopwords", "words never taken as place names alone; position 'before': a word "
                "that makes the place name right after it not a place (bahasa Inggris, Jalan Sudirman)",
                text=(STR, True), position=(STR, False)),
    ]
}


# Regex fields whose matches are read through a named group: a pattern without it is an error.
REQUIRED_GROUPS: dict[tuple[str, str], str] = {
    ("programme_name_patterns", "pattern"): "name",
    ("byline_patterns", "pattern"): "name",
}


@dataclass
class Rule:
    """One validated line of a rule file; ``where`` is ``file:line``."""

    stem: str
    data: dict[str, Any]
    file: str
    line: int

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def source(self) -> str:
        """The evidence ``source`` for mentions this rule produced."""
        return f"rule:{self.file}:{self.id}"

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


class RuleError(Exception):
    """Invalid rules. ``problems`` holds every ``file:line: message``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _check_type(value: Any, types: Any) -> bool:
    if types == REGEX:
        return isinstance(value, str)
    if isinstance(types, tuple):
        if bool in types:
            return isinstance(value, bool)
        return isinstance(value, types) and not isinstance(value, bool)
    return isinstance(value, types)


def validate_line(obj: Any, schema: FileSchema, where: str) -> list[str]:
    """Problems with one parsed rule line (empty list when valid)."""
    if not isinstance(obj, dict):
        return [f"{where}: a rule must be a JSON object, got {type(obj).__name__}"]
    problems = []
    for key in obj:
        if key not in schema.fields:
            allowed = ", ".join(sorted(schema.fields))
            problems.append(f"{where}: unknown key '{key}' (allowed: {allowed})")
    for key, (types, required) in schema.fields.items():
        if key not in obj:
            if required:
                problems.append(f"{where}: missing required key '{key}'")
            continue
        value = obj[key]
        if not _check_type(value, types):
            want = "string" if types == REGEX else "/".join(t.__name__ for t in types)
            problems.append(f"{where}: '{key}' must be {want}, got {type(value).__name__}")
        elif types == REGEX:
            try:
                rx = re.compile(value)
            except re.error as e:
                problems.append(f"{where}: bad regex in '{key}': {e}")
                continue
            group = REQUIRED_GROUPS.get((schema.stem, key))
            if group and group not in rx.groupindex:
                problems.append(f"{where}: regex in '{key}' needs a named group (?P<{group}>...)")
    if isinstance(obj.get("id"), str) and not obj["id"].strip():
        problems.append(f"{where}: 'id' must not be empty")
    return problems


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys silently; a rule line with one is a typo to report."""
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _DuplicateKey(k)
        out[k] = v
    return out


def stem_of(path: Path) -> str:
    """``counted_nouns.local.jsonl`` -> ``counted_nouns``."""
    return path.name.split(".", 1)[0]


@dataclass
class RuleSet:
    """All rules from one or more folders, grouped by file stem."""

    dirs: list[Path]
    by_stem: dict[str, list[Rule]] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)  # file path -> sha256

    def get(self, stem: str) -> list[Rule]:
        return self.by_stem.get(stem, [])

    def texts(self, stem: str, key: str = "text") -> list[str]:
        return [r[key] for r in self.get(stem)]

    @property
    def digest(self) -> str:
        """One hash over every rule file's content: changes when any rule changes."""
        h = hashlib.sha256()
        for path in sorted(self.hashes):
            h.update(Path(path).name.encode() + b"\0" + self.hashes[path].encode())
        return h.hexdigest()[:16]


def rule_files(dirs: Iterable[Path]) -> list[Path]:
    files = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        else:
            files.extend(sorted(p for p in d.glob("*.jsonl") if p.is_file()))
    return files


def load_rules(dirs: Iterable[str | Path], extra_checks: Callable[[RuleSet], list[str]] | None = None) -> RuleSet:
    """Read and validate every rule file; raise ``RuleError`` listing all problems."""
    dirs = [Path(d) for d in dirs]
    problems: list[str] = []
    for d in dirs:
        if not d.exists():
            problems.append(f"{d}: rules folder does not exist")
    rs = RuleSet(dirs)
    seen_ids: dict[tuple[str, str], str] = {}
    for path in rule_files(d for d in dirs if d.exists()):
        stem = stem_of(path)
        schema = SCHEMAS.get(stem)
        if schema is None:
            problems.append(f"{path}:1: unknown rule file kind '{stem}' (known: {', '.join(sorted(SCHEMAS))})")
            continue
        try:
            raw = path.read_bytes()
            content = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            problems.append(f"{path}:1: cannot read rule file: {e}")
            continue
        rs.hashes[str(path)] = hashlib.sha256(raw).hexdigest()
        rules = rs.by_stem.setdefault(stem, [])
        for lineno, line in enumerate(content.splitlines(), 1):
            s = line.strip()
            if not s or s.startswith("//") or s.startswith("#"):
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(s, object_pairs_hook=_no_duplicate_keys)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: invalid JSON: {e.msg} (column {e.colno})")
                continue
            except _DuplicateKey as e:
                problems.append(f"{where}: key '{e.args[0]}' given twice")
                continue
            line_problems = validate_line(obj, schema, where)
            if line_problems:
                problems.extend(line_problems)
                continue
            key = (stem, obj["id"])
            if key in seen_ids:
                problems.append(f"{where}: duplicate id '{obj['id']}' (first at {seen_ids[key]})")
                continue
            seen_ids[key] = where
            rules.append(Rule(stem, obj, path.name, lineno))
    if extra_checks is not None and not problems:
        problems.extend(extra_checks(rs))
    if problems:
        raise RuleError(problems)
    return rs
