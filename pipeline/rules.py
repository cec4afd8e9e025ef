"""Loading and validating the user-editable rule files in ``rules/``.

Every rule file is JSONL: one JSON object per line, each with an ``id``. Blank
lines and lines starting with ``//`` or ``#`` are ignored. The stem of the file
name says what it holds (``counted_nouns.jsonl`` feeds the count extractor); a
rules folder may also hold several files for one stem (``counted_nouns.local.jsonl``)
which are read after the default one.

Several folders are layered in order: a rule in a later folder with the id of a
rule from an earlier folder replaces it in place, and ``"enabled": false``
(needing nothing but the id) switches it off; within one folder an id may be
used once per kind. rules/README.md explains every kind for rule writers.

Validation reports ALL problems at once, as ``file:line: message``, and the
pipeline refuses to run with invalid rules (see ``RuleError``). Extractors read
rules through ``RuleSet.get`` only: that is how the cache learns which rule
files a stage depends on (``RuleSet.tracked``).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import json_error_reason

# A field spec: (allowed python types, required?). "regex" is a str that must compile.
REGEX = "regex"
FieldSpec = tuple[Any, bool]


@dataclass(frozen=True)
class FileSchema:
    stem: str
    description: str
    fields: dict[str, FieldSpec]


def _schema(stem: str, description: str, **fields: FieldSpec) -> FileSchema:
    return FileSchema(stem, description,
                      {"id": (str, True), "comment": (str, False), "enabled": ((bool,), False), **fields})


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
                weak=(BOOL, False), place_only=(BOOL, False), level_of=(LIST, False)),
        _schema("org_aliases", "well-known organisations: official name, aliases, kind",
                name=(STR, True), aliases=(LIST, False), kind=(STR, True), parent=(STR, False),
                generic=(BOOL, False)),
        _schema("org_stopwords", "capitalised words/phrases that are never organisation names",
                text=(STR, True), scope=(STR, False)),
        _schema("media", "news outlets (optional organisations, never programme actors)",
                name=(STR, True), aliases=(LIST, False), pattern=(REGEX, False)),
        # addresses: true for a form of address that alone says a person's name follows (Bapak, Ibu, Mr.);
        # speaker: an address whose name, seen alone after it, is evidence of a person ("Pak Rudi")
        _schema("honorifics", "words stripped from person names (Bapak, H., Dr., S.Sos)",
                text=(STR, True), type=(STR, True), addresses=(BOOL, False), position=(BOOL, False),
                speaker=(BOOL, False)),
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
                text=(STR, True), kind=(STR, True), min_words=(NUM, False), mid_sentence=(BOOL, False)),
        _schema("person_stopwords", "capitalised words that are never part of a person's name",
                text=(STR, True)),
        _schema("byline_patterns", "regexes finding reporters, editors, photographers in group 'name'",
                pattern=(REGEX, True), role=(STR, True), flags=(STR, False)),
        _schema("role_cues", "phrases that give an organisation its role in the programme",
                text=(STR, True), role=(STR, True), side=(STR, False), within=(LIST, False)),
        _schema("programme_cues", "words that show an article reports a programme, with weights",
                text=(STR, True), weight=(NUM, True)),
        _schema("programme_name_patterns", "regexes capturing a programme name in group 'name'",
                pattern=(REGEX, True), priority=(NUM, False)),
        # genre: what kind of article a word suggests (a concrete activity, or other news that merely talks about
        # programmes: fact checks, explainers, opinion, research, statistics, policy, politics, court, crime...);
        # where: any (default) | title (the word says it only in the headline: "Begini Cara ...")
        _schema("programme_genres", "words that say what kind of article it is, read by the detection model",
                text=(STR, True), genre=(STR, True), where=(STR, False)),
        # role: head (a word that starts an activity description: "pelatihan ...") | stop (a word that ends one)
        _schema("programme_phrases", "words that start and end a programme's description phrase",
                text=(STR, True), role=(STR, True), weak=(BOOL, False)),
        _schema("counted_nouns", "nouns that make a number a participant count",
                text=(STR, True), unit=(STR, False), what=(STR, False), participant=(BOOL, False),
                cls=(STR, False), classifier=(BOOL, False), modifier=(BOOL, False), max=(NUM, False),
                collective=(BOOL, False), takes_part=(BOOL, False)),
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
                "that makes the place name right after it not a place (bahasa Inggris, Jalan Sudirman); 'bare': "
                "an everyday word that is a place only after a cue (Desa Jadi); 'dateline': a word that starts a line like a "
                "dateline but never names its place (Foto, Editor), read only by the segmenter",
                text=(STR, True), position=(STR, False)),
    ]
}


# Regex fields whose matches are read through a named group: a pattern without it is an error.
REQUIRED_GROUPS: dict[tuple[str, str], str] = {
    ("programme_name_patterns", "pattern"): "name",
    ("byline_patterns", "pattern"): "name",
}


# Closed vocabularies: a value outside them would be ignored or misread by the extractor, so it is an error.
_ORG_KINDS = ("company", "government", "cooperative", "community", "ngo", "university", "bank", "media", "other")
_PLACE_LEVELS = ("provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa", "dusun", "region", "other")
CHOICES: dict[tuple[str, str], tuple] = {
    ("noise", "scope"): ("line", "next_line", "block", "match", "rest", "headline"),
    ("entities", "label"): ("ORG", "PER", "LOC"),
    ("entities", "kind"): _ORG_KINDS,
    ("org_forms", "position"): ("prefix", "suffix", "head", "unit", "place", "title"),
    ("org_forms", "kind"): _ORG_KINDS,
    ("org_forms", "case"): ("any",),
    ("org_aliases", "kind"): _ORG_KINDS,
    ("org_stopwords", "scope"): ("name", "prefix", "extend", "break", "sector", "theme", "member", "inside",
                                  "lists", "platform", "list_intro", "web_end"),
    ("honorifics", "type"): ("honorific", "degree"),
    ("titles", "kind"): ("head", "word"),
    ("speech_verbs", "position"): ("before", "after"),
    ("person_cues", "kind"): ("intro", "intro_weak", "apposition", "apposition_free", "affiliation",
                              "nickname_before", "nickname_after", "group", "abbreviation", "title_stop",
                              "place_or_org", "name_prefix", "kin", "nickname_or", "name_intro", "rank_service"),
    ("byline_patterns", "role"): ("reporter", "editor", "photographer"),
    ("role_cues", "role"): ("organizer", "partner", "beneficiary", "other"),
    ("role_cues", "side"): ("before", "after", "name"),
    ("programme_phrases", "role"): ("head", "stop", "name_end", "encloses"),
    ("programme_genres", "genre"): ("activity", "factcheck", "explainer", "opinion", "research", "statistics",
                                    "policy", "politics", "court", "crime", "sport", "market", "award",
                                    "infrastructure"),
    ("programme_genres", "where"): ("any", "title"),
    ("counted_nouns", "cls"): ("person", "group", "business", "institution", "village", "place", "staff"),
    ("count_exclusions", "position"): ("before", "after", "earlier", "sentence"),
    ("count_exclusions", "effect"): ("exclude", "not_total"),
    ("number_words", "kind"): ("unit", "teen", "tens", "hundreds", "big", "se", "se_classifier", "collective",
                               "approx_plural", "approx_prefix", "approx_suffix"),
    ("number_words", "direction"): ("about", "over", "under", "atleast", "atmost"),
    ("relative_dates", "unit"): ("day", "week", "month", "year", "weekday", "number"),
    ("date_cues", "kind"): ("range", "day_word", "year_prefix", "stamp_label", "publication", "not_before",
                            "range_lead"),
    ("place_cues", "level"): _PLACE_LEVELS,
    ("place_cues", "role"): ("cue", "title", "org"),
    ("place_aliases", "level"): (*_PLACE_LEVELS, "country"),
    ("place_stopwords", "position"): ("alone", "bare", "before", "dateline"),
}
# Whole-number ranges (inclusive).
RANGES: dict[tuple[str, str], tuple[int, int]] = {("months", "month"): (1, 12), ("weekdays", "weekday"): (0, 6)}
# Regex flag letters a rule may give ("i": ignore case); the extractors know no others.
FLAG_LETTERS = {("noise", "flags"): "i", ("byline_patterns", "flags"): "i"}
# Placeholders a regex may hold ({NAME}); any other {word} would be matched literally, i.e. never.
PLACEHOLDERS: dict[tuple[str, str], tuple[str, ...]] = {
    ("programme_name_patterns", "pattern"): ("NAME",),
    ("relative_dates", "pattern"): ("n", "weekday", "month"),
}
_PLACEHOLDER = re.compile(r"(?<!\\)\{([A-Za-z_]\w*)\}")


@dataclass
class Rule:
    """One validated line of a rule file; ``where`` is ``path:line``."""

    stem: str
    data: dict[str, Any]
    file: str  # the file name; ``folder/name`` when an earlier folder has a file of that name
    line: int
    path: str = ""  # the file's path, for messages

    @property
    def where(self) -> str:
        return f"{self.path or self.file}:{self.line}"

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
    """Invalid rules. ``problems`` holds every ``file:line: message``; ``rules``, when set, the valid lines
    (so that further checks can still report on them in the same run)."""

    def __init__(self, problems: list[str], rules: "RuleSet | None" = None):
        self.problems = problems
        self.rules = rules
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
    """Problems with one parsed rule line (empty list when valid).

    A switched-off rule (``"enabled": false``) needs only its id; what else it holds is still checked.
    """
    if not isinstance(obj, dict):
        return [f"{where}: a rule must be a JSON object, got {type(obj).__name__}"]
    problems = []
    switched_off = obj.get("enabled") is False
    for key in obj:
        if key not in schema.fields:
            allowed = ", ".join(sorted(k for k in schema.fields if k != "enabled"))  # enabled: every kind
            problems.append(f"{where}: unknown key '{key}' (allowed: {allowed})")
    for key, (types, required) in schema.fields.items():
        if key not in obj:
            if required and not (switched_off and key != "id"):
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
            known = PLACEHOLDERS.get((schema.stem, key), ())
            for name in _PLACEHOLDER.findall(value):
                if name not in known:
                    hint = f" (known: {', '.join('{' + k + '}' for k in known)})" if known else ""
                    problems.append(f"{where}: unknown placeholder '{{{name}}}' in '{key}'{hint}")
        else:
            problems.extend(_value_problems(schema.stem, key, value, where))
    if isinstance(obj.get("id"), str) and not obj["id"].strip():
        problems.append(f"{where}: 'id' must not be empty")
    return problems


def _value_problems(stem: str, key: str, value: Any, where: str) -> list[str]:
    """A well-typed value outside its closed vocabulary or range."""
    choices = CHOICES.get((stem, key))
    if choices is not None and value not in choices:
        return [f"{where}: unknown {key} '{value}' (known: {', '.join(choices)})"]
    bounds = RANGES.get((stem, key))
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        return [f"{where}: '{key}' must be {bounds[0]}..{bounds[1]}, got {value}"]
    letters = FLAG_LETTERS.get((stem, key))
    if letters is not None and set(value) - set(letters):
        return [f"{where}: '{key}' may only hold the letters '{letters}' (i = ignore case), got '{value}'"]
    return []


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
    hashes: dict[str, str] = field(default_factory=dict)  # file path -> sha256, in reading order
    overrides: list[str] = field(default_factory=list)  # "file:line: replaces/switches off file:line"

    def get(self, stem: str) -> list[Rule]:
        return self.by_stem.get(stem, [])

    def texts(self, stem: str, key: str = "text") -> list[str]:
        return [r[key] for r in self.get(stem)]

    @property
    def digest(self) -> str:
        """One hash over every rule file's content and order: changes when any rule changes."""
        return self.stem_digest(None)

    def stem_digest(self, stems: Iterable[str] | None) -> str:
        """A hash over the files of ``stems`` only (all files for None): what a stage's cache key needs."""
        wanted = None if stems is None else set(stems)
        h = hashlib.sha256()
        for path, sha in self.hashes.items():
            stem = stem_of(Path(path))
            if wanted is None or stem in wanted:
                h.update(f"{stem}\0{Path(path).name}\0{sha}\n".encode())
        if wanted is not None:
            h.update(",".join(sorted(wanted)).encode())
        return h.hexdigest()[:16]

    def tracked(self) -> "TrackedRules":
        """A view of these rules that records which stems are read through it."""
        return TrackedRules(self)


class TrackedRules(RuleSet):
    """The same rules; ``used`` holds every stem read through ``get``.

    Each extractor gets its own view, so the cache can key a stage's output by the rule files the stage
    actually reads, without a hand-kept list that could go stale.
    """

    def __init__(self, base: RuleSet):
        super().__init__(base.dirs, base.by_stem, base.hashes, base.overrides)
        self.used: set[str] = set()

    def get(self, stem: str) -> list[Rule]:
        self.used.add(stem)
        return super().get(stem)


def rule_files(dirs: Iterable[Path]) -> list[Path]:
    files = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        else:
            files.extend(sorted(p for p in d.glob("*.jsonl") if p.is_file()))
    return files


@dataclass
class _Seen:
    folder: int
    where: str
    rule: Rule | None  # None: switched off


def load_rules(dirs: Iterable[str | Path], extra_checks: Callable[[RuleSet], list[str]] | None = None) -> RuleSet:
    """Read and validate every rule file; raise ``RuleError`` listing all problems.

    Folders are layered in order (see the module docstring): a later folder replaces or switches off
    an earlier folder's rule of the same kind and id.
    """
    dirs = [Path(d) for d in dirs]
    problems: list[str] = []
    for d in dirs:
        if not d.exists():
            problems.append(f"{d}: rules folder does not exist")
    rs = RuleSet(dirs)
    seen: dict[tuple[str, str], _Seen] = {}
    names: set[str] = set()
    for folder, d in enumerate(dirs):
        if not d.exists():
            continue
        for path in rule_files([d]):
            # evidence names a rule by file name; a name already read from an earlier folder gets its folder
            label = path.name if path.name not in names else f"{path.parent.name}/{path.name}"
            names.add(path.name)
            problems.extend(_read_file(path, label, folder, rs, seen))
    if extra_checks is not None and not problems:
        problems.extend(extra_checks(rs))
    if problems:
        raise RuleError(problems, rs)
    return rs


def _read_file(path: Path, label: str, folder: int, rs: RuleSet, seen: dict[tuple[str, str], _Seen]) -> list[str]:
    stem = stem_of(path)
    schema = SCHEMAS.get(stem)
    if schema is None:
        return [f"{path}:1: unknown rule file kind '{stem}' (known: {', '.join(sorted(SCHEMAS))})"]
    try:
        raw = path.read_bytes()
        content = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return [f"{path}:1: cannot read rule file: {e}"]
    problems: list[str] = []
    rs.hashes[str(path)] = hashlib.sha256(raw).hexdigest()
    rules = rs.by_stem.setdefault(stem, [])
    for lineno, line in enumerate(content.split("\n"), 1):  # not splitlines(): U+2028 may sit inside a string
        s = line.strip()
        if not s or s.startswith("//") or s.startswith("#"):
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(s, object_pairs_hook=_no_duplicate_keys)
        except json.JSONDecodeError as e:
            column = e.colno + len(line) - len(line.lstrip())
            problems.append(f"{where}: invalid JSON at column {column}: {json_error_reason(e)}")
            continue
        except _DuplicateKey as e:
            problems.append(f"{where}: key '{e.args[0]}' given twice")
            continue
        line_problems = validate_line(obj, schema, where)
        if line_problems:
            problems.extend(line_problems)
            continue
        key = (stem, obj["id"])
        enabled = obj.get("enabled", True)
        rule = Rule(stem, obj, label, lineno, str(path)) if enabled else None
        prev = seen.get(key)
        if prev is not None and prev.folder == folder:
            problems.append(f"{where}: duplicate id '{obj['id']}' (first at {prev.where})")
            continue
        if prev is None:
            if rule is None and folder > 0:
                problems.append(f"{where}: switches off id '{obj['id']}', but no earlier folder has a "
                                f"{stem} rule with that id")
                continue
            if rule is not None:
                rules.append(rule)
        else:
            rs.overrides.append(f"{where}: {'replaces' if rule else 'switches off'} {prev.where}")
            at = next((i for i, r in enumerate(rules) if r is prev.rule), None)
            if at is None:
                if rule is not None:
                    rules.append(rule)  # the earlier one was switched off: this one switches it back on
            elif rule is None:
                del rules[at]
            else:
                rules[at] = rule  # in place: order matters to some extractors (earlier line wins)
        seen[key] = _Seen(folder, where, rule)
    return problems


def in_file_order(problems: list[str], rules: RuleSet) -> list[str]:
    """Problems from several checks, sorted by file (in reading order) and line; others first."""
    order = {path: i for i, path in enumerate(rules.hashes)}

    def key(p: str) -> tuple[int, int]:
        m = re.match(r"(.*?):(\d+): ", p)
        if m is None or m.group(1) not in order:
            return (-1, 0)
        return (order[m.group(1)], int(m.group(2)))

    return sorted(dict.fromkeys(problems), key=key)
