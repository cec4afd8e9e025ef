"""A user's regex must not hang the run.

Rule files hold regexes (noise, bylines, programme names, date cues, relative
dates, count exclusions, media). A pattern such as ``(\\w+\\s?)+$`` backtracks
without end on some text. Two guards:

- at load time (``slow_patterns``), every rule regex is run over a few short
  texts built to trigger catastrophic backtracking; one that takes longer than
  a fraction of a second there is reported as ``file:line: message`` and the
  rules are refused like any other invalid rule;
- at run time (``time_limit``), each stage of each article runs under a time
  limit. When it runs out, the regex rules that stage reads are tried one by one
  on the article (``find_slow_rule``) and the article's error names the one that
  is slow alone; the run goes on with the next article.

The limit uses ``SIGALRM`` (Python's ``re`` checks for signals while it
matches), so it works in the main thread of a process, which is where the
runner and its worker processes call ``process_batch``; elsewhere (another
thread, Windows) the stage runs without a limit.
"""
from __future__ import annotations

import os
import re
import signal
import threading
from contextlib import contextmanager
from typing import Iterable, Iterator

from .rules import REGEX, SCHEMAS, Rule, RuleSet

DEFAULT_LIMIT = float(os.environ.get("IDNEWS_RULE_TIMEOUT", "10"))  # seconds per stage per 20,000 characters
PROBE_LIMIT = 0.5  # CPU seconds for all probe texts of one pattern at load time
PROBE_LENGTH = 400  # exponential backtracking shows by 30 characters; 400 also catches cubic
ISOLATE_LIMIT = 1.0  # seconds for one pattern alone on the article, to name the slow rule

# (stem, field) of every regex a rule file may hold: read from the schemas, so a new regex field is covered.
REGEX_FIELDS: tuple[tuple[str, str], ...] = tuple(
    (stem, key) for stem, schema in SCHEMAS.items() for key, (types, _) in schema.fields.items() if types == REGEX)


class Timeout(BaseException):
    """Raised by the alarm. A BaseException, so that no ``except Exception`` inside an extractor swallows it."""


class RuleTimeout(Exception):
    """A stage ran out of time on one article; ``rule`` is the regex rule that is slow alone, if one is."""

    def __init__(self, stage: str, seconds: float, rule: Rule | None = None, field: str = ""):
        self.stage, self.seconds, self.rule, self.field = stage, seconds, rule, field
        if rule is not None:
            msg = (f"rule {rule.where} (id '{rule.id}', {rule.source}): the regex in '{field}' ran over "
                   f"{ISOLATE_LIMIT:g}s on this article (stage '{stage}' stopped after {seconds:g}s); "
                   "simplify it: nested repeats such as (a+)+ or (\\w+\\s?)* backtrack without end")
        else:
            msg = (f"stage '{stage}' ran over {seconds:g}s on this article; no single rule regex is slow "
                   "on it alone")
        super().__init__(msg)


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, cpu: bool = False) -> Iterator[None]:
    """Raise ``Timeout`` in the body after ``seconds`` (no limit for None/0 or where signals cannot be used).

    ``cpu``: count this process's CPU time instead of the wall clock, so a busy machine (other processes
    sharing the cores) cannot make a fast pattern look slow; the load-time probe check uses it."""
    if not seconds or seconds <= 0 or not can_interrupt():
        yield
        return

    def on_alarm(signum, frame):
        raise Timeout()

    sig, timer = (signal.SIGVTALRM, signal.ITIMER_VIRTUAL) if cpu else (signal.SIGALRM, signal.ITIMER_REAL)
    old = signal.signal(sig, on_alarm)
    signal.setitimer(timer, seconds)
    try:
        yield
    finally:
        signal.setitimer(timer, 0)
        signal.signal(sig, old if old is not None else signal.SIG_DFL)


def stage_limit(base: float, text: str) -> float:
    """The time a stage may take on ``text``: ``base`` per 20,000 characters, at least ``base``."""
    return base * max(1.0, len(text) / 20000)


def compile_rule(rule: Rule, field: str) -> re.Pattern:
    """The rule's regex as close as possible to how its extractor runs it, placeholders expanded."""
    pattern = rule[field]
    if "{NAME}" in pattern:
        from .extract.programme import NAME

        pattern = pattern.replace("{NAME}", f"(?:{NAME})")
    # bounded like the word alternations the date extractor puts there
    pattern = (pattern.replace("{n}", r"(?:\d{1,3}|[a-z]{3,12})").replace("{weekday}", r"(?:[a-z]{4,7})")
               .replace("{month}", r"(?:[a-z]{3,9}\.?)"))
    return re.compile(pattern, re.MULTILINE | re.IGNORECASE)


def regex_rules(rules: RuleSet, stems: Iterable[str] | None = None) -> list[tuple[Rule, str]]:
    """(rule, field) for every rule regex, in the given stems only when ``stems`` is given."""
    wanted = None if stems is None else set(stems)
    return [(r, key) for stem, key in REGEX_FIELDS if wanted is None or stem in wanted
            for r in rules.get(stem) if isinstance(r.get(key), str)]


# a run of each character class a pattern may repeat: letters, digits, spaces, line breaks and punctuation
# (a noise rule over "=====" separators, "-----", "*****", "_____", "#####", "~~~~~", "....." lines)
_CLASS_SEEDS = ["a", "A", "1", " ", "\t", "a ", "A a", "a\n", "\n", ".", "-", "=", "*", "_", "#", "~", "/", ",",
                ":", "|", "+", "\u2013", "a.", "1.", "1 "]


def _probes(pattern: str) -> list[str]:
    """Texts on which a backtracking-prone pattern blows up: long runs of one kind of character (after a
    word of the pattern, so that its literal start matches), then a character that fails the match at the end.

    The runs cover every character class (``_CLASS_SEEDS``) and every punctuation character the pattern
    itself names, since a nested repeat over one of them ("(=+\\s*)+$") blows up only on a run of it.
    """
    letters = "".join(dict.fromkeys(c for c in pattern.lower() if c.isalpha()))[:12] or "a"
    words = list(dict.fromkeys(w for w in re.findall(r"(?<!\\)[A-Za-z]{2,}", pattern) if w not in ("P", "name")))[:2]
    own = [c for c in dict.fromkeys(pattern) if not c.isalnum() and not c.isspace() and c not in "\\()[]{}?^$"]
    seeds = list(dict.fromkeys([*_CLASS_SEEDS, letters, letters.upper() + " ", *own]))
    out = []
    for prefix in ["", *(w + " " for w in words), *(w for w in words)]:
        for seed in seeds:
            body = (seed * (PROBE_LENGTH // len(seed) + 1))[:PROBE_LENGTH]
            out.extend([prefix + body + "!", prefix + body + "\u0000"])
    return out


def slow_patterns(rules: RuleSet, limit: float = PROBE_LIMIT) -> list[str]:
    """``file:line: message`` for every rule regex that backtracks catastrophically on a probe text.

    Only where the alarm can be used (see the module docstring); elsewhere the run-time limit still holds.
    """
    if not can_interrupt():
        return []
    problems = []
    for rule, field in regex_rules(rules):
        try:
            rx = compile_rule(rule, field)
        except re.error:
            continue  # reported by the schema check
        probe = ""
        try:
            with time_limit(limit, cpu=True):
                for probe in _probes(rule[field]):
                    rx.search(probe)
        except Timeout:
            shown = probe[:6].replace("\n", "\\n")
            problems.append(f"{rule.where}: the regex in '{field}' of '{rule.id}' takes over {limit:g}s on a "
                            f"{len(probe)}-character test text ('{shown}...'): it backtracks catastrophically; "
                            "simplify nested repeats such as (a+)+ or (\\w+\\s?)*")
    return problems


def find_slow_rule(text: str, rules: RuleSet, stems: Iterable[str],
                   limit: float = ISOLATE_LIMIT) -> tuple[Rule, str] | None:
    """The first regex rule of ``stems`` that alone runs over ``limit`` seconds on ``text``."""
    for rule, field in regex_rules(rules, stems):
        try:
            rx = compile_rule(rule, field)
        except re.error:
            continue
        try:
            with time_limit(limit):
                for _ in rx.finditer(text):
                    pass
        except Timeout:
            return rule, field
    return None
